"""The article's table of names: who ``Lukashenko``, ``he`` or ``the ministry`` stands for.

``Resolver`` reads the whole (quotation-masked) text once: every capitalised
name, every speech verb with a named subject, the accounts and spokespeople
it introduces. It then turns a subject found by ``names`` into the name the
article first gives (``Lukashenko`` -> ``Alexander Lukashenko``), a pronoun
into the person last named, and a document or post into its author.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from workbench.detect.names import (
    FUNCTION_WORDS,
    NAME_SEQUENCE,
    NAME_TOKEN,
    PARTICLES,
    TITLES,
    UPPER,
    is_body,
    speaker_form,
    strip_titles,
    without_leading_function_words,
)

POST_NOUNS = frozenset("account blogger channel post tweet caption description video page".split())
# Where an account is introduced: ``the account Several``, ``Tracker, an X account that``.
_ACCOUNT_INTRO = re.compile(
    rf"\b(?:account|blogger|channel|user|handle)\s+(?P<after>{NAME_SEQUENCE.pattern})"
    rf"|(?P<before>{NAME_SEQUENCE.pattern}),\s+(?:an?|the)\s+(?:[\w’'-]+\s+){{0,3}}?"
    r"(?:account|blogger|channel|user)\b"
)
_AFTER_PREPOSITION = re.compile(r"\b(?:on|in|at|from|by|to|with|of|for|via)\s+$")
# How far back a post or document may find its author: the same or the previous paragraphs.
_ANAPHOR_REACH = 1200

_POSSESSIVE_SPLIT = re.compile(r"(?<=[’']s)\s+|(?<=\w[’'])\s+")
_SPOKESPERSON_FOR = re.compile(
    rf"\b(?:spokes(?:man|woman|person)|representative|official|statement|spokespeople)\s+"
    rf"(?:for|from|of|at)\s+(?:the\s+)?((?:{NAME_TOKEN}[ ])*{NAME_TOKEN}"
    r"(?:\s+(?:campaign|government|administration|ministry|office|team|company))?)"
)


def _line_end_marks(text: str) -> tuple[list[int], list[str]]:
    """Where each line ends and its last non-blank character, in text order.

    Looked up by bisection for every name: slicing each name's whole line
    made long single-paragraph texts quadratic.
    """
    ends: list[int] = []
    lasts: list[str] = []
    position = 0
    for line in text.split("\n"):
        position += len(line)
        ends.append(position)
        lasts.append(line.rstrip()[-1:])
        position += 1
    return ends, lasts


class Resolver:
    """Maps surnames, pronouns and descriptions to the full names the article uses.

    ``events`` are the speech verbs of the whole text with a named subject, in
    text order: ``he said`` refers to the latest person among them.
    """

    def __init__(self, masked: str, attributions: list[tuple[int, tuple[str, str]]]) -> None:
        self._masked = masked
        self._bodies: dict[str, str] = {}
        self._by_surname: dict[str, str] = {}
        self._people: list[tuple[int, str]] = []
        self._by_first: dict[str, set[str]] = {}
        self._by_part: dict[str, set[str]] = {}
        self._by_tail: dict[str, str] = {}
        headings = []
        line_ends, line_lasts = _line_end_marks(masked)
        for match in NAME_SEQUENCE.finditer(masked):
            in_heading = line_lasts[bisect_left(line_ends, match.end())] not in ".!?\"”»:;,)"
            for part in _POSSESSIVE_SPLIT.split(match.group(0)):
                part = part.rstrip(".").rstrip("’'").removesuffix("’s")
                if in_heading:  # names in a headline count only when the body lacks them
                    headings.append((match.start(), part))
                else:
                    self._add_person(match.start(), part)
        for pos, part in headings:
            self._add_person(pos, part)
        self._spokes = [(m.start(), m.group(1)) for m in _SPOKESPERSON_FOR.finditer(masked)]
        self._events: list[tuple[int, str, bool]] = []
        self._solo: list[tuple[int, str]] = []  # lone-word subjects: only posts point to them
        for pos, found in attributions:
            if found[1] == "anonymous" and not _plural(found[0]):  # ``he`` may be nobody named
                self._events.append((pos, "", False))
            if found[1] == "name":
                name = self._full_name(found[0])
                # a lone unresolved word (``Ukraine``, ``X``) is too often a place or a site
                if " " in name or is_body(name):
                    self._events.append((pos, name, is_body(name)))
                elif not _AFTER_PREPOSITION.search(
                    masked, max(0, pos - 60), max(0, masked.rfind(found[0], 0, pos))
                ):
                    self._solo.append((pos, name))  # ``a video on Facebook claims``: no subject

    def _add_person(self, pos: int, words: str) -> None:
        if is_body(words):
            return
        tokens = strip_titles(without_leading_function_words(words)).split()
        # ``Philip M. Breedlove``, ``Luiz Inácio Lula da Silva``: initials and particles are
        # part of the name but do not count towards its length
        core = [t for t in tokens if not _INITIAL.match(t) and t not in PARTICLES]
        longest = 4 if len(core) < len(tokens) else 3
        # the last word is the surname even when it is also a title (``Wayne King``)
        if 2 <= len(core) <= longest and tokens[0] in core and not any(
            t.lower() in TITLES or t.lower() in FUNCTION_WORDS or t.isupper() for t in core[:-1]
        ) and not tokens[-1].isupper() and tokens[-1].lower() not in FUNCTION_WORDS:
            name = " ".join(tokens)
            self._people.append((pos, name))
            self._by_surname.setdefault(_surname_key(tokens[-1]), name)
            # ``Abu Hatab said``, ``bin Salman said``: any tail of the name stands for all of it
            for i in range(1, len(tokens) - 1):
                self._by_tail.setdefault(" ".join(tokens[i:]).lower(), name)
            # ``Lula`` for ``Luiz Inácio Lula da Silva``: only long names have a middle surname
            for part in core[1:-1] if len(core) > 3 else ():
                self._by_part.setdefault(_surname_key(part), set()).add(name)
            # ``Xi Jinping`` ... ``Xi said``: family name first
            self._by_first.setdefault(_surname_key(tokens[0]), set()).add(name)

    def resolve(self, found: tuple[str, str] | None, pos: int) -> str | None:
        if found is None:
            return None
        words, kind = found
        if kind == "anonymous":
            return ""
        if kind == "name":
            return self._full_name(words)
        if kind in {"pronoun", "leader"}:
            last = self._last_event(pos, body=False, named=kind == "leader")
            if last == "" and kind == "pronoun":
                return ""  # ``a senior official said ... he added``
            return last or self._last_person_before(pos)
        if kind == "it":
            return self._last_event(pos, body=True)
        if kind == "anaphor":
            return self._author_near(words, pos)
        if kind == "body_noun":
            return self._body_named(words, pos)
        return None

    def _full_name(self, words: str) -> str:
        if is_body(words) or words.startswith(("the ", "The ")):
            return self._body_full_name(words)
        name = strip_titles(words.rstrip("."))
        tokens = name.split()
        if len(tokens) == 1:
            key = _surname_key(tokens[0])
            if key in self._by_surname:
                return self._by_surname[key]
            firsts = self._by_first.get(key, set()) or self._by_part.get(key, set())
            return next(iter(firsts)) if len(firsts) == 1 else self._misspelt(key, name)
        return self._by_tail.get(name.lower(), name)

    def _misspelt(self, key: str, name: str) -> str:
        """``Hauser`` for ``Trevor Houser``: one letter off a known surname of five or more."""
        if len(key) < 5:
            return name
        close = [
            full for surname, full in self._by_surname.items()
            if len(surname) == len(key) and sum(a != b for a, b in zip(surname, key, strict=True)) == 1
        ]
        return close[0] if len(close) == 1 else name

    def _body_full_name(self, words: str) -> str:
        """``the Kiel Institute`` -> ``Kiel Institute for the World Economy`` if the text says so."""
        if words not in self._bodies:  # asked again for every quotation of the same body
            bare = words[4:] if words.startswith(("the ", "The ")) else words
            longer = _longer_body(bare).search(self._masked)
            self._bodies[words] = (
                re.sub(r"(?:’s|'s|’|')$", "", longer.group(0)) if longer else speaker_form(words)
            )
        return self._bodies[words]

    def _author_near(self, noun: str, pos: int) -> str | None:
        """``the account tweeted``, ``the document reads``: the account or author named just before.

        A post speaks for the account the text introduces (``the account Several``) or the
        handle last quoted; a document for the body last quoted. Otherwise nobody: an
        anonymous post has no speaker, and a person named earlier did not write it.
        """
        low = max(0, pos - _ANAPHOR_REACH)
        intros = list(_ACCOUNT_INTRO.finditer(self._masked, low, pos))
        if intros:
            return self._full_name(intros[-1].group("after") or intros[-1].group("before"))
        if noun in POST_NOUNS:
            near = [(p, n) for p, n in self._solo if low <= p < pos]
        else:
            near = [(p, n) for p, n, body in self._events if low <= p < pos and body]
        return max(near)[1] if near else None

    def event_between(self, start: int, end: int) -> str | None:
        """The last named speaker of a speech verb in ``[start, end)``."""
        inside = [name for pos, name, body in self._events if start <= pos < end and not body
                  and name]
        return inside[-1] if inside else None

    def _last_event(self, pos: int, body: bool, named: bool = False) -> str | None:
        for start, name, is_a_body in reversed(self._events):
            if start < pos and is_a_body == body and (name or not named):
                return name
        return None

    def _last_person_before(self, pos: int) -> str | None:
        before = [name for start, name in self._people if start < pos]
        return before[-1] if before else None

    def _body_named(self, noun: str, pos: int) -> str | None:
        if noun.startswith("spokes") or noun in {"statement", "official"}:
            before = [body for start, body in self._spokes if start < pos]
            if before:
                return self._body_full_name(before[-1])
            return self._last_event(pos, body=True)  # ``Netanyahu's office said ... the statement said``
        for match in reversed(list(NAME_SEQUENCE.finditer(self._masked, 0, pos))):
            if match.group(0).lower().split()[-1] == noun.split()[-1]:
                return self._body_full_name(match.group(0))
        if " " not in noun:  # ``the ministry`` after ``the foreign ministry said``
            earlier = re.findall(rf"\b[Tt]he\s+((?:[a-z][\w-]*\s+){{1,2}}{noun})\b", self._masked[:pos])
            if earlier:
                return "the " + earlier[-1]
        return "the " + noun


@lru_cache(maxsize=1024)
def _longer_body(bare: str) -> re.Pattern[str]:
    """``Kiel Institute`` followed by ``for the World Economy``: one pattern per body name."""
    return re.compile(re.escape(bare) + rf"(?:\s+(?:for|of|on)(?:\s+the)?(?:\s+[{UPPER}][\w-]*)+)")


_INITIAL = re.compile(rf"[{UPPER}]\.$")


def _plural(noun: str) -> bool:
    return noun in {"people", "men", "women"} or (noun.endswith("s") and not noun.endswith("ss"))


def _surname_key(token: str) -> str:
    return re.sub(r"(?:’s|'s|’|')$", "", token).lower()
