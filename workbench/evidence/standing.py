"""Where a verdict stands: how many of a claim's sources support it, refute it or give context,
and from how many independent publishers (``evidence.publishers``) the ones it rests on come.

A verdict rests on the sources that support or refute it; context does not
count towards independence. Where a source's copy was found (its final
address, after redirects) says who published it. The threshold (AFP asks for
two independent sources) is a setting of the session's rating scale
(``min_independent_sources``). The window, the reports and the command line
all read a standing through ``standing_of``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.kinds import Stance
from workbench.evidence.publishers import publisher_count


@dataclass(frozen=True, slots=True)
class Standing:
    supports: int
    refutes: int
    context: int
    independent: int  # publishers among the sources that support or refute
    minimum: int

    @property
    def too_few(self) -> bool:
        """The verdict rests on fewer independent sources than the threshold."""
        return self.independent < self.minimum

    def describe(self) -> str:
        publishers = f"{self.independent} independent publisher{'' if self.independent == 1 else 's'}"
        return f"Supports {self.supports} · Refutes {self.refutes} · Context {self.context} — {publishers}"


def standing_of(cited: Iterable[tuple[str, str, str | None]], minimum: int) -> Standing:
    """The standing of a verdict from each citing source's (stance, address, publisher); the
    address is where its copy was found when one was kept, else the one cited."""
    cited = list(cited)
    stances = [stance for stance, _address, _publisher in cited]
    resting = [(address, publisher or "") for stance, address, publisher in cited
               if stance in (Stance.SUPPORTS, Stance.REFUTES)]
    return Standing(stances.count(Stance.SUPPORTS), stances.count(Stance.REFUTES), stances.count(Stance.CONTEXT),
                    publisher_count(resting), minimum)
