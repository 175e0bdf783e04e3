"""Remove an article from its session, and put it back exactly as it was (undo).

Removal takes the article with everything that hangs from it: its versions,
its claims with their history, evidence links and memory index rows. All of
it is read into plain rows first and deleted in one transaction; restoring
writes the same rows back in one transaction, with the same ids, versions,
timestamps and history, so the review reads as if it had never left.

Sources belong to the session, not the article, and stay. An id taken in
the meantime (SQLite hands out the highest free id again) gets a new one on
restore, and the rows that point to it follow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from workbench.domain.errors import NotFoundError
from workbench.storage.articles import load_article
from workbench.storage.database import Database
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import (
    Article,
    ArticleVersion,
    Claim,
    ClaimHistory,
    Evidence,
    ReviewSession,
    Source,
)
from workbench.storage.sessions import touch_session

# Restore order: every row after the rows it points to. Each entry names the
# columns that hold ids of earlier tables.
_TABLES: list[tuple[Table, dict[str, Table]]] = [
    (Article.__table__, {}),
    (ArticleVersion.__table__, {"article_id": Article.__table__}),
    (Claim.__table__, {"article_id": Article.__table__, "article_version_id": ArticleVersion.__table__}),
    (ClaimHistory.__table__, {"claim_id": Claim.__table__}),
    (Evidence.__table__, {"claim_id": Claim.__table__, "source_id": Source.__table__}),
    (ClaimKey.__table__, {"claim_id": Claim.__table__}),
    (ClaimToken.__table__, {"claim_id": Claim.__table__}),
]  # type: ignore[list-item]


@dataclass(frozen=True, slots=True)
class RemovedArticle:
    """What ``remove_article`` took away: enough to put it back row for row."""

    article_id: int
    session_id: int
    title: str
    claim_count: int
    reviewed_count: int  # claims with a verdict or a status other than proposed
    rows: dict[str, list[dict[str, Any]]]  # table name -> its rows, as stored
    sources: list[dict[str, Any]]  # the session's sources the evidence rows name


def remove_article(db: Database, article_id: int) -> RemovedArticle:
    """Delete an article with its versions, claims, history and evidence, in one transaction."""
    with db.session() as session:
        return remove_article_in(session, article_id)


def remove_article_in(session: Session, article_id: int) -> RemovedArticle:
    """``remove_article`` inside the caller's transaction."""
    article = load_article(session, article_id)
    title = article.current.title or article.current.final_url or article.source
    session_id = article.session_id
    claim_ids = list(session.scalars(select(Claim.id).where(Claim.article_id == article_id)))
    rows = _read_rows(session, article_id, claim_ids)
    source_ids = sorted({row["source_id"] for row in rows[Evidence.__tablename__]})
    sources = [dict(r) for r in session.execute(select(Source.__table__).where(Source.id.in_(source_ids))).mappings()]
    session.expunge_all()  # Core deletes below: the ORM must not flush stale objects
    for table, _refs in reversed(_TABLES):
        if table is ClaimHistory.__table__:
            # Append-only for reviewers: the claims' ON DELETE CASCADE removes it.
            continue
        ids = [article_id] if table is Article.__table__ else None
        _delete_rows(session, table, rows[table.name], ids)
    touch_session(session, session_id)
    live = [c for c in rows[Claim.__tablename__] if c["deleted_at"] is None]  # tombstones go too, uncounted
    reviewed = sum(1 for c in live if c["verdict"] is not None or c["status"] != "proposed")
    return RemovedArticle(
        article_id=article_id, session_id=session_id, title=title, claim_count=len(live),
        reviewed_count=reviewed, rows=rows, sources=sources,
    )


def restore_article(db: Database, removed: RemovedArticle) -> int:
    """Put a removed article back in one transaction; returns its id (the old one when free)."""
    with db.session() as session:
        return restore_article_in(session, removed)


def restore_article_in(session: Session, removed: RemovedArticle) -> int:
    """``restore_article`` inside the caller's transaction."""
    if session.get(ReviewSession, removed.session_id) is None:
        raise NotFoundError(
            f"The session of “{removed.title}” no longer exists, so the article cannot come back.",
            "Import the article again into another session.",
        )
    new_ids: dict[str, dict[int, int]] = {Source.__tablename__: _restore_sources(session, removed)}
    for table, refs in _TABLES:
        rows = [_repoint(row, refs, new_ids) for row in removed.rows[table.name]]
        new_ids[table.name] = _insert_rows(session, table, rows)
    touch_session(session, removed.session_id)
    return new_ids[Article.__tablename__].get(removed.article_id, removed.article_id)


def _read_rows(session: Session, article_id: int, claim_ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for table, _refs in _TABLES:
        if table is Article.__table__:
            where = [table.c.id == article_id]
        elif "article_id" in table.c:
            where = [table.c.article_id == article_id]
        else:
            where = [table.c.claim_id.in_(chunk) for chunk in _chunks(claim_ids)]
        found: list[dict[str, Any]] = []
        for condition in where:
            found.extend(dict(r) for r in session.execute(select(table).where(condition)).mappings())
        rows[table.name] = sorted(found, key=lambda r: tuple(r[c.name] for c in table.primary_key))
    return rows


def _delete_rows(session: Session, table: Table, rows: list[dict[str, Any]], ids: list[int] | None) -> None:
    if "id" in table.c:
        for chunk in _chunks(ids if ids is not None else [r["id"] for r in rows]):
            session.execute(delete(table).where(table.c.id.in_(chunk)))
    else:  # the memory index: keyed by claim
        for chunk in _chunks(sorted({r["claim_id"] for r in rows})):
            session.execute(delete(table).where(table.c.claim_id.in_(chunk)))


def _restore_sources(session: Session, removed: RemovedArticle) -> dict[int, int]:
    """Sources are kept on removal; one deleted since comes back (under a new id if taken)."""
    mapping: dict[int, int] = {}
    for row in removed.sources:
        current = session.get(Source, row["id"])
        if current is not None and current.session_id == row["session_id"] and current.url == row["url"]:
            continue
        mapping.update(_insert_rows(session, Source.__table__, [row]))
    return mapping


def _repoint(row: dict[str, Any], refs: dict[str, Table], new_ids: dict[str, dict[int, int]]) -> dict[str, Any]:
    changed = dict(row)
    for column, target in refs.items():
        value = row[column]
        if value is not None:
            changed[column] = new_ids.get(target.name, {}).get(value, value)
    return changed


def _insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> dict[int, int]:
    """Insert rows, keeping their ids where free; returns old id -> new id for the others."""
    if not rows:
        return {}
    if "id" not in table.c:
        session.execute(insert(table), rows)
        return {}
    wanted = [r["id"] for r in rows]
    taken: set[int] = set()
    for chunk in _chunks(wanted):
        taken.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    free = [r for r in rows if r["id"] not in taken]
    if free:
        session.execute(insert(table), free)
    mapping = {}
    for row in rows:
        if row["id"] in taken:
            values = {k: v for k, v in row.items() if k != "id"}
            mapping[row["id"]] = session.execute(insert(table).values(**values)).inserted_primary_key[0]
    return mapping


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    items = list(ids)
    for start in range(0, len(items), size):
        yield items[start : start + size]
