"""Run every detector over an article's text: the one entry point for detection.

Figures, dates, equipment and quotes are found first; statements come last
because they use the others as evidence. The result holds no duplicates and
is sorted by position (``start``, then longer spans first, then kind).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.dates import detect_dates
from workbench.detect.equipment import detect_equipment
from workbench.detect.figures import detect_figures
from workbench.detect.quotes import detect_quotes, find_quote_marks
from workbench.detect.statements import detect_statements

Detector = Callable[[str, DetectContext], list[Candidate]]

DETECTORS: tuple[Detector, ...] = (detect_figures, detect_dates, detect_equipment, detect_quotes)


# Longer texts are detected a piece at a time, cut at blank lines. The
# detectors cache per-text tables (tokens, sentences, dates) for the few
# texts they saw last, and the whole text's tables grow with it: 15 MB of
# text peaked at 1.4 GB. A piece this size holds a few hundred paragraphs, so a claim is
# almost never cut; memory then grows only with the claims found.
_PIECE = 200_000  # characters
# Where to cut a piece, best first: a blank line, a line break, a sentence end, a space.
_CUTS = ("\n\n", "\n", ". ", " ")


def detect(text: str, published: date | None = None) -> list[Candidate]:
    """Every proposed claim in ``text``; ``published`` resolves relative dates."""
    if len(text) <= 2 * _PIECE:
        return _detect_piece(text, published)
    found: list[Candidate] = []
    for start, end in _pieces(text):
        found.extend(
            replace(c, start=c.start + start, end=c.end + start) if start else c
            for c in _detect_piece(text[start:end], published)
        )
    return found


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` spans covering ``text``, each at most about ``2 * _PIECE`` long."""
    start = 0
    while len(text) - start > 2 * _PIECE:
        end = start + 2 * _PIECE  # a hard cut if the stretch has not even a space
        for cut in _CUTS:
            found = text.find(cut, start + _PIECE, start + 2 * _PIECE)
            if found >= 0:
                end = found + len(cut)
                break
        yield start, end
        start = end
    yield start, len(text)


def _detect_piece(text: str, published: date | None) -> list[Candidate]:
    ctx = DetectContext(published=published)
    found: list[Candidate] = []
    for detector in DETECTORS:
        found.extend(detector(text, ctx))
    found.extend(detect_statements(text, ctx, found))
    return _deduplicated(found)


def _deduplicated(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per (kind, start, end): the most confident one."""
    best: dict[tuple[str, int, int], Candidate] = {}
    for candidate in candidates:
        key = (candidate.kind, candidate.start, candidate.end)
        if key not in best or candidate.score > best[key].score:
            best[key] = candidate
    return sorted(best.values(), key=lambda c: (c.start, -c.end, c.kind))


_NUMBER_NOUN = re.compile(
    r"^(?:about |around |nearly |some |more than |over |at least )?"
    r"[$€£¥]?\d[\d,.]*\s*(?:%|percent|[a-z]+)|^(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozens|hundreds|thousands|millions)\s+[a-z]+",
    re.IGNORECASE,
)


def guess_kind(text: str, selection_start: int, selection_end: int) -> str:
    """The kind to propose for a span a reviewer selected by hand.

    A selection inside quotation marks is a quote; a number with its noun a
    figure; otherwise the detectors decide (date, equipment); anything else
    is a statement.
    """
    start = max(0, min(selection_start, len(text)))
    end = max(start, min(selection_end, len(text)))
    selected = text[start:end].strip()
    if not selected:
        return "statement"
    for pair in find_quote_marks(text):
        if pair.open < start and end <= pair.close + 1:
            return "quote"
    if selected[:1] in "\"“„«" and selected[-1:] in "\"”“»" and len(selected) > 2:
        return "quote"
    ctx = DetectContext()
    for kind, detector in (("date", detect_dates), ("equipment", detect_equipment)):
        if any(_covers(c, selected) for c in detector(selected, ctx)):
            return kind
    if _NUMBER_NOUN.match(selected) or any(
        _covers(c, selected) for c in detect_figures(selected, ctx)
    ):
        return "figure"
    return "statement"


def _covers(candidate: Candidate, selected: str) -> bool:
    """The detector's match is (nearly) the whole selection, not a word inside it."""
    return candidate.end - candidate.start >= 0.6 * len(selected)
