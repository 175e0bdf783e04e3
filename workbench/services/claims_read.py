"""Reading claims: an article's or a session's list, one claim, and what the editor
shows beside it (its evidence, its history, the session's sources)."""

from __future__ import annotations

from workbench.domain.errors import NotFoundError
from workbench.domain.records import (
    ClaimRecord,
    SessionSummary,
)
from workbench.storage import articles as _articles
from workbench.storage import claims as _claims
from workbench.storage.claim_details import ClaimDetails, claim_details
from workbench.storage.database import Database

__all__ = [
    "ClaimDetails", "claim_details", "claim_in_session", "claims_of_article", "claims_of_session", "get_claim",
]

get_claim = _claims.get_claim


def claims_of_article(db: Database, article_id: int) -> list[ClaimRecord]:
    return _claims.list_claims(db, article_id=article_id)


def claims_of_session(db: Database, session_id: int) -> list[ClaimRecord]:
    return _claims.list_claims(db, session_id=session_id)


def claim_in_session(db: Database, session: SessionSummary, claim_id: int) -> ClaimRecord:
    """The claim, refused unless it belongs to the session the user named."""
    claim = get_claim(db, claim_id)
    if _articles.get_article(db, claim.article_id).session_id != session.id:
        raise NotFoundError(
            f"Claim {claim_id} is not in session \u201c{session.title}\u201d.",
            f"List its claims with `workbench memory {session.id}` or name the claim's own session.",
        )
    return claim
