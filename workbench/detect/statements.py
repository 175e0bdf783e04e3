"""Checkable statements: sentences that assert something about the world.

A transparent scored rule, no model. Each sentence starts at ``BASE`` and
every feature adds or takes away a fixed weight (``WEIGHTS``); sentences at
or above ``THRESHOLD`` are proposed, and the score (clipped to 0..1) is the
candidate's confidence. Facts pull up: figures, dates and equipment already
found inside the sentence, named entities, past-tense event verbs,
superlatives, comparisons, causes, scheduled events, reported speech.
Opinions pull down: forecasts and intentions (``will``, ``plans to``,
``could``), hedges, opinion words, the narrator's ``I``/``we``/``you``.
Questions, headline debris, credit lines, and sentences that are only a
direct quotation with its attribution are never statements.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.first_chars import lower_cased, reads_lower_cased, skipping
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, in_context_language, per_language
from workbench.detect.sentences import paragraphs, sentences

BASE = 0.3
THRESHOLD = 0.4
WEIGHTS: dict[str, float] = {
    "figure": 0.25,
    "date": 0.15,
    "equipment": 0.15,
    "entities": 0.1,  # two or more capitalised names after the first word
    "event_verb": 0.2,
    "superlative": 0.15,
    "comparison": 0.1,
    "cause": 0.1,
    "scheduled": 0.15,
    "reported_fact": 0.1,  # ``X said`` with a fact outside the quotation marks
    "finding": 0.3,  # what a check or analysis established: ``found that``, ``no evidence``
    "caption": 0.2,  # a verbless line naming who, where and when
    "modal": -0.4,
    "intention": -0.3,
    "main_intention": -0.15,  # the intention is the sentence's own verb: ``X plans to build``
    "hedge": -0.1,
    "opinion": -0.25,
    "first_person": -0.3,
    "quote_heavy": -0.3,
    "characterisation": -0.1,
    "reaction": -0.35,  # a feeling reported: ``said he was "very moved"``
}

_WORD = re.compile(r"[\w’'-]+")


_ENTITY = skipping(re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+"))
# A capitalised pronoun inside a name (``Check Your Fact``) is no narrator's voice.
_PRONOUN_IN_NAME = re.compile(r"\b(?P<before>[A-Z][\w’'-]*) (?:Your|Our|My|We|You)(?= [A-Z])")
# A feeling is the sentence's news only in a short sentence with no fact of its own.
_REACTION_WORDS = 20
_CLOSING = "\"”’'»"
_FINAL = ".!?…;:"


@dataclass(frozen=True)
class _Searches:
    """The cue patterns searched in every sentence, each behind a look-ahead (``first_chars``)."""

    credit: re.Pattern[str]
    finding: re.Pattern[str]
    finding_lower: re.Pattern[str] | None  # ``finding`` for lower-cased text (``first_chars.lower_cased``)
    phrases: re.Pattern[str]
    update_promise: re.Pattern[str]
    # The features that fire on a single word, with the words.
    vocabularies: tuple[tuple[str, frozenset[str] | None], ...]
    vocabulary_words: frozenset[str]  # all of their words
    past_form: _WordEnding  # ``-ed``: a regular past tense (an event verb)
    superlative_form: _WordEnding  # ``-est``
    # ``SPEECH_ONLY`` without its opening run of blanks and punctuation (None: it has none)
    speech_only_rest: re.Pattern[str] | None


@per_language
def _searches(lang: LanguageData) -> _Searches:
    cues = lang.statements
    vocabularies = (
        ("comparison", cues.COMPARISON_WORDS),
        ("cause", cues.CAUSE_WORDS),
        ("scheduled", frozenset()),
        ("intention", cues.INTENTION_WORDS),
        ("hedge", cues.HEDGE_WORDS),
        ("opinion", cues.OPINION_WORDS),
        ("first_person", None),
        ("characterisation", cues.CHARACTER_WORDS),
    )
    finding_lower = lower_cased(cues.FINDING)
    return _Searches(skipping(cues.CREDIT), skipping(cues.FINDING), finding_lower and skipping(finding_lower),
                     skipping(cues.PHRASES), skipping(cues.UPDATE_PROMISE), vocabularies,
                     frozenset().union(*(words for _, words in vocabularies if words is not None)),
                     _WordEnding("ed", 4, cues.NOT_PAST), _WordEnding("est", 5, cues.NOT_SUPERLATIVE),
                     _without_leading_run(cues.SPEECH_ONLY))


@dataclass(frozen=True, slots=True)
class _Features:
    names: tuple[str, ...]

    def score(self) -> float:
        return BASE + sum(WEIGHTS[name] for name in self.names)


@in_context_language
def detect_statements(
    text: str, ctx: DetectContext | None = None, found: Iterable[Candidate] = ()
) -> list[Candidate]:
    """Sentences that assert something checkable, given the claims already found."""
    found = sorted(found, key=lambda c: c.start)
    quotes = [(c.start, c.end) for c in found if c.kind == "quote"]
    others = [c for c in found if c.kind in {"figure", "date", "equipment"}]
    other_starts = [c.start for c in others]
    quote_starts = [q[0] for q in quotes]
    heading_ends = {end for _, end in _headings(text)}
    result = []
    for start, end in sentences(text):
        start, end = _without_label(text, start, end)
        span = statement_span(text, start, end)
        if span is None:
            continue
        s_start, s_end = span
        # Only the claims near this sentence: a quotation may open before it and run on.
        near_quotes = quotes[max(0, bisect_left(quote_starts, start) - 1) : bisect_left(quote_starts, end)]
        inside = others[bisect_left(other_starts, start) : bisect_left(other_starts, end)]
        features = sentence_features(text, start, end, near_quotes, inside, end in heading_ends)
        if features is None:
            continue
        score = features.score()
        if score >= THRESHOLD:
            result.append(
                Candidate(
                    kind="statement",
                    start=s_start,
                    end=s_end,
                    text=text[s_start:s_end],
                    score=round(min(max(score, 0.0), 1.0), 3),
                    extra={"features": list(features.names)},
                )
            )
    return result


# A related-story line is annotated like any sentence, without its label and brackets.
_LABEL = re.compile(
    r"(?P<open>\()?(?:RELATED|READ MORE|SEE ALSO|ALSO READ|Related|Read more|See also)\s*:\s*"
)


_GERUND_TITLE = re.compile(r"(?:[A-Z][\w’'-]*\s+)?[A-Z][a-z]+ing\b")


def _without_label(text: str, start: int, end: int) -> tuple[int, int]:
    label = _LABEL.match(text, start, end)
    if not label:
        return start, end
    if label.group("open") and text[end - 1] == ")":
        end -= 1
    if _GERUND_TITLE.match(text, label.end(), end):
        return end, end  # ``Breaking Down X's Claim``: a title that asserts nothing
    return label.end(), end


def statement_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence without its final punctuation and a closing quotation mark after it."""
    while end > start and (text[end - 1] in _FINAL or text[end - 1] in _CLOSING
                           or text[end - 1].isspace()):
        if text[end - 1] in _CLOSING and not _closes_quote(text, start, end - 1):
            break
        end -= 1
    return (start, end) if end > start else None


