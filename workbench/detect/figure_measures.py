"""Figures with no number core of their own.

``Mach 5-plus`` puts its unit first; ``a fraction of an inch`` counts an
unnamed part of one unit.
"""

from __future__ import annotations

from workbench.detect.figure_nouns import Figure
from workbench.detect.figure_words import MEASURE_UNITS
from workbench.detect.lang import language

_language = language()  # English: the detectors' default language

_FRACTION_OF_ONE_RE = _language.figures.FRACTION_OF_ONE_RE
_MACH_RE = _language.figures.MACH_RE

# Tokens where one of these figures may start (the scan is keyed by lower-cased tokens).
STARTS = frozenset({"mach", "fraction", "a"})


def measure_at(text: str, pos: int, token: str) -> Figure | None:
    """The unit-first or fractional figure that starts at ``pos``, if any."""
    if token == "mach":
        m = _MACH_RE.match(text, pos)
        if m:
            return Figure(pos, m.end(), float(m.group("num")), "Mach", head=True)
        return None
    if token == "fraction" or token == "a":
        m = _FRACTION_OF_ONE_RE.match(text, pos)
        unit = MEASURE_UNITS.get(m.group("noun").lower()) if m else None
        if m and unit:
            return Figure(pos, m.end(), None, unit, head=True)
    return None

