"""What an edit changed, and what it takes to undo it.

Every edit service returns a ``Done``: the ``Changes`` (which claims,
articles, sessions and sources it touched, so a view refreshes those rows
and nothing else) and the inverse operation. Undo applies the inverse; the
inverse's own inverse is redo. Both are plain values, so undo and redo run
and are tested without Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.records import ClaimRecord, EvidenceRecord
from workbench.storage.article_removal import RemovedArticle

if TYPE_CHECKING:
    from workbench.services.edits import Operation


def ids(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


@dataclass(frozen=True, slots=True)
class Changes:
    claim_ids: frozenset[int] = frozenset()  # claims added, edited, or whose source links changed
    removed_claim_ids: frozenset[int] = frozenset()
    # Claims that came (logged, or back from a delete): ``Done.claims`` holds them as stored,
    # so a view inserts their rows without reading its list again.
    added_claim_ids: frozenset[int] = frozenset()
    article_ids: frozenset[int] = frozenset()
    session_ids: frozenset[int] = frozenset()
    source_ids: frozenset[int] = frozenset()
    claims_added: bool = False
    claims_removed: bool = False
    articles_added: bool = False
    articles_removed: bool = False

    @property
    def list_changed(self) -> bool:
        """Rows came or went that the edit does not name one by one: a list must be read again.

        A claim logged, deleted or brought back is named (``added_claim_ids``,
        ``removed_claim_ids``), so a view inserts or drops its row; an article
        removed or put back changes which list is shown.
        """
        return (self.articles_added or self.articles_removed
                or (self.claims_added and not self.added_claim_ids)
                or (self.claims_removed and not self.removed_claim_ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            claim_ids=self.claim_ids | other.claim_ids,
            removed_claim_ids=self.removed_claim_ids | other.removed_claim_ids,
            added_claim_ids=self.added_claim_ids | other.added_claim_ids,
            article_ids=self.article_ids | other.article_ids,
            session_ids=self.session_ids | other.session_ids,
            source_ids=self.source_ids | other.source_ids,
            claims_added=self.claims_added or other.claims_added,
            claims_removed=self.claims_removed or other.claims_removed,
            articles_added=self.articles_added or other.articles_added,
            articles_removed=self.articles_removed or other.articles_removed,
        )


@dataclass(frozen=True, slots=True)
class Done:
    """An edit as stored: what changed, and the operation that takes it back."""

    changes: Changes
    inverse: Operation
    # The changed claims as stored now, with source counts (read in the same transaction).
    claims: tuple[ClaimRecord, ...] = ()
    # The source links the edit made (a new link, or one the claim already had).
    links: tuple[EvidenceRecord, ...] = ()
    # What an article removal took away (the window names it; undo needs it).
    removed: RemovedArticle | None = None