def _closes_quote(text: str, start: int, pos: int) -> bool:
    """An apostrophe at the end of a word (``Belarus’``) is no closing mark."""
    mark = text[pos]
    if mark in "’'":
        return "‘" in text[start:pos] or text[start:pos].count("'") % 2 == 1
    return True


def sentence_features(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    others: list[Candidate],
    is_heading: bool,
) -> _Features | None:
    """The names of the features that fire on ``text[start:end]``; None when it is excluded."""
    cues = current_language().statements
    searches = _searches()
    sentence = text[start:end]
    words = _WORD.findall(sentence)
    if len(words) < 4 or sentence.rstrip(_CLOSING + ")]").endswith("?"):
        return None  # a question, also one closed by a bracket or quotation mark
    if is_heading and cues.QUESTION_TITLE.match(sentence):
        return None  # a title that asks without its question mark
    if len(words) < 30 and searches.credit.search(sentence):
        return None
    if cues.EDITORIAL.match(sentence):
        return None  # a note about the article itself, not about the world
    # (most sentences have no quotation near them)
    inside = sum(max(0, min(end, q_end) - max(start, q_start)) for q_start, q_end in quotes) if quotes else 0
    narration = _outside_quotes(text, start, end, quotes) if quotes else sentence
    quote_share = inside / max(1, len(sentence))
    opens_with_quote = sentence[:1] in "\"“„«"
    if (opens_with_quote or quote_share > 0.5) and _speech_only(_strip_quoted(narration)):
        return None  # a direct quotation with its attribution: the quote claim covers it
    names: list[str] = []
    kinds = {c.kind for c in others if start <= c.start and c.end <= end
             and not (quotes and _inside_any(c.start, quotes))}
    names.extend(k for k in ("figure", "date", "equipment") if k in kinds)
    narration_lower = narration.lower()
    if "update" in narration_lower:  # (the promise names the word: most sentences lack it)
        narration = searches.update_promise.sub(" ", narration)
        narration_lower = narration.lower()
    entities = _ENTITY.finditer(narration)
    if next(entities, None) and next(entities, None):  # two are enough: the rest is not read
        names.append("entities")
    tokens = words if narration == sentence else _WORD.findall(narration)  # most quote nothing
    lower = set(map(str.lower, tokens))
    phrases = {m.lastgroup for m in searches.phrases.finditer(narration_lower)}
    if "event" in phrases or _has_event_verb(lower):
        names.append("event_verb")
    # (a word that ends in ``est`` leaves ``est`` in the lower-cased narration: most have none)
    if lower & cues.SUPERLATIVES or "est" in narration_lower and searches.superlative_form.any_in(lower):
        names.append("superlative")
    cue_words = lower & searches.vocabulary_words  # one look-up per word, not one per vocabulary
    for name, vocabulary in searches.vocabularies:
        if vocabulary is None:  # the first person
            # Taking a pronoun out of a name only removes words: with none in the narration
            # to begin with, there is nothing to take out.
            hit = not cues.FIRST_PERSON_WORDS.isdisjoint(tokens) and bool(cues.FIRST_PERSON_WORDS.intersection(
                _WORD.findall(_PRONOUN_IN_NAME.sub(r"\g<before>", narration))))
        else:
            hit = bool(cue_words) and not vocabulary.isdisjoint(cue_words) or name in phrases
        if hit:
            names.append(name)
    main = "intention" in names and cues.MAIN_INTENTION.match(narration.strip())
    if main and not cues.RELATIVE.search(main.group(0)):
        names.append("main_intention")
    if searches.finding_lower is not None and reads_lower_cased(narration, narration_lower):
        finding = searches.finding_lower.search(narration_lower)  # the same span, without case folding
    else:
        finding = searches.finding.search(narration)
    if finding:
        names.append("finding")
    # ``May 16`` is a month: only a lowercase ``may`` is a modal; ``could not verify`` is a finding
    if finding or "May" in tokens:
        modal_text = narration[: finding.start()] + narration[finding.end():] if finding else narration
        modal_words = {t if t == "May" else t.lower() for t in _WORD.findall(modal_text)}
    else:
        modal_words = lower  # the same words, all lower-cased
    if not cues.MODAL_WORDS.isdisjoint(modal_words) and (
        "scheduled" not in names
    ):
        names.append("modal")
    if not kinds and "finding" not in names and len(words) <= _REACTION_WORDS and any(
        m.group("feeling") in cues.FEELING_WORDS for m in cues.REACTION.finditer(narration)
    ):
        names.append("reaction")
    reported = bool(lower & cues.REPORTED_WORDS)
    if reported and (kinds or "event_verb" in names):
        names.append("reported_fact")
    if quote_share > 0.5:
        names.append("quote_heavy")
    if is_heading and "event_verb" not in names and not kinds:
        return None  # a headline or section title without a fact in it
    if "event_verb" not in names and "date" in kinds and "entities" in names:
        names.append("caption")
    return _Features(tuple(names))


