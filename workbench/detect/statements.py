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
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.sentences import paragraphs, sentences

BASE = 0.3
THRESHOLD = 0.5
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
    "caption": 0.2,  # a verbless line naming who, where and when
    "modal": -0.3,
    "intention": -0.3,
    "hedge": -0.1,
    "opinion": -0.25,
    "first_person": -0.3,
    "quote_heavy": -0.3,
    "characterisation": -0.1,
}

_WORD = re.compile(r"[\w’'-]+")
_EVENT_VERB = re.compile(
    r"\b(?:(?:was|were|has been|have been|had been|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|lt|nt|ck)"
    r"|\w{3,}(?:ed)|killed|took|made|led|won|lost|fell|rose|began|hit|struck|shot|went|came|"
    r"sent|held|left|met|gave|became|grew|spent|built|sold|bought|paid|told|sank|fought|"
    r"flew|drove|ran|stood|broke|brought|caught|chose|drew|fled|froze|seized|swept|threw|"
    r"wrote|withdrew|overtook|undertook|found|beat|bore|bit|dealt|dug|fed|forbade|hid|"
    r"hung|knew|laid|lent|lit|meant|rang|sought|shook|shut|slid|spread|stole|stuck|swore|"
    r"taught|tore|understood|woke|wore|wound|holds|is\s+(?:home|located)|"
    r"accounts?\s+for|contains|consists\s+of|ranks|remains)\b",
    re.IGNORECASE,
)
_NON_VERB_ED = re.compile(
    r"\b(?:need|indeed|speed|seed|feed|breed|greed|bed|red|shed|hundred|sacred|naked|"
    r"wicked|rugged|armed|based|so-called|alleged|supposed|expected|related|united)\b",
    re.IGNORECASE,
)
_SUPERLATIVE = re.compile(
    r"\b(?:largest|biggest|highest|lowest|smallest|most|least|first|last|record|"
    r"worst|best|longest|shortest|deadliest|fastest|oldest|youngest|only|\w{3,}est)\b",
    re.IGNORECASE,
)
_NOT_SUPERLATIVE = re.compile(r"\b(?:interest|forest|protest|honest|west|arrest|request|"
                              r"latest|suggest|contest|rest|test|digest|invest|manifest|"
                              r"harvest|modest|earnest|guest|nest|quest|chest|pest|vest|"
                              r"crest|zest|unrest|Budapest|Bucharest|almost)\b", re.IGNORECASE)
_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|up|down|"
    r"increased|decreased|doubled|tripled|halved|compared|than|since|equivalent)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    r"\b(?:because|due to|caused|led to|as a result|resulted|after|following|"
    r"killing|destroying|forcing)\b",
    re.IGNORECASE,
)
_SCHEDULED = re.compile(
    r"\b(?:(?:is|are|was|were) (?:due|scheduled|set|slated) to|takes? place|"
    r"(?:will|is to) (?:be held|take place|start|begin|open|close|meet|reach))\b",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|should|must|can|shall|won’t|won't|wouldn't|"
    r"couldn't|likely|unlikely|possibly|perhaps|maybe|probably)\b",
    re.IGNORECASE,
)
_INTENTION = re.compile(
    r"\b(?:plans? to|planning|intends?|aims? to|wants? to|hopes? to|seeks? to|vows? to|"
    r"promised|pledged|threatened|expects?|expected to|going to|is set to|preparing|"
    r"prepared to|ready to|solidified plans|calls? for|urged?)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|apparently|seem(?:s|ed)?|appears?|suggests?|believed|"
    r"thought to|may have|might have|could have|unclear|unconfirmed)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:believe[sd]?|think|thinks|feel|feels|felt|fears?|feared|worr(?:y|ies|ied)|"
    r"concerns?|hope|legitimate|important|should|must|ought|unacceptable|outrageous|"
    r"disgraceful|welcome[sd]?|condemn(?:s|ed)?|praised?|criticized|criticised|"
    r"anxieties|angry|sad|happy|proud|great|terrible|wonderful|good|bad|wrong|right|"
    r"deserve[sd]?|need to|needs to)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|us|our|Our|my|My|you|You|your|Your)\b")
