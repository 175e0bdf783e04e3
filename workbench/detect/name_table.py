"""The article's table of names: who ``Lukashenko``, ``he`` or ``the ministry`` stands for.

``Resolver`` reads the whole (quotation-masked) text once: every capitalised
name, every speech verb with a named subject, the accounts and spokespeople
it introduces. It then turns a subject found by ``names`` into the name the
article first gives (``Lukashenko`` -> ``Alexander Lukashenko``), a pronoun
into the person last named, and a document or post into its author.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language
from workbench.detect.names import (
    UPPER,
    definite_articles,
    is_body,
    name_grammar,
    speaker_form,
    strip_titles,
    without_leading_function_words,
)
from workbench.detect.sentences import paragraphs

# How far back a post or document may find its author: the same or the previous paragraphs.
_ANAPHOR_REACH = 1200

_POSSESSIVE_SPLIT = re.compile(r"(?<=[’']s)\s+|(?<=\w[’'])\s+")


@dataclass(frozen=True)
class _Patterns:
    """The patterns of this module built from one language's people words."""

    name_sequence: re.Pattern[str]
    account_intro: re.Pattern[str]
    publisher: re.Pattern[str]
    spokesperson_for: re.Pattern[str]
    # Where a ``spokesperson_for`` match may start: its opening words without the word
    # boundary before them (None: it does not open with one).
    spokesperson_words: re.Pattern[str] | None


@per_language
def _patterns(lang: LanguageData) -> _Patterns:
    people = lang.people
    names = name_grammar(lang)
    sequence, token = names.name_sequence.pattern, names.name_token
    return _Patterns(
        name_sequence=names.name_sequence,
        # Where an account is introduced: ``the account Several``, ``Tracker, an X account that``.
        account_intro=re.compile(
            rf"\b(?:account|blogger|channel|user|handle|{people.OUTLET_NOUNS})\s+(?P<after>{sequence})"
            rf"|(?P<before>{sequence}),\s+(?:an?|the)\s+(?:[\w’'-]+\s+){{0,3}}?"
            r"(?:account|blogger|channel|user)\b"
        ),
        # ``Pravda published the claim``: a publisher named as the subject of a publishing verb.
        publisher=re.compile(
            rf"(?<![\w,] )\b(?P<name>{sequence})\s+(?:later\s+|also\s+|[a-z]+ly\s+)?"
            rf"(?:{people.PUBLISHING_VERBS})\b"
        ),
        spokesperson_for=re.compile(
            rf"{people.SPOKESPERSON_BEFORE}((?:{token}[ ])*{token}"
            rf"{people.SPOKESPERSON_BODY_AFTER})"
        ),
        spokesperson_words=re.compile(people.SPOKESPERSON_BEFORE.removeprefix(r"\b"))
        if people.SPOKESPERSON_BEFORE.startswith(r"\b") else None,
    )


