"""How alike two claims' wordings are: IDF-weighted Jaccard over content tokens.

score = sum of idf(t) for tokens both share / sum of idf(t) for tokens either has

so 1.0 is the same content words, 0.0 none in common, and a shared rare word
("Zaporizhzhia", "#32000") counts for far more than a shared common one
("killed"). idf is BM25's, from how many indexed claims use the token:
idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)).
"""

from __future__ import annotations

import math
from collections.abc import Mapping


def idf(document_frequency: int, documents: int) -> float:
    df = max(0, document_frequency)
    n = max(documents, df)
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def weighted_jaccard(a: set[str], b: set[str], weights: Mapping[str, float], default: float) -> float:
    """Share of the combined weight the two token sets have in common (0-1)."""
    union = a | b
    if not union:
        return 0.0
    # fsum: the same score whatever order the sets iterate in (one lookup or many).
    total = math.fsum(weights.get(t, default) for t in union)
    shared = math.fsum(weights.get(t, default) for t in a & b)
    return shared / total if total else 0.0
