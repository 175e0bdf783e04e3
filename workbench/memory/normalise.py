"""What makes two claims "the same": normalised keys and content-word tokens.

A key is a string two claims share exactly when they state the same thing by
value: ``figure:32000:troop`` for both ``32 000 soldiers`` and ``32,000
troops``, ``equipment:s-400 triumf`` for ``S400`` and ``S-400 Triumf``,
``date:2024-03-05`` for any wording of that day; each claim kind's spec
(``workbench.kinds``) builds its keys from the helpers here. Tokens are
the content words of a claim's wording, lower-cased and singular, with
numbers written as ``#32000`` and equipment names as their gazetteer entry,
so wording similarity does not trip over ``32 000`` vs ``32,000`` or
``S400`` vs ``S-400``.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.detect.candidate import DetectContext
from workbench.detect.equipment import detect_equipment, lookup
from workbench.detect.lang import language
from workbench.detect.numbers import DIGITS, SCALE_WORD, WORD_NUMBER, parse_number, singular

_language = language()  # English, the language the detectors read claims in

UNIT_SYNONYMS = _language.units.UNIT_SYNONYMS
_UNIT_TABLE = {
    alias.casefold(): canonical
    for canonical, aliases in UNIT_SYNONYMS.items()
    for alias in (canonical, *aliases)
}

STOPWORDS = _language.stop_words.STOP_WORDS
RELATIVE_DATE_WORDS = _language.stop_words.RELATIVE_DATE_WORDS
_MONTH_NAMES = frozenset(_language.dates.MONTHS)
_YEAR_RE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")

_NUMBER_RE = re.compile(
    rf"(?<![\w.])(?:{DIGITS}(?:\s?{SCALE_WORD}\b)?|(?:{WORD_NUMBER}))(?![\w])", re.IGNORECASE
)
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")
_WORD_RE = re.compile(r"#\d+(?:\.\d+)?|[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def unit_key(unit: str | None) -> str | None:
    """The canonical unit: ``soldiers`` -> ``troop``; unknown units singular and lower case."""
    if not unit:
        return None
    text = " ".join(unit.split()).casefold()
    if text in _UNIT_TABLE:
        return _UNIT_TABLE[text]
    single = " ".join(singular(w) for w in text.split())
    return _UNIT_TABLE.get(single, single)


def number_key(value: Any) -> str | None:
    """A number written one way only: ``32000.0`` -> ``32000``, ``[10, 20]`` -> ``10-20``."""
    if isinstance(value, (list, tuple)):
        parts = [number_key(v) for v in value]
        return "-".join(p for p in parts if p) if all(parts) else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        value = parse_number(value)
        if value is None:
            return None
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return f"{number:.6g}"


def equipment_key(name: str | None) -> str | None:
    if not name or not name.strip():
        return None
    entry = lookup(name.strip())
    return (entry.canonical if entry else " ".join(name.split())).casefold()


def next_word(text: str, position: int) -> str | None:
    """The noun after a bare number (the detector leaves some, like ``servicemen``, unnamed)."""
    match = _NEXT_WORD_RE.match(text, position)
    if match is None or match.group(1).casefold() in STOPWORDS:
        return None
    return match.group(1)


def tokens(text: str) -> list[str]:
    """Content words in order: numbers as ``#n``, equipment as ``eq:name``, synonyms folded."""
    text, names = _replace_equipment(text)
    text = _NUMBER_RE.sub(_number_token, text)
    words: list[str] = []
    for match in _WORD_RE.finditer(text):
        word = match.group(0).casefold().replace("’", "'")
        if word.startswith("#"):
            words.append(word)
        elif word in names:
            words.append(names[word])
        elif word not in STOPWORDS and len(word) > 1:
            word = singular(word.removesuffix("'s"))
            words.append(_UNIT_TABLE.get(word, word).casefold())
    return words


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens with where they stand in ``text`` (for ranking and highlighting).

    The same normalisation as ``tokens`` without the gazetteer pass, which
    callers ranking a long text run once over the whole of it instead.
    """
    found: list[tuple[str, int, int]] = []
    numbers = [(m.start(), m.end(), _number_token(m).strip()) for m in _NUMBER_RE.finditer(text)]
    position = 0
    for start, end, token in [*numbers, (len(text), len(text), "")]:
        for match in _WORD_RE.finditer(text, position, start):
            word = match.group(0).casefold().replace("’", "'")
            if word not in STOPWORDS and len(word) > 1:
                word = singular(word.removesuffix("'s"))
                found.append((_UNIT_TABLE.get(word, word).casefold(), match.start(), match.end()))
        if token.startswith("#"):
            found.append((token, start, end))
        position = max(position, end)
    return found


def token_set(text: str) -> set[str]:
    return set(tokens(text))


def content_words(words: set[str]) -> set[str]:
    """Tokens without the words that only place a claim in time (``tuesday``, ``last``)."""
    return {w for w in words if w not in RELATIVE_DATE_WORDS}


def names_absolute_date(text: str) -> bool:
    """True when ``text`` itself names a year or a month, not only ``Tuesday`` or ``last week``.

    A relative date is resolved against its article's publication date, so two
    unrelated articles of the same week share the value without sharing a claim.
    """
    if _YEAR_RE.search(text):
        return True
    return any(word[:1].isupper() and word.casefold() in _MONTH_NAMES
               for word in re.findall(r"[^\W\d_]+", text))


def _number_token(match: re.Match[str]) -> str:
    value = parse_number(match.group(0))
    key = number_key(value) if value is not None else None
    return f" #{key} " if key is not None else match.group(0)


def _replace_equipment(text: str) -> tuple[str, dict[str, str]]:
    """Put a placeholder where the gazetteer finds a system, so its digits stay its own."""
    found = detect_equipment(text, DetectContext())
    if not found:
        return text, {}
    names: dict[str, str] = {}
    parts: list[str] = []
    position = 0
    for index, candidate in enumerate(sorted(found, key=lambda c: c.start)):
        if candidate.start < position:
            continue
        marker = f"eqmark{index}x"  # a word the number pattern leaves alone
        names[marker] = "eq:" + (equipment_key(str(candidate.value or candidate.text)) or "")
        parts.append(text[position : candidate.start])
        parts.append(f" {marker} ")
        position = candidate.end
    parts.append(text[position:])
    return "".join(parts), names
