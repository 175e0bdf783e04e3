"""Names in attributions: the subject of a speech verb, and the full name it stands for.

A subject is returned as ``(words, kind)`` with kind ``name`` (a capitalised
sequence: a person or a body), ``pronoun`` (``he``), ``leader`` (a
description of a leading person: ``Belarus’ leader``, ``the president``) or
``body_noun`` (``the ministry``). ``Resolver`` turns them into the name the
article first gives (``Lukashenko`` -> ``Alexander Lukashenko``).
"""

from __future__ import annotations

import re

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# A capitalised word; a final period only on initials and abbreviated titles, so that a
# name never runs over the end of a sentence (``São Paulo. Gustavo Faleiros``).
_ABBREVIATED = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Pvt|Cpl|Adm|Sen|Rep|Gov|Prof|Rev|St|Jr|Sr|Mt|Ft)"
# ``U.S.``/``U.N.`` stay one token so that ``the U.S. State Department`` is one body.
NAME_TOKEN = (
    rf"(?:(?:[{UPPER}]\.){{2,}}|[{UPPER}]\.|{_ABBREVIATED}\.|[{UPPER}][\w'’-]*(?![\w'’-]*\.\w))"
)
PARTICLES = frozenset("de da di del der dos van von bin ibn al el la le du ter".split())
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"
# ``Ursula von der Leyen``: up to two particles between two capitalised words.
NAME_SEQUENCE = re.compile(
    rf"{NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}{NAME_TOKEN})*"
)
_TRAILING_NAME = re.compile(rf"(?:{NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}))*{NAME_TOKEN}$")
_TRAILING_FILLER = re.compile(
    r"(?:\s+|,\s*\d{1,3},?|\b(?:also|later|then|has|had|have|previously|reportedly|once|"
    r"again|further|recently|earlier|who|had|would|has\s+since|simply|quickly|flatly|"
    r"[a-z]+ly|never|not|did\s+not|didn’t|didn't|last\s+week|"
    r"on\s+\w+day|is|are|was|were|been|have\s+been|has\s+been)\b)$"
)
_ACRONYM_AFTER = re.compile(rf"\s*\((?:[{UPPER}][\w.&-]*)\)$")
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
    intelligence staff headquarters media hospital watch cross crescent international amnesty
    unions""".split()
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
_NAMED_BODY = re.compile(rf"((?:{NAME_TOKEN}\s+)+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)$")
_LOWER_RUN = re.compile(
    r"(?:\s+(?!(?:in|on|at|of|for|from|to|with|who|which|and|said|says|told)\b)[a-z][\w-]*){1,3}"
)
# ``the account tweeted``: a noun that points back to whoever spoke last.
ANAPHORS = frozenset(
    "account blogger outlet newspaper paper channel post document tweet caption description "
    "report video page".split()
)
_NOT_SUBJECTS = frozenset(
    """officials analysts residents critics witnesses experts sources authorities others some
    many both everyone people observers commentators the a an it this that there we i you
    but and or so as if when while after before in on at for""".split()
)

# Title-case headlines are full of capitalised words that are not names.
FUNCTION_WORDS = frozenset(
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
            segment = segment.rstrip()
            name = _TRAILING_NAME.search(segment)
            if name and _usable_name(name.group(0)) and not _PLACE_BEFORE.search(segment, 0, name.start()):
                return (without_leading_function_words(segment[body_start(segment, name):]), "name")
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
        words = without_leading_function_words(prefix[body_start(prefix, name):])
        before = prefix[: name.end() - len(words)]
        if _PLACE_BEFORE.search(before):
            return None
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


# ``,” in Iowa, said Pat Rynard``: a place after a preposition is where, not who.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|on|from|to|into|near|across|across from|outside|inside)\s+$")
# ``Institute for the Study of War``, ``Union of Mechanical Engineers of Russia``: a body's
# name runs on through ``of`` and ``for (the)``; a person's does not (``Secretary of State``).
_LINKED_BEFORE = re.compile(rf"({NAME_SEQUENCE.pattern})\s+(?:of|for|on)(?:\s+the)?\s+$")
_POSSESSOR = re.compile(r"[^\s]+(?:’s|'s)\s+")
_LINK_REACH = 80  # chars searched for each link: keeps the backward search linear


def body_start(prefix: str, name: re.Match[str]) -> int:
    """Where the name ending at ``name`` begins once the links of a body's full name join it.

    Only a chain whose first part is a body (``Union``, ``Institute``) is joined, and only
    onto a name without a title in it (``Bank of England Governor Andrew Bailey`` is a person).
    A possessor before the body (``Russia’s Union of ...``) is not part of its name.
    """
    start = name.start()
    if strip_titles(name.group(0)) != name.group(0):
        return start
    cursor, best = start, start
    for _ in range(4):  # a body name has few links
        link = _LINKED_BEFORE.search(prefix, max(0, cursor - _LINK_REACH), cursor)
        if not link:
            break
        part = link.group(1)
        cursor = link.start(1) + len(part) - len(without_leading_function_words(part))
        owner = _POSSESSOR.match(prefix, cursor, link.end(1))
        if owner:
            cursor = owner.end()
        if is_body(prefix[cursor : link.end(1)]):
            best = cursor
        if owner or cursor > link.start(1):
            break  # a possessor or a sentence opener ends the name
    return best


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


def without_leading_function_words(words: str) -> str:
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


def speaker_form(words: str) -> str:
    """How a body is named: ``the`` stays before one-word bodies (``the Kremlin``) only."""
    bare = words[4:] if words.startswith(("the ", "The ")) else words
    if words != bare and (" " not in bare or bare.startswith("United ")):
        return "the " + bare
    return bare
