"""Removing an article from its session, and putting it back: operations for ``services.edits.apply``.

The storage side (``storage.article_removal``) deletes nothing: it marks the
article removed and its claims deleted, and the inverse clears those marks,
so the article comes back with the same ids and its whole history.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.services.changes import Changes, Done, ids
from workbench.storage.article_removal import RemovedArticle, remove_article_in, restore_article_in


@dataclass(frozen=True, slots=True)
class RemoveArticle:
    """Take an article out of its session with its claims; their history and source links stay."""

    article_id: int

    def run(self, session: Session, by: str) -> Done:
        removed = remove_article_in(session, self.article_id, by=by)
        claim_ids = ids(removed.claim_ids)
        changes = Changes(
            removed_claim_ids=claim_ids, article_ids=ids([removed.article_id]),
            session_ids=ids([removed.session_id]), claims_removed=bool(claim_ids), articles_removed=True,
        )
        return Done(changes, RestoreArticle(removed), removed=removed)


@dataclass(frozen=True, slots=True)
class RestoreArticle:
    """Bring a removed article back: the same rows, with their history and newer versions."""

    removed: RemovedArticle

    def run(self, session: Session, by: str) -> Done:
        article_id = restore_article_in(session, self.removed, by=by)
        changes = Changes(
            article_ids=ids([article_id]), session_ids=ids([self.removed.session_id]),
            claims_added=self.removed.claim_count > 0, articles_added=True,
        )
        return Done(changes, RemoveArticle(article_id))
