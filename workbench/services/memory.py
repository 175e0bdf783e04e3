"""Claim memory: claims reviewed in other sessions that say the same thing."""

from __future__ import annotations

from workbench.domain.records import ClaimRecord
from workbench.memory.indexing import index_unindexed
from workbench.memory.lookup import Match, PriorSource, find_prior
from workbench.storage import claims as _claims
from workbench.storage.database import Database

__all__ = ["Match", "PriorSource", "find_prior", "index_stored_claims", "prior_reviews_of_session"]


def index_stored_claims(db: Database) -> int:
    """Index the claims stored before the memory existed (one transaction); how many were indexed."""
    with db.session() as orm:
        return index_unindexed(orm)


def prior_reviews_of_session(db: Database, session_id: int) -> list[tuple[ClaimRecord, list[Match]]]:
    """Each claim of the session with the claims of other sessions that say the same, best first."""
    index_stored_claims(db)
    return [(claim, find_prior(db, claim.id)) for claim in _claims.list_claims(db, session_id=session_id)]
