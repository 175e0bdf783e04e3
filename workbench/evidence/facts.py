"""What a claim states, in the form the ranker compares with a source's passages.

Kept apart from the ranker so that a claim kind's spec (``workbench.kinds``)
can say how its stored value changes these facts without importing the
ranker, which looks the kinds up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What a claim states, normalised for comparison with passages."""

    words: list[str]
    figures: set[tuple[str, str | None]]
    dates: set[str]
    equipment: set[str]
    names: set[str]