def _spokespeople(masked: str) -> list[tuple[int, str]]:
    """``spokesperson_for`` over the text, as ``(position, body)``.

    Its opening words (``spokesman for``) are looked for first, at C speed, and the whole
    pattern is tried only where they stand: no match starts anywhere else. Trying the
    whole pattern at every position cost ten times as much.
    """
    patterns = _patterns()
    if patterns.spokesperson_words is None:
        return [(m.start(), m.group(1)) for m in patterns.spokesperson_for.finditer(masked)]
    found = []
    pos = 0
    while opening := patterns.spokesperson_words.search(masked, pos):
        match = patterns.spokesperson_for.match(masked, opening.start())
        if match:
            found.append((match.start(), match.group(1)))
            pos = match.end()
        else:
            pos = opening.start() + 1
    return found


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
        lang = current_language()
        patterns = _patterns()
        self._masked = masked
        self._bodies: dict[str, str] = {}
        self._by_surname: dict[str, str] = {}
        self._people: list[tuple[int, str]] = []
        self._by_first: dict[str, set[str]] = {}
        self._by_part: dict[str, set[str]] = {}
        self._by_tail: dict[str, str] = {}
        self._surnames_by_length: dict[int, list[tuple[str, str]]] | None = None  # for ``_misspelt``
        self._full_names: dict[str, str] = {}  # for ``_full_name``
        # Every person or body named in the prose, as ``(position, name, may_be_subject)``: a
        # pronoun points to the latest subject of its paragraph, not to the latest name.
        # Whether a name is a subject is only worked out for the paragraphs a pronoun asks about.
        self._mentions: list[tuple[int, str, bool]] = []
        self._body_mentions: list[tuple[int, str]] = []
        self._subjects: dict[int, bool] = {}
        self._paragraphs = [start for start, _ in paragraphs(masked)]
        headings = []
        lone: list[tuple[int, str, bool]] = []  # one-word names: surnames once all are known
        line_ends, line_lasts = _line_end_marks(masked)
        for match in patterns.name_sequence.finditer(masked):
            in_heading = line_lasts[bisect_left(line_ends, match.end())] not in ".!?\"”»:;,)"
            first = True  # of two owners' names (``Russia’s Wagner``) only the first may lead
            named = match.group(0)
            # (no apostrophe, no owner: most names need no split)
            for part in _POSSESSIVE_SPLIT.split(named) if "’" in named or "'" in named else (named,):
                # ``Hajjaj’s case``, ``Biden’s administration``: an owner is no subject
                lead = first and not part.endswith(("’s", "'s", "’", "'"))
                first = False
                part = part.rstrip(".").rstrip("’'").removesuffix("’s")
                if in_heading:  # names in a headline count only when the body lacks them
                    headings.append((match.start(), part))
                elif is_body(part):
                    if lead:
                        self._body_mentions.append((match.start(), part))
                elif name := self._add_person(match.start(), part, checked=True):
                    self._mentions.append((match.start(), name, lead))
                elif " " not in (bare := strip_titles(without_leading_function_words(part))):
                    lone.append((match.start(), bare, lead))
        for pos, part in headings:
            self._add_person(pos, part)
        for pos, part, lead in lone:
            full = self._by_surname.get(_surname_key(part))
            if full:
                self._mentions.append((pos, full, lead))
        self._mentions.sort()
        self._mention_starts = [pos for pos, _, _ in self._mentions]
        self._spokes = _spokespeople(masked)
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
                elif not lang.people.AFTER_PREPOSITION.search(
                    masked, max(0, pos - 60), max(0, masked.rfind(found[0], 0, pos))
                ):
                    self._solo.append((pos, name))  # ``a video on Facebook claims``: no subject

    def _add_person(self, pos: int, words: str, checked: bool = False) -> str | None:
        """Record a person's full name; returns it, or None when ``words`` name no person.

        ``checked``: the caller already knows the words name no body.
        """
        if not checked and is_body(words):
            return None
        person = _person_name(words, current_language())
        if person is not None:
            tokens, core = person
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
            return name
        return None

    def resolve(self, found: tuple[str, str] | None, pos: int) -> str | None:
        if found is None:
            return None
        words, kind = found
        if kind == "anonymous":
            return ""
        if kind == "name":
            return self._full_name(words)
        if kind == "pronoun":
            near = self._subject_of_paragraph(pos)
            if near is not None:
                return near
        if kind == "it":
            body = self._body_of_paragraph(pos)
            if body is not None:
                return body
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
        """The name the article gives in full for ``words``; the same for each time it is asked."""
        if words not in self._full_names:  # (every name of the table is known by then)
            self._full_names[words] = self._work_out_full_name(words)
        return self._full_names[words]

    def _work_out_full_name(self, words: str) -> str:
        if is_body(words) or words.startswith(definite_articles()):
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
        if self._surnames_by_length is None:  # the surnames are all known once a name is resolved
            self._surnames_by_length = {}
            for surname, full in self._by_surname.items():
                self._surnames_by_length.setdefault(len(surname), []).append((surname, full))
        close = [
            full for surname, full in self._surnames_by_length.get(len(key), ())
            if sum(a != b for a, b in zip(surname, key, strict=True)) == 1
        ]
        return close[0] if len(close) == 1 else name

    def _body_full_name(self, words: str) -> str:
        """``the Kiel Institute`` -> ``Kiel Institute for the World Economy`` if the text says so."""
        if words not in self._bodies:  # asked again for every quotation of the same body
            the = definite_articles()
            bare = words[len(the[0]) :] if words.startswith(the) else words
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
        lang = current_language()
        patterns = _patterns()
        low = max(0, pos - _ANAPHOR_REACH)
        intros = list(patterns.account_intro.finditer(self._masked, low, pos))
        if intros:
            return self._full_name(intros[-1].group("after") or intros[-1].group("before"))
        if noun in lang.people.POST_NOUNS:
            near = [(p, n) for p, n in self._solo if low <= p < pos]
        else:
            near = [(p, n) for p, n, body in self._events if low <= p < pos and body]
            if not near:  # ``the correction reads``, ``the outlet wrote``: the body last named
                named = [(p, _as_written(self._masked, p, w)) for p, w in self._body_mentions
                         if low <= p < pos]
                named += [(m.start(), m.group("name"))
                          for m in patterns.publisher.finditer(self._masked, low, pos)]
                return max(named)[1] if named else None
        return max(near)[1] if near else None

    def event_between(self, start: int, end: int) -> tuple[int, str] | None:
        """The last named speaker of a speech verb in ``[start, end)``, with its position."""
        inside = [(pos, name) for pos, name, body in self._events if start <= pos < end and not body
                  and name]
        return inside[-1] if inside else None

    def _paragraph_start(self, pos: int) -> int:
        i = bisect_right(self._paragraphs, pos) - 1
        return self._paragraphs[i] if i >= 0 else 0

    def _subject_of_paragraph(self, pos: int) -> str | None:
        """``she said``: the person last named as a subject in the paragraph, else anyone named.

        A speech verb with an unnamed subject (``a senior official said``) counts as a
        subject too, and then nobody is named (``""``). Bodies never count.
        """
        start = self._paragraph_start(pos)
        low = bisect_left(self._mention_starts, start)
        high = bisect_left(self._mention_starts, pos)
        mentions = self._mentions[low:high]
        subjects = [(p, name) for p, name, lead in mentions if lead and self._is_subject(p)]
        for event_pos, name, is_a_body in reversed(self._events):
            if event_pos < start:
                break
            if event_pos < pos and not is_a_body:
                subjects.append((event_pos, name))
                break
        if subjects:
            return max(subjects)[1]
        return mentions[-1][1] if mentions else None

    def first_subject(self, start: int, end: int) -> str | None:
        """The first person named as a subject in ``[start, end)``."""
        low = bisect_left(self._mention_starts, start)
        for pos, name, lead in self._mentions[low:]:
            if pos >= end:
                break
            if lead and self._is_subject(pos):
                return name
        return None

    def _body_of_paragraph(self, pos: int) -> str | None:
        """``it said``: the body that last spoke in the paragraph, else the last one named there."""
        start = self._paragraph_start(pos)
        for event_pos, name, is_a_body in reversed(self._events):
            if event_pos < start:
                break
            if event_pos < pos and is_a_body:
                return name
        for p, words in reversed(self._body_mentions):  # few: only bodies named in the prose
            if p < start:
                break
            if p < pos and self._is_subject(p):
                return _as_written(self._masked, p, words)
        return None

    def _is_subject(self, pos: int) -> bool:
        if pos not in self._subjects:
            self._subjects[pos] = _opens_clause(self._masked, pos)
        return self._subjects[pos]

    def _last_event(self, pos: int, body: bool, named: bool = False) -> str | None:
        for start, name, is_a_body in reversed(self._events):
            if start < pos and is_a_body == body and (name or not named):
                return name
        return None

    def _last_person_before(self, pos: int) -> str | None:
        before = [name for start, name in self._people if start < pos]
        return before[-1] if before else None

    def _body_named(self, noun: str, pos: int) -> str | None:
        patterns = _patterns()
        if noun.startswith("spokes") or noun in {"statement", "official"}:
            before = [body for start, body in self._spokes if start < pos]
            if before:
                return self._body_full_name(before[-1])
            return self._last_event(pos, body=True)  # ``Netanyahu's office said ... the statement said``
        for match in reversed(list(patterns.name_sequence.finditer(self._masked, 0, pos))):
            if match.group(0).lower().split()[-1] == noun.split()[-1]:
                return self._body_full_name(match.group(0))
        the = definite_articles()
        if " " not in noun:  # ``the ministry`` after ``the foreign ministry said``
            article = "|".join(re.escape(a.rstrip()) for a in the)
            earlier = re.findall(rf"\b(?:{article})\s+((?:[a-z][\w-]*\s+){{1,2}}{noun})\b", self._masked[:pos])
            if earlier:
                return the[0] + earlier[-1]
        return the[0] + noun


