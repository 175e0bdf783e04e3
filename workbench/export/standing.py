"""Where a verdict stands, from a claim's sources as a report reads them: how many support it,
refute it or give context, and from how many independent publishers the ones it rests on come
(the rule of ``services.verdict_standing``: context does not count towards independence, and a
copy's final address says who published it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.domain.kinds import Stance
from workbench.evidence.publishers import publisher_count
from workbench.export.rows import SourceRef


@dataclass(frozen=True, slots=True)
class Standing:
    supports: int
    refutes: int
    context: int
    independent: int
    minimum: int

    @property
    def too_few(self) -> bool:
        return self.independent < self.minimum

    def describe(self) -> str:
        publishers = f"{self.independent} independent publisher{'' if self.independent == 1 else 's'}"
        return f"Supports {self.supports} · refutes {self.refutes} · context {self.context} — {publishers}"


def standing_of(sources: Sequence[SourceRef], minimum: int) -> Standing:
    stances = [ref.stance for ref in sources]
    resting = [(ref.final_url or ref.url, ref.publisher) for ref in sources
               if ref.stance in (Stance.SUPPORTS, Stance.REFUTES)]
    return Standing(stances.count(Stance.SUPPORTS), stances.count(Stance.REFUTES), stances.count(Stance.CONTEXT),
                    publisher_count(resting), minimum)
