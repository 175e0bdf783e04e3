"""Figures: a number and what it counts (``32,000 troops``, ``9 percent``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbench.detect.candidate import DetectContext
from workbench.detect.figures import detect_figures
from workbench.detect.pipeline import reads_as_figure
from workbench.domain.kinds import ClaimKind
from workbench.evidence.facts import ClaimFacts
from workbench.kinds.spec import KindSpec, Selection, on_its_own
from workbench.memory.normalise import next_word, number_key, unit_key


def memory_keys(value: Any, unit: str | None, text: str) -> set[str]:
    """``figure:32000:troop`` for both ``32 000 soldiers`` and ``32,000 troops``."""
    return {f"figure:{number}:{counted or ''}" for number, counted in _figures(value, unit, text)}


def _figures(value: Any, unit: str | None, text: str) -> list[tuple[str, str | None]]:
    """The figure's (number, unit); read from its text when the claim holds no value."""
    number = number_key(value)
    if number is not None:
        return [(number, unit_key(unit))]
    found = []
    for candidate in detect_figures(text, DetectContext()):
        key = number_key(candidate.value)
        if key is not None:
            counted = candidate.unit or unit or next_word(text, candidate.end)
            found.append((key, unit_key(counted)))
    return found[:1]


def evidence_facts(found: ClaimFacts, value: Any, unit: str | None) -> ClaimFacts:
    number = number_key(value)
    if number is None:
        return found
    # The reviewer's value is what the claim says, whatever its span reads.
    return replace(found, figures={(number, unit_key(unit))})


def _fits(selection: Selection) -> bool:
    return reads_as_figure(selection.said, selection.language)


SPEC = KindSpec(
    name=ClaimKind.FIGURE.value,
    detector=on_its_own(detect_figures),
    memory_keys=memory_keys,
    evidence_facts=evidence_facts,
    fits_selection=_fits,
    guess_order=40,  # after dates and equipment: "29 January" reads as a number and its noun too
    states_value=True,
)
