"""Reading claims: an article's or a session's list, one claim, and what the editor
shows beside it (its evidence, its history, the session's sources)."""

from __future__ import annotations

from workbench.domain.errors import NotFoundError
from workbench.domain.records import (
    ClaimRecord,
    EvidenceRecord,
    HistoryRecord,
    SessionSummary,
    SourceRecord,
)
from workbench.storage import articles as _articles
from workbench.storage import claims as _claims
from workbench.storage import sources as _sources
from workbench.storage.database import Database

__all__ = [
    "ClaimDetails", "claim_details", "claim_in_session", "claims_of_article", "claims_of_session", "get_claim",
]

# A claim's evidence, its history, and the sources of its session (to reuse one).
ClaimDetails = tuple[list[EvidenceRecord], list[HistoryRecord], list[SourceRecord]]

get_claim = _claims.get_claim


def claims_of_article(db: Database, article_id: int) -> list[ClaimRecord]:
    return _claims.list_claims(db, article_id=article_id)


def claims_of_session(db: Database, session_id: int) -> list[ClaimRecord]:
    return _claims.list_claims(db, session_id=session_id)


def claim_details(db: Database, claim_id: int, session_id: int | None) -> ClaimDetails:
    """All three in one transaction: on a remote server each one costs round trips.
    The session's sources are read first, so the evidence finds its sources
    already loaded instead of reading them one by one."""
    with db.reading() as session:
        sources = _sources.list_sources_in(session, session_id) if session_id is not None else []
        evidence = _sources.list_evidence_in(session, claim_id)
        history = _claims.claim_history_in(session, claim_id)
    return evidence, history, sources


def claim_in_session(db: Database, session: SessionSummary, claim_id: int) -> ClaimRecord:
    """The claim, refused unless it belongs to the session the user named."""
    claim = get_claim(db, claim_id)
    if _articles.get_article(db, claim.article_id).session_id != session.id:
        raise NotFoundError(
            f"Claim {claim_id} is not in session \u201c{session.title}\u201d.",
            f"List its claims with `workbench memory {session.id}` or name the claim's own session.",
        )
    return claim
