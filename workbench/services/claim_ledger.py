"""One claim's part of the evidence ledger, as the window shows it beside the claim: for each of
its source links, the archived copy it rests on (or why there is none) and what the last re-check
found; and where its verdict stands. Read in the background with the claim's other details.

Also the window's archiving of a source it attached: fetched only when no copy of the session
holds the page yet (one snapshot serves every claim citing the source).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from workbench.domain.progress import CancelFn
from workbench.domain.snapshots import CHANGED, SnapshotRecord
from workbench.services.database import Database
from workbench.services.snapshots import Fetcher, archive_source
from workbench.services.verdict_standing import VerdictStanding, verdict_standing
from workbench.storage import snapshots as store
from workbench.storage.models import Evidence

__all__ = ["ClaimLedger", "LinkArchive", "archive_if_missing", "claim_ledger"]


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
    standing: VerdictStanding
    links: dict[int, LinkArchive]  # by evidence id

    @property
    def flagged(self) -> list[LinkArchive]:
        return [link for link in self.links.values() if link.flagged]


def claim_ledger(db: Database, claim_id: int) -> ClaimLedger:
    standing = verdict_standing(db, claim_id)
    links = {}
    with db.reading() as orm:
        for link in orm.scalars(select(Evidence).where(Evidence.claim_id == claim_id).order_by(Evidence.id)):
            kept = store.latest_in(orm, link.source_id, fetched=True)
            newest = store.latest_in(orm, link.source_id)
            failed = newest.error if newest is not None and newest is not kept else None
            links[link.id] = LinkArchive(
                link.id, link.source_id,
                store.snapshot_record(kept, text=False).fetched_at if kept is not None else None, failed,
                link.source_check, link.passage_found,
            )
    return ClaimLedger(claim_id, standing, links)


def archive_if_missing(db: Database, source_id: int, *, by: str, fetcher: Fetcher | None = None,
                       cancel: CancelFn | None = None) -> SnapshotRecord:
    """The copy the source's evidence rests on: the one kept, or a fetch now when none holds the page."""
    kept = store.get_snapshot(db, source_id)
    if kept is not None and not kept.failed:
        return kept
    return archive_source(db, source_id, by=by, fetcher=fetcher, cancel=cancel)
