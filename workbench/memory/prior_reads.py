"""What a prior lookup reads and how it scores, for one claim or many at once.

``workbench.memory.lookup`` looks up one claim, ``workbench.memory.lookup_many``
a list's worth in one transaction; both propose candidates their own way
and hand them to the reads and the scoring here, so the two give the same
matches. Every read takes its ids or words a few hundred per ``IN`` list,
within the parameter limits of SQLite and PostgreSQL.
"""

from __future__ import annotations

import heapq
import math
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from workbench.memory.similarity import idf, weighted_jaccard
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import Article, Claim, Evidence, ReviewSession, Source

# Below this a match is more likely a coincidence than the same claim (see the benchmark).
DEFAULT_THRESHOLD = 0.5
# Only the rarest words of a claim propose candidates; common ones only score them.
SEED_TOKENS = 8
MAX_CANDIDATES = 40
# How many index rows one claim's keys and seed words may propose (a common word must not cost a long read).
MAX_KEY_ROWS = MAX_CANDIDATES * 5
MAX_TOKEN_ROWS = MAX_CANDIDATES * 25
# Ids or words per IN list: well within SQLite's and PostgreSQL's parameter limits.
CHUNK = 400

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PriorSource:
    url: str
    title: str
    stance: str
    passage: str


@dataclass(frozen=True, slots=True)
class Match:
    """A reviewed claim in another session that says the same thing."""

    claim_id: int
    session_id: int
    session: str  # its title
    text: str
    kind: str
    verdict: str
    rationale: str
    reviewed_at: datetime
    score: float  # 0-1
    reason: str  # "same value" or "similar wording"
    sources: list[PriorSource] = field(default_factory=list)


Scored = tuple[float, int, str]  # (score, candidate claim id, reason)


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch = list(items)
    for start in range(0, len(batch), size):
        yield batch[start : start + size]


def reviewed_elsewhere(query: Select, claim_column: object, session_id: int | None) -> Select:
    """Only claims with a verdict, not deleted, and outside ``session_id``."""
    query = query.join(Claim, Claim.id == claim_column).where(Claim.verdict.is_not(None), Claim.deleted_at.is_(None))
    if session_id is not None:
        query = query.join(Article, Article.id == Claim.article_id).where(
            Article.session_id != session_id
        )
    return query


# --- proposing candidates -------------------------------------------------------------------