@lru_cache(maxsize=1024)
def _longer_body(bare: str) -> re.Pattern[str]:
    """``Kiel Institute`` followed by ``for the World Economy``: one pattern per body name."""
    return re.compile(re.escape(bare) + rf"(?:\s+(?:for|of|on)(?:\s+the)?(?:\s+[{UPPER}][\w-]*)+)")


_INITIAL = re.compile(rf"[{UPPER}]\.$")
# Words that may stand between a name and what governs it: ``was 31-year-old Rana Khoury``,
# ``the opposition leader Tomas Berg``.
_DESCRIPTOR_BEFORE = re.compile(r"(?:\s+|^)(?:the|a|an|[\w-]*\d[\w-]*|[a-z]+)\s*$")
_CLAUSE_OPENERS = ",.;:!?—–(“”\"#\n"
_OPENER_REACH = 60  # chars looked at before a name


def _opens_clause(masked: str, pos: int) -> bool:
    """Whether the name at ``pos`` is the subject of its clause rather than an object.

    A name opens the text, a sentence or a comma clause, or follows a copula or an
    inverted speech verb; after any other word (``met Tomas Berg``, ``with Egypt``) it
    is governed by that word.
    """
    lang = current_language()
    before = masked[max(0, pos - _OPENER_REACH) : pos]
    while True:
        word = _DESCRIPTOR_BEFORE.search(before)
        if not word:
            break
        token = word.group(0).strip()
        if token in lang.speech.INVERTING:
            return True
        if token not in lang.stop_words.ARTICLES and token.lower() not in lang.titles.TITLES and not any(
            ch.isdigit() for ch in token
        ):
            return False
        before = before[: word.start()]
    before = before.rstrip()
    return not before or before[-1] in _CLAUSE_OPENERS


