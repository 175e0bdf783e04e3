"""Archiving sources: a snapshot when a source is cited, and reading it back offline.

The fetch happens before the transaction (a slow site must not hold the
database), then the citation and its snapshot are stored together in one:
``cite_source`` is one user action. A source the session has already
archived is not fetched again for another claim: one snapshot serves every
claim citing it. A failed fetch is stored as a snapshot with its error; the
citation stays, and ``archive_source`` (or a re-check) tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import InvalidValueError
from workbench.domain.kinds import Stance
from workbench.domain.progress import CancelFn
from workbench.domain.records import EvidenceRecord, SessionSummary, SourceRecord
from workbench.domain.snapshots import ArchivedCopy, SnapshotRecord
from workbench.recheck.passages import find_passage
from workbench.services.changes import Changes, Done, ids
from workbench.services.claims_read import claim_in_session
from workbench.services.database import Database
from workbench.services.edits import Operation, apply
from workbench.services.evidence_edits import AttachSource
from workbench.storage import snapshots as store
from workbench.storage import sources as source_store
from workbench.storage.convert import evidence_record, source_record
from workbench.storage.models import Source

# ``archive(location, cancel=...)``: the fetcher; tests and the bench may pass one with shorter limits.
Fetcher = Callable[..., ArchivedCopy]

__all__ = [
    "CitedSource", "Fetcher", "fetch_copy", "LedgerEntry", "SnapshotText", "archive_source", "cite_source", "ledger",
    "read_snapshot",
]


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A source as cited: the link made, and the snapshot that archives the source."""

    link: EvidenceRecord
    snapshot: SnapshotRecord | None
    fetched: bool  # False when an earlier snapshot of the session served
    done: Done


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One source of a session with its newest snapshot and the claims citing it."""

    source: SourceRecord
    # The archived copy the evidence rests on: the newest that holds the page, else the newest attempt.
    snapshot: SnapshotRecord | None
    citations: tuple[EvidenceRecord, ...]
    checks: tuple[tuple[str | None, bool | None], ...]  # per citation: source_check, passage_found
    last_error: str | None = None  # the newest fetch failed after that copy was kept

    def as_json(self) -> dict[str, Any]:
        """The command line's contract for one source."""
        return {
            "id": self.source.id,
            "url": self.source.url,
            "title": self.source.title,
            "publisher": self.source.publisher,
            "snapshot": self.snapshot.summary_json() if self.snapshot is not None else None,
            "last_error": self.last_error,
            "citations": [
                {"claim_id": c.claim_id, "stance": c.stance, "passage": c.passage,
                 "source_check": check, "passage_found": found}
                for c, (check, found) in zip(self.citations, self.checks, strict=True)
            ],
        }


@dataclass(frozen=True, slots=True)
class SnapshotText:
    """A source's archived text for the reader, with each quoted passage found in it."""

    snapshot: SnapshotRecord
    # claim id -> (start, end) of its passage in the text, or None when it is not there.
    passages: dict[int, tuple[int, int] | None]


def cite_source(
    db: Database, session: SessionSummary, claim_id: int, location: str, *, by: str,
    stance: str = Stance.CONTEXT, passage: str = "", fetcher: Fetcher | None = None,
    cancel: CancelFn | None = None,
) -> CitedSource:
    """Link the source at ``location`` (a URL or file) to a claim and archive it, in one transaction.

    Bad input is refused before anything is fetched: a claim of another
    session, a stance that is none, an address that is no link or file.
    """
    claim_in_session(db, session, claim_id)
    _check_stance(stance)
    url = source_store.source_location(location)
    copy = None
    if _needs_fetch(db, session.id, url):
        copy = fetch_copy(fetcher, url, cancel)
    done = apply(db, _CiteAndArchive(AttachSource(session.id, claim_id, url, stance=stance, passage=passage), copy), by=by)
    (link,) = done.links
    return CitedSource(link, store.get_snapshot(db, link.source.id), copy is not None, done)


def archive_source(db: Database, source_id: int, *, by: str, fetcher: Fetcher | None = None,
                   cancel: CancelFn | None = None) -> SnapshotRecord:
    """Fetch a source now and keep the copy as its newest snapshot (a retry, or a link the
    window attached without one). A failure is kept too, and returned with its error."""
    with db.reading() as orm:
        url = store.load_source(orm, source_id).url
    copy = fetch_copy(fetcher, url, cancel)
    with db.session() as orm:
        return store.add_snapshot_in(orm, source_id, copy, by=by)


def read_snapshot(db: Database, source_id: int, snapshot_id: int | None = None) -> SnapshotText | None:
    """The archived text of a source (the newest that holds the page, unless one is named), read
    without the network, with where each citing claim's passage is; None if never archived."""
    snapshot = store.get_snapshot(db, source_id, snapshot_id)
    if snapshot is None:
        return None
    with db.reading() as orm:
        links = store.citations_in(orm, source_id)
        passages = {link.claim_id: find_passage(link.passage, snapshot.text) for link in links if link.passage}
    return SnapshotText(snapshot, passages)


def ledger(db: Database, session_id: int) -> list[LedgerEntry]:
    """Every source of a session with the copy its evidence rests on and its citations."""
    newest = store.latest_snapshots(db, session_id)
    kept = store.latest_snapshots(db, session_id, fetched=True)
    entries = []
    with db.reading() as orm:
        for source in orm.scalars(select(Source).where(Source.session_id == session_id).order_by(Source.id)):
            links = store.citations_in(orm, source.id)
            last = newest.get(source.id)
            snapshot = kept.get(source.id) or last
            entries.append(LedgerEntry(
                source_record(source), snapshot,
                tuple(evidence_record(link) for link in links),
                tuple((link.source_check, link.passage_found) for link in links),
                last_error=last.error if last is not None and last is not snapshot else None,
            ))
    return entries


@dataclass(frozen=True, slots=True)
class _CiteAndArchive:
    """Attach a source and keep its snapshot: one transaction. Undo removes the link and keeps
    the snapshot (an archive is never lost)."""

    attach: Operation
    copy: ArchivedCopy | None

    def run(self, session: Session, by: str) -> Done:
        done = self.attach.run(session, by)
        if self.copy is None:
            return done
        (link,) = done.links
        store.add_snapshot_in(session, link.source.id, self.copy, by=by)
        # The link as stored now: the source may have taken the page's title and publisher.
        now = source_store.find_link_in(session, link.claim_id, link.source.id)
        assert now is not None  # made above
        return Done(done.changes | Changes(source_ids=ids([link.source.id])), done.inverse,
                    links=(evidence_record(now),))


def _needs_fetch(db: Database, session_id: int, url: str) -> bool:
    """No snapshot of this source holds its page yet (new to the session, or only failures)."""
    with db.reading() as orm:
        source_id = orm.scalars(select(Source.id).where(Source.session_id == session_id, Source.url == url)).first()
        return source_id is None or store.latest_in(orm, source_id, fetched=True) is None


def fetch_copy(fetcher: Fetcher | None, url: str, cancel: CancelFn | None) -> ArchivedCopy:
    """One fetch of ``url`` by ``fetcher`` (default: the archiver with its limits)."""
    if fetcher is None:
        # Imported here: the HTTP library and the page parser are not needed to open a window.
        from workbench.ingest.archive import archive as fetcher
    return fetcher(url, cancel=cancel)


def _check_stance(stance: str) -> None:
    if stance not in {s.value for s in Stance}:
        raise InvalidValueError(f"'{stance}' is not a stance.", "Use supports, refutes or context.")
