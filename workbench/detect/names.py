"""Names in attributions: the subject of a speech verb, and the full name it stands for.

A subject is returned as ``(words, kind)`` with kind ``name`` (a capitalised
sequence: a person or a body), ``pronoun`` (``he``), ``leader`` (a
description of a leading person: ``Belarus’ leader``, ``the president``) or
``body_noun`` (``the ministry``). ``Resolver`` turns them into the name the
article first gives (``Lukashenko`` -> ``Alexander Lukashenko``).
"""

from __future__ import annotations

import re

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_NAME_TOKEN = rf"(?:[{_UPPER}][\w'’-]*\.?|[{_UPPER}]\.)"
_PARTICLE = r"(?:de|da|di|del|der|van|von|bin|ibn|al|el|la|le|du|ter)"
NAME_SEQUENCE = re.compile(
    rf"{_NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ])?{_NAME_TOKEN})*"
)
_TRAILING_NAME = re.compile(rf"(?:{_NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ])?))*{_NAME_TOKEN}$")
_TRAILING_FILLER = re.compile(
    r"(?:\s+|,\s*\d{1,3},?|\b(?:also|later|then|has|had|have|previously|reportedly|once|"
    r"again|further|recently|earlier|who|had|would|has\s+since|simply|quickly|flatly|"
    r"publicly|separately|repeatedly|last\s+week|on\s+\w+day)\b)$"
)
_LOWER_HEAD = re.compile(r"([\w’'-]+)$")
_LEADING_SUBJECT = re.compile(
    rf"\s*(?:(?P<pron>he|she|they)\b|(?P<the>the\s+)?(?P<name>{NAME_SEQUENCE.pattern})"
    r"|(?P<desc>(?:an?|the|one|another)\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[\w’'-]+)))",
)
_BODY_OF = re.compile(rf"^[\w’'\s-]{{0,40}}?\b(?:for|of|at|from)\s+(?:the\s+)?({NAME_SEQUENCE.pattern})")

PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})
TITLES = frozenset(
    """president prime minister foreign defence defense interior finance secretary general gen
    gen. lt. lt col. col maj. maj capt. capt sgt. sgt pvt. pvt cpl. adm. mr. mrs. ms. dr. prof.
    sen. rep. gov. senator representative governor chancellor king queen prince princess pope
    chief commander ambassador spokesman spokeswoman spokesperson deputy vice mayor judge justice
    speaker pastor rev. sheikh emir sultan marshal colonel major captain lieutenant sergeant
    private admiral brigadier corporal officer director chairman chairwoman chair ceo executive
    senior former acting interim staff commissioner premier minister lord lady sir dame field
    supreme opposition army navy air force lawmaker leader state first u.s. us uk un eu nato
    white house national security adviser advisor attorney press secretary-general""".split()
)
BODY_WORDS = frozenset(
    """ministry agency office department council group bank news times post party kremlin
    pentagon army forces command government company inc corp ltd university institute
    commission committee service administration house court union organization organisation
    association federation reuters press network tv television radio journal review center
    centre fund board authority police military navy guard corps foundation club team league
    parliament congress senate assembly cabinet embassy mission alliance coalition
    intelligence staff headquarters media""".split()
)
LEADER_NOUNS = frozenset(
    """leader president premier chancellor king queen minister prime strongman dictator
    head chief ruler monarch autocrat""".split()
)
BODY_NOUNS = frozenset(
    """ministry kremlin pentagon government agency department military army police
    office spokesman spokeswoman spokesperson embassy statement""".split()
)
_NOT_SUBJECTS = frozenset(
    """officials analysts residents critics witnesses experts sources authorities others some
    many both everyone people observers commentators the a an it this that there we i you
    but and or so as if when while after before in on at for""".split()
)

# Title-case headlines are full of capitalised words that are not names.
_FUNCTION_WORDS = frozenset(
    """is are was were be been the a an for of in on to and or with by from at as how why
    what who new says said will has have after over into its it his her their this that""".split()
)


