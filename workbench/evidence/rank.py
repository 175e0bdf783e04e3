"""Rank a source's passages by how well they bear on a claim.

Each sentence of the source is a passage. Its score (0-1) is a weighted sum
of what it shares with the claim, over the signals the claim has:

- words: BM25 of the claim's content words, as a share of the best possible;
- figures: the same number of the same thing (``32,000 troops`` = ``32 000
  soldiers``) scores fully; the same thing counted differently (``30,000
  troops``) half, and marks the passage as a possible contradiction;
- dates (ISO values), equipment (gazetteer entries) and names (capitalised
  words of the claim) score the share of the claim's found in the passage.

The whole source is run through the detectors once, not passage by passage,
so a 10,000-word source ranks in well under a second. Claim and source are
read in a language (``language``, English by default): its words are the
content words, and its detectors find the figures and dates.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.dates import detect_dates
from workbench.detect.equipment import detect_equipment
from workbench.detect.figures import detect_figures
from workbench.detect.language_scope import speaking
from workbench.detect.sentences import sentences
from workbench.evidence.bm25 import BM25
from workbench.evidence.facts import ClaimFacts
from workbench.kinds import KINDS, KindRegistry
from workbench.memory.normalise import (
    equipment_key,
    next_word,
    number_key,
    token_spans,
    unit_key,
)

WEIGHTS = {"words": 0.4, "figures": 0.3, "dates": 0.1, "equipment": 0.1, "names": 0.1}
# A passage with the claim's unit but another number: worth reading, not a match.
CONFLICT_CREDIT = 0.5
# The same number counting something else (or nothing named).
NUMBER_ONLY_CREDIT = 0.5


@dataclass(frozen=True, slots=True)
class Passage:
    text: str
    start: int
    end: int
    score: float
    matched: list[str]  # the words of the passage that match, as written there
    spans: list[tuple[int, int]] = field(default_factory=list)  # where they are in the source
    conflict: bool = False
    conflicting: list[str] = field(default_factory=list)  # the differing figures, as written


def claim_facts(text: str, *, kind: str = "statement", value: Any = None, unit: str | None = None,
                published: date | None = None, context: str = "", kinds: KindRegistry = KINDS,
                language: str | None = "en") -> ClaimFacts:
    """``context``: words around a short claim (a bare figure) that say what it is about;
    ``language``: the claim's language code."""
    with speaking(language) as words:
        ctx = DetectContext(published=published, language=words.code)
        figures = {key for c in detect_figures(text, ctx) if (key := _figure_key(c, text, words.code))}
        dates = {str(c.value) for c in detect_dates(text, ctx) if c.value}
        equipment = {equipment_key(str(c.value or c.text)) or "" for c in detect_equipment(text, ctx)}
        said = f"{text} {context}" if context else text
        spans = token_spans(said, words.code)
        names = {tok for tok, start, _end in spans if said[start].isupper() and start > 0 and not tok.startswith("#")}
        found = ClaimFacts(
            words=[tok for tok, _s, _e in spans],
            figures=figures,
            dates=dates,
            equipment=equipment - {""},
            names=names - words.stop_words.STOP_WORDS,
        )
        # A value the claim stores (a reviewer's figure, say) is what it states, as its kind reads it.
        return kinds.stated_facts(kind, found, value, unit)


def rank_passages(facts: ClaimFacts, source_text: str, *, top: int = 5,
                  published: date | None = None, language: str | None = "en") -> list[Passage]:
    """The ``top`` passages of ``source_text`` that bear most on the claim, best first.

    ``language``: the source's language code (its words make the passages' tokens).
    """
    with speaking(language) as words:
        spans = [s for s in sentences(source_text) if source_text[s[0] : s[1]].strip()]
        if not spans:
            return []
        tokens = token_spans(source_text, words.code)
        ctx = DetectContext(published=published, language=words.code)
        found = _by_passage(spans, tokens, source_text, ctx)
    bm25 = BM25([[t for t, _s, _e in found["tokens"][i]] for i in range(len(spans))])
    upper = bm25.upper_bound(facts.words) or 1.0
    query = set(facts.words)
    weights = _weights(facts)
    ranked = []
    for index, (start, end) in enumerate(spans):
        parts, matched, conflicting = _signals(facts, found, index)
        parts["words"] = min(1.0, bm25.score(facts.words, index) / upper)
        score = sum(weights[name] * parts.get(name, 0.0) for name in weights)
        if score <= 0:
            continue
        word_spans = [(s, e) for t, s, e in found["tokens"][index] if t in query]
        all_spans = _merged(set(word_spans) | set(matched))
        ranked.append(
            Passage(
                text=source_text[start:end], start=start, end=end, score=round(score, 3),
                matched=list(dict.fromkeys(source_text[s:e] for s, e in all_spans)),
                spans=all_spans, conflict=bool(conflicting),
                conflicting=[source_text[s:e] for s, e in conflicting],
            )
        )
    ranked.sort(key=lambda p: (-p.score, p.start))
    return ranked[:top]


