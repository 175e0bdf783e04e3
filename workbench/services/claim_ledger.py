"""One claim's part of the evidence ledger, as the window shows it beside the claim: for each of
its source links, the archived copy it rests on (or why there is none) and what the last re-check
found; and where its verdict stands. Read in the background with the claim's other details.

Also the window's archiving of a source it attached: fetched only when no copy of the session
holds the page yet (one snapshot serves every claim citing the source).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workbench.domain.progress import CancelFn
from workbench.domain.snapshots import CHANGED, SnapshotRecord
from workbench.evidence.standing import standing_of
from workbench.services.database import Database
from workbench.services.snapshots import Fetcher, archive_source
from workbench.services.verdict_standing import Standing, verdict_standing
from workbench.storage import articles as article_store
from workbench.storage import snapshots as store
from workbench.storage.claim_details import ClaimDetails, claim_details_and_watch
from workbench.storage.claims import get_claim

__all__ = ["ClaimLedger", "LinkArchive", "archive_if_missing", "claim_ledger", "details_and_ledger"]


@dataclass(frozen=True, slots=True)
class LinkArchive:
    """A source link's archive and watch state."""

    evidence_id: int
    source_id: int
    archived_at: datetime | None  # the copy the evidence rests on (None: never archived)
    error: str | None  # the newest fetch failed (with no copy, or after the one kept)
    source_check: str | None  # unchanged, changed, failed, confirmed; None: never re-checked
    passage_found: bool | None

    @property
    def flagged(self) -> bool:
        """A re-check found the source changed or the quoted passage gone: the reviewer looks again."""
        return self.source_check == CHANGED or self.passage_found is False

    def describe(self) -> str:
        """One line for the Sources tab."""
        if self.archived_at is None:
            said = f"Not archived: {self.error}" if self.error else "Not archived yet."
        else:
            said = f"Archived {self.archived_at.astimezone().strftime('%d %b %Y %H:%M')}."
            if self.error:
                said += f" The last fetch failed: {self.error}"
        if self.source_check == CHANGED:
            said += " The page changed since it was cited."
        if self.passage_found is False:
            said += " The quoted passage is no longer on the page."
        return said


@dataclass(frozen=True, slots=True)
class ClaimLedger:
    claim_id: int
    standing: Standing
    links: dict[int, LinkArchive]  # by evidence id

    @property
    def flagged(self) -> list[LinkArchive]:
        return [link for link in self.links.values() if link.flagged]


def claim_ledger(db: Database, claim_id: int, *, minimum: int | None = None) -> ClaimLedger:
    """A claim's ledger; the threshold is its session's scale's unless named."""
    session_id = _session_of(db, claim_id)
    if minimum is None:
        minimum = verdict_standing(db, claim_id).minimum
    return details_and_ledger(db, claim_id, session_id, minimum)[1]


def details_and_ledger(db: Database, claim_id: int, session_id: int | None,
                       minimum: int) -> tuple[ClaimDetails, ClaimLedger]:
    """What the editor shows beside a claim (``claims_read.claim_details``) and its ledger, read
    together: the ledger costs one statement more (none for a claim without sources)."""
    details, watch = claim_details_and_watch(db, claim_id, session_id)
    links = {
        w.evidence_id: LinkArchive(w.evidence_id, w.source_id, w.archived_at, w.last_error, w.source_check,
                                   w.passage_found)
        for w in watch
    }
    standing = standing_of([(w.stance, w.final_url or w.url, w.publisher) for w in watch], minimum)
    return details, ClaimLedger(claim_id, standing, links)


def archive_if_missing(db: Database, source_id: int, *, by: str, fetcher: Fetcher | None = None,
                       cancel: CancelFn | None = None) -> SnapshotRecord:
    """The copy the source's evidence rests on: the one kept, or a fetch now when none holds the page."""
    kept = store.get_snapshot(db, source_id)
    if kept is not None and not kept.failed:
        return kept
    return archive_source(db, source_id, by=by, fetcher=fetcher, cancel=cancel)


def _session_of(db: Database, claim_id: int) -> int:
    return article_store.get_article(db, get_claim(db, claim_id).article_id).session_id
