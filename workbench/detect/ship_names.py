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


def hulls(text: str) -> list[tuple[int, int, str]]:
    """``USS Carney (DDG-64)``: a hull prefix, the ship's name and its pennant if given."""
    found = []
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
    found = []
    if "lass" not in text:
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


def _naval_nearby(text: str, start: int, end: int) -> bool:
    low = max(0, start - _WINDOW)
    return _patterns().naval.search(text[low:start] + " " + text[end : end + _WINDOW]) is not None
