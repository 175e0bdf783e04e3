"""What a number in news text is not: part of a name or model, a label, a time, debris.

The figure detector asks these before it grows a number into a figure:
``Leopard 2``, ``F-16``, ``page 12``, ``the number one exporter``, ``10:30``,
``0400 hours`` and a lone ``19`` on its own line are not quantities.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.detect.candidate import DetectContext
from workbench.detect.equipment import detect_equipment
from workbench.detect.figure_words import figure_words
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language

_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n\"“‘(]\s*|[—–-]\s+)$")
_OPERATOR_BEFORE_RE = re.compile(r"(?:^|\s)[=×*÷]\s*$")
_OPERATOR_AFTER_RE = re.compile(r"\s*[×*÷=](?:\s|$)")
_HEADING_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*[A-Z][a-z]+[ \t]+$")
_HEADING_AFTER_RE = re.compile(r":")
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t]*$")
_LIST_MARKER_RE = re.compile(r"[.)]\s+[A-Z]")
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")
_ARTICLE_BEFORE_RE = re.compile(r"\b[Aa]n?\s+$")


# Compiled once: ``is_name_or_debris`` runs for every number of a text.
_LETTER_BEFORE_RE = re.compile(r"[A-Za-z][-‐‑]?$")
_MODEL_AFTER_RE = re.compile(r"[A-Za-z]{1,2}\d|[-‐‑][A-Z]")
_LETTER_RE = re.compile(r"[A-Za-z]")
_X_AFTER_RE = re.compile(r"X\b")
_APOSTROPHE_BEFORE_RE = re.compile(r"(?:^|\s)['’]$")
_GROUPED_RE = re.compile(r"[,.]\d")
_BLANKS_RE = re.compile(r"[ \t]+")
_WORD_OR_DOT_RE = re.compile(r"[\w.]*")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")


def _word_before(before: str) -> tuple[str, int] | None:
    """The word and the blanks that end ``before`` (``page 12``: ``page``), and their length.

    What ``([A-Za-z][\\w.]*)[ \\t]+$`` finds, read backwards from the end: searching from
    the start tried every letter of the 30 characters before each number.
    """
    end = len(before) - 1 if before.endswith("\n") else len(before)  # where ``$`` also matches
    backwards = before[end - 1 :: -1] if end else ""
    blanks = _BLANKS_RE.match(backwards)
    if blanks is None:
        return None
    word_end = end - blanks.end()
    run_start = end - _WORD_OR_DOT_RE.match(backwards, blanks.end()).end()
    letter = _ASCII_LETTER_RE.search(before, run_start, word_end)
    return (before[letter.start() : word_end], end - letter.start()) if letter else None


def is_name_or_debris(text: str, start: int, end: int, *, explicit: bool = False) -> bool:
    """Model numbers, names with numbers, page furniture, lone numbers on their own line.

    ``explicit`` numbers carry their own unit (``%``, a currency, ``bn``) and
    are never names.
    """
    lang = current_language()
    fw = figure_words()
    before = text[max(0, start - 30) : start]
    if _LETTER_BEFORE_RE.search(before[-3:]):  # (a letter, a dash, a final line break at most)
        return True  # S-400, F-16, Covid-19, G40
    if _MODEL_AFTER_RE.match(text[end : end + 3]):
        return True  # 2S19, 5-A
    if _LETTER_RE.match(text[end : end + 1]) and not lang.units.GLUED_UNIT_RE.match(text, end):
        return True
    if end - start >= 3 and _X_AFTER_RE.match(text[end : end + 2]):
        return True  # "777X": a model; a multiple is written small and short ("3x")
    clipped_year_before = lang.dates.CLIPPED_YEAR_BEFORE_RE
    if end - start == 2 and _APOSTROPHE_BEFORE_RE.search(before) and clipped_year_before.search(
            before[:-1]):
        return True  # "class of '91", "in ’08": a clipped year, not an opening quotation mark
    if _OPERATOR_BEFORE_RE.search(before) or _OPERATOR_AFTER_RE.match(text, end):
        return True  # a formula ("a = 0.5 × p × v2"): a coefficient, not a quantity
    if _HEADING_AFTER_RE.match(text, end) and _HEADING_BEFORE_RE.search(before):
        return True  # "Hypothesis 1:", "Scenario 2:": a numbered heading
    grouped = bool(_GROUPED_RE.search(text[start:end]))
    prev = _word_before(before)
    if prev and not explicit and not grouped and not lang.units.CALIBRE_AFTER_RE.match(text, end):
        word, word_and_blanks = prev
        if word.lower().rstrip(".") in fw.name_preceders and not _ARTICLE_BEFORE_RE.search(
                before, 0, len(before) - word_and_blanks):
            return True  # "area 55", "page 12"; but "an area 5 times larger" measures
        if not word.endswith(".") and word.lower() not in fw.stop_words and word[0].isupper() and (
            word not in lang.figures.COUNTRY_LIKE
        ) and not (word.lower() in lang.figures.QUANTIFIER_WORDS
                   and sentence_start(text, start - word_and_blanks)):
            line = _title_case_line(text, start)
            if line is None:
                return True  # Leopard 2, World War 2, Strv 122, MH 17
            if _inside_equipment_name(line[1], start - line[0], end - line[0]):
                return True  # a headline's "Challenger 2 Tank": capitals name nothing else there
    if _LINE_START_RE.search(text, max(0, start - 20), start) and (
        _LINE_END_RE.match(text, end) or _LIST_MARKER_RE.match(text, end)
    ):
        return True  # a lone number on its own line is scraping debris; "2. In ..." a list marker
    if before.rstrip().endswith("(") and text[end : end + 1] == ")":
        return True  # "(3)": list markers and footnotes
    return False




def capitalised_name(text: str, start: int, phrase: str) -> bool:
    """ "Air Force One", "Six-Day War", "Group of Seven": capital number words mid-sentence."""
    if not phrase[:1].isupper():
        return False
    if re.match(r"[A-Za-z]+[-‐‑][A-Z]", text[start:start + 20]):
        return True
    return not sentence_start(text, start)


def sentence_start(text: str, pos: int) -> bool:
    return bool(_SENTENCE_START_RE.search(text[max(0, pos - 4) : pos]))


def _title_case_line(text: str, pos: int) -> tuple[int, str] | None:
    """A headline in Title Case ("Russia Says It Downed 18 Drones"), with where it starts."""
    left = text.rfind("\n", max(0, pos - 200), pos)
    right = text.find("\n", pos, pos + 200)
    if (left == -1 and pos > 200) or (right == -1 and len(text) > pos + 200):
        return None  # a line of more than 200 characters is prose, not a headline
    line = text[left + 1 : right if right != -1 else len(text)]
    return (left + 1, line) if _title_case(line) else None


def _inside_equipment_name(line: str, start: int, end: int) -> bool:
    """ "Leopard 2", "Challenger 2": the gazetteer knows the names a headline's capitals hide."""
    return any(s <= start and end <= e for s, e in _equipment_spans(line, current_language()))


@lru_cache(maxsize=256)
def _equipment_spans(line: str, lang: LanguageData) -> tuple[tuple[int, int], ...]:
    return tuple((c.start, c.end) for c in detect_equipment(line, DetectContext(language=lang.code)))


@lru_cache(maxsize=512)
def _title_case(line: str) -> bool:
    words = _LONG_WORD_RE.findall(line)
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 4 and capitalised >= 0.8 * len(words) and not line.rstrip().endswith(".")


_LONG_WORD_RE = re.compile(r"\b[A-Za-z][a-z'’]{3,}\b")
