"""Equipment: named military and security systems, found with a gazetteer.

The gazetteer (``resources/gazetteer/equipment.json``) lists each system once
under its canonical name with its aliases. Aliases are tokenised into runs of
letters and runs of digits and stored in a token trie, so ``S-400``, ``S400``
and ``S 400`` are one path and the text is scanned once, token by token,
whatever the size of the gazetteer.

Many system names are ordinary words or people's names (``Patriot``,
``Tiger``, ``Abrams``). Such aliases are proposed only when military words
are near and the name does not look like part of a person's name or a title.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, pairwise
from typing import Any

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.equipment_starts import may_name_at, name_openers
from workbench.detect.equipment_words import equipment_patterns
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, in_context_language
from workbench.detect.ship_names import hulls, ship_classes
from workbench.detect.transliteration import one_letter_off, transliteration_slip
from workbench.paths import resource

KIND = "equipment"

# Letters and digits are separate tokens so that "S400" and "S-400" tokenise alike.
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_Spans = list[re.Match[str]]  # the tokens' matches; their texts are a list of words beside them
# What may stand between two tokens of one name: nothing (S400), a hyphen, a
# space, a slash (F/A-18), an apostrophe (Sa'ar) or an initial's dot (D. Eisenhower).
_GAP = re.compile(r"[ \u00a0\-\u2010\u2011\u2013/'\u2019.]{0,2}")
_NORMALISE = re.compile(r"[\s\-\u2010\u2011\u2013/.'\u2019]+")
# How far around an ambiguous name military words are looked for (about 20 words).
_WINDOW = 120

_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish|i)$")


# A misspelt transliteration ("Iskandar", "Kinzal") is looked for only in capitalised
# words this long: shorter names are one letter away from too many ordinary words.
_MIN_MISSPELT = 6


@dataclass(frozen=True, slots=True)
class Entry:
    """One system in the gazetteer."""

    canonical: str
    aliases: tuple[str, ...]
    category: str
    country: str
    ambiguous: bool
    context_words: tuple[str, ...]
    ambiguous_aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases)


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: Entry
    tokens: tuple[str, ...]  # as written in the gazetteer
    spaced: tuple[bool, ...]  # whether the gazetteer puts a space between tokens i and i+1
    has_digit: bool
    ambiguous: bool


class _Node:
    __slots__ = ("children", "aliases")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.aliases: list[_Alias] = []


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    alias: _Alias
    score: float


def _normalise(name: str) -> str:
    return _NORMALISE.sub("", name.casefold())


def _alias_is_ambiguous(entry: Entry, alias: str) -> bool:
    if entry.ambiguous_aliases:
        return alias in entry.ambiguous_aliases
    # By default the risky names of an ambiguous entry are its one-word names
    # without a digit: "Patriot" is a word, "Patriot PAC-2" and "MIM-104" are not.
    return entry.ambiguous and not any(c.isdigit() for c in alias) and " " not in alias


def _entry_from_json(raw: dict[str, Any]) -> Entry:
    return Entry(
        canonical=raw["canonical"],
        aliases=tuple(raw.get("aliases", ())),
        category=raw["category"],
        country=raw["country"],
        ambiguous=bool(raw.get("ambiguous", False)),
        context_words=tuple(raw.get("context_words", ())),
        ambiguous_aliases=tuple(raw.get("ambiguous_aliases", ())),
    )


@cache
def all_entries() -> list[Entry]:
    """Every system in the gazetteer, in file order."""
    with resource("gazetteer", "equipment.json").open(encoding="utf-8") as handle:
        document = json.load(handle)
    return [_entry_from_json(raw) for raw in document["systems"]]


@cache
def _by_name() -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for entry in all_entries():
        for name in entry.names:
            table.setdefault(_normalise(name), entry)
    return table


def lookup(name: str) -> Entry | None:
    """The entry a name refers to, ignoring case, hyphens and spaces (``S400`` -> S-400 Triumf)."""
    key = _normalise(name)
    table = _by_name()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:  # "F-16s", "Kinzhals"
        return table[key[:-1]]
    return None


def _trie() -> _Node:
    return _trie_in(current_language())


@cache
def _trie_in(lang: LanguageData) -> _Node:
    """The gazetteer's names as a token trie; ``lang`` says which words describe a name."""
    descriptors = lang.equipment.DESCRIPTORS
    root = _Node()
    for entry in all_entries():
        for name in dict.fromkeys(entry.names):
            spans = list(_TOKEN.finditer(name))
            if not spans or _ends_in_a_descriptor(name, descriptors):
                continue
            tokens = tuple(m.group() for m in spans)
            spaced = tuple(" " in name[a.end() : b.start()] for a, b in pairwise(spans))
            node = root
            for token in tokens:
                node = node.children.setdefault(token.casefold(), _Node())
            node.aliases.append(
                _Alias(
                    entry=entry,
                    tokens=tokens,
                    spaced=spaced,
                    has_digit=any(c.isdigit() for c in name),
                    ambiguous=_alias_is_ambiguous(entry, name),
                )
            )
    return root


