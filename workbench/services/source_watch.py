"""Watching sources: fetch each source of a session again, keep every version, and say for each
claim citing it whether the source changed and whether the quoted passage is still there.

Each source is fetched outside any transaction and stored in its own, so a
slow site holds nothing and a cancel keeps what was done. A version is kept
whenever the bytes differ from the newest kept; a fetch that fails is kept
as a snapshot with its error, and earlier snapshots stay as they were.

A source is ``changed`` when the text read from it differs (whitespace and
quotation marks aside) from the last copy that held the page; other byte
changes (an advert, a timestamp) are a new version of an ``unchanged``
source. A link whose source changed, or whose passage is no longer on the
page, is flagged until the reviewer confirms it (``ConfirmCitation``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import CancelledError, NotFoundError, WorkbenchError
from workbench.domain.progress import CancelFn, ProgressFn, check, no_progress
from workbench.domain.snapshots import CHANGED, CONFIRMED, FAILED, UNCHANGED, ArchivedCopy
from workbench.recheck.normal import normal_form
from workbench.recheck.passages import passage_on_page
from workbench.services.changes import Changes, Done, ids
from workbench.services.database import Database
from workbench.services.snapshots import Fetcher, fetch_copy
from workbench.storage import snapshots as store
from workbench.storage.claims import LIVE
from workbench.storage.models import Claim, Evidence, Source

log = logging.getLogger(__name__)

__all__ = ["CHANGED", "CONFIRMED", "FAILED", "UNCHANGED", "CitationCheck", "ConfirmCitation", "SourceCheck",
           "flagged_citations", "recheck_sources"]


@dataclass(frozen=True, slots=True)
class CitationCheck:
    claim_id: int
    evidence_id: int
    passage_found: bool | None  # None: no passage quoted, or the page could not be had


@dataclass(frozen=True, slots=True)
class SourceCheck:
    source_id: int
    url: str
    status: str  # unchanged, changed or failed
    error: str | None = None
    http_status: int | None = None
    sha256: str | None = None
    first_archive: bool = False  # no earlier copy held the page: nothing to compare with
    citations: list[CitationCheck] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The command line's contract, one object per source."""
        return {
            "id": self.source_id,
            "url": self.url,
            "status": self.status,
            "error": self.error,
            "http_status": self.http_status,
            "sha256": self.sha256,
            "first_archive": self.first_archive,
            "citations": [{"claim_id": c.claim_id, "passage_found": c.passage_found} for c in self.citations],
        }


def recheck_sources(
    db: Database, session_id: int, *, by: str, source_ids: list[int] | None = None,
    fetcher: Fetcher | None = None, cancel: CancelFn | None = None, progress: ProgressFn = no_progress,
) -> list[SourceCheck]:
    """Re-check every source of a session (or those named), one after another.

    A cancel stops before the next source and returns what was done.
    """
    with db.reading() as orm:
        chosen = [
            (source.id, source.url)
            for source in orm.scalars(select(Source).where(Source.session_id == session_id).order_by(Source.id))
            if source_ids is None or source.id in source_ids
        ]
    results: list[SourceCheck] = []
    for index, (source_id, url) in enumerate(chosen):
        progress(index / max(1, len(chosen)), f"{index + 1}/{len(chosen)}: {url}")
        try:
            check(cancel)
            copy = fetch_copy(fetcher, url, cancel)
            results.append(_store_check(db, source_id, copy, by=by))
        except CancelledError:
            break
        except NotFoundError:  # removed while the re-check ran: nothing to report on
            continue
        except WorkbenchError:  # the database refused (full disk, lost server): the rest would too
            raise
        except Exception as error:  # a bug must not stop the rest of the session
            log.exception("re-checking source %s failed", source_id)
            results.append(SourceCheck(source_id, url, FAILED, error=f"Internal error ({type(error).__name__}); see the log."))
    progress(1.0, "Re-check of sources finished")
    return results


def flagged_citations(db: Database, session_id: int) -> dict[int, list[int]]:
    """Per claim of a session, its links flagged by a re-check (source changed, passage lost)."""
    with db.reading() as orm:
        rows = orm.execute(
            select(Evidence.claim_id, Evidence.id)
            .join(Claim, Claim.id == Evidence.claim_id).join(Source, Source.id == Evidence.source_id)
            .where(Source.session_id == session_id, LIVE,
                   (Evidence.source_check == CHANGED) | (Evidence.passage_found.is_(False)))
            .order_by(Evidence.claim_id, Evidence.id)
        ).all()
    flagged: dict[int, list[int]] = {}
    for claim_id, evidence_id in rows:
        flagged.setdefault(claim_id, []).append(evidence_id)
    return flagged


@dataclass(frozen=True, slots=True)
class ConfirmCitation:
    """The reviewer looked at a flagged link and keeps it: the flag goes (in the claim's history).

    An operation for ``services.edits.apply``; it writes what it names (by
    default: confirmed, passage not looked for since), its inverse puts back
    what was there.
    """

    evidence_id: int
    source_check: str | None = CONFIRMED
    passage_found: bool | None = None

    def run(self, session: Session, by: str) -> Done:
        link = session.get(Evidence, self.evidence_id)
        if link is None or link.claim.deleted_at is not None:
            raise NotFoundError(f"That source link ({self.evidence_id}) no longer exists.", "Reload the claim.")
        before = ConfirmCitation(self.evidence_id, link.source_check, link.passage_found)
        store.record_check_in(session, link, source_check=self.source_check, passage_found=self.passage_found, by=by)
        changes = Changes(claim_ids=ids([link.claim_id]), session_ids=ids([link.source.session_id]),
                          source_ids=ids([link.source_id]))
        return Done(changes, before)


def _store_check(db: Database, source_id: int, copy: ArchivedCopy, *, by: str) -> SourceCheck:
    """Keep the new copy (if it is a new version or a failure) and what it means for each link."""
    with db.session() as orm:
        source = store.load_source(orm, source_id)
        previous = store.latest_in(orm, source_id, fetched=True)
        links = store.citations_in(orm, source_id)
        if copy.failed:
            store.add_snapshot_in(orm, source_id, copy, by=by)
            for link in links:
                store.record_check_in(orm, link, source_check=_kept(link.source_check, FAILED),
                                      passage_found=link.passage_found, by=by)
            return SourceCheck(source_id, source.url, FAILED, error=copy.error, http_status=copy.http_status,
                               citations=[CitationCheck(link.claim_id, link.id, None) for link in links])
        status = UNCHANGED if previous is None or _same_text(previous.text, copy.text) else CHANGED
        if previous is None or previous.sha256 != copy.sha256:
            store.add_snapshot_in(orm, source_id, copy, by=by)
        citations = []
        for link in links:
            found = passage_on_page(link.passage, copy.text) if copy.text else None
            store.record_check_in(orm, link, source_check=_kept(link.source_check, status),
                                  passage_found=found, by=by)
            citations.append(CitationCheck(link.claim_id, link.id, found))
        return SourceCheck(source_id, source.url, status, http_status=copy.http_status, sha256=copy.sha256,
                           first_archive=previous is None, citations=citations)


def _kept(before: str | None, now: str) -> str:
    """A change waits for the reviewer: a later unchanged or failed re-check does not clear it."""
    return CHANGED if before == CHANGED else now


def _same_text(old: str, new: str) -> bool:
    return normal_form(old) == normal_form(new)