def subject_before(masked: str, start: int, verb: int) -> tuple[str, str] | None:
    """The subject that ends right before a speech verb at ``verb``, searching from ``start``."""
    prefix = masked[start:verb]
    while True:
        trimmed = _TRAILING_FILLER.sub("", prefix)
        if trimmed == prefix:
            break
        prefix = trimmed
    prefix = prefix.rstrip(" ,")
    if not prefix:
        return None
    name = _TRAILING_NAME.search(prefix)
    if name:
        words = name.group(0)
        before = prefix[: name.start()]
        if words.lower() in _NOT_SUBJECTS or _is_sentence_start_word(words, before):
            return None
        if before.endswith(("the ", "The ")):
            return ("the " + words, "name")
        return (words, "name")
    head = _LOWER_HEAD.search(prefix)
    if not head:
        return None
    word = head.group(1)
    if word in PRONOUNS:
        return (word.lower(), "pronoun")
    lowered = word.lower()
    if lowered in LEADER_NOUNS:
        return (prefix[-40:].strip(), "leader")
    if lowered in BODY_NOUNS:
        return (lowered, "body_noun")
    return None


def subject_after(masked: str, pos: int, limit: int) -> tuple[str, str] | None:
    """The subject that follows an inverted verb or ``according to``: ``said Ivan Sichkar``."""
    match = _LEADING_SUBJECT.match(masked, pos, limit)
    if not match:
        return None
    if match.group("pron"):
        return (match.group("pron").lower(), "pronoun")
    if match.group("name"):
        words = match.group("name")
        return (("the " + words) if match.group("the") else words, "name")
    head = match.group("head").lower()
    body = _BODY_OF.match(masked[match.start("desc") : limit])
    if body:
        return ("the " + body.group(1), "name")
    if head in LEADER_NOUNS:
        return (match.group("desc"), "leader")
    if head in BODY_NOUNS:
        return (head, "body_noun")
    return None


def _is_sentence_start_word(words: str, before: str) -> bool:
    """``Officials said``: a capitalised common word at the start of a sentence is no name."""
    return " " not in words and words.lower() in _NOT_SUBJECTS


def strip_titles(words: str) -> str:
    """``Russian President Vladimir Putin`` -> ``Vladimir Putin``; keeps at least one word."""
    tokens = words.split()
    while len(tokens) > 1:
        first = tokens[0].lower().rstrip(",")
        nationality = (
            first.endswith(("n", "ese", "ish", "i", "ch")) and tokens[1].lower() in TITLES
        )
        possessive = first.endswith(("’", "'", "’s", "'s"))
        if first in TITLES or nationality or possessive:
            tokens.pop(0)
        else:
            break
    return " ".join(tokens)


def is_body(words: str) -> bool:
    tokens = words.lower().replace("the ", "", 1).split()
    return any(t.strip(".,") in BODY_WORDS for t in tokens) or (
        len(tokens) == 1 and words.replace("the ", "").isupper()
    )


class Resolver:
    """Maps surnames, pronouns and descriptions to the full names the article uses."""

    def __init__(self, masked: str) -> None:
        self._people: list[tuple[int, str]] = []
        self._by_surname: dict[str, str] = {}
        self._bodies: list[tuple[int, str]] = []
        self._last_speaker: str | None = None
        for match in NAME_SEQUENCE.finditer(masked):
            words = match.group(0).rstrip(".")
            if is_body(words):
                self._bodies.append((match.start(), words))
                continue
            name = strip_titles(words)
            tokens = name.split()
            if 2 <= len(tokens) <= 4 and not any(
                t.lower() in TITLES or t.lower() in _FUNCTION_WORDS or t.isupper() for t in tokens
            ):
                self._people.append((match.start(), name))
                self._by_surname.setdefault(_surname_key(tokens[-1]), name)

    def resolve(self, found: tuple[str, str] | None, pos: int) -> str | None:
        if found is None:
            return None
        words, kind = found
        speaker: str | None = None
        if kind == "name":
            speaker = self._full_name(words)
        elif kind in {"pronoun", "leader"}:
            speaker = self._last_speaker or self._last_person_before(pos)
        elif kind == "body_noun":
            speaker = self._body_named(words, pos)
        if speaker and kind in {"name", "body_noun"} and not is_body(speaker):
            self._last_speaker = speaker
        return speaker

    def _full_name(self, words: str) -> str:
        if words.startswith("the ") or is_body(words):
            return words
        name = strip_titles(words.rstrip("."))
        tokens = name.split()
        if len(tokens) == 1:
            return self._by_surname.get(_surname_key(tokens[0]), name)
        return name

    def _last_person_before(self, pos: int) -> str | None:
        before = [name for start, name in self._people if start < pos]
        return before[-1] if before else None

    def _body_named(self, noun: str, pos: int) -> str:
        for start, words in reversed(self._bodies):
            if start < pos and words.lower().split()[-1] == noun:
                return words
        return "the " + noun


def _surname_key(token: str) -> str:
    return re.sub(r"(?:’s|'s|’|')$", "", token).lower()
