"""Dates: a day, month or year the text names, stored as an ISO value (``2024-03-05``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbench.detect.dates import detect_dates
from workbench.detect.pipeline import covers_selection
from workbench.domain.kinds import ClaimKind
from workbench.evidence.facts import ClaimFacts
from workbench.kinds.spec import KindSpec, Selection, on_its_own
from workbench.memory.normalise import names_absolute_date


def memory_keys(value: Any, unit: str | None, text: str) -> set[str]:
    """``date:2024-03-05`` for any wording of that day that names it, not ``Tuesday``."""
    if isinstance(value, str) and value.strip() and names_absolute_date(text):
        return {f"date:{value.strip()}"}
    return set()


def evidence_facts(found: ClaimFacts, value: Any, unit: str | None) -> ClaimFacts:
    if isinstance(value, str) and value:
        return replace(found, dates=found.dates | {value})
    return found


def _fits(selection: Selection) -> bool:
    return covers_selection(detect_dates, selection.said, selection.language)


SPEC = KindSpec(
    name=ClaimKind.DATE.value,
    detector=on_its_own(detect_dates),
    memory_keys=memory_keys,
    evidence_facts=evidence_facts,
    fits_selection=_fits,
    guess_order=20,
    states_value=True,
)
