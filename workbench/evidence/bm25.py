"""Okapi BM25 over a small collection (the passages of one source).

score(q, d) = sum over query terms t of
    idf(t) * tf(t, d) * (k1 + 1) / (tf(t, d) + k1 * (1 - b + b * |d| / avgdl))

with idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)). ``upper_bound`` is the
score of an average-length passage holding every query term once, so
``min(1, score / upper_bound)`` reads as "how much of the query this
passage covers", between 0 and 1.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

K1 = 1.2
B = 0.75


class BM25:
    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = K1, b: float = B) -> None:
        self.k1, self.b = k1, b
        self.counts = [Counter(doc) for doc in documents]
        self.lengths = [len(doc) for doc in documents]
        self.avgdl = (sum(self.lengths) / len(self.lengths)) if documents else 0.0
        df: Counter[str] = Counter()
        for counts in self.counts:
            df.update(counts.keys())
        n = len(documents)
        self.idf = {t: math.log(1.0 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.unseen_idf = math.log(1.0 + (n + 0.5) / 0.5)

    def term_idf(self, term: str) -> float:
        return self.idf.get(term, self.unseen_idf)

    def score(self, query: Iterable[str], index: int) -> float:
        counts = self.counts[index]
        length = self.lengths[index]
        norm = self.k1 * (1 - self.b + self.b * length / self.avgdl) if self.avgdl else self.k1
        total = 0.0
        for term in set(query):
            tf = counts.get(term, 0)
            if tf:
                total += self.term_idf(term) * tf * (self.k1 + 1) / (tf + norm)
        return total

    def upper_bound(self, query: Iterable[str]) -> float:
        return sum(self.term_idf(t) for t in set(query))