def _ends_in_a_descriptor(name: str, descriptors: frozenset[str]) -> bool:
    """'Kilo-class submarine', 'Puma IFV': the span is the name, not the generic noun after it."""
    last = name.rsplit(" ", 1)[-1]
    return " " in name and last != "class" and (last.islower() or last in descriptors)


@cache
def _entry_context(entry: Entry) -> re.Pattern[str] | None:
    if not entry.context_words:
        return None
    words = "|".join(re.escape(word) for word in entry.context_words)
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@in_context_language
def detect_equipment(text: str, ctx: DetectContext) -> list[Candidate]:
    """Every named system in ``text``, longest name first, as ``equipment`` candidates."""
    cues = current_language().equipment
    del ctx  # no publication date needed; its language is current (in_context_language)
    spans = list(_TOKEN.finditer(text))  # a token's position is read only where a name may start
    words = list(map(re.Match.group, spans))
    found = _candidates(text, spans, words, distinct := set(words))  # each word judged once, not per use
    found += _misspelt(text, spans, words, {m.start for m in found}, distinct)
    found = [m for m in found if not cues.NOT_A_SYSTEM.search(text, max(0, m.start - 20), m.start)]
    plain = [m for m in found if not m.alias.ambiguous]
    accepted = plain + [m for m in found if m.alias.ambiguous and _in_context(text, m, plain)]
    accepted += _ships(text, distinct) + _families(text)
    chosen = [_with_family(text, m) for m in _merge_same_system(text, _longest_first(accepted))]
    return [
        Candidate(
            kind=KIND,
            start=m.start,
            end=m.end,
            text=text[m.start : m.end],
            value=m.alias.entry.canonical,
            score=m.score,
            extra={"category": m.alias.entry.category, "country": m.alias.entry.country},
        )
        for m in chosen
    ]


def _candidates(text: str, spans: _Spans, words: list[str], distinct: set[str]) -> list[_Match]:
    """For each token that starts a name, the longest well-cased name starting there."""
    openers = name_openers(distinct, _trie().children)
    matches: list[_Match] = []
    for i in compress(range(len(words)), map(openers.__contains__, words)):
        start = spans[i].start()
        if start > 0 and text[start - 1].isalnum():
            continue  # the middle of a word or model number ("2S19" does not start at "S")
        if not may_name_at(openers, words, i):
            continue  # ("a new", "is the": the walk would find nothing)
        best = _longest_at(text, spans, words, i)
        if best is not None:
            matches.append(best)
    return matches


def _misspelt(text: str, spans: _Spans, words: list[str], taken: set[int], distinct: set[str],
              ) -> list[_Match]:
    """'Iskandar', 'Kinzal': one letter off a one-word name, proposed only with military context.

    The misspelt word is read as the gazetteer's word and the name is walked on from there
    ("Iskandar-M"), so variants keep working; the match counts as ambiguous.
    """
    patterns = equipment_patterns()
    lang = current_language()
    slips = {w for w in distinct if len(w) >= _MIN_MISSPELT and w[0].isupper() and not w.isupper()
             and _misspelling_of(w, lang) is not None}  # usually none: the loop below is then empty
    matches = []
    for i in compress(range(len(words)), map(slips.__contains__, words)):
        start, end, token = spans[i].start(), spans[i].end(), words[i]
        if start in taken or start > 0 and text[start - 1].isalnum():
            continue
        name = _misspelling_of(token, lang)
        if name is None:
            continue
        if _opens_sentence(text, start) and not patterns.context_next.match(text, _skip_space(text, end)):
            continue  # "Murder charges ...": a capital that only opens a sentence proves nothing
        words[i] = name  # the walk reads the name's word here (a copy of all words per slip was quadratic)
        best, words[i] = _longest_at(text, spans, words, i), token
        if best is not None:
            alias = _Alias(best.alias.entry, best.alias.tokens, best.alias.spaced, best.alias.has_digit, True)
            matches.append(_Match(best.start, best.end, alias, 0.6))
    return matches


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \u00a0\"“‘'")
    return not before or before[-1] in ".!?:\n"


