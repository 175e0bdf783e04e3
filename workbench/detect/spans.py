"""Fast "does this span overlap any of those?" for detectors that filter candidates.

A linear ``any(...)`` per candidate makes detection quadratic on long texts;
this answers in O(log n).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _end in ordered]
        # The furthest any span among the first i reaches: overlap needs only that.
        self._reach = list(accumulate((end for _start, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span (a, b) has a < end and start < b."""
        last = bisect_left(self._starts, end) - 1
        return last >= 0 and self._reach[last] > start
