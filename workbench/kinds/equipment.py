"""Equipment: a weapon system or vehicle the gazetteer names (``S-400 Triumf``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbench.detect.equipment import detect_equipment
from workbench.detect.pipeline import covers_selection
from workbench.domain.kinds import ClaimKind
from workbench.evidence.facts import ClaimFacts
from workbench.kinds.spec import KindSpec, Selection, on_its_own
from workbench.memory.normalise import equipment_key


def memory_keys(value: Any, unit: str | None, text: str) -> set[str]:
    """``equipment:s-400 triumf`` for ``S400`` and ``S-400 Triumf``."""
    name = equipment_key(value if isinstance(value, str) else text)
    return {f"equipment:{name}"} if name else set()


def evidence_facts(found: ClaimFacts, value: Any, unit: str | None) -> ClaimFacts:
    name = equipment_key(value) if isinstance(value, str) else None
    return replace(found, equipment=found.equipment | {name}) if name else found


def _fits(selection: Selection) -> bool:
    return covers_selection(detect_equipment, selection.said, selection.language)


SPEC = KindSpec(
    name=ClaimKind.EQUIPMENT.value,
    detector=on_its_own(detect_equipment),
    memory_keys=memory_keys,
    evidence_facts=evidence_facts,
    fits_selection=_fits,
    guess_order=30,
    states_value=True,
)
