"""Where a claim's verdict stands: how many sources support it, refute it or give context, and
from how many independent publishers (``evidence.publishers``) the ones it rests on come.

A verdict rests on the sources that support or refute it; context does not
count towards independence. The threshold (AFP asks for two independent
sources) is a setting of the session's rating scale
(``min_independent_sources``), unless the caller names another.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from workbench.domain.kinds import Stance
from workbench.domain.scales import get_scale
from workbench.evidence.publishers import publisher_count
from workbench.services.database import Database
from workbench.storage import snapshots as store
from workbench.storage.claims import load_claim
from workbench.storage.models import Evidence


@dataclass(frozen=True, slots=True)
class VerdictStanding:
    claim_id: int
    supports: int
    refutes: int
    context: int
    independent: int  # publishers among the sources that support or refute
    minimum: int

    @property
    def too_few(self) -> bool:
        """The verdict rests on fewer independent sources than the threshold."""
        return self.independent < self.minimum


def verdict_standing(db: Database, claim_id: int, *, minimum: int | None = None) -> VerdictStanding:
    with db.reading() as orm:
        claim = load_claim(orm, claim_id)
        if minimum is None:
            minimum = get_scale(claim.article.session.scale).min_independent_sources
        links = orm.scalars(select(Evidence).where(Evidence.claim_id == claim_id)).all()
        counts = {stance.value: 0 for stance in Stance}
        resting = []
        for link in links:
            counts[link.stance] = counts.get(link.stance, 0) + 1
            if link.stance in (Stance.SUPPORTS, Stance.REFUTES):
                latest = store.latest_in(orm, link.source_id, fetched=True)
                # Where the page really is (after redirects) says who published it.
                url = latest.final_url if latest is not None and latest.final_url else link.source.url
                resting.append((url, link.source.publisher))
    return VerdictStanding(
        claim_id, counts[Stance.SUPPORTS], counts[Stance.REFUTES], counts[Stance.CONTEXT],
        publisher_count(resting), minimum,
    )
