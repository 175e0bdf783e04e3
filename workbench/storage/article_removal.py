"""Remove an article from its session, and put it back exactly as it was (undo).

Removal deletes nothing: the article is marked removed and its claims marked
deleted (``storage.tombstones``), so its versions, claims, history, source
links and memory rows all stay, and every read skips them. The history is
append-only for reviewers; a removal that deleted it would erase the review
through the back door.

Putting it back clears the marks: the same rows with the same ids, their
history (each claim's gets a "deleted" and a "restored" row, written by the
database role that did it) and versions that keep increasing, so a window
that saw a claim before the removal is stale after the undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import NotFoundError
from workbench.domain.kinds import ClaimStatus
from workbench.storage.articles import load_article
from workbench.storage.database import Database
from workbench.storage.models import Article, Claim, ReviewSession
from workbench.storage.sessions import touch_session
from workbench.storage.tombstones import clear_removed, mark_removed

REMOVED_NOTE = "article removed"
RESTORED_NOTE = "article brought back"


@dataclass(frozen=True, slots=True)
class RemovedArticle:
    """What ``remove_article`` marked: enough to clear the marks again, and to say what went."""

    article_id: int
    session_id: int
    title: str
    claim_count: int
    reviewed_count: int  # claims with a verdict or a status other than proposed
    claim_ids: tuple[int, ...]  # the claims the removal marked deleted (not those deleted before)


def remove_article(db: Database, article_id: int, *, by: str = "") -> RemovedArticle:
    """Mark an article removed with its claims, in one transaction."""
    with db.session() as session:
        return remove_article_in(session, article_id, by=by)


def remove_article_in(session: Session, article_id: int, *, by: str = "") -> RemovedArticle:
    """``remove_article`` inside the caller's transaction."""
    article = load_article(session, article_id)
    title = article.current.title or article.current.final_url or article.source
    session_id = article.session_id
    reviewed = set(session.scalars(
        select(Claim.id).where(
            Claim.article_id == article_id, Claim.deleted_at.is_(None),
            Claim.verdict.is_not(None) | (Claim.status != ClaimStatus.PROPOSED.value),
        )
    ))
    claim_ids = mark_removed(session, [article_id], by=by, note=REMOVED_NOTE)
    touch_session(session, session_id)
    return RemovedArticle(
        article_id=article_id, session_id=session_id, title=title, claim_count=len(claim_ids),
        reviewed_count=len(reviewed), claim_ids=tuple(claim_ids),
    )


def restore_article(db: Database, removed: RemovedArticle, *, by: str = "") -> int:
    """Bring a removed article back in one transaction; returns its id (always the one it had)."""
    with db.session() as session:
        return restore_article_in(session, removed, by=by)


def restore_article_in(session: Session, removed: RemovedArticle, *, by: str = "") -> int:
    """``restore_article`` inside the caller's transaction.

    An article brought back already (by a colleague's undo) is left as it is.
    """
    row = session.get(ReviewSession, removed.session_id)
    article = session.get(Article, removed.article_id)
    if row is None or row.deleted_at is not None or article is None or article.session_id != removed.session_id:
        raise NotFoundError(
            f"The session of “{removed.title}” no longer exists, so the article cannot come back.",
            "Import the article again into another session.",
        )
    if article.removed_at is not None:
        clear_removed(session, removed.article_id, removed.claim_ids, by=by, note=RESTORED_NOTE)
        touch_session(session, removed.session_id)
    return removed.article_id
