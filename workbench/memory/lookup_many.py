"""Prior matches of many claims in one transaction: the claims list's "checked before" markers.

``find_prior`` costs 6-8 statements per claim; on a server 20 ms away the
markers of an 861-claim article took minutes of round trips. Here every
read is made once for all the claims, a few hundred ids or words per
``IN`` list: the statements grow with the distinct keys, words and
candidates the claims bring (one more per few hundred), not with the
claims themselves.

The same matches as one ``find_prior`` per claim. A single lookup caps
the index rows its keys (``MAX_KEY_ROWS``) and seed words
(``MAX_TOKEN_ROWS``) may propose with a LIMIT on its own query. One query
for many claims cannot LIMIT each claim's share, so each key and each word
brings at most that many rows, lowest claim id first (a ``row_number()``
window, on SQLite and PostgreSQL alike), and each claim takes its share
from the rows of its own keys or words, in key or word order then id
order, up to the same cap. Under the caps, where nearly every claim is,
the two are the same whatever order the index gives rows; past them they
are the same when it gives a single lookup its rows in that order, as
SQLite's word index does when rows were written in claim order: on the
benchmark's 100,000 claims, where every claim's seed words pass the cap,
500 claims got exactly what 500 single lookups got.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.memory.indexing import claim_index_rows
from workbench.memory.normalise import content_words
from workbench.memory.prior_reads import (
    DEFAULT_THRESHOLD,
    MAX_KEY_ROWS,
    MAX_TOKEN_ROWS,
    Candidates,
    Match,
    Scored,
    best_by_shared_words,
    chunks,
    document_frequencies,
    key_reasons,
    keys_of,
    matches,
    reviewed_elsewhere,
    score,
    seed_words,
    tokens_of,
    weights_of,
)
from workbench.memory.similarity import idf
from workbench.storage.database import Database
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import Article, Claim

T = TypeVar("T")

@dataclass(frozen=True, slots=True)
class _Lookup:
    """One claim to look up: its session (never matched) and what it says."""

    session_id: int
    keys: set[str]
    words: set[str]  # content words: a bare date word is no content


def find_prior_many(
    db: Database, claim_ids: Sequence[int], *, threshold: float = DEFAULT_THRESHOLD, limit: int = 1,
) -> dict[int, list[Match]]:
    """For each claim, what ``find_prior`` returns for it; deleted or unknown claims are left out."""
    # ``Tuesday`` or ``last week`` alone is no content: it must not make a match.
    with db.session() as session:
        lookups = _lookups(session, claim_ids)
        if not lookups:
            return {}
        weights, documents = weights_of(session, set().union(*(lookup.words for lookup in lookups.values())))
        by_key: dict[int, dict[int, str]] = {}
        proposed: dict[int, set[int]] = {}
        for session_id, group in _by_session(lookups).items():
            seeds = {claim_id: seed_words(lookup.words, weights) for claim_id, lookup in group.items()}
            key_rows = _capped_rows(session, ClaimKey.key, ClaimKey.claim_id, _union(lookup.keys for lookup in group.values()),
                                    session_id, MAX_KEY_ROWS)
            token_rows = _capped_rows(session, ClaimToken.token, ClaimToken.claim_id, _union(seeds.values()),
                                      session_id, MAX_TOKEN_ROWS)
            for claim_id, lookup in group.items():
                by_key[claim_id] = key_reasons(_first_rows(key_rows, lookup.keys, MAX_KEY_ROWS))
                by_words = best_by_shared_words(_first_rows(token_rows, seeds[claim_id], MAX_TOKEN_ROWS), weights)
                proposed[claim_id] = set(by_key[claim_id]) | by_words
        everyone = _union(proposed.values())
        their_keys = keys_of(session, everyone)
        their_words = {c: content_words(w) for c, w in tokens_of(session, everyone).items()}
        unweighed = _union(their_words.values()) - set(weights)
        counts = document_frequencies(session, unweighed)
        weights.update({w: idf(counts.get(w, 0), documents) for w in unweighed})
        known = Candidates(their_keys, their_words, weights, documents)
        scored: dict[int, list[Scored]] = {
            claim_id: score(lookup.keys, lookup.words, by_key[claim_id], proposed[claim_id], known, threshold, limit)
            for claim_id, lookup in lookups.items()
        }
        return matches(session, scored)


def _lookups(session: Session, claim_ids: Sequence[int]) -> dict[int, _Lookup]:
    found: dict[int, _Lookup] = {}
    for chunk in chunks(sorted(set(claim_ids))):
        rows = session.execute(
            select(Claim.id, Claim.kind, Claim.value, Claim.unit, Claim.wording, Claim.text, Article.session_id)
            .join(Article, Article.id == Claim.article_id)
            .where(Claim.id.in_(chunk), Claim.deleted_at.is_(None))
        )
        for claim_id, kind, value, unit, wording, text, session_id in rows:
            keys, words = claim_index_rows(kind, value, unit, wording or "", text or "")
            found[claim_id] = _Lookup(session_id, keys, content_words(words))
    return {claim_id: found[claim_id] for claim_id in claim_ids if claim_id in found}


def _by_session(lookups: dict[int, _Lookup]) -> dict[int, dict[int, _Lookup]]:
    """The lookups of each session (a list's claims are all of one)."""
    groups: dict[int, dict[int, _Lookup]] = defaultdict(dict)
    for claim_id, lookup in lookups.items():
        groups[lookup.session_id][claim_id] = lookup
    return groups


def _capped_rows(
    session: Session, column: InstrumentedAttribute[str], claim_column: InstrumentedAttribute[int],
    values: set[str], session_id: int, cap: int,
) -> dict[str, list[int]]:
    """For each key or word, the first ``cap`` claims reviewed outside the session that have it, by id."""
    found: dict[str, list[int]] = defaultdict(list)
    for chunk in chunks(sorted(values)):
        rank = func.row_number().over(partition_by=column, order_by=claim_column)
        ranked = reviewed_elsewhere(
            select(column.label("value"), claim_column.label("claim_id"), rank.label("rank")).where(column.in_(chunk)),
            claim_column,
            session_id,
        ).subquery()
        rows = session.execute(
            select(ranked.c.value, ranked.c.claim_id)
            .where(ranked.c.rank <= cap)
            .order_by(ranked.c.value, ranked.c.claim_id)
        )
        for value, claim_id in rows:
            found[value].append(claim_id)
    return found


def _first_rows(rows: dict[str, list[int]], values: Iterable[str], cap: int) -> list[tuple[int, str]]:
    """One claim's share: its keys' or words' rows in key order, then id order, as its own LIMIT would read them."""
    in_order = ((claim_id, value) for value in sorted(values) for claim_id in rows.get(value, ()))
    return list(islice(in_order, cap))


def _union(sets: Iterable[Iterable[T]]) -> set[T]:
    found: set[T] = set()
    for items in sets:
        found.update(items)
    return found
