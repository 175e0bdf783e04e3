"""Find each claim again in a new version of its article (pure functions).

In this order:

1. the same offsets still hold the same text, in the same context: ``unchanged``;
2. the exact text (whitespace and quote style aside) elsewhere: ``moved``;
   when it occurs several times, the prefix and suffix decide, and the old
   position (carried over by the diff) breaks ties;
3. a close match where the diff puts the old span, or between the claim's
   old prefix and suffix: ``changed``, with the old and the new text;
4. nothing good enough: ``gone``.

Every outcome has a confidence between 0 and 1. The caller decides what to
do with it; these functions never touch storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from workbench.domain.anchors import ClaimAnchor, Outcome, Reanchored
from workbench.recheck.normal import Normalised, normal_form, normalise
from workbench.recheck.textmap import TextMap

# Nearest exact occurrences scored when a short claim occurs many times.
MAX_OCCURRENCES = 25
# Below these a fuzzy candidate is not the claim any more.
MIN_TEXT_SIMILARITY = 0.5
MIN_SCORE = 0.6
# How far (characters) the prefix/suffix search looks around the old position.
CONTEXT_WINDOW = 400
TEXT_WEIGHT = 0.6  # against 0.4 for the context either side


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    text_similarity: float
    context: float
    distance: int  # from where the diff puts the old span

    @property
    def score(self) -> float:
        return TEXT_WEIGHT * self.text_similarity + (1 - TEXT_WEIGHT) * self.context


class Anchorer:
    """Re-anchors claims of one old text in one new text; the diff is computed once."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old = old_text
        self.new = new_text
        self.map = TextMap(old_text, new_text)
        self._normal: Normalised = normalise(new_text)

    def reanchor(self, anchor: ClaimAnchor) -> Reanchored:
        mapped_start = self.map.map_start(anchor.start)
        mapped_end = max(mapped_start, self.map.map_end(anchor.end))
        exact = self._exact_candidates(anchor, mapped_start)
        best = exact[0] if exact else None
        if best is not None and best.context >= 0.5:
            return self._found(anchor, best, exact)
        fuzzy = self._fuzzy_candidate(anchor, mapped_start, mapped_end)
        if best is not None and (fuzzy is None or best.score >= fuzzy.score):
            return self._found(anchor, best, exact)
        if fuzzy is not None and fuzzy.text_similarity >= MIN_TEXT_SIMILARITY and fuzzy.score >= MIN_SCORE:
            return self._result(anchor, Outcome.CHANGED, fuzzy.score, fuzzy)
        closest = max(fuzzy.score, 0.0) if fuzzy is not None else 0.0
        # Not finding words is never proof they are gone: never fully sure.
        return self._result(anchor, Outcome.GONE, min(0.95, max(0.5, 1.0 - closest)), None)

    # --- stage 1 and 2: the exact words ------------------------------------

    def _exact_candidates(self, anchor: ClaimAnchor, mapped_start: int) -> list[_Candidate]:
        needle = normal_form(anchor.text)
        if not needle:
            return []
        haystack = self._normal.text
        spans: list[tuple[int, int]] = []
        at = haystack.find(needle)
        while at >= 0:
            spans.append(self._normal.original_span(at, at + len(needle)))
            at = haystack.find(needle, at + 1)
        spans.sort(key=lambda span: abs(span[0] - mapped_start))
        candidates = [
            _Candidate(s, e, 1.0, self._context(anchor, s, e), abs(s - mapped_start))
            for s, e in spans[:MAX_OCCURRENCES]
        ]
        # Best context first; the old position (via the diff) breaks ties.
        candidates.sort(key=lambda c: (-round(c.context, 3), c.distance))
        return candidates

    def _found(self, anchor: ClaimAnchor, best: _Candidate, all_exact: list[_Candidate]) -> Reanchored:
        same_place = (best.start, best.end) == (anchor.start, anchor.end)
        if same_place and self.new[best.start : best.end] == anchor.text:
            return self._result(anchor, Outcome.UNCHANGED, 0.8 + 0.2 * best.context, best)
        confidence = 0.7 + 0.3 * best.context
        if len(all_exact) > 1:
            # Several places hold the words: as sure as the context sets this one apart.
            margin = best.context - all_exact[1].context
            confidence *= min(1.0, 0.75 + margin)
        return self._result(anchor, Outcome.MOVED, confidence, best)

    # --- stage 3: close enough --------------------------------------------

    def _fuzzy_candidate(self, anchor: ClaimAnchor, mapped_start: int, mapped_end: int) -> _Candidate | None:
        spans = {self._snap(mapped_start, mapped_end)}
        between = self._between_context(anchor, mapped_start)
        if between is not None:
            spans.add(self._snap(*between))
        old_words = normal_form(anchor.text)
        best: _Candidate | None = None
        for start, end in spans:
            if end <= start:
                continue
            words = normal_form(self.new[start:end])
            similarity = SequenceMatcher(None, old_words, words, autojunk=False).ratio()
            candidate = _Candidate(
                start, end, similarity, self._context(anchor, start, end), abs(start - mapped_start)
            )
            if best is None or (candidate.score, -candidate.distance) > (best.score, -best.distance):
                best = candidate
        return best

    def _between_context(self, anchor: ClaimAnchor, near: int) -> tuple[int, int] | None:
        """The text between the old prefix and suffix, if both are found near the old place."""
        tail = anchor.prefix[-12:]
        head = anchor.suffix[:12]
        if len(tail.strip()) < 4 or len(head.strip()) < 4:
            return None
        low = max(0, near - CONTEXT_WINDOW)
        at = self.new.find(tail, low, near + CONTEXT_WINDOW)
        if at < 0:
            return None
        start = at + len(tail)
        limit = start + 3 * len(anchor.text) + 16
        end = self.new.find(head, start, limit + len(head))
        return (start, end) if end > start else None

    def _snap(self, start: int, end: int) -> tuple[int, int]:
        """Widen to whole words and drop surrounding whitespace."""
        text = self.new
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
        while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    # --- shared ----------------------------------------------------------

    def _context(self, anchor: ClaimAnchor, start: int, end: int) -> float:
        """How alike the words either side are: 1.0 same, 0.0 nothing in common."""
        scores = []
        if anchor.prefix:
            scores.append(_alike(anchor.prefix, self.new[max(0, start - len(anchor.prefix)) : start]))
        if anchor.suffix:
            scores.append(_alike(anchor.suffix, self.new[end : end + len(anchor.suffix)]))
        return sum(scores) / len(scores) if scores else 1.0

    def _result(self, anchor: ClaimAnchor, outcome: Outcome, confidence: float, where: _Candidate | None) -> Reanchored:
        new_text = self.new[where.start : where.end] if where is not None else None
        note = ""
        if outcome is Outcome.MOVED and new_text != anchor.text:
            note = "same words; whitespace or quotation marks differ"
        return Reanchored(
            claim_id=anchor.id,
            outcome=outcome,
            confidence=round(max(0.0, min(1.0, confidence)), 3),
            old_start=anchor.start,
            old_end=anchor.end,
            old_text=anchor.text,
            start=where.start if where is not None else None,
            end=where.end if where is not None else None,
            new_text=new_text,
            note=note,
        )


def reanchor_all(old_text: str, new_text: str, anchors: list[ClaimAnchor]) -> list[Reanchored]:
    """Re-anchor every claim made on ``old_text`` in ``new_text``, in the given order."""
    if not anchors:
        return []
    anchorer = Anchorer(old_text, new_text)
    return [anchorer.reanchor(anchor) for anchor in anchors]


def _alike(old: str, new: str) -> float:
    if old == new:
        return 1.0
    old, new = normal_form(old), normal_form(new)
    if old == new:
        return 1.0
    return SequenceMatcher(None, old, new, autojunk=False).ratio()
