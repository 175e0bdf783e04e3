"""Review sessions: list, create, rename, duplicate, delete, find, remember UI state.

A session whose claims have any history is never deleted outright: the
history is append-only for reviewers (``team_grants``), and deleting the
session would take it through the foreign keys' cascades. It is kept, marked
deleted (``deleted_at``), with its articles marked removed and their claims
marked deleted (``tombstones``); every list and lookup here skips it. Only
the database owner can purge such rows, with plain SQL. A session with no
history (nothing reviewed, nothing detected) is still deleted outright.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, func, insert, or_, select
from sqlalchemy.orm import Session

from workbench.domain.errors import InvalidValueError, NotFoundError
from workbench.domain.records import SessionSummary
from workbench.domain.scales import get_scale
from workbench.storage.base import utcnow
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
    SourceSnapshot,
)
from workbench.storage.reviewers import load_window_state, save_window_state_in
from workbench.storage.tombstones import mark_removed

# How sessions are listed everywhere: last edited first.
_LAST_EDITED_FIRST = (ReviewSession.updated_at.desc(), ReviewSession.id.desc())

# The condition every read of sessions adds: deleted sessions (tombstones) are not shown.
SHOWN = ReviewSession.deleted_at.is_(None)
# Likewise for articles: removed ones (``article_removal``) are not shown.
ARTICLE_SHOWN = Article.removed_at.is_(None)

DELETED_NOTE = "session deleted"


def session_ids(db: Database) -> list[int]:
    """Every session's id, last edited first: what start-up needs, without counting claims."""
    with db.reading() as session:
        return list(session.scalars(
            select(ReviewSession.id).where(SHOWN).order_by(*_LAST_EDITED_FIRST)
        ))


def list_sessions(db: Database, search: str = "") -> list[SessionSummary]:
    """Every session, last edited first, with article and claim counts.

    ``search`` matches the title, reviewer or an article's title or source.
    """
    articles = (
        select(Article.session_id, func.count(Article.id).label("n"))
        .where(ARTICLE_SHOWN)
        .group_by(Article.session_id)
        .subquery()
    )
    claims = (
        select(Article.session_id, func.count(Claim.id).label("n"))
        .join(Claim, Claim.article_id == Article.id)
        .where(Claim.deleted_at.is_(None))
        .group_by(Article.session_id)
        .subquery()
    )
    query = (
        select(ReviewSession, articles.c.n, claims.c.n)
        .outerjoin(articles, articles.c.session_id == ReviewSession.id)
        .outerjoin(claims, claims.c.session_id == ReviewSession.id)
        .where(SHOWN)
        .order_by(*_LAST_EDITED_FIRST)
    )
    if search.strip():
        pattern = f"%{search.strip()}%"
        matching_articles = (
            select(Article.session_id)
            .join(ArticleVersion, ArticleVersion.article_id == Article.id)
            .where(ARTICLE_SHOWN, or_(ArticleVersion.title.ilike(pattern), Article.source.ilike(pattern)))
        )
        query = query.where(
            or_(
                ReviewSession.title.ilike(pattern),
                ReviewSession.reviewer.ilike(pattern),
                ReviewSession.id.in_(matching_articles),
            )
        )
    with db.reading() as session:
        rows = session.execute(query).all()
        firsts = _first_article_titles(session, [row[0].id for row in rows])
        return [
            _summary(row[0], row[1] or 0, row[2] or 0, firsts.get(row[0].id)) for row in rows
        ]


def get_session(db: Database, session_id: int) -> SessionSummary:
    for summary in list_sessions(db):
        if summary.id == session_id:
            return summary
    raise _missing(session_id)


def find_session(db: Database, name_or_id: str) -> SessionSummary:
    """A session as a user names it on the command line: its id or its exact title."""
    sessions = list_sessions(db)
    if name_or_id.isdigit():
        for summary in sessions:
            if summary.id == int(name_or_id):
                return summary
    matches = [s for s in sessions if s.title == name_or_id]
    if not matches:
        matches = [s for s in sessions if s.title.casefold() == name_or_id.casefold()]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise InvalidValueError(
            f"{len(matches)} sessions are called '{name_or_id}'.",
            "Name the session by its id instead (see `workbench sessions`).",
        )
    raise NotFoundError(
        f"There is no session '{name_or_id}' in {db.location}.",
        "List the sessions with `workbench sessions`.",
    )


def create_session(
    db: Database, title: str, reviewer: str = "", scale: str = "default", notes: str = ""
) -> SessionSummary:
    with db.session() as session:
        return create_session_in(session, title, reviewer=reviewer, scale=scale, notes=notes)


