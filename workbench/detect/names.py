"""Names in attributions: the subject of a speech verb, and the full name it stands for.

A subject is returned as ``(words, kind)`` with kind ``name`` (a capitalised
sequence: a person or a body), ``pronoun`` (``he``), ``leader`` (a
description of a leading person: ``Belarus’ leader``, ``the president``) or
``body_noun`` (``the ministry``). ``Resolver`` turns them into the name the
article first gives (``Lukashenko`` -> ``Alexander Lukashenko``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.detect.first_chars import skipping
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_ACRONYM_AFTER = re.compile(rf"\s*\((?:[{UPPER}][\w.&-]*)\)$")
_WORD_RUN = re.compile(r"[\w’'-]+")  # a word as the subject's last word is read


def _last_word(prefix: str) -> str:
    """The run of word characters that ends ``prefix`` (before a final line break), or "".

    Read backwards from the end: searching for it from the start tried every word of the
    prefix, up to 240 characters, before the last one.
    """
    end = len(prefix) - 1 if prefix.endswith("\n") else len(prefix)  # where ``$`` also matches
    run = _WORD_RUN.match(prefix[end - 1 :: -1]) if end else None
    return prefix[end - run.end() : end] if run else ""
_OWNED_HEAD = re.compile(r"\s+([\w-]+)")


@dataclass(frozen=True)
class NameGrammar:
    """One language's patterns of names, built from its titles, particles and people words."""

    name_token: str  # a capitalised word of a name (a regex)
    name_sequence: re.Pattern[str]  # a run of them, particles between
    trailing_name: re.Pattern[str]
    named_later: re.Pattern[str]
    leading_subject: re.Pattern[str]
    body_of: re.Pattern[str]
    named_body: re.Pattern[str]
    linked_before: re.Pattern[str]
    document_of: re.Pattern[str]


@per_language
def name_grammar(lang: LanguageData) -> NameGrammar:
    """The name patterns of the language detection runs in."""
    # A capitalised word; a final period only on initials and abbreviated titles, so that a
    # name never runs over the end of a sentence (``São Paulo. Gustavo Faleiros``).
    # ``U.S.``/``U.N.`` stay one token so that ``the U.S. State Department`` is one body.
    name_token = (
        rf"{_name_start(lang.titles.ABBREVIATED_TITLES)}"
        rf"(?:(?:[{UPPER}]\.){{2,}}|[{UPPER}]\.|{lang.titles.ABBREVIATED_TITLES}\."
        rf"|[{UPPER}][\w'’-]*(?![\w'’-]*\.\w))"
    )
    particle = "(?:" + "|".join(sorted(lang.titles.PARTICLES)) + ")"
    # ``Ursula von der Leyen``: up to two particles between two capitalised words.
    name_sequence = re.compile(rf"{name_token}(?:[ ](?:{particle}[ ]){{0,2}}{name_token})*")
    sequence = name_sequence.pattern
    return NameGrammar(
        name_token=name_token,
        name_sequence=name_sequence,
        # (searched, end-anchored, before every speech verb: ``skipping`` jumps to the capitals)
        trailing_name=skipping(
            re.compile(rf"(?:{name_token}(?:[ ](?:{particle}[ ]){{0,2}}))*{name_token}$")
        ),
        named_later=re.compile(
            rf"[^.;:!?]*?(?:,\s+|\bname as\s+|\bnamed\s+|\bidentified as\s+)({sequence})"
            r"\s*(?:[,.;]|$)"
        ),
        leading_subject=re.compile(
            rf"\s*(?:(?P<pron>he|she|they)\b|(?P<the>the\s+)?(?:{lang.people.SKIPPABLE}\s+){{0,3}}?"
            rf"(?P<name>{sequence})"
            r"|(?P<desc>(?:an?|the|one|another)\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[\w’'-]+)))",
        ),
        body_of=re.compile(
            rf"^[\w’'\s-]{{0,40}}?\b(?:for|of|at|from)\s+(?:the\s+)?({sequence})"
        ),
        named_body=re.compile(rf"((?:{name_token}\s+)+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)$"),
        # ``Institute for the Study of War``, ``Union of Mechanical Engineers of Russia``: a
        # body's name runs on through ``of`` and ``for (the)``; a person's does not
        # (``Secretary of State``).
        linked_before=re.compile(rf"({sequence})\s+(?:of|for|on)(?:\s+the)?\s+$"),
        # ``Washington Post report``, ``Bellingcat’s new analysis``: the body's name before
        # its document.
        document_of=re.compile(
            rf"((?:{name_token}\s+)*{name_token})(?:’s|'s)?\s+(?:[a-z][\w-]*\s+){{0,2}}[\w-]+$"
        ),
    )