@lru_cache(maxsize=4096)  # names, places and sentence openers recur across texts
def _misspelling_of(token: str, lang: LanguageData) -> str | None:
    """The name word ``token`` is a transliteration slip of, if any (``lang`` keys the cache:
    which slips transliteration makes is the current language's data)."""
    index = _misspelling_index()
    key = next((k for k in one_letter_off(token) if k in index), None)
    if key is None or not transliteration_slip(token.casefold(), index[key].casefold()):
        return None
    return index[key]


@cache
def _misspelling_index() -> dict[str, str]:
    """Each long name word that is no ordinary word (not ``Dagger``), and its one-letter deletions -> the name.

    A text word one edit away from a name shares a key with it: "iskandar" and "iskander"
    both give "iskandr"; "kinzal" is "kinzhal" less a letter. The first letter is kept:
    transliterations differ inside the word, not at its start.
    """
    index: dict[str, str] = {}
    clashes: set[str] = set()
    for entry in all_entries():
        for name in entry.names:
            if _alias_is_ambiguous(entry, name):
                continue
            tokens = _TOKEN.findall(name)
            word = tokens[0] if tokens else ""
            if len(word) < _MIN_MISSPELT or not word.isalpha() or not word[0].isupper():
                continue
            for key in one_letter_off(word):
                if index.get(key, word) != word:
                    clashes.add(key)  # two names this close: a misspelling could be either
                index.setdefault(key, word)
    return {key: word for key, word in index.items() if key not in clashes}


def _ships(text: str, tokens: set[str]) -> list[_Match]:
    """Named hulls and ship classes, with the gazetteer's entry when it has one."""
    matches = []
    for start, end, name in [*hulls(text, tokens), *ship_classes(text, lambda n: lookup(n) is not None)]:
        entry = lookup(name) or Entry(name, (), "ship", "", False, (), ())
        alias = _Alias(entry, (name,), (), any(c.isdigit() for c in name), False)
        matches.append(_Match(start, end, alias, 0.8))
    return matches


def _families(text: str) -> list[_Match]:
    """'AK-platform', 'AR-style': a bare family name before a family word."""
    patterns = equipment_patterns()
    cues = current_language().equipment
    matches = []
    for found in patterns.family.finditer(text):
        entry = lookup(cues.FAMILY_PREFIXES[found.group()])
        if entry is not None:
            alias = _Alias(entry, (found.group(),), (), False, False)
            matches.append(_Match(found.start(), found.end(), alias, 0.8))
    return matches


def _with_family(text: str, match: _Match) -> _Match:
    """'AK-platform rifles', 'AR-15-style rifle': the family word belongs to the name."""
    cues = current_language().equipment
    suffix = cues.FAMILY_SUFFIX.match(text, match.end)
    if suffix is None:
        return match
    return _Match(match.start, suffix.end(), match.alias, match.score)


def _longest_at(text: str, spans: _Spans, words: list[str], i: int) -> _Match | None:
    """Walk the trie from token ``i``; keep every name that ends on a word boundary."""
    options: list[tuple[int, float, _Alias, list[str], list[str]]] = []
    node = _trie()
    written: list[str] = []
    gaps: list[str] = []
    j = i
    while j < len(words):
        token, end = words[j], spans[j].end()
        key = token.casefold()
        if not (plural := key.endswith("s") and key[:-1] in node.children) and key not in node.children:
            break  # the word goes on no name: no need to read the gap before it
        if j > i:
            gap = text[spans[j - 1].end() : spans[j].start()]
            if not _GAP.fullmatch(gap):
                break
            gaps.append(gap)
        # A plural on the last word ("Kinzhals", "Leopards") ends the name here.
        if plural and _ends_cleanly(text, end):
            for alias in node.children[key[:-1]].aliases:
                options.append((end, 0.85, alias, [*written, token[:-1]], list(gaps)))
        if key not in node.children:
            break
        node = node.children[key]
        written.append(token)
        for alias in node.aliases:
            stop = _name_end(text, end, alias)
            if stop is not None:
                score = 0.9 if alias.has_digit or len(alias.tokens) > 1 else 0.8
                options.append(
                    (stop, score if stop == end else 0.7, alias, list(written), list(gaps))
                )
        j += 1
    for stop, score, alias, written_words, seen_gaps in sorted(options, key=lambda o: (-o[0], -o[1])):
        if _fits(written_words, seen_gaps, alias):
            return _Match(spans[i].start(), stop, alias, score)
    return None


