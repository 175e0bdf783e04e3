"""Warships the gazetteer cannot list one by one: named hulls and ship classes.

Navies commission hundreds of hulls and name whole classes after their lead ship,
so reporting names vessels the gazetteer has never seen. Two shapes are
unmistakable all the same:

- a hull prefix before a capitalised name, often with its pennant number
  (``USS Carney (DDG-64)``, ``HMS Diamond (D34)``): the span keeps the pennant,
  which is part of how the ship is identified;
- a capitalised name before ``class`` (``an Oscar class submarine``,
  ``the Kirov-class cruiser``): the span is the class name, not the generic noun.

Each is returned as ``(start, end, name)``; the equipment detector gives it the
gazetteer's canonical name when the gazetteer knows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workbench.detect.first_chars import skipping
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language

# One word of a ship's or class's name: "Carney", "Sa'ar", "Gerald", "R."; two or three
# words may follow ("Arleigh Burke", "Harry S. Truman", "Prince of Wales").
_NAME_WORD = r"[A-Z][\w'\u2019]*\.?"
_NAME = rf"{_NAME_WORD}(?:\s(?:of\s|the\s)?{_NAME_WORD}){{0,3}}"
_PENNANT = r"\s?\((?:[A-Z]{1,4}[- ]?)?\d{1,4}[A-Z]?\)"

_CLASS = re.compile(rf"\b(?P<name>{_NAME})(?P<gap>[-\u2010\u2011 ])[Cc]lass\b")


@dataclass(frozen=True)
class _Patterns:
    """The patterns of this module built from one language's ship words."""

    hull: re.Pattern[str]  # a hull prefix, a name, a pennant: "USS Carney (DDG-64)"
    ship_noun: re.Pattern[str]  # a ship noun right after a class name
    naval: re.Pattern[str]  # a naval word near a class name


@per_language
def _patterns(lang: LanguageData) -> _Patterns:
    words = lang.equipment
    return _Patterns(
        hull=skipping(re.compile(
            rf"\b(?P<prefix>{words.SHIP_PREFIXES})\s(?P<name>{_NAME})(?P<pennant>{_PENNANT})?"
        )),
        ship_noun=re.compile(rf"\s+{words.SHIP_NOUNS}", re.IGNORECASE),
        naval=re.compile(rf"\b{words.SHIP_NOUNS}|\b(?:navy|naval|fleet)\b", re.IGNORECASE),
    )

# How far around a class name naval words are looked for when no ship noun follows it.
_WINDOW = 150


def hulls(text: str, tokens: set[str] | None = None) -> list[tuple[int, int, str]]:
    """``USS Carney (DDG-64)``: a hull prefix, the ship's name and its pennant if given.

    ``tokens``: the text's runs of letters and of digits, when the caller has them.
    A prefix stands alone between a non-word character and a space, so it is one of
    them: a text without any names no hull, and the scan is skipped.
    """
    found: list[tuple[int, int, str]] = []
    prefixes = _hull_prefixes()
    if tokens is not None and prefixes is not None and prefixes.isdisjoint(tokens):
        return found
    words = current_language().equipment
    for match in _patterns().hull.finditer(text):
        pennant = match.group("pennant")
        if match.group("prefix") in words.PREFIXES_NEEDING_PENNANT and not pennant:
            continue
        end = match.end() if pennant else match.end("name")
        if not pennant and re.search(r"\w{2}\.$", match.group("name")):
            end -= 1  # the full stop of the sentence, not an initial's
        name = f"{match.group('prefix')} {match.group('name')}"
        found.append((match.start(), end, re.sub(r"(?<=\w\w)\.$", "", name)))
    return found


def ship_classes(text: str, known: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """``Oscar class``, ``Arleigh Burke-class``: a class name before a ship noun or near naval words.

    ``known(name)`` tells whether the gazetteer lists a class: the longest known run of
    words before ``class`` is the name ("Arleigh Burke"), else only the last word
    ("Russia's Sovremenny" is the Sovremenny class).
    """
    found: list[tuple[int, int, str]] = []
    if not _class_written(text):
        return found  # most texts name no class: skip the scan
    for match in _CLASS.finditer(text):
        words = match.group("name").split()
        name = next(
            (" ".join(words[i:]) for i in range(len(words)) if known(" ".join(words[i:]) + "-class")),
            words[-1],
        )
        name = re.sub(r"^\W+", "", name)
        if name.casefold() in current_language().equipment.NOT_SHIP_CLASSES:
            continue
        start = match.end("name") - len(name)
        if not (_patterns().ship_noun.match(text, match.end()) or _naval_nearby(text, start, match.end())):
            continue
        found.append((start, match.end(), f"{name}-class"))
    return found


@per_language
def _hull_prefixes(lang: LanguageData) -> frozenset[str] | None:
    """The hull prefixes as words, or None when they are more than a list of words."""
    prefixes = lang.equipment.SHIP_PREFIXES
    return frozenset(prefixes.split("|")) if re.fullmatch(r"[^\W\d_]+(?:\|[^\W\d_]+)*", prefixes) else None


_NAME_WORD_CHARS = re.compile(r"[\w'\u2019]")


def _class_written(text: str) -> bool:
    """Whether ``class`` follows a capitalised word somewhere: else ``_CLASS`` cannot match.

    A match ends in a name word (a capital, then word characters or apostrophes, then
    perhaps a full stop), a gap and ``class``: ``lass`` is found at C speed, and only
    the few words before it are looked at.
    """
    at = text.find("lass")
    while at >= 0:
        gap = at - 2
        if (gap > 0 and text[at - 1] in "Cc" and text[gap] in _CLASS_GAPS
                and (at + 4 == len(text) or not _WORD_CHAR.match(text, at + 4))):
            end = gap - 1 if text[gap - 1] == "." else gap
            while end > 0 and _NAME_WORD_CHARS.match(text, end - 1):
                end -= 1
                if "A" <= text[end] <= "Z":
                    return True
        at = text.find("lass", at + 1)
    return False


_CLASS_GAPS = "-\u2010\u2011 "  # as ``_CLASS`` writes its ``gap`` group
_WORD_CHAR = re.compile(r"\w")


def _naval_nearby(text: str, start: int, end: int) -> bool:
    low = max(0, start - _WINDOW)
    return _patterns().naval.search(text[low:start] + " " + text[end : end + _WINDOW]) is not None