def _name_start(abbreviated_titles: str) -> str:
    """A look-ahead for where a name's word may start: the regex engine then skips every
    other position at once instead of trying each alternative of ``name_token`` there
    (three times faster over a whole text). It admits exactly what the alternatives admit."""
    if re.fullmatch(rf"\(\?:[{UPPER}]\w*(?:\|[{UPPER}]\w*)*\)", abbreviated_titles):
        return rf"(?=[{UPPER}])"  # every abbreviated title is capitalised
    return rf"(?=[{UPPER}]|{abbreviated_titles}\.)"


def subject_before(masked: str, start: int, verb: int) -> tuple[str, str] | None:
    """The subject that ends right before a speech verb at ``verb``, searching from ``start``."""
    return subject_ending(subject_prefix(masked, start, verb))


def subject_prefix(masked: str, start: int, verb: int) -> str:
    """The words before a speech verb at ``verb`` its subject may be found in (``subject_ending``)."""
    prefix = masked[max(start, verb - 240) : verb]  # a subject is never further away
    last_mark = max(map(prefix.rfind, "\"“”«»„"))
    return prefix[last_mark + 1 :]  # the subject never reaches back into a quotation


def subject_ending(prefix: str) -> tuple[str, str] | None:
    """The subject at the end of ``prefix`` (a ``subject_prefix``): it depends on these words only."""
    people = current_language().people
    grammar = name_grammar()
    while True:
        trimmed = people.TRAILING_FILLER.sub("", prefix)
        if trimmed == prefix:
            break
        prefix = trimmed
    prefix = _ACRONYM_AFTER.sub("", prefix.rstrip(" "))  # ``the Institute (RUSI) stated``
    if prefix.endswith(","):
        # ``Yaroslav Trofimov, a correspondent for X, said``: the name opens the clause.
        for segment in prefix.split(","):
            segment = segment.rstrip()
            name = grammar.trailing_name.search(segment)
            if name and _usable_name(name.group(0)) and not people.PLACE_BEFORE.search(
                    segment, 0, name.start()):
                return (without_leading_function_words(segment[body_start(segment, name):]), "name")
    prefix = prefix.rstrip(" ,")
    if not prefix:
        return None
    word = _last_word(prefix)
    if word in people.PRONOUNS:
        return (word.lower(), "pronoun")
    if word in people.BODY_PRONOUNS:
        return ("it", "it")
    name = grammar.trailing_name.search(prefix)
    if name:
        words = without_leading_function_words(prefix[body_start(prefix, name):])
        before = prefix[: name.end() - len(words)]
        if people.PLACE_BEFORE.search(before):
            return None
        if words.lower() in people.PERSON_NOUNS:
            return (words.lower(), "anonymous")  # ``Officials said``
        if words.lower() in people.NOT_SUBJECTS or _is_sentence_start_word(words, before):
            return None
        other = grammar.trailing_name.search(before[:-5]) if before.endswith(" and ") else None
        if other:  # ``The United States and South Korea said``
            words = other.group(0) + " and " + words
            before = before[: other.start()]
        the = definite_articles()
        if before.endswith(the):
            return (the[0] + words, "name")
        return (words, "name")
    if not word:
        return None
    return _described(prefix, word.lower())  # (a pronoun returned above)