def create_session_in(
    session: Session, title: str, reviewer: str = "", scale: str = "default", notes: str = ""
) -> SessionSummary:
    """``create_session`` inside the caller's transaction (an import's first article makes its session)."""
    title = _clean_title(title)
    get_scale(scale)  # refuse an unknown scale before anything is written
    row = ReviewSession(title=title, reviewer=reviewer, scale=scale, notes=notes, ui_state={})
    session.add(row)
    session.flush()
    return _summary(row, 0, 0, None)


def rename_session(db: Database, session_id: int, title: str) -> None:
    with db.session() as session:
        rename_session_in(session, session_id, title)


def rename_session_in(session: Session, session_id: int, title: str, *, only_from: str | None = None) -> bool:
    """``rename_session`` inside the caller's transaction; with ``only_from``,
    only while the session is still called that. True when it was renamed."""
    row = _load(session, session_id)
    if only_from is not None and row.title != only_from:
        return False
    row.title = _clean_title(title)
    return True


def update_session(db: Database, session_id: int, **fields: Any) -> None:
    """Change reviewer, notes or scale."""
    allowed = {"reviewer", "notes", "scale"}
    if unknown := set(fields) - allowed:
        raise ValueError(f"cannot update {sorted(unknown)}")
    if "scale" in fields:
        get_scale(fields["scale"])
    with db.session() as session:
        row = _load(session, session_id)
        for name, value in fields.items():
            setattr(row, name, value)


def save_ui_state(db: Database, session_id: int, state: dict[str, Any], reviewer: str = "") -> None:
    """Remember what ``reviewer`` had open, so reopening the session restores it for them.

    Kept per reviewer (the database role on PostgreSQL, the display name on
    SQLite): a colleague's window never moves yours. Not an edit of the
    review, so the session's "last edited" stays.
    """
    with db.session() as session:
        _load(session, session_id)
        save_window_state_in(session, session_id, reviewer, state)


def load_ui_state(db: Database, session_id: int, reviewer: str = "") -> dict[str, Any]:
    """What ``reviewer`` had open in the session when they left it (empty if nothing)."""
    return load_window_state(db, session_id, reviewer)


def touch_session(session: Session, session_id: int) -> None:
    """Mark the session as edited now (shown as "last edited")."""
    row = session.get(ReviewSession, session_id)
    if row is not None:
        row.updated_at = utcnow()


def delete_session(db: Database, session_id: int, *, by: str = "") -> bool:
    """Delete a session; returns True when it was kept as a tombstone (it has history), False when it went.

    Either way it is gone from every list. One transaction: a claim logged
    meanwhile is either in the tombstone or there was none to keep.
    """
    with db.session() as session:
        row = _load(session, session_id)
        # Locked before looking: on PostgreSQL a colleague's article or claim
        # stored meanwhile waits for this transaction (its foreign key check
        # needs these rows), so the cascade of an outright delete can never
        # take history that was not there when we looked.
        lock_for_delete(session, session_id)
        if not has_history(session, session_id):
            session.delete(row)
            return False
        article_ids = list(session.scalars(select(Article.id).where(Article.session_id == session_id, ARTICLE_SHOWN)))
        mark_removed(session, article_ids, by=by, note=DELETED_NOTE)
        row.deleted_at, row.deleted_by = utcnow(), by
        return True


def lock_for_delete(session: Session, session_id: int) -> None:
    """Lock the session's row and its articles' rows until commit (PostgreSQL; SQLite has one writer)."""
    session.execute(select(ReviewSession.id).where(ReviewSession.id == session_id).with_for_update())
    session.execute(select(Article.id).where(Article.session_id == session_id).with_for_update())


def has_history(session: Session, session_id: int) -> bool:
    """Whether any claim of the session, deleted ones included, has a history row."""
    return bool(session.scalar(select(exists().where(
        ClaimHistory.claim_id == Claim.id, Claim.article_id == Article.id, Article.session_id == session_id,
    ))))


