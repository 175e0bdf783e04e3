"""Claim memory: claims reviewed in other sessions that say the same thing."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.domain.progress import CancelFn
from workbench.domain.records import ClaimRecord
from workbench.memory.indexing import index_unindexed
from workbench.memory.lookup import Match, PriorSource, find_prior, find_prior_many
from workbench.storage import claims as _claims
from workbench.storage.database import Database

__all__ = [
    "Match", "PriorSource", "find_prior", "index_stored_claims", "prior_markers", "prior_reviews_of_session",
]

# Claims per transaction, each about a dozen statements whatever its size: an
# 861-claim article is 4 of them (~1 s of round trips on a server 20 ms away),
# and a cancelled list stops its lookups after at most one more.
CLAIMS_PER_LOOKUP = 250


def index_stored_claims(db: Database) -> int:
    """Index the claims stored before the memory existed (one transaction); how many were indexed."""
    with db.session() as orm:
        return index_unindexed(orm)


def prior_markers(db: Database, claim_ids: Sequence[int], *, cancel: CancelFn | None = None) -> dict[int, list[Match]]:
    """The best prior match of each claim (the claims list's marker); deleted claims are left out.

    On ``cancel`` it stops between chunks of claims and returns what it found so far.
    """
    return _prior_of_many(db, claim_ids, limit=1, cancel=cancel)


def prior_reviews_of_session(db: Database, session_id: int) -> list[tuple[ClaimRecord, list[Match]]]:
    """Each claim of the session with the claims of other sessions that say the same, best first."""
    index_stored_claims(db)
    claims = _claims.list_claims(db, session_id=session_id)
    found = _prior_of_many(db, [claim.id for claim in claims], limit=10)
    return [(claim, found.get(claim.id, [])) for claim in claims]


def _prior_of_many(
    db: Database, claim_ids: Sequence[int], *, limit: int, cancel: CancelFn | None = None
) -> dict[int, list[Match]]:
    found: dict[int, list[Match]] = {}
    for start in range(0, len(claim_ids), CLAIMS_PER_LOOKUP):
        if cancel is not None and cancel():
            break
        found.update(find_prior_many(db, claim_ids[start : start + CLAIMS_PER_LOOKUP], limit=limit))
    return found
