"""Marking articles removed and their claims deleted, and clearing the marks (undo).

Reviewers may only add to the claim history (``team_grants``), so nothing a
reviewer does may delete it, not even through a foreign key's ON DELETE
CASCADE, which PostgreSQL runs as the table owner. Removing an article, or
deleting a session that holds a review, therefore deletes no row: the
article is marked removed and each of its live claims is marked deleted, the
same tombstone a deleted claim gets, so every read that skips deleted claims
(lists, counts, search, exports, the claim memory) skips these as well.

Each claim marked or unmarked gets a history row and a newer version, like
a single delete or restore: the history tells what happened, and a window
that saw the claim before is stale after it.

Written with plain statements, not the ORM: an article of 10,000 claims is
one UPDATE, not 10,000 objects. Its claim memory rows stay (every lookup
skips deleted claims), so bringing it back needs no re-indexing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from workbench.storage.base import utcnow
from workbench.storage.models import Article, Claim, ClaimHistory

_article = Article.__table__.c
_claim = Claim.__table__.c


def mark_removed(session: Session, article_ids: Iterable[int], *, by: str, note: str) -> list[int]:
    """Mark the articles removed and their live claims deleted; returns the ids of the claims marked.

    Claims deleted before keep their own tombstone: they are not in the list,
    so bringing the article back leaves them deleted.
    """
    ids = sorted(set(article_ids))
    now = utcnow()
    marked: list[tuple[int, str]] = []
    for chunk in _chunks(ids):
        session.execute(
            update(Article.__table__)
            .where(_article.id.in_(chunk), _article.removed_at.is_(None))
            .values(removed_at=now, removed_by=by)
        )
        marked.extend(session.execute(
            select(_claim.id, _claim.kind).where(_claim.article_id.in_(chunk), _claim.deleted_at.is_(None))
        ).all())
    claim_ids = sorted(claim_id for claim_id, _kind in marked)
    _set_deleted(session, claim_ids, now, by)
    _note(session, [(claim_id, kind, None) for claim_id, kind in marked], now, by, "deleted", note)
    _forget_loaded(session)
    return claim_ids


def clear_removed(session: Session, article_id: int, claim_ids: Iterable[int], *, by: str, note: str) -> list[int]:
    """Clear an article's removal and the deletes it made; returns the ids of the claims brought back.

    Only claims of this article that are still deleted come back: one
    deleted on its own before the removal is not in ``claim_ids``.
    """
    now = utcnow()
    session.execute(
        update(Article.__table__).where(_article.id == article_id).values(removed_at=None, removed_by=None)
    )
    back: list[tuple[int, str]] = []
    for chunk in _chunks(sorted(set(claim_ids))):
        back.extend(session.execute(
            select(_claim.id, _claim.kind)
            .where(_claim.id.in_(chunk), _claim.article_id == article_id, _claim.deleted_at.is_not(None))
        ).all())
    ids = sorted(claim_id for claim_id, _kind in back)
    _set_deleted(session, ids, None, by, when=now)
    _note(session, [(claim_id, None, kind) for claim_id, kind in back], now, by, "restored", note)
    _forget_loaded(session)
    return ids


def _set_deleted(session: Session, claim_ids: list[int], deleted_at: datetime | None, by: str,
                 when: datetime | None = None) -> None:
    """Mark (or with ``deleted_at`` None, unmark) claims, each a newer version, as an edit would be."""
    for chunk in _chunks(claim_ids):
        session.execute(
            update(Claim.__table__).where(_claim.id.in_(chunk)).values(
                deleted_at=deleted_at, deleted_by=by if deleted_at is not None else None,
                updated_by=by, updated_at=deleted_at or when or utcnow(), version=_claim.version + 1,
            )
        )


def _note(session: Session, rows: list[tuple[int, str | None, str | None]], at: datetime, by: str,
          field: str, note: str) -> None:
    """One history row per claim, as ``claims.delete_claim_in`` and ``restore_claim_in`` write them.

    On PostgreSQL a trigger fills ``db_role`` with the role that runs this.
    """
    values = [
        {"claim_id": claim_id, "at": at, "by": by, "field": field, "old": old, "new": new, "note": note}
        for claim_id, old, new in rows
    ]
    for start in range(0, len(values), 500):
        session.execute(insert(ClaimHistory.__table__), values[start : start + 500])


def _forget_loaded(session: Session) -> None:
    """Objects the ORM loaded before these statements no longer say what is stored: read them again."""
    session.flush()
    session.expire_all()


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
