"""What the editor shows beside a claim, read together: on a remote server
every statement is a round trip, so none is spent twice.

The ORM objects are held until the records are made: the session's identity
map keeps them only while someone does, and the evidence then finds its
sources (the session's, read first) and its claim without reading them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.records import EvidenceRecord, HistoryRecord, SourceRecord
from workbench.storage.claims import load_claim
from workbench.storage.convert import evidence_record, history_record, source_record
from workbench.storage.database import Database
from workbench.storage.models import ClaimHistory, Evidence, Source, SourceSnapshot

ClaimDetails = tuple[list[EvidenceRecord], list[HistoryRecord], list[SourceRecord]]


@dataclass(frozen=True, slots=True)
class LinkWatch:
    """A source link as the evidence ledger sees it: its stance, what the last re-check found,
    and the archived copy it rests on (the newest that holds the page)."""

    evidence_id: int
    source_id: int
    stance: str
    url: str
    publisher: str
    source_check: str | None
    passage_found: bool | None
    archived_at: datetime | None
    final_url: str | None  # where that copy was found (after redirects)
    last_error: str | None  # the newest fetch failed (with no copy, or after the one kept)


def claim_details(db: Database, claim_id: int, session_id: int | None) -> ClaimDetails:
    """The claim's evidence, its history, and its session's sources (to reuse one): four statements."""
    with db.reading() as session:
        return _details(session, claim_id, session_id)[0]


def claim_details_and_watch(db: Database, claim_id: int, session_id: int | None) -> tuple[ClaimDetails, list[LinkWatch]]:
    """The claim's details and its links' ledger state: one statement more (none without links)."""
    with db.reading() as session:
        details, links = _details(session, claim_id, session_id)
        copies: dict[int, list[Any]] = {}
        if links:
            rows = session.execute(
                select(SourceSnapshot.source_id, SourceSnapshot.fetched_at, SourceSnapshot.final_url,
                       SourceSnapshot.error)
                .where(SourceSnapshot.source_id.in_({link.source_id for link in links}))
                .order_by(SourceSnapshot.id)
            ).all()
            for row in rows:
                copies.setdefault(row.source_id, []).append(row)
        watch = []
        for link in links:
            tried = copies.get(link.source_id, [])
            kept = next((row for row in reversed(tried) if row.error is None), None)
            last = tried[-1] if tried else None
            watch.append(LinkWatch(
                link.id, link.source_id, link.stance, link.source.url, link.source.publisher,
                link.source_check, link.passage_found,
                kept.fetched_at if kept is not None else None, kept.final_url if kept is not None else None,
                last.error if last is not None and last is not kept else None,
            ))
        return details, watch


def _details(session: Session, claim_id: int, session_id: int | None) -> tuple[ClaimDetails, list[Evidence]]:
    sources = (
        session.scalars(select(Source).where(Source.session_id == session_id).order_by(Source.id)).all()
        if session_id is not None else []
    )
    claim = load_claim(session, claim_id)
    links = list(claim.evidence)
    evidence = [evidence_record(e) for e in links]
    history = session.scalars(
        select(ClaimHistory).where(ClaimHistory.claim_id == claim_id).order_by(ClaimHistory.id)
    ).all()
    return (evidence, [history_record(row) for row in history], [source_record(s) for s in sources]), links
