"""Which claim colours each stretch of the article: plain Python, no Qt.

Claims nest and overlap ("90,000 troops" inside a quoted sentence). The
reader paints each character once, in the colour of the innermost (shortest)
claim that covers it, so a span never has to be painted twice and a change
to one claim repaints only the characters that claim covers.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

Span = tuple[int, int, int, int]  # start, end, claim id, rank (0 wins a tie: a reviewed claim)


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    claim_id: int | None  # None: no claim here (on a repaint, the old colour is cleared)


def segments(spans: Iterable[Span], lo: int | None = None, hi: int | None = None) -> list[Segment]:
    """The stretches of ``[lo, hi)`` with the innermost claim covering each.

    Without bounds, the whole extent of the spans, leaving out stretches no
    claim covers. With bounds, every stretch of the range is listed, covered or
    not, so a repaint can clear what no longer has a claim.
    """
    return list(iter_segments(spans, lo, hi))


def iter_segments(spans: Iterable[Span], lo: int | None = None, hi: int | None = None) -> Iterator[Segment]:
    """``segments``, worked out as they are taken: a 20,000-claim article's
    sweep is spread over the paint's slices instead of holding the window."""
    ordered = sorted((s for s in spans if s[1] > s[0]), key=lambda s: s[0])
    bounded = lo is not None and hi is not None
    if bounded:  # the length that decides nesting is the whole claim's, not the clipped part's
        ordered = [(s, e, i, r) for s, e, i, r in ordered if s < hi and e > lo]  # type: ignore[operator]
    if not ordered and not bounded:
        return
    points = {p for s, e, _, _ in ordered for p in (s, e)}
    if bounded:
        points = {p for p in points if lo <= p <= hi} | {lo, hi}  # type: ignore[operator, arg-type]
    cuts = sorted(points)
    last: Segment | None = None  # held back: the next stretch may extend it
    # (length, rank, end, id): the innermost first and, of two claims on the
    # same words, the reviewed one, whose verdict colour says something.
    active: list[tuple[int, int, int, int]] = []
    next_span = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        while next_span < len(ordered) and ordered[next_span][0] <= a:
            s, e, claim_id, rank = ordered[next_span]
            heapq.heappush(active, (e - s, rank, e, claim_id))
            next_span += 1
        while active and active[0][2] <= a:
            heapq.heappop(active)  # ended before this stretch
        # A longer span may have ended while a shorter one is on top: those
        # surface and are dropped only when they reach the top, as above.
        top = active[0][3] if active else None
        if top is None and not bounded:
            continue
        if last is not None and last.claim_id == top and last.end == a:
            last = Segment(last.start, b, top)
        else:
            if last is not None:
                yield last
            last = Segment(a, b, top)
    if last is not None:
        yield last


class SpanIndex:
    """Claims by start, to find those overlapping a range without a full scan."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s[0])
        self.starts = [s[0] for s in self.spans]
        self.longest = max((s[1] - s[0] for s in self.spans), default=0)

    def add(self, span: Span) -> None:
        """One claim more, kept in order: no re-sort of the others."""
        at = bisect_right(self.starts, span[0])
        self.spans.insert(at, span)
        self.starts.insert(at, span[0])
        self.longest = max(self.longest, span[1] - span[0])

    def discard(self, claim_id: int, start: int) -> None:
        """The claim's span, found by its start, taken out (``longest`` may stay longer: a wider search, no miss)."""
        at = bisect_left(self.starts, start)
        while at < len(self.spans) and self.starts[at] == start:
            if self.spans[at][2] == claim_id:
                del self.spans[at], self.starts[at]
                return
            at += 1

    def overlapping(self, lo: int, hi: int) -> list[Span]:
        first = bisect_left(self.starts, lo - self.longest)
        last = bisect_left(self.starts, hi)
        return [s for s in self.spans[first:last] if s[1] > lo and s[0] < hi]