_POSSESSOR = re.compile(r"[^\s]+(?:’s|'s)\s+")
_LINK_REACH = 80  # chars searched for each link: keeps the backward search linear


def body_start(prefix: str, name: re.Match[str]) -> int:
    """Where the name ending at ``name`` begins once the links of a body's full name join it.

    Only a chain whose first part is a body (``Union``, ``Institute``) is joined, and only
    onto a name without a title in it (``Bank of England Governor Andrew Bailey`` is a person).
    A possessor before the body (``Russia’s Union of ...``) is not part of its name.
    """
    grammar = name_grammar()
    start = name.start()
    if strip_titles(name.group(0)) != name.group(0):
        return start
    cursor, best = start, start
    for _ in range(4):  # a body name has few links
        link = grammar.linked_before.search(prefix, max(0, cursor - _LINK_REACH), cursor)
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
    people = current_language().people
    grammar = name_grammar()
    prefix = prefix[-80:]  # a description is short; the cut keeps the searches linear
    owned = people.OWNED.search(prefix)
    if owned:  # ``the ministry’s statement``, ``Netanyahu’s office``
        owner, thing = owned.group("owner"), owned.group("thing")
        if owner[:1].isupper():
            return (owned.group(0) if thing == "office" else owner, "name")
        if owner.lower() in people.BODY_NOUNS:
            return (owner.lower(), "body_noun")
    of = people.HEAD_OF.search(prefix)
    if of:
        head = of.group("head").lower()
    if head in people.LEADER_NOUNS:
        return (prefix[-40:].strip(), "leader")
    if head in people.PERSON_NOUNS:
        return (head, "anonymous")  # ``a senior official``: nobody is named
    named_body = grammar.named_body.search(prefix)
    if head in people.BODY_WORDS and named_body:  # ``Russian state media``
        return (named_body.group(1), "name")
    if head in people.BODY_NOUNS:
        phrase = people.BODY_PHRASE.search(prefix)
        return (phrase.group(1) if phrase else head, "body_noun")
    document = grammar.document_of.search(prefix) if head in people.DOCUMENT_NOUNS else None
    if document:  # ``a Washington Post report found``
        publisher = without_leading_function_words(document.group(1))
        if publisher.lower() not in people.NOT_SUBJECTS and publisher.lower() not in people.FUNCTION_WORDS:
            return (publisher, "name")
    if head in people.ANAPHORS:
        return (head, "anaphor")
    return None


def subject_after(masked: str, pos: int, limit: int) -> tuple[str, str] | None:
    """The subject that follows an inverted verb or ``according to``: ``said Ivan Sichkar``."""
    people = current_language().people
    grammar = name_grammar()
    match = grammar.leading_subject.match(masked, pos, limit)
    if not match:
        return None
    if match.group("pron"):
        return (match.group("pron").lower(), "pronoun")
    if match.group("name"):
        words = match.group("name")
        rest = people.LOWER_RUN.match(masked, match.end("name"), limit)
        if rest and rest.group(0).split()[-1].lower() in people.PERSON_NOUNS | people.BODY_WORDS:
            # a name that only qualifies a noun: ``one GOP operative``, ``Chinese state media``
            return _described(words + rest.group(0), rest.group(0).split()[-1].lower())
        return ((definite_articles()[0] + words) if match.group("the") else words, "name")
    head = match.group("head").lower()
    owned = _OWNED_HEAD.match(masked, match.end("head"), limit)
    if owned and head.endswith(("’s", "'s")):  # ``reads the video’s description``: the thing owned is the head
        head = owned.group(1).lower()
    named = grammar.named_later.match(masked, match.end(), min(limit, match.end() + 60))
    if named:  # ``said one of the neighbors, Yang Shu-mei`` / ``who gave his name as Chang``
        return (named.group(1), "name")
    body = grammar.body_of.match(masked[match.start("desc") : limit])
    if body:
        return (body.group(1), "name")
    if head in people.LEADER_NOUNS:
        return (match.group("desc"), "leader")
    if head in people.PERSON_NOUNS:
        return (head, "anonymous")
    if head in people.BODY_NOUNS:
        return (head, "body_noun")
    if head in people.ANAPHORS:
        return (head, "anaphor")
    return None


