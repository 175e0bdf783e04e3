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

The words (stop words, unit synonyms, month names, number words) are those of
a language: each function takes the code of the claim's language (``language``,
English by default, read as detection reads it) and runs in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workbench.detect.candidate import DetectContext
from workbench.detect.equipment import detect_equipment, lookup
from workbench.detect.lang import LanguageData, language
from workbench.detect.language_scope import current_language, per_language, speaking
from workbench.detect.numbers import DIGITS, parse_number, singular


@dataclass(frozen=True)
class _Words:
    """One language's words for comparing claims, and the patterns built from them."""

    unit_table: dict[str, str]  # any way of writing a unit -> its canonical name
    stop_words: frozenset[str]
    relative_date_words: frozenset[str]
    month_names: frozenset[str]
    number_re: re.Pattern[str]


@per_language
def _words(lang: LanguageData) -> _Words:
    return _Words(
        unit_table={
            alias.casefold(): canonical
            for canonical, aliases in lang.units.UNIT_SYNONYMS.items()
            for alias in (canonical, *aliases)
        },
        stop_words=lang.stop_words.STOP_WORDS,
        relative_date_words=lang.stop_words.RELATIVE_DATE_WORDS,
        month_names=frozenset(lang.dates.MONTHS),
        number_re=re.compile(
            rf"(?<![\w.])(?:{DIGITS}(?:\s?{lang.numbers.SCALE_WORD}\b)?|(?:{lang.numbers.WORD_NUMBER}))(?![\w])",
            re.IGNORECASE,
        ),
    )


# English's, for callers that file or weigh words themselves (the evidence ranker, benches).
UNIT_SYNONYMS = language().units.UNIT_SYNONYMS
STOPWORDS = language().stop_words.STOP_WORDS
RELATIVE_DATE_WORDS = language().stop_words.RELATIVE_DATE_WORDS
_YEAR_RE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")

_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")
_WORD_RE = re.compile(r"#\d+(?:\.\d+)?|[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def unit_key(unit: str | None, language: str | None = "en") -> str | None:
    """The canonical unit: ``soldiers`` -> ``troop``; unknown units singular and lower case."""
    if not unit:
        return None
    with speaking(language):
        table = _words().unit_table
        text = " ".join(unit.split()).casefold()
        if text in table:
            return table[text]
        single = " ".join(singular(w) for w in text.split())
        return table.get(single, single)


def number_key(value: Any, language: str | None = "en") -> str | None:
    """A number written one way only: ``32000.0`` -> ``32000``, ``[10, 20]`` -> ``10-20``."""
    if isinstance(value, (list, tuple)):
        parts = [number_key(v, language) for v in value]
        return "-".join(p for p in parts if p) if all(parts) else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        with speaking(language):
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


def next_word(text: str, position: int, language: str | None = "en") -> str | None:
    """The noun after a bare number (the detector leaves some, like ``servicemen``, unnamed)."""
    match = _NEXT_WORD_RE.match(text, position)
    if match is None:
        return None
    with speaking(language):
        stop_words = _words().stop_words
    return None if match.group(1).casefold() in stop_words else match.group(1)


def tokens(text: str, language: str | None = "en") -> list[str]:
    """Content words in order: numbers as ``#n``, equipment as ``eq:name``, synonyms folded."""
    with speaking(language):
        found = _words()
        text, names = _replace_equipment(text)
        text = found.number_re.sub(_number_token, text)
        words: list[str] = []
        for match in _WORD_RE.finditer(text):
            word = match.group(0).casefold().replace("’", "'")
            if word.startswith("#"):
                words.append(word)
            elif word in names:
                words.append(names[word])
            elif word not in found.stop_words and len(word) > 1:
                word = singular(word.removesuffix("'s"))
                words.append(found.unit_table.get(word, word).casefold())
        return words


def token_spans(text: str, language: str | None = "en") -> list[tuple[str, int, int]]:
    """Tokens with where they stand in ``text`` (for ranking and highlighting).

    The same normalisation as ``tokens`` without the gazetteer pass, which
    callers ranking a long text run once over the whole of it instead.
    """
    with speaking(language):
        words = _words()
        stop_words, unit_table = words.stop_words, words.unit_table
        found: list[tuple[str, int, int]] = []
        numbers = [(m.start(), m.end(), _number_token(m).strip()) for m in words.number_re.finditer(text)]
        position = 0
        for start, end, token in [*numbers, (len(text), len(text), "")]:
            for match in _WORD_RE.finditer(text, position, start):
                word = match.group(0).casefold().replace("’", "'")
                if word not in stop_words and len(word) > 1:
                    word = singular(word.removesuffix("'s"))
                    found.append((unit_table.get(word, word).casefold(), match.start(), match.end()))
            if token.startswith("#"):
                found.append((token, start, end))
            position = max(position, end)
        return found


def token_set(text: str, language: str | None = "en") -> set[str]:
    return set(tokens(text, language))


def content_words(words: set[str], language: str | None = "en") -> set[str]:
    """Tokens without the words that only place a claim in time (``tuesday``, ``last``)."""
    with speaking(language):
        relative = _words().relative_date_words
    return {w for w in words if w not in relative}


def names_absolute_date(text: str, language: str | None = "en") -> bool:
    """True when ``text`` itself names a year or a month, not only ``Tuesday`` or ``last week``.

    A relative date is resolved against its article's publication date, so two
    unrelated articles of the same week share the value without sharing a claim.
    """
    if _YEAR_RE.search(text):
        return True
    with speaking(language):
        months = _words().month_names
    return any(word[:1].isupper() and word.casefold() in months
               for word in re.findall(r"[^\W\d_]+", text))


def _number_token(match: re.Match[str]) -> str:
    value = parse_number(match.group(0))
    key = number_key(value) if value is not None else None
    return f" #{key} " if key is not None else match.group(0)


def _replace_equipment(text: str) -> tuple[str, dict[str, str]]:
    """Put a placeholder where the gazetteer finds a system, so its digits stay its own."""
    found = detect_equipment(text, DetectContext(language=current_language().code))
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