def _as_written(masked: str, pos: int, words: str) -> str:
    """A body as the text names it: ``The Interior Ministry`` -> ``the Interior Ministry``."""
    the = current_language().stop_words.DEFINITE_ARTICLE
    bare = without_leading_function_words(words)
    article = words[: len(words) - len(bare)].strip().lower() == the or masked[
        max(0, pos - len(the) - 1) : pos
    ].lower() == the + " "
    return f"{the} {bare}" if article else bare


def _plural(noun: str) -> bool:
    return noun in {"people", "men", "women"} or (noun.endswith("s") and not noun.endswith("ss"))


@lru_cache(maxsize=4096)  # asked for every name the text repeats
def _surname_key(token: str) -> str:
    return _OWNER_MARK.sub("", token).lower()


_OWNER_MARK = re.compile(r"(?:’s|'s|’|')$")


# A text names the same people again and again: each name is read once per language.
@lru_cache(maxsize=4096)
def _person_name(words: str, lang: LanguageData) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words of a person's full name and those of them that count (``Resolver._add_person``);
    None when ``words`` are no person's full name."""
    tokens = strip_titles(without_leading_function_words(words)).split()
    # ``Philip M. Breedlove``, ``Luiz Inácio Lula da Silva``: initials and particles are
    # part of the name but do not count towards its length
    core = [t for t in tokens if not _INITIAL.match(t) and t not in lang.titles.PARTICLES]
    longest = 4 if len(core) < len(tokens) else 3
    # the last word is the surname even when it is also a title (``Wayne King``)
    if 2 <= len(core) <= longest and tokens[0] in core and not any(
        t.lower() in lang.titles.TITLES or t.lower() in lang.people.FUNCTION_WORDS or t.isupper()
        for t in core[:-1]
    ) and not tokens[-1].isupper() and tokens[-1].lower() not in lang.people.FUNCTION_WORDS:
        return tuple(tokens), tuple(core)
    return None
