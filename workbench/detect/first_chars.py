"""A pattern that skips the places it cannot match: the same matches, found faster.

``re`` starts a match attempt at every position of the text. A pattern that
opens with a word boundary and many alternatives (``\\b(?:said|told|...)``)
tries each alternative at each word's start and end, where almost none can
match. ``skipping`` puts a look-ahead for the characters the pattern can
begin with in front of it: one test per position, and the attempt only
where a match may start. The look-ahead admits every character the pattern
may begin with, so the matches are the same; a pattern whose first
characters cannot be worked out is returned as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's names; ``re`` itself uses them (3.11+)
from re import _parser
from typing import Any

# Items that match no character: they say nothing about the first one.
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
# Anchors at the start of a string (or line, with MULTILINE), as a look-ahead writes them.
_ANCHORS = {sre.AT_BEGINNING: "^", sre.AT_BEGINNING_STRING: r"\A"}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def skipping(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for its first characters, or ``pattern`` itself."""
    try:
        found = _firsts(_parser.parse(pattern.pattern, pattern.flags))
        if found is None or found[1]:
            return pattern  # unknown, or the pattern may match the empty string anywhere
        firsts = found[0]
        chars = "".join(dict.fromkeys(f for f in firsts if f not in _ANCHORS.values()))
        # an anchored alternative (``^WATCH``) may only start where its anchor holds
        anchors = "".join(f"|{a}" for a in dict.fromkeys(f for f in firsts if f in _ANCHORS.values()))
        ahead = f"[{chars}]{anchors}" if chars else anchors[1:]
        return re.compile(f"(?={ahead})" + pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError, AttributeError):
        return pattern  # a shape this module does not read (e.g. a global flag in the text)


# What a part of a pattern may start with: class items (or anchors), and whether the part
# may also match the empty string (then what follows it may start the match too).
_Firsts = tuple[list[str], bool]


def _firsts(items: Any) -> _Firsts | None:
    """What a match of the sequence ``items`` can begin with; None if unknown."""
    found: list[str] = []
    for op, av in items:
        if op is sre.AT and av in _ANCHORS and not found:
            return [_ANCHORS[av]], False  # whatever follows, a match starts where the anchor holds
        if op in _ZERO_WIDTH:
            continue
        item = _item_firsts(op, av)
        if item is None:
            return None
        found += item[0]
        if not item[1]:
            return found, False
    return found, True  # every item may be empty


def _item_firsts(op: Any, av: Any) -> _Firsts | None:
    if op is sre.LITERAL:
        return [_char(av)], False
    if op is sre.IN:
        members = _class(av)
        return (members, False) if members is not None else None
    if op is sre.BRANCH:
        found: list[str] = []
        empty = False
        for branch in av[1]:
            part = _firsts(branch)
            if part is None:
                return None
            found += part[0]
            empty = empty or part[1]
        return found, empty
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        # a group with flags of its own (``(?i:...)``) would read its characters differently
        return _firsts(sub) if not add_flags and not del_flags else None
    if op in _REPEATS:
        low, _high, sub = av
        part = _firsts(sub)
        return (part[0], part[1] or low == 0) if part is not None else None
    return None  # any character, a back-reference, a conditional: not worked out


def _class(members: Any) -> list[str] | None:
    found = []
    for op, av in members:
        if op is sre.LITERAL:
            found.append(_char(av))
        elif op is sre.RANGE:
            found.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            found.append(_CATEGORIES[av])
        else:
            return None  # a negated class, a category this module does not know
    return found


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def expansions(pattern: str, limit: int = 2000) -> frozenset[str] | None:
    """Every string the regex ``pattern`` matches, when it is a finite list of words.

    Literals, classes of literals, alternatives and groups without flags are read;
    anything else (a repeat, a category, an assertion), or more than ``limit``
    strings, gives None.
    """
    try:
        found = _expand(_parser.parse(pattern), limit)
    except (re.error, TypeError, ValueError, AttributeError):
        return None
    return frozenset(found) if found is not None else None


def _expand(items: Any, limit: int) -> list[str] | None:
    found = [""]
    for op, av in items:
        if op is sre.LITERAL:
            options = [chr(av)]
        elif op is sre.IN and all(member is sre.LITERAL for member, _ in av):
            options = [chr(code) for _, code in av]
        elif op is sre.BRANCH:
            options = []
            for branch in av[1]:
                part = _expand(branch, limit)
                if part is None:
                    return None
                options += part
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:
            options = _expand(av[3], limit)
            if options is None:
                return None
        else:
            return None
        found = [head + tail for head in found for tail in options]
        if len(found) > limit:
            return None
    return found


# Characters that ``re.IGNORECASE`` matches to an ASCII letter though ``str.lower`` does not
# make them one (``ı`` to ``i``, ``ſ`` to ``s``); ``İ`` lower-cases to two characters.
_ODD_FOLDS = ("ı", "ſ")


def lower_cased(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive ``pattern``, to search lower-cased text.

    It finds the same spans in ``text.lower()`` as ``pattern`` in ``text`` when
    ``reads_lower_cased(text, lowered)`` holds, and is much faster. None when
    ``pattern`` ignores no case or names a letter other than a to z: only
    those fold as ``str.lower`` does.
    """
    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        if not _lower_only(_parser.parse(pattern.pattern, pattern.flags)):
            return None
        return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    except (re.error, TypeError, ValueError, AttributeError):
        return None


def reads_lower_cased(text: str, lowered: str) -> bool:
    """Whether ``lowered`` (``text.lower()``) keeps every position and fold of ``text``."""
    return len(lowered) == len(text) and not any(odd in text for odd in _ODD_FOLDS)


def _lower_only(items: Any) -> bool:
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _lower_letter_or_uncased(av):
                return False
        elif op is sre.IN:
            for member, value in av:
                if member in (sre.LITERAL, sre.NOT_LITERAL) and not _lower_letter_or_uncased(value):
                    return False
                if member is sre.RANGE and not all(
                    _lower_letter_or_uncased(code) for code in range(value[0], value[1] + 1)
                ):
                    return False
                if member not in (sre.LITERAL, sre.NOT_LITERAL, sre.RANGE, sre.CATEGORY, sre.NEGATE):
                    return False
        elif op is sre.BRANCH:
            if not all(_lower_only(branch) for branch in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _lower_only(av[3]):
                return False  # a group with flags of its own
        elif op in _REPEATS:
            if not _lower_only(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _lower_only(av[1]):
                return False
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY):
            return False  # a back-reference compares text as written: not worked out
    return True


def _lower_letter_or_uncased(code: int) -> bool:
    char = chr(code)
    return "a" <= char <= "z" or char.lower() == char.upper()
