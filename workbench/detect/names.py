"""Names in attributions: the subject of a speech verb, and the full name it stands for.

A subject is returned as ``(words, kind)`` with kind ``name`` (a capitalised
sequence: a person or a body), ``pronoun`` (``he``), ``leader`` (a
description of a leading person: ``Belarus’ leader``, ``the president``) or
``body_noun`` (``the ministry``). ``Resolver`` turns them into the name the
article first gives (``Lukashenko`` -> ``Alexander Lukashenko``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# A capitalised word; a final period only on initials and abbreviated titles, so that a
# name never runs over the end of a sentence (``São Paulo. Gustavo Faleiros``).
_ABBREVIATED = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Pvt|Cpl|Adm|Sen|Rep|Gov|Prof|Rev|St|Jr|Sr|Mt|Ft)"
# ``U.S.``/``U.N.`` stay one token so that ``the U.S. State Department`` is one body.
_NAME_TOKEN = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.|{_ABBREVIATED}\.|[{_UPPER}][\w'’-]*(?![\w'’-]*\.\w))"
)
_PARTICLE = r"(?:de|da|di|del|der|van|von|bin|ibn|al|el|la|le|du|ter)"
NAME_SEQUENCE = re.compile(
    rf"{_NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ])?{_NAME_TOKEN})*"
)
_TRAILING_NAME = re.compile(rf"(?:{_NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ])?))*{_NAME_TOKEN}$")
_TRAILING_FILLER = re.compile(
    r"(?:\s+|,\s*\d{1,3},?|\b(?:also|later|then|has|had|have|previously|reportedly|once|"
    r"again|further|recently|earlier|who|had|would|has\s+since|simply|quickly|flatly|"
    r"[a-z]+ly|never|not|did\s+not|didn’t|didn't|last\s+week|"
    r"on\s+\w+day|is|are|was|were|been|have\s+been|has\s+been)\b)$"
)
_ACRONYM_AFTER = re.compile(rf"\s*\((?:[{_UPPER}][\w.&-]*)\)$")
_LOWER_HEAD = re.compile(r"([\w’'-]+)$")
# Lowercase words that may stand before a name after an inverted verb: ``writes military
# analyst Alex Hollings``; prepositions and conjunctions end the subject instead.
_SKIPPABLE = (
    r"(?!(?:on|in|at|to|that|when|while|after|before|during|last|this|as|from|for|of|by|"
    r"with|and|but|or|about)\b)[a-z][\w’'-]*"
)
_NAMED_LATER = re.compile(
    rf"[^.;:!?]*?(?:,\s+|\bname as\s+|\bnamed\s+|\bidentified as\s+)({NAME_SEQUENCE.pattern})"
    r"\s*(?:[,.;]|$)"
)
_LEADING_SUBJECT = re.compile(
    rf"\s*(?:(?P<pron>he|she|they)\b|(?P<the>the\s+)?(?:{_SKIPPABLE}\s+){{0,3}}?"
    rf"(?P<name>{NAME_SEQUENCE.pattern})"
    r"|(?P<desc>(?:an?|the|one|another)\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[\w’'-]+)))",
)
_OWNED_HEAD = re.compile(r"\s+([\w-]+)")
_BODY_OF = re.compile(rf"^[\w’'\s-]{{0,40}}?\b(?:for|of|at|from)\s+(?:the\s+)?({NAME_SEQUENCE.pattern})")

_CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December In On At After Before When
    While Last This Earlier Later Meanwhile However But And Yet""".split()
)
PRONOUNS = frozenset({"he", "she", "He", "She"})
TITLES = frozenset(
    """president prime minister foreign defence defense interior finance secretary general gen
    dr mr mrs ms prof gen. lt. lt col. col maj. maj capt. capt sgt. sgt pvt. pvt cpl. adm. mr. mrs. ms. dr. prof.
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
    office spokesman spokeswoman spokesperson embassy statement company campaign party
    committee commission council court service command navy""".split()
)
# People the article does not name: their words have no speaker (``a senior official said``).
PERSON_NOUNS = frozenset(
    """official officials source sources diplomat diplomats analyst analysts expert experts
    resident residents witness witnesses critic critics observer observers man woman men women
    person people aide aides adviser advisers advisor advisors researcher researchers soldier
    soldiers officer officers worker workers volunteer volunteers lawmaker lawmakers member
    members survivor survivors relative relatives neighbour neighbor neighbours neighbors
    villager villagers farmer farmers doctor doctors nurse nurses student students teacher
    teachers mother father son daughter wife husband activist activists protester protesters
    insider insiders staffer staffers employee employees fighter fighters veteran veterans
    refugee refugees passenger passengers driver drivers executive executives banker bankers
    trader traders economist economists investor investors authorities operative operatives
    strategist strategists""".split()
)
_OWNED = re.compile(
    r"(?P<owner>[\w’'-]+)(?:’s|'s|’|')\s+(?P<thing>statement|office|spokes(?:man|woman|person)|"
    r"spokespeople|press\s+service|representative)$"
)
_HEAD_OF = re.compile(
    r"(?:^|\b)(?:the|a|an|its|his|her|their|one|another)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?P<head>[\w’'-]+)\s+(?:of|for|at|from|in)\s+(?:the\s+)?[^,;:]{1,40}$",
    re.IGNORECASE,
)
# ``the foreign ministry`` keeps its lowercase modifiers (``the ministry`` alone is resolved).
_BODY_PHRASE = re.compile(r"\b(?:the|its|their)\s+((?:[a-z][\w-]*\s+){0,2}[a-z]+)$", re.IGNORECASE)
_NAMED_BODY = re.compile(rf"((?:{_NAME_TOKEN}\s+)+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)$")
_LOWER_RUN = re.compile(
    r"(?:\s+(?!(?:in|on|at|of|for|from|to|with|who|which|and|said|says|told)\b)[a-z][\w-]*){1,3}"
)
# ``the account tweeted``: a noun that points back to whoever spoke last.
ANAPHORS = frozenset(
    "account blogger outlet newspaper paper channel post document tweet caption description "
    "report video page".split()
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
_NOT_SUBJECTS = frozenset(
    """officials analysts residents critics witnesses experts sources authorities others some
    many both everyone people observers commentators the a an it this that there we i you
    but and or so as if when while after before in on at for""".split()
)

# Title-case headlines are full of capitalised words that are not names.
_FUNCTION_WORDS = frozenset(
    """if is are was were be been the a an for of in on to and or with by from at as how why
    what who new says said will has have after over into its it his her their this that""".split()
)


def subject_before(masked: str, start: int, verb: int) -> tuple[str, str] | None:
    """The subject that ends right before a speech verb at ``verb``, searching from ``start``."""
    prefix = masked[max(start, verb - 240) : verb]  # a subject is never further away
    last_mark = max(prefix.rfind(m) for m in "\"“”«»„")
    prefix = prefix[last_mark + 1 :]  # the subject never reaches back into a quotation
    while True:
        trimmed = _TRAILING_FILLER.sub("", prefix)
        if trimmed == prefix:
            break
        prefix = trimmed
    prefix = _ACRONYM_AFTER.sub("", prefix.rstrip(" "))  # ``the Institute (RUSI) stated``
    if prefix.endswith(","):
        # ``Yaroslav Trofimov, a correspondent for X, said``: the name opens the clause.
        for segment in prefix.split(","):
            name = _TRAILING_NAME.search(segment.rstrip())
            if name and _usable_name(name.group(0)):
                return (_without_leading_function_words(name.group(0)), "name")
    prefix = prefix.rstrip(" ,")
    if not prefix:
        return None
    last_word = _LOWER_HEAD.search(prefix)
    if last_word and last_word.group(1) in PRONOUNS:
        return (last_word.group(1).lower(), "pronoun")
    if last_word and last_word.group(1) in {"it", "It", "they", "They"}:
        return ("it", "it")
    name = _TRAILING_NAME.search(prefix)
    if name:
        words = _without_leading_function_words(name.group(0))
        before = prefix[: name.end() - len(words)]
        if words.lower() in PERSON_NOUNS:
            return (words.lower(), "anonymous")  # ``Officials said``
        if words.lower() in _NOT_SUBJECTS or _is_sentence_start_word(words, before):
            return None
        other = _TRAILING_NAME.search(before[:-5]) if before.endswith(" and ") else None
        if other:  # ``The United States and South Korea said``
            words = other.group(0) + " and " + words
            before = before[: other.start()]
        if before.endswith(("the ", "The ")):
            return ("the " + words, "name")
        return (words, "name")
    head = _LOWER_HEAD.search(prefix)
    if not head:
        return None
    word = head.group(1)
    if word in PRONOUNS:
        return (word.lower(), "pronoun")
    if word in {"it", "It", "they", "They"}:
        return ("it", "it")
    return _described(prefix, word.lower())


def _described(prefix: str, head: str) -> tuple[str, str] | None:
    """A subject without a name: ``the head of the agency``, ``the ministry’s statement``."""
    prefix = prefix[-80:]  # a description is short; the cut keeps the searches linear
    owned = _OWNED.search(prefix)
    if owned:  # ``the ministry’s statement``, ``Netanyahu’s office``
        owner, thing = owned.group("owner"), owned.group("thing")
        if owner[:1].isupper():
            return (owned.group(0) if thing == "office" else owner, "name")
        if owner.lower() in BODY_NOUNS:
            return (owner.lower(), "body_noun")
    of = _HEAD_OF.search(prefix)
    if of:
        head = of.group("head").lower()
    if head in LEADER_NOUNS:
        return (prefix[-40:].strip(), "leader")
    if head in PERSON_NOUNS:
        return (head, "anonymous")  # ``a senior official``: nobody is named
    named_body = _NAMED_BODY.search(prefix)
    if head in BODY_WORDS and named_body:  # ``Russian state media``
        return (named_body.group(1), "name")
    if head in BODY_NOUNS:
        phrase = _BODY_PHRASE.search(prefix)
        return (phrase.group(1) if phrase else head, "body_noun")
    if head in ANAPHORS:
        return (head, "anaphor")
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
        rest = _LOWER_RUN.match(masked, match.end("name"), limit)
        if rest and rest.group(0).split()[-1].lower() in PERSON_NOUNS | BODY_WORDS:
            # a name that only qualifies a noun: ``one GOP operative``, ``Chinese state media``
            return _described(words + rest.group(0), rest.group(0).split()[-1].lower())
        return (("the " + words) if match.group("the") else words, "name")
    head = match.group("head").lower()
    owned = _OWNED_HEAD.match(masked, match.end("head"), limit)
    if owned and head.endswith(("’s", "'s")):  # ``reads the video’s description``: the thing owned is the head
        head = owned.group(1).lower()
    named = _NAMED_LATER.match(masked, match.end(), min(limit, match.end() + 60))
    if named:  # ``said one of the neighbors, Yang Shu-mei`` / ``who gave his name as Chang``
        return (named.group(1), "name")
    body = _BODY_OF.match(masked[match.start("desc") : limit])
    if body:
        return (body.group(1), "name")
    if head in LEADER_NOUNS:
        return (match.group("desc"), "leader")
    if head in PERSON_NOUNS:
        return (head, "anonymous")
    if head in BODY_NOUNS:
        return (head, "body_noun")
    if head in ANAPHORS:
        return (head, "anaphor")
    return None


def _without_leading_function_words(words: str) -> str:
    """``If Ukraine`` -> ``Ukraine``: a capitalised sentence opener is not part of a name."""
    tokens = words.split(" ")
    while len(tokens) > 1 and (tokens[0].lower() in _NOT_SUBJECTS or tokens[0] in _CALENDAR):
        tokens.pop(0)
    return " ".join(tokens)


def _usable_name(words: str) -> bool:
    first = words.split()[0]
    return first not in _CALENDAR and words.lower() not in _NOT_SUBJECTS and first not in PRONOUNS


def _is_sentence_start_word(words: str, before: str) -> bool:
    """``Officials said``: a capitalised common word at the start of a sentence is no name."""
    return " " not in words and words.lower() in _NOT_SUBJECTS


def strip_titles(words: str) -> str:
    """``Russian President Vladimir Putin`` -> ``Vladimir Putin``; keeps at least one word."""
    tokens = words.split()
    titled = [i for i, t in enumerate(tokens[:-1]) if t.lower() in TITLES]
    if titled:  # ``South Carolina Republican Gov. Nikki Haley``: the name follows the last title
        tokens = tokens[titled[-1] + 1 :]
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


_POSSESSIVE_SPLIT = re.compile(r"(?<=[’']s)\s+|(?<=\w[’'])\s+")
_SPOKESPERSON_FOR = re.compile(
    rf"\b(?:spokes(?:man|woman|person)|representative|official|statement|spokespeople)\s+"
    rf"(?:for|from|of|at)\s+(?:the\s+)?((?:{_NAME_TOKEN}[ ])*{_NAME_TOKEN}"
    r"(?:\s+(?:campaign|government|administration|ministry|office|team|company))?)"
)


def speaker_form(words: str) -> str:
    """How a body is named: ``the`` stays before one-word bodies (``the Kremlin``) only."""
    bare = words[4:] if words.startswith(("the ", "The ")) else words
    if words != bare and (" " not in bare or bare.startswith("United ")):
        return "the " + bare
    return bare


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
        self._by_surname: dict[str, str] = {}
        self._people: list[tuple[int, str]] = []
        self._by_first: dict[str, set[str]] = {}
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
        tokens = strip_titles(_without_leading_function_words(words)).split()
        # the last word is the surname even when it is also a title (``Wayne King``)
        if 2 <= len(tokens) <= 3 and not any(
            t.lower() in TITLES or t.lower() in _FUNCTION_WORDS or t.isupper() for t in tokens[:-1]
        ) and not tokens[-1].isupper() and tokens[-1].lower() not in _FUNCTION_WORDS:
            name = " ".join(tokens)
            self._people.append((pos, name))
            self._by_surname.setdefault(_surname_key(tokens[-1]), name)
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
            firsts = self._by_first.get(key, set())
            return next(iter(firsts)) if len(firsts) == 1 else self._misspelt(key, name)
        return name

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
        bare = words[4:] if words.startswith(("the ", "The ")) else words
        longer = re.search(
            re.escape(bare) + rf"(?:\s+(?:for|of|on)(?:\s+the)?(?:\s+[{_UPPER}][\w-]*)+)",
            self._masked,
        )
        if longer:
            return re.sub(r"(?:’s|'s|’|')$", "", longer.group(0))
        return speaker_form(words)

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


def _plural(noun: str) -> bool:
    return noun in {"people", "men", "women"} or (noun.endswith("s") and not noun.endswith("ss"))


def _surname_key(token: str) -> str:
    return re.sub(r"(?:’s|'s|’|')$", "", token).lower()
