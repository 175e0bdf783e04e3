"""Removing an article from its session, and putting it back: operations for ``services.edits.apply``.

The storage side (``storage.article_removal``) reads every row that hangs
from the article before deleting it, and writes the same rows back on
restore, so the inverse of a removal is exact.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.services.changes import Changes, Done, ids
from workbench.storage.article_removal import RemovedArticle, remove_article_in, restore_article_in
from workbench.storage.models import Claim


@dataclass(frozen=True, slots=True)
class RemoveArticle:
    """Take an article out of its session with its versions, claims, history and source links."""

    article_id: int

    def run(self, session: Session, by: str) -> Done:
        removed = remove_article_in(session, self.article_id)
        claim_ids = ids(row["id"] for row in removed.rows[Claim.__tablename__])
        changes = Changes(
            removed_claim_ids=claim_ids, article_ids=ids([removed.article_id]),
            session_ids=ids([removed.session_id]), claims_removed=bool(claim_ids), articles_removed=True,
        )
        return Done(changes, RestoreArticle(removed), removed=removed)


@dataclass(frozen=True, slots=True)
class RestoreArticle:
    """Put a removed article back row for row (under a new id if its old one was taken)."""

    removed: RemovedArticle

    def run(self, session: Session, by: str) -> Done:
        article_id = restore_article_in(session, self.removed)
        changes = Changes(
            article_ids=ids([article_id]), session_ids=ids([self.removed.session_id]),
            claims_added=self.removed.claim_count > 0, articles_added=True,
        )
        return Done(changes, RemoveArticle(article_id))