def _weights(facts: ClaimFacts) -> dict[str, float]:
    """Only the signals the claim has count; they are rescaled to sum to 1."""
    present = {
        "words": bool(facts.words), "figures": bool(facts.figures), "dates": bool(facts.dates),
        "equipment": bool(facts.equipment), "names": bool(facts.names),
    }
    total = sum(WEIGHTS[name] for name, on in present.items() if on) or 1.0
    return {name: WEIGHTS[name] / total for name, on in present.items() if on}


def _by_passage(spans: list[tuple[int, int]], tokens: list[tuple[str, int, int]], text: str,
                ctx: DetectContext) -> dict[str, list[list[Any]]]:
    """Tokens, figures, dates and systems of the whole text, filed under their passage."""
    starts = [s for s, _e in spans]
    found: dict[str, list[list[Any]]] = {name: [[] for _ in spans] for name in ("tokens", "figures", "dates", "equipment")}

    def passage_of(position: int) -> int | None:
        index = bisect.bisect_right(starts, position) - 1
        return index if index >= 0 and position < spans[index][1] else None

    for token in tokens:
        index = passage_of(token[1])
        if index is not None:
            found["tokens"][index].append(token)
    for candidate in detect_figures(text, ctx):
        key = _figure_key(candidate, text, ctx.language)
        index = passage_of(candidate.start)
        if key and index is not None:
            found["figures"][index].append((key, candidate.start, candidate.end))
    for candidate in detect_dates(text, ctx):
        index = passage_of(candidate.start)
        if candidate.value and index is not None:
            found["dates"][index].append((str(candidate.value), candidate.start, candidate.end))
    for candidate in detect_equipment(text, ctx):
        index = passage_of(candidate.start)
        name = equipment_key(str(candidate.value or candidate.text))
        if name and index is not None:
            found["equipment"][index].append((name, candidate.start, candidate.end))
    return found


def _signals(facts: ClaimFacts, found: dict[str, list[list[Any]]], index: int
             ) -> tuple[dict[str, float], list[tuple[int, int]], list[tuple[int, int]]]:
    parts: dict[str, float] = {}
    matched: list[tuple[int, int]] = []
    figure_score, figure_spans, conflicting = _figure_signal(facts, found["figures"][index])
    parts["figures"] = figure_score
    matched += figure_spans
    for name, wanted in (("dates", facts.dates), ("equipment", facts.equipment)):
        hits = [(s, e) for value, s, e in found[name][index] if value in wanted]
        seen = {value for value, _s, _e in found[name][index] if value in wanted}
        parts[name] = len(seen) / len(wanted) if wanted else 0.0
        matched += hits
    present = {t for t, _s, _e in found["tokens"][index]}
    parts["names"] = len(facts.names & present) / len(facts.names) if facts.names else 0.0
    return parts, matched, conflicting


def _figure_signal(facts: ClaimFacts, figures: list[tuple[tuple[str, str | None], int, int]]
                   ) -> tuple[float, list[tuple[int, int]], list[tuple[int, int]]]:
    """Full credit for the claim's figure, half for its unit with another number (a conflict)."""
    if not facts.figures or not figures:
        return 0.0, [], []
    best = 0.0
    spans: list[tuple[int, int]] = []
    differing: list[tuple[int, int]] = []
    claim_units = {unit for _n, unit in facts.figures if unit}
    claim_numbers = {number for number, _u in facts.figures}
    for (number, unit), start, end in figures:
        if (number, unit) in facts.figures:
            best = 1.0
            spans.append((start, end))
        elif unit and unit in claim_units:
            best = max(best, CONFLICT_CREDIT)
            differing.append((start, end))
            spans.append((start, end))
        elif number in claim_numbers:
            best = max(best, NUMBER_ONLY_CREDIT)
            spans.append((start, end))
    # The claim's own figure somewhere in the passage settles it: no contradiction.
    conflicts = [] if best == 1.0 else differing
    return best, spans, conflicts


def _figure_key(candidate: Candidate, text: str, language: str) -> tuple[str, str | None] | None:
    number = number_key(candidate.value, language)
    if number is None:
        return None
    return number, unit_key(candidate.unit or next_word(text, candidate.end, language), language)


def _merged(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping highlights as one: ``32 000`` inside ``About 32 000 soldiers``."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