def _name_end(text: str, end: int, alias: _Alias) -> int | None:
    """Where a name that matched up to ``end`` really ends, or None if it is part of a longer word."""
    if _ends_cleanly(text, end):
        return end
    if re.match(r"s\b", text[end : end + 2]):
        return end + 1  # plural of a model: "F-16s", "Ka-52s"
    if alias.has_digit and alias.tokens[-1][-1].isdigit():
        # An unlisted variant glued to a listed model ("T-80BVM", "Su-27SM"): same system.
        suffix = re.match(r"[A-Z0-9]{1,4}\b", text[end : end + 5])
        if suffix:
            return end + suffix.end()
    return None


def _ends_cleanly(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum()


def _fits(written: list[str], gaps: list[str], alias: _Alias) -> bool:
    """Spacing and case as the gazetteer writes the name.

    A space may only stand where the name has one ("Leopard 2", not "A 10");
    'Patriot' and 'PATRIOT' match Patriot, 'patriot' does not.
    """
    for gap, spaced, after in zip(gaps, alias.spaced, alias.tokens[1:], strict=False):
        if not spaced and any(c.isspace() for c in gap) and after != "class":
            return False  # "Oscar class" is written with and without its hyphen
    for text_token, alias_token in zip(written, alias.tokens, strict=False):
        if text_token == alias_token or text_token.isdigit():
            continue
        if text_token.isupper() and (len(text_token) > 1 or alias_token.isupper()):
            continue  # headlines in capitals; "SU-34" for "Su-34"
        if text_token == alias_token.capitalize():
            continue  # title-cased headline "Sea Baby Drone"; "Mig-29" for "MiG-29"
        return False
    return True


def _in_context(text: str, match: _Match, plain: list[_Match]) -> bool:
    """An ambiguous name counts only near military words and not as part of a person's name."""
    patterns = equipment_patterns()
    if _after_a_title_or_before_speech(text, match):
        return False
    if patterns.context_next.match(text, _skip_space(text, match.end)):
        return True  # "Abrams tanks", "Tiger helicopters", "Patriot Air Defense"
    if _before_a_name_word(text, match.end) or _after_a_name_word(text, match.start):
        return False
    if any(other.alias.entry is match.alias.entry and other.start < match.start for other in plain):
        return True  # "the Iskander-M ... the Iskander": the short name after the full one
    low, high = _window(text, match.start, match.end)
    around = text[low : match.start] + " " + text[match.end : high]
    if patterns.context.search(around):
        return True
    extra = _entry_context(match.alias.entry)
    if extra is not None and extra.search(around):
        return True
    return any(low <= other.start and other.end <= high for other in plain)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \u00a0-":
        position += 1
    return position


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to _WINDOW characters each side, within the paragraph."""
    low = max(0, start - _WINDOW)
    high = min(len(text), end + _WINDOW)
    newline = text.rfind("\n", low, start)
    if newline != -1:
        low = newline + 1
    newline = text.find("\n", end, high)
    if newline != -1:
        high = newline
    return low, high


def _after_a_title_or_before_speech(text: str, match: _Match) -> bool:
    cues = current_language().equipment
    previous = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, match.start - 20) : match.start])
    if previous and previous.group(1).casefold() in cues.HONORIFICS:
        return True  # "Mr. Abrams", "Gen. Bradley"
    return cues.SPEECH_AFTER.match(text, match.end) is not None  # "Abrams said"


def _before_a_name_word(text: str, end: int) -> bool:
    """'Patriot Act', 'Tiger Woods', 'Typhoon Haiyan': a capitalised word follows."""
    return re.match(r" [A-Z][a-z]+\b", text[end : end + 30]) is not None


def _after_a_name_word(text: str, start: int) -> bool:
    """'Stacey Abrams': a capitalised word before that is not a determiner or a nationality."""
    cues = current_language().equipment
    previous = re.search(r"([A-Z][a-z]+) $", text[max(0, start - 25) : start])
    if previous is None:
        return False
    word = previous.group(1)
    return word.casefold() not in cues.OK_BEFORE and not _DEMONYM.fullmatch(word)


def _longest_first(matches: list[_Match]) -> list[_Match]:
    """Drop matches that overlap an earlier or longer one."""
    chosen: list[_Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if chosen and match.start < chosen[-1].end:
            continue
        chosen.append(match)
    return chosen


def _merge_same_system(text: str, matches: list[_Match]) -> list[_Match]:
    """'9M723 Iskander-M' and 'Iskander 9M723' name one system: one span."""
    merged: list[_Match] = []
    for match in matches:
        if (
            merged
            and merged[-1].alias.entry is match.alias.entry
            and text[merged[-1].end : match.start] == " "
        ):
            last = merged.pop()
            match = _Match(last.start, match.end, match.alias, max(last.score, match.score))
        merged.append(match)
    return merged