_CHARACTERISATION = re.compile(
    r"\b(?:close|firm|staunch|key|strong|weak|powerful|controversial|notorious|famous|"
    r"influential|popular|ally)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|reported|announced|confirmed|stated|according to|claimed|added)\b"
)
_CREDIT = re.compile(
    r"(?:\b(?:Getty|Reuters|AFP|AP Photo|Shutterstock|EPA|Credit|Photograph|Photo|Image|"
    r"Editing by|Reporting by|Additional reporting|Writing by|Contributor)\b[^.]{0,40}$"
    r"|^[\w .’'-]{0,40}/[\w .’'-]{0,40}$"  # Contributor/Getty Images
    r"|\|"  # 9:47 AM 09/25/2023 Jane Doe | Reporter
    r"|^\(?(?:RELATED|READ MORE|SEE ALSO|WATCH|Related)\b"
    r"|\b(?:contributed (?:to )?(?:this )?report|originally appeared|All rights reserved|"
    r"share on facebook|Sign up|Subscribe|pic\.twitter\.com|@\w+\)))",
)
_ENTITY = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+")
_SPEECH_ONLY = re.compile(
    r"^[\s,.;:—–-]*(?:[\w’'.-]+,?\s+){0,8}?(?:said|says|added|continued|told|wrote|asked|"
    r"replied|noted|explained|warned|insisted|argued|claimed|stated|declared|tweeted)\b",
    re.IGNORECASE,
)
_CLOSING = "\"”’'»"
_FINAL = ".!?…;:"


@dataclass(frozen=True, slots=True)
class _Features:
    names: tuple[str, ...]

    def score(self) -> float:
        return BASE + sum(WEIGHTS[name] for name in self.names)


def detect_statements(
    text: str, ctx: DetectContext | None = None, found: Iterable[Candidate] = ()
) -> list[Candidate]:
    """Sentences that assert something checkable, given the claims already found."""
    found = list(found)
    quotes = [(c.start, c.end) for c in found if c.kind == "quote"]
    others = [c for c in found if c.kind in {"figure", "date", "equipment"}]
    heading_ends = {end for _, end in _headings(text)}
    result = []
    for start, end in sentences(text):
        span = statement_span(text, start, end)
        if span is None:
            continue
        s_start, s_end = span
        features = sentence_features(text, start, end, quotes, others, end in heading_ends)
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
    sentence = text[start:end]
    words = _WORD.findall(sentence)
    if len(words) < 4 or sentence.rstrip(_CLOSING).endswith("?") or _CREDIT.search(sentence):
        return None
    inside = sum(max(0, min(end, q_end) - max(start, q_start)) for q_start, q_end in quotes)
    narration = _outside_quotes(text, start, end, quotes)
    quote_share = inside / max(1, len(sentence))
    opens_with_quote = sentence[:1] in "\"“„«"
    if (opens_with_quote or quote_share > 0.5) and _SPEECH_ONLY.match(_strip_quoted(narration)):
        return None  # a direct quotation with its attribution: the quote claim covers it
    names: list[str] = []
    kinds = {c.kind for c in others if start <= c.start and c.end <= end
             and not _inside_any(c.start, quotes)}
    names.extend(k for k in ("figure", "date", "equipment") if k in kinds)
    if len(_ENTITY.findall(narration)) >= 2:
        names.append("entities")
    if _has_event_verb(narration):
        names.append("event_verb")
    for name, pattern in (
        ("superlative", _SUPERLATIVE),
        ("comparison", _COMPARISON),
        ("cause", _CAUSE),
        ("scheduled", _SCHEDULED),
        ("intention", _INTENTION),
        ("hedge", _HEDGE),
        ("opinion", _OPINION),
        ("first_person", _FIRST_PERSON),
        ("characterisation", _CHARACTERISATION),
    ):
        if name == "superlative":
            hit = any(not _NOT_SUPERLATIVE.fullmatch(m) for m in pattern.findall(narration))
        else:
            hit = bool(pattern.search(narration))
        if hit:
            names.append(name)
    if _MODAL.search(narration) and "scheduled" not in names:
        names.append("modal")
    if _REPORTED.search(narration) and (kinds or "event_verb" in names):
        names.append("reported_fact")
    if quote_share > 0.5:
        names.append("quote_heavy")
    if is_heading and "event_verb" not in names and not kinds:
        return None  # a headline or section title without a fact in it
    if "event_verb" not in names and "date" in kinds and "entities" in names:
        names.append("caption")
    return _Features(tuple(names))


_SPEECH = re.compile(
    r"\b(?:said|says|told|added|stated|claimed|noted|explained|warned|reported|announced|"
    r"asked|called|wrote|argued|insisted|suggested|acknowledged|admitted)\b",
    re.IGNORECASE,
)


def _has_event_verb(narration: str) -> bool:
    """A verb of something that happened or holds, other than the verb of saying."""
    cleaned = _SPEECH.sub(" ", _NON_VERB_ED.sub(" ", narration))
    return bool(_EVENT_VERB.search(cleaned))


def _outside_quotes(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> str:
    """The narrator's words: the sentence with quoted words blanked out."""
    chars = list(text[start:end])
    for q_start, q_end in quotes:
        for i in range(max(q_start, start), min(q_end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _strip_quoted(narration: str) -> str:
    return re.sub(r"[\"“”„«»]", " ", narration)


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
