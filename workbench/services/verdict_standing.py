"""Where a claim's verdict stands (``evidence.standing``), read from storage.

The threshold is the session's rating scale's (``min_independent_sources``),
unless the caller names another.
"""

from __future__ import annotations

from sqlalchemy import select

from workbench.domain.kinds import Stance
from workbench.domain.scales import get_scale
from workbench.evidence.standing import Standing, standing_of
from workbench.services.database import Database
from workbench.storage import snapshots as store
from workbench.storage.claims import load_claim
from workbench.storage.models import Evidence

__all__ = ["Standing", "verdict_standing"]


def verdict_standing(db: Database, claim_id: int, *, minimum: int | None = None) -> Standing:
    with db.reading() as orm:
        claim = load_claim(orm, claim_id)
        if minimum is None:
            minimum = get_scale(claim.article.session.scale).min_independent_sources
        cited = []
        for link in orm.scalars(select(Evidence).where(Evidence.claim_id == claim_id)).all():
            address = link.source.url
            if link.stance in (Stance.SUPPORTS, Stance.REFUTES):  # only these count towards independence
                latest = store.latest_in(orm, link.source_id, fetched=True)
                if latest is not None and latest.final_url:
                    address = latest.final_url
            cited.append((link.stance, address, link.source.publisher))
    return standing_of(cited, minimum)