def _has_event_verb(lower: set[str]) -> bool:
    """A verb of something that happened or holds, other than the verb of saying."""
    if lower & current_language().statements.IRREGULAR_PAST:
        return True
    return _searches().past_form.any_in(lower)


class _WordEnding:
    """Words longer than ``longer_than`` that end in ``ending``, except ``but``.

    Each word is judged once and remembered: an article repeats its words, and
    most words of one article recur in the next, so a sentence's words are then
    two set operations instead of a loop in Python.
    """

    _REMEMBERED = 50_000  # words of each answer kept; forgotten all at once past this

    def __init__(self, ending: str, longer_than: int, but: frozenset[str]) -> None:
        self._ending, self._longer_than, self._but = ending, longer_than, but
        self._yes: set[str] = set()
        self._no: set[str] = set()

    def any_in(self, words: set[str]) -> bool:
        """Whether one of ``words`` ends so."""
        if not self._yes.isdisjoint(words):
            return True
        unjudged = words - self._no
        if not unjudged:
            return False
        if len(self._no) > self._REMEMBERED or len(self._yes) > self._REMEMBERED:
            self._yes.clear()
            self._no.clear()
        for word in unjudged:
            if word.endswith(self._ending) and len(word) > self._longer_than and word not in self._but:
                self._yes.add(word)
                return True
            self._no.add(word)
        return False


