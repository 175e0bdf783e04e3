"""Names in attributions: the subject of a speech verb, and the full name it stands for.

A subject is returned as ``(words, kind)`` with kind ``name`` (a capitalised
sequence: a person or a body), ``pronoun`` (``he``), ``leader`` (a
description of a leading person: ``Belarus’ leader``, ``the president``) or
``body_noun`` (``the ministry``). ``Resolver`` turns them into the name the
article first gives (``Lukashenko`` -> ``Alexander Lukashenko``).
"""

from __future__ import annotations

import re

from workbench.detect.lang import language

_language = language()  # English: the detectors' default language

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_ABBREVIATED = _language.titles.ABBREVIATED_TITLES
# A capitalised word; a final period only on initials and abbreviated titles, so that a
# name never runs over the end of a sentence (``São Paulo. Gustavo Faleiros``).
# ``U.S.``/``U.N.`` stay one token so that ``the U.S. State Department`` is one body.
NAME_TOKEN = (
    rf"(?:(?:[{UPPER}]\.){{2,}}|[{UPPER}]\.|{_ABBREVIATED}\.|[{UPPER}][\w'’-]*(?![\w'’-]*\.\w))"
)
PARTICLES = _language.titles.PARTICLES
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"
# ``Ursula von der Leyen``: up to two particles between two capitalised words.
NAME_SEQUENCE = re.compile(
    rf"{NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}{NAME_TOKEN})*"
)
_TRAILING_NAME = re.compile(rf"(?:{NAME_TOKEN}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}))*{NAME_TOKEN}$")
_TRAILING_FILLER = _language.people.TRAILING_FILLER
_ACRONYM_AFTER = re.compile(rf"\s*\((?:[{UPPER}][\w.&-]*)\)$")
_LOWER_HEAD = re.compile(r"([\w’'-]+)$")
_SKIPPABLE = _language.people.SKIPPABLE
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

_CALENDAR = _language.people.CALENDAR_WORDS
PRONOUNS = _language.people.PRONOUNS
TITLES = _language.titles.TITLES
BODY_WORDS = _language.people.BODY_WORDS
LEADER_NOUNS = _language.people.LEADER_NOUNS
BODY_NOUNS = _language.people.BODY_NOUNS
PERSON_NOUNS = _language.people.PERSON_NOUNS
_OWNED = _language.people.OWNED
_HEAD_OF = _language.people.HEAD_OF
# ``the foreign ministry`` keeps its lowercase modifiers (``the ministry`` alone is resolved).
_BODY_PHRASE = re.compile(r"\b(?:the|its|their)\s+((?:[a-z][\w-]*\s+){0,2}[a-z]+)$", re.IGNORECASE)
_NAMED_BODY = re.compile(rf"((?:{NAME_TOKEN}\s+)+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)$")
_LOWER_RUN = _language.people.LOWER_RUN
ANAPHORS = _language.people.ANAPHORS
_NOT_SUBJECTS = _language.people.NOT_SUBJECTS
_DOCUMENT_NOUNS = _language.people.DOCUMENT_NOUNS

FUNCTION_WORDS = _language.people.FUNCTION_WORDS


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


_PLACE_BEFORE = _language.people.PLACE_BEFORE
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
    document = _DOCUMENT_OF.search(prefix) if head in _DOCUMENT_NOUNS else None
    if document:  # ``a Washington Post report found``
        publisher = without_leading_function_words(document.group(1))
        if publisher.lower() not in _NOT_SUBJECTS and publisher.lower() not in FUNCTION_WORDS:
            return (publisher, "name")
    if head in ANAPHORS:
        return (head, "anaphor")
    return None


# ``Washington Post report``, ``Bellingcat’s new analysis``: the body's name before its document.
_DOCUMENT_OF = re.compile(
    rf"((?:{NAME_TOKEN}\s+)*{NAME_TOKEN})(?:’s|'s)?\s+(?:[a-z][\w-]*\s+){{0,2}}[\w-]+$"
)


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
        # ``Analyst Sarah Lind``: a role opening the sentence describes the name after it
        role = first in PERSON_NOUNS and len(first) > 3 and tokens[1][:1].isupper()  # not "Son"
        if first in TITLES or nationality or possessive or role:
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
