"""Split plain text into sentences: ``(start, end)`` spans that index the text.

A rule-based splitter, fast enough to run on every keystroke-sized edit and
good enough for news prose: it knows abbreviations and titles (``Mr.``,
``Lt. Col.``, ``U.S.``, ``Feb. 24``), initials, decimals, sentences that end
inside a quotation (``... ready.” He left``) and those that do not
(``...,” he said.``). Blank lines always end a sentence, so headlines and
captions without a final stop are sentences of their own. A dateline at the
start of a paragraph (``CAIRO —``, ``NEW YORK (Reuters) -``) is left out of
the sentence that follows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language

_TERMINAL = re.compile(r"[.!?…]+[\"”’'»)\]]*|[\"”»][.!?]")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TOKEN_BEFORE = re.compile(r"([\w.'’-]+)$")
_NEXT_WORD = re.compile(r"\s+([\"“‘'«„(\[]*)([\w-]+)?")
_DATELINE = re.compile(
    r"""^(?:[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}   # CAIRO, NEW YORK, ST. LOUIS
        (?:,[ ][A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,2})?      # , Ukraine / , Calif.
        (?:[ ]?\([^()\n]{1,40}\))?                       # (Reuters)
        [ ]?[—–-]{1,2}[ ]                                 # the dash
       |[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}
        (?:,[ ][A-Z][\w.]*)?[ ]\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|TASS|CNN)\)[ ]
    )""",
    re.VERBOSE,
)
_LINE_BREAK = re.compile(r"\n")


@lru_cache(maxsize=8)  # sentences, quotes and statements all read the same article's paragraphs
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the blocks separated by blank lines, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        spans.extend(_trimmed(text, pos, match.start()))
        pos = match.end()
    spans.extend(_trimmed(text, pos, len(text)))
    return tuple(spans)


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence as ``(start, end)``, end exclusive, final punctuation included."""
    return list(_cached_sentences(text, current_language()))


@lru_cache(maxsize=8)  # quotes, speakers and statements all split the same article
def _cached_sentences(text: str, lang: LanguageData) -> tuple[tuple[int, int], ...]:
    # ``lang`` (the current language, whose abbreviations _is_boundary reads) keys the cache.
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        for l_start, l_end in _lines(text, p_start, p_end):
            start = l_start + dateline_length(text[l_start:l_end])
            spans.extend(_split_block(text, start, l_end))
    return tuple(spans)


def dateline_length(block: str) -> int:
    """Length of a dateline at the start of ``block`` (0 when there is none)."""
    match = _DATELINE.match(block)
    if not match or len(match.group(0)) >= len(block):
        return 0
    rest = block[match.end() :]
    # A dateline is followed by a sentence, not by the end of a short heading.
    if not rest[:1].isupper() and rest[:1] not in "\"“'‘":
        return 0
    return match.end()


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Single line breaks inside a block end a sentence unless the next line continues it."""
    line_start = start
    for match in _LINE_BREAK.finditer(text, start, end):
        nxt = text[match.end() : match.end() + 1]
        before = text[line_start : match.start()].rstrip()
        continues = nxt.islower() or (before[-1:] in ",;:-–(" if before else False)
        if not continues:
            yield from _trimmed(text, line_start, match.start())
            line_start = match.end()
    yield from _trimmed(text, line_start, end)


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    sent_start = start
    for match in _TERMINAL.finditer(text, start, end):
        cut = match.end()
        if cut >= end:
            break
        if not text[cut].isspace():
            continue
        if _is_boundary(text, match.start(), cut, end):
            yield from _trimmed(text, sent_start, cut)
            sent_start = cut
    yield from _trimmed(text, sent_start, end)


def _is_boundary(text: str, mark: int, cut: int, end: int) -> bool:
    """Does the terminal run text[mark:cut] end a sentence?"""
    abbreviations = current_language().sentences
    nxt = _NEXT_WORD.match(text, cut, end)
    if not nxt:
        return False
    opener, word = nxt.group(1), nxt.group(2) or ""
    first = word[:1]
    if not first:
        return bool(opener)
    if first.islower():
        return False
    run = text[mark:cut]
    # ``!``, ``?``, an ellipsis before a capital, ``.”`` or ``.)``: the sentence is over.
    if run[0] != "." or len(run) > 1:
        return True
    token = _TOKEN_BEFORE.search(text, max(0, mark - 20), mark)
    if not token:
        return True
    word_before = token.group(1).lower().lstrip("'’-")
    if "-" in word_before and word_before.rsplit("-", 1)[1] in abbreviations.ALWAYS_ABBREVIATIONS:
        word_before = word_before.rsplit("-", 1)[1]  # ``then-Rep. Smith``: a title after a prefix
    starter = word.lower() in abbreviations.STARTERS
    if word_before in abbreviations.ALWAYS_ABBREVIATIONS:
        return word_before in abbreviations.ABBREVIATIONS_ENDING and starter
    if word_before in abbreviations.BEFORE_NUMBER and first.isdigit():
        return False
    if len(word_before) == 1 and word_before.isalpha():  # an initial: ``George W. Bush``
        return starter
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word_before):  # ``U.S``-like acronym
        return starter
    return True