def _outside_quotes(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> str:
    """The narrator's words: the sentence with quoted words blanked out."""
    pieces = []
    pos = start
    for q_start, q_end in sorted(quotes):
        blank_from, blank_to = max(q_start, start, pos), min(q_end, end)
        if blank_from < blank_to:
            pieces += [text[pos:blank_from], " " * (blank_to - blank_from)]
            pos = blank_to
    return "".join(pieces) + text[pos:end] if pieces else text[start:end]


# How ``SPEECH_ONLY`` opens: a run of blanks and punctuation before the attribution's words.
_LEADING_RUN = r"^[\s,.;:—–-]*"
_LEADING_RUN_RE = re.compile(_LEADING_RUN)


def _without_leading_run(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    if not pattern.pattern.startswith(_LEADING_RUN):
        return None
    return re.compile(pattern.pattern[len(_LEADING_RUN) :], pattern.flags)


def _speech_only(line: str) -> bool:
    """Whether ``SPEECH_ONLY`` matches ``line``, its opening run skipped in one step.

    A quotation blanked out of the narration leaves a long run of spaces, and the
    pattern backtracked through all of it before giving up on a line that attributes
    nothing. The run holds no letter, so the attribution's words and verb can only
    start after it: skipping all of it first finds a match exactly when the pattern does.
    """
    rest = _searches().speech_only_rest
    if rest is None:
        return bool(current_language().statements.SPEECH_ONLY.match(line))
    return bool(rest.match(line, _LEADING_RUN_RE.match(line).end()))


def _strip_quoted(narration: str) -> str:
    return _QUOTE_MARK.sub(" ", narration)


_QUOTE_MARK = re.compile(r"[\"“”„«»]")


def _inside_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _headings(text: str) -> list[tuple[int, int]]:
    """Paragraphs that are one line without final punctuation: headlines and titles."""
    out = []
    for start, end in paragraphs(text):
        block = text[start:end]
        if "\n" not in block and block[-1:] not in ".!?\"”’»)":
            out.append((start, end))
    return out
