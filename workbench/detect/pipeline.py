"""Run the detectors of the claim kinds over an article's text.

The detectors come from the caller: ``workbench.kinds`` lists one per kind
(figures, dates, equipment, quotes, then statements, which use the others
as evidence) and calls ``detect`` with them. This package cannot list them
itself, as the kinds are built from its detectors. The result holds no
duplicates and is sorted by position (``start``, then longer spans first,
then kind).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.cycle_collector import collector_held_off
from workbench.detect.figures import detect_figures
from workbench.detect.language_scope import speaking
from workbench.detect.quotes import find_quote_marks

# A detector sees the text and what the detectors run before it found.
Detector = Callable[[str, DetectContext, list[Candidate]], list[Candidate]]


# Longer texts are detected a piece at a time, cut at blank lines. The
# detectors cache per-text tables (tokens, sentences, dates) for the few
# texts they saw last, and the whole text's tables grow with it: 15 MB of
# text peaked at 1.4 GB. A piece this size holds a few hundred paragraphs, so a claim is
# almost never cut; memory then grows only with the claims found.
_PIECE = 200_000  # characters
# Where to cut a piece, best first: a blank line, a line break, a sentence end, a space.
_CUTS = ("\n\n", "\n", ". ", " ")


def detect(
    text: str, published: date | None, detectors: Sequence[Detector], language: str | None = "en"
) -> list[Candidate]:
    """Every claim the ``detectors``, run in order, propose in ``text``.

    ``published`` resolves relative dates. ``language`` is the text's language
    code; one with no word lists in ``detect/lang/`` (or None) is detected as
    English (see ``language_scope.detection_language``).
    """
    with speaking(language) as words, collector_held_off():
        ctx = DetectContext(published=published, language=words.code)
        if len(text) <= 2 * _PIECE:
            return _detect_piece(text, ctx, detectors)
        found: list[Candidate] = []
        for start, end in _pieces(text):
            found.extend(
                replace(c, start=c.start + start, end=c.end + start) if start else c
                for c in _detect_piece(text[start:end], ctx, detectors)
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


def _detect_piece(text: str, ctx: DetectContext, detectors: Sequence[Detector]) -> list[Candidate]:
    found: list[Candidate] = []
    for detector in detectors:
        found.extend(detector(text, ctx, found))
    return _deduplicated(found)


def _deduplicated(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per (kind, start, end): the most confident one."""
    best: dict[tuple[str, int, int], Candidate] = {}
    for candidate in candidates:
        key = (candidate.kind, candidate.start, candidate.end)
        if key not in best or candidate.score > best[key].score:
            best[key] = candidate
    return sorted(best.values(), key=lambda c: (c.start, -c.end, c.kind))


# How a span a reviewer selected by hand reads; each claim kind's spec picks one.


def is_quoted(text: str, start: int, end: int, selected: str) -> bool:
    """The selection lies inside a pair of quotation marks, or is itself quoted."""
    for pair in find_quote_marks(text):
        if pair.open < start and end <= pair.close + 1:
            return True
    return selected[:1] in "\"“„«" and selected[-1:] in "\"”“»" and len(selected) > 2


def reads_as_figure(selected: str, language: str | None = "en") -> bool:
    """A number with its noun, or a figure the detector finds across (nearly) all of it.

    ``language``: the code of the text the selection is from, as for ``detect``.
    """
    with speaking(language) as words:
        return bool(words.figures.SELECTED_FIGURE_RE.match(selected)) or covers_selection(
            detect_figures, selected, words.code
        )


def covers_selection(
    detector: Callable[[str, DetectContext], list[Candidate]], selected: str, language: str | None = "en"
) -> bool:
    """The detector's match, in ``language``, is (nearly) the whole selection, not a word inside it."""
    with speaking(language) as words:
        found = detector(selected, DetectContext(language=words.code))
    return any(c.end - c.start >= 0.6 * len(selected) for c in found)
