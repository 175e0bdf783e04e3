"""Direct quotations: words between quotation marks, with who said them.

Marks: straight ``"`` and the typographic pairs ``“ ”``, ``« »`` and ``„ “``.
Single quotes are never delimiters here, so a quotation inside a quotation
(``“He called it ‘a lie,’ she said”``) stays inside the outer one, and
apostrophes cannot open a runaway span. A quotation never crosses a blank
line unless the next paragraph reopens the mark while the previous one left
it open: that is how news prose runs one quotation over several paragraphs,
and it stays one quote. An opening mark that is never closed is dropped.
Spans of one or two words are scare quotes, not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.language_scope import in_context_language
from workbench.detect.sentences import paragraphs
from workbench.detect.speakers import attribute_speakers

_MARKS = re.compile(r"[\"“”„«»]")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_EDGE_JUNK = " \t\r\n,.;:!?…—–-"
_REOPEN = "\"“«»„"
MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """A balanced pair: ``open``/``close`` are the positions of the marks themselves."""

    open: int
    close: int
    typographic: bool


@in_context_language
def detect_quotes(text: str, ctx: DetectContext | None = None) -> list[Candidate]:
    """Every quotation of three words or more, with its speaker where the text says."""
    counted = [(p, _word_count(text, p)) for p in find_quote_marks(text)]
    pairs = [(p, words) for p, words in counted if words >= MIN_WORDS]
    speakers = attribute_speakers(text, [(p.open, p.close) for p, _ in pairs])
    candidates = []
    for (pair, words), speaker in zip(pairs, speakers, strict=True):
        start, end = inner_span(text, pair)
        if start >= end:
            continue
        score = 0.55 + (0.25 if speaker else 0.0) + (0.1 if pair.typographic else 0.0)
        if words >= 6:
            score += 0.1
        candidates.append(
            Candidate(
                kind="quote",
                start=start,
                end=end,
                text=text[start:end],
                speaker=speaker,
                score=min(score, 1.0),
            )
        )
    return candidates


def inner_span(text: str, pair: QuoteMarks) -> tuple[int, int]:
    """The words inside the marks, without the punctuation that closes the quoted sentence."""
    start, end = pair.open + 1, pair.close
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return start, end


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Balanced quotation-mark pairs in text order (see the module docstring for the rules)."""
    found: list[QuoteMarks] = []
    carried: tuple[int, str] | None = None  # an opening left open at the end of a paragraph
    for p_start, p_end in paragraphs(text):
        state = None
        scan_from = p_start
        if carried and text[p_start] in _REOPEN:
            state, scan_from = carried, p_start + 1
        for match in _MARKS.finditer(text, scan_from, p_end):
            state = _step(text, match.start(), state, found)
        carried = state
    return found


# What closes each kind of opening mark.
_CLOSERS = {"“": "”“", "„": "“”", "«": "»", '"': '"'}


def _step(
    text: str, pos: int, state: tuple[int, str] | None, found: list[QuoteMarks]
) -> tuple[int, str] | None:
    """Advance the pairing state by one mark at ``pos``."""
    mark = text[pos]
    if state is None:
        if mark in "“„«" or (mark == '"' and _could_open(text, pos)):
            return (pos, mark)
        return None  # a stray closing mark
    open_pos, opener = state
    if opener == "«" and mark != "»":
        return state  # marks nested inside guillemets belong to the quotation
    if opener == '"' and mark != '"':
        return state
    if mark in _CLOSERS[opener] and not (mark == opener and _could_open(text, pos)
                                         and not _could_close(text, pos)):
        found.append(QuoteMarks(open_pos, pos, typographic=opener != '"'))
        return None
    if mark in "“„«" or (mark == '"' and _could_open(text, pos)):
        return (pos, mark)  # the earlier opening was never closed: start again here
    return state


def _could_open(text: str, pos: int) -> bool:
    after = text[pos + 1 : pos + 2]
    return bool(after) and not after.isspace()


def _could_close(text: str, pos: int) -> bool:
    before = text[pos - 1 : pos]
    return bool(before) and not before.isspace()


def _word_count(text: str, pair: QuoteMarks) -> int:
    return len(_WORD.findall(text, pair.open + 1, pair.close))
