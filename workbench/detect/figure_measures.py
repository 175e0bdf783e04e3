"""Figures with no number core of their own, or one that another kind also claims.

``Mach 5-plus`` puts its unit first; ``a fraction of an inch`` counts an
unnamed part of one unit; ``in a day`` and ``a week or more`` measure a span
with no number word, and so does ``a day before collapsing`` after ``for``. Where
the date detector reads ``a day before the vote`` as a date, it places an event
and is a date only, as the claim guidelines say.
"""

from __future__ import annotations

import re

from workbench.detect.figure_nouns import Figure
from workbench.detect.figure_words import figure_words
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language

# "in a day's time", "for a year-long study", "in a week or two": more follows the unit
_UNIT_GOES_ON_RE = re.compile(r"['’-]|\s+or\s+two\b")


@per_language
def measure_starts(lang: LanguageData) -> frozenset[str]:
    """Tokens where one of these figures may start (the scan is keyed by lower-cased tokens)."""
    words = lang.figures
    return words.MACH_STARTS | words.FRACTION_OF_ONE_STARTS | words.ONE_GAP_STARTS | words.ONE_SPAN_STARTS


def measure_at(text: str, pos: int, token: str) -> Figure | None:
    """The unit-first, fractional or one-unit gap figure that starts at ``pos``, if any."""
    words = current_language().figures
    fw = figure_words()
    if token in words.MACH_STARTS:
        m = words.MACH_RE.match(text, pos)
        if m:
            return Figure(pos, m.end(), float(m.group("num")), "Mach", head=True)
        return None
    if token in words.FRACTION_OF_ONE_STARTS:
        m = words.FRACTION_OF_ONE_RE.match(text, pos)
        unit = fw.measure_units.get(m.group("noun").lower()) if m else None
        if m and unit:
            return Figure(pos, m.end(), None, unit, head=True)
    if token in words.ONE_GAP_STARTS:
        m = words.ONE_GAP_RE.match(text, pos)
        if m:
            return Figure(pos, m.end(), 1, m.group("noun").lower(), head=True)
    if token in words.ONE_SPAN_STARTS:
        m = words.ONE_SPAN_RE.match(text, pos)
        if m and (m.group("more") or words.IN_BEFORE_RE.search(text, max(0, pos - 4), pos)) and not (
                _UNIT_GOES_ON_RE.match(text, m.end())):
            return Figure(pos, m.end(), 1, m.group("noun").lower(), head=True)  # "in a day"
    return None