def without_leading_function_words(words: str) -> str:
    """``If Ukraine`` -> ``Ukraine``: a capitalised sentence opener is not part of a name."""
    return _without_leading_function_words(words, current_language())


# The article's table of names reads every name of a text, and names recur (within an
# article and across articles): each of these is worked out once per name and language.
@lru_cache(maxsize=4096)
def _without_leading_function_words(words: str, lang: LanguageData) -> str:
    people = lang.people
    tokens = words.split(" ")
    while len(tokens) > 1 and (
        tokens[0].lower() in people.NOT_SUBJECTS or tokens[0] in people.CALENDAR_WORDS
    ):
        tokens.pop(0)
    return " ".join(tokens)


def _usable_name(words: str) -> bool:
    people = current_language().people
    first = words.split()[0]
    return (
        first not in people.CALENDAR_WORDS
        and words.lower() not in people.NOT_SUBJECTS
        and first not in people.PRONOUNS
    )


def _is_sentence_start_word(words: str, before: str) -> bool:
    """``Officials said``: a capitalised common word at the start of a sentence is no name."""
    people = current_language().people
    return " " not in words and words.lower() in people.NOT_SUBJECTS


def strip_titles(words: str) -> str:
    """``Russian President Vladimir Putin`` -> ``Vladimir Putin``; keeps at least one word."""
    return _stripped_of_titles(words, current_language())


@lru_cache(maxsize=4096)
def _stripped_of_titles(words: str, lang: LanguageData) -> str:
    titles, people = lang.titles, lang.people
    tokens = words.split()
    titled = [i for i, t in enumerate(tokens[:-1]) if t.lower() in titles.TITLES]
    if titled:  # ``South Carolina Republican Gov. Nikki Haley``: the name follows the last title
        tokens = tokens[titled[-1] + 1 :]
    while len(tokens) > 1:
        first = tokens[0].lower().rstrip(",")
        nationality = (
            first.endswith(("n", "ese", "ish", "i", "ch")) and tokens[1].lower() in titles.TITLES
        )
        possessive = first.endswith(("’", "'", "’s", "'s"))
        # ``Analyst Sarah Lind``: a role opening the sentence describes the name after it
        role = first in people.PERSON_NOUNS and len(first) > 3 and tokens[1][:1].isupper()  # not "Son"
        if first in titles.TITLES or nationality or possessive or role:
            tokens.pop(0)
        else:
            break
    return " ".join(tokens)


def is_body(words: str) -> bool:
    return _is_body(words, current_language())


@lru_cache(maxsize=4096)
def _is_body(words: str, lang: LanguageData) -> bool:
    people = lang.people
    the = lang.stop_words.DEFINITE_ARTICLE + " "  # as ``definite_articles()[0]``
    tokens = words.lower().replace(the, "", 1).split()
    return any(t.strip(".,") in people.BODY_WORDS for t in tokens) or (
        len(tokens) == 1 and words.replace(the, "").isupper()
    )


def speaker_form(words: str) -> str:
    """How a body is named: ``the`` stays before one-word bodies (``the Kremlin``) only."""
    the = definite_articles()
    bare = words[len(the[0]) :] if words.startswith(the) else words
    if words != bare and (" " not in bare or bare.startswith("United ")):
        return the[0] + bare
    return bare


def definite_articles() -> tuple[str, str]:
    """``("the ", "The ")``: the definite article, as written before a name, in the current language."""
    the = current_language().stop_words.DEFINITE_ARTICLE
    return the + " ", the.capitalize() + " "
