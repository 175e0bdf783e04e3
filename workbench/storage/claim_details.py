"""What the editor shows beside a claim, read together: on a remote server
every statement is a round trip, so none is spent twice.

The ORM objects are held until the records are made: the session's identity
map keeps them only while someone does, and the evidence then finds its
sources (the session's, read first) and its claim without reading them again.
"""

from __future__ import annotations

from sqlalchemy import select

from workbench.domain.records import EvidenceRecord, HistoryRecord, SourceRecord
from workbench.storage.claims import load_claim
from workbench.storage.convert import evidence_record, history_record, source_record
from workbench.storage.database import Database
from workbench.storage.models import ClaimHistory, Source

ClaimDetails = tuple[list[EvidenceRecord], list[HistoryRecord], list[SourceRecord]]


def claim_details(db: Database, claim_id: int, session_id: int | None) -> ClaimDetails:
    """The claim's evidence, its history, and its session's sources (to reuse one): four statements."""
    with db.reading() as session:
        sources = (
            session.scalars(select(Source).where(Source.session_id == session_id).order_by(Source.id)).all()
            if session_id is not None else []
        )
        claim = load_claim(session, claim_id)
        evidence = [evidence_record(e) for e in claim.evidence]
        history = session.scalars(
            select(ClaimHistory).where(ClaimHistory.claim_id == claim_id).order_by(ClaimHistory.id)
        ).all()
        return evidence, [history_record(row) for row in history], [source_record(s) for s in sources]