def key_reasons(rows: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Each candidate with the key it shares; of several, the first in key order (as the index gives them)."""
    found: dict[int, str] = {}
    for candidate, key in rows:
        if candidate not in found or key < found[candidate]:
            found[candidate] = key
    return found


def seed_words(words: set[str], weights: dict[str, float]) -> list[str]:
    """The rarest words, which propose candidates: a word most claims share would cost a long read."""
    seeds = sorted((w for w in words if weights.get(w, 0) > 0), key=lambda w: (-weights[w], w))
    return seeds[:SEED_TOKENS]


def best_by_shared_words(rows: Iterable[tuple[int, str]], weights: dict[str, float]) -> set[int]:
    """The candidates sharing the most seed weight; of equal ones, the oldest (as the index gives them)."""
    # The words each candidate shares, a bit per word; a set's total is summed once,
    # with fsum: the same total in whatever order the rows came.
    bits: dict[str, int] = {}
    shared: dict[int, int] = defaultdict(int)
    for candidate, token in rows:
        shared[candidate] |= bits.setdefault(token, 1 << len(bits))
    totals = {
        mask: math.fsum(weights[token] for token, bit in bits.items() if mask & bit)
        for mask in set(shared.values())
    }
    return set(heapq.nsmallest(MAX_CANDIDATES, shared, key=lambda c: (-totals[shared[c]], c)))


# --- what the candidates say ----------------------------------------------------------------


def keys_of(session: Session, claim_ids: set[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for chunk in chunks(sorted(claim_ids)):
        for candidate, key in session.execute(
            select(ClaimKey.claim_id, ClaimKey.key).where(ClaimKey.claim_id.in_(chunk))
        ):
            found[candidate].add(key)
    return found


def tokens_of(session: Session, claim_ids: set[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for chunk in chunks(sorted(claim_ids)):
        for candidate, token in session.execute(
            select(ClaimToken.claim_id, ClaimToken.token).where(ClaimToken.claim_id.in_(chunk))
        ):
            found[candidate].add(token)
    return found


# --- word weights -----------------------------------------------------------------------------


def weights_of(session: Session, words: set[str]) -> tuple[dict[str, float], int]:
    """idf of each word from the token index; the number of indexed claims."""
    documents = indexed_claims(session)
    counts = document_frequencies(session, words)
    return {w: idf(counts.get(w, 0), documents) for w in words}, documents


# Counting a common word's rows is the slow part of a lookup, and idf moves
# slowly as claims are added: counts are kept for a few minutes per database.
_DF_CACHE: dict[tuple[str, str], tuple[int, float]] = {}
DF_CACHE_SECONDS = 300.0
_DF_CACHE_MAX = 200_000


def document_frequencies(session: Session, words: set[str]) -> dict[str, int]:
    where = str(session.get_bind().url)
    now = time.monotonic()
    counts: dict[str, int] = {}
    missing = []
    for word in words:
        cached = _DF_CACHE.get((where, word))
        if cached is not None and now - cached[1] < DF_CACHE_SECONDS:
            counts[word] = cached[0]
        else:
            missing.append(word)
    for chunk in chunks(sorted(missing)):
        rows = session.execute(
            select(ClaimToken.token, func.count())
            .where(ClaimToken.token.in_(chunk))
            .group_by(ClaimToken.token)
        )
        found = {token: int(n) for token, n in rows}
        for word in chunk:
            counts[word] = found.get(word, 0)
    if len(_DF_CACHE) > _DF_CACHE_MAX:
        _DF_CACHE.clear()
    _DF_CACHE.update(((where, w), (counts[w], now)) for w in missing)
    return counts


def indexed_claims(session: Session) -> int:
    # max(id) reads one index entry; close enough to the claim count for idf.
    return int(session.scalar(select(func.max(Claim.id))) or 0)


# --- scoring ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidates:
    """What is known of the proposed claims: their keys, content words, and the words' weights."""

    keys: dict[int, set[str]]
    words: dict[int, set[str]]
    weights: dict[str, float]
    documents: int


def score(
    keys: set[str], words: set[str], by_key: dict[int, str], proposed: set[int], known: Candidates,
    threshold: float, limit: int,
) -> list[Scored]:
    """The proposed claims that say what ``keys`` and ``words`` say, best first."""
    default = idf(1, known.documents)
    scored = []
    for candidate in proposed:
        if states_another_value(keys, known.keys.get(candidate, set())):
            continue
        wording = weighted_jaccard(words, known.words.get(candidate, set()), known.weights, default)
        value, reason = wording, "similar wording"
        if candidate in by_key:
            value, reason = key_score(by_key[candidate], wording), "same value"
        if value >= threshold:
            scored.append((round(value, 3), candidate, reason))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return scored[:limit]


def key_score(key: str, wording: float) -> float:
    """A shared value is strong evidence, except a bare number with nothing counted."""
    weak = key.startswith("figure:") and key.endswith(":")
    floor = 0.3 if weak else 0.7
    return floor + (1.0 - floor) * wording


def states_another_value(mine: set[str], theirs: set[str]) -> bool:
    """Same words, other number ("30,000 troops" vs "32,000 troops"): a different claim."""
    kinds = {key.split(":", 1)[0] for key in mine} & {key.split(":", 1)[0] for key in theirs}
    return bool(kinds) and not (mine & theirs)


# --- the matches ------------------------------------------------------------------------------


def matches(session: Session, scored_by: dict[T, list[Scored]]) -> dict[T, list[Match]]:
    """The matches of each lookup, their claims, sessions and sources read once for all."""
    ids = sorted({candidate for scored in scored_by.values() for _score, candidate, _reason in scored})
    details: dict[int, tuple[Claim, int, str]] = {}
    sources: dict[int, list[PriorSource]] = defaultdict(list)
    for chunk in chunks(ids):
        for claim, sid, title in session.execute(
            select(Claim, ReviewSession.id, ReviewSession.title)
            .join(Article, Article.id == Claim.article_id)
            .join(ReviewSession, ReviewSession.id == Article.session_id)
            .where(Claim.id.in_(chunk))
        ).all():
            details[claim.id] = (claim, sid, title)
        for evidence, source in session.execute(
            select(Evidence, Source).join(Source, Source.id == Evidence.source_id)
            .where(Evidence.claim_id.in_(chunk)).order_by(Evidence.id)
        ).all():
            sources[evidence.claim_id].append(
                PriorSource(source.url, source.title, evidence.stance, evidence.passage)
            )
    return {
        lookup: [_match(details[candidate], score_, reason, sources.get(candidate, []))
                 for score_, candidate, reason in scored]
        for lookup, scored in scored_by.items()
    }


def _match(detail: tuple[Claim, int, str], score_: float, reason: str, sources: list[PriorSource]) -> Match:
    claim, sid, title = detail
    return Match(
        claim_id=claim.id, session_id=sid, session=title, text=claim.wording or claim.text,
        kind=claim.kind, verdict=claim.verdict or "", rationale=claim.rationale,
        reviewed_at=claim.updated_at, score=score_, reason=reason, sources=list(sources),
    )