def duplicate_session(db: Database, session_id: int, title: str | None = None) -> SessionSummary:
    """A full copy: articles with every version, claims with history, sources and evidence.

    The copied claims say what the originals say, so their claim memory rows
    are copied too, in the same transaction (nothing to normalise again).
    """
    with db.session() as session:
        original = _load(session, session_id)
        copy = ReviewSession(
            title=_clean_title(title or f"{original.title} (copy)"),
            reviewer=original.reviewer,
            notes=original.notes,
            scale=original.scale,
            ui_state={},
        )
        session.add(copy)
        # Building the copy reads the original lazily; flushing half a copy
        # in between would trip over objects not yet attached.
        copied: list[tuple[Claim, Claim]] = []  # (original, copy)
        with session.no_autoflush:
            sources = {}
            for source in original.sources:
                sources[source.id] = new_source = Source(
                    url=source.url,
                    title=source.title,
                    publisher=source.publisher,
                    published=source.published,
                    accessed_at=source.accessed_at,
                )
                # The archive goes with the source: the copy's verdicts rest on the same pages.
                new_source.snapshots = [
                    SourceSnapshot(**{c: getattr(kept, c) for c in _columns(SourceSnapshot) if c not in ("id", "source_id")})
                    for kept in source.snapshots
                ]
                copy.sources.append(new_source)
            for article in original.articles:
                if article.removed_at is not None:
                    continue  # a removed article's tombstone stays with the original only
                copied.extend(_copy_article(article, copy, sources))
        session.flush()
        _copy_index_rows(session, {original.id: new.id for original, new in copied})
        counts = (len(copy.articles), sum(len(a.claims) for a in copy.articles))
        first = copy.articles[0].current.title if copy.articles else None
        return _summary(copy, *counts, first)


def _copy_article(article: Article, into: ReviewSession, sources: dict[int, Source]) -> list[tuple[Claim, Claim]]:
    new_article = Article(position=article.position, source=article.source)
    into.articles.append(new_article)
    versions = {}
    for version in article.versions:
        versions[version.id] = new_version = ArticleVersion(
            **{
                column: getattr(version, column)
                for column in _columns(ArticleVersion)
                if column not in ("id", "article_id")
            },
        )
        new_article.versions.append(new_version)
    copied = []
    for claim in article.claims:
        if claim.deleted_at is not None:
            continue  # a deleted claim's tombstone stays with the original only
        values = {
            column: getattr(claim, column)
            for column in _columns(Claim)
            if column not in ("id", "article_id", "article_version_id")
        }
        new_claim = Claim(**values)
        new_article.claims.append(new_claim)
        copied.append((claim, new_claim))
        new_claim.article_version = versions.get(claim.article_version_id or -1)
        for evidence in claim.evidence:
            new_claim.evidence.append(
                Evidence(
                    source=sources[evidence.source_id],
                    stance=evidence.stance,
                    passage=evidence.passage,
                    created_by=evidence.created_by,
                    created_at=evidence.created_at,
                    source_check=evidence.source_check,
                    passage_found=evidence.passage_found,
                )
            )
        for row in claim.history:
            new_claim.history.append(
                ClaimHistory(
                    at=row.at, by=row.by, field=row.field, old=row.old, new=row.new, note=row.note, db_role=row.db_role
                )
            )
    return copied


def _copy_index_rows(session: Session, new_ids: dict[int, int]) -> None:
    """The claim memory rows of the originals, under the ids of their copies."""
    old_ids = sorted(new_ids)
    for table, column in ((ClaimKey, ClaimKey.key), (ClaimToken, ClaimToken.token)):
        rows = []
        for start in range(0, len(old_ids), 500):
            chunk = old_ids[start : start + 500]
            found = session.execute(select(table.claim_id, column).where(table.claim_id.in_(chunk)))
            rows.extend({"claim_id": new_ids[claim_id], column.key: value} for claim_id, value in found)
        if rows:
            session.execute(insert(table), rows)


def _columns(model: type) -> list[str]:
    return [column.key for column in model.__table__.columns]  # type: ignore[attr-defined]


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidValueError("A session needs a title.", "Type a name for the session.")
    return title[:300]


def _load(session: Session, session_id: int) -> ReviewSession:
    row = session.get(ReviewSession, session_id)
    if row is None or row.deleted_at is not None:
        raise _missing(session_id)
    return row


def _missing(session_id: int) -> NotFoundError:
    return NotFoundError(
        f"Session {session_id} does not exist (it may have been deleted by another reviewer).",
        "Open another session from the list.",
    )


def _first_article_titles(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(Article.session_id, Article.position, Article.source, ArticleVersion.title)
        .join(ArticleVersion, ArticleVersion.article_id == Article.id)
        .where(Article.session_id.in_(ids), ARTICLE_SHOWN)
        .order_by(Article.session_id, Article.position, Article.id, ArticleVersion.number.desc())
    ).all()
    titles: dict[int, str] = {}
    for session_id, _position, source, title in rows:
        titles.setdefault(session_id, title or source)
    return titles


def _summary(row: ReviewSession, articles: int, claims: int, first: str | None) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        title=row.title,
        reviewer=row.reviewer,
        scale=row.scale,
        notes=row.notes,
        ui_state=dict(row.ui_state or {}),
        created_at=row.created_at,
        updated_at=row.updated_at,
        article_count=articles,
        claim_count=claims,
        first_article=first,
    )
