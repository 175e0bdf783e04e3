"""Find claims reviewed before that say the same thing, and reuse their verdict.

A prior claim is one with a verdict, in another session. It matches when it
shares a normalised value key with the claim (same kind, value and unit, or
the same date or system) or when its wording is close (weighted Jaccard,
``workbench.memory.similarity``). Every lookup goes through the indexed
``claim_key``/``claim_token`` tables: the cost depends on how many claims
share a word or value with this one, not on the size of the database.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from workbench.domain.errors import ConflictError, InvalidValueError
from workbench.domain.records import ClaimRecord
from workbench.domain.review import check_unlocked
from workbench.domain.scales import get_scale
from workbench.memory.indexing import claim_index_rows
from workbench.memory.similarity import idf, weighted_jaccard
from workbench.storage.claims import load_claim, record_history
from workbench.storage.convert import claim_record
from workbench.storage.database import Database
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import Article, Claim, Evidence, ReviewSession, Source
from workbench.storage.sessions import touch_session
from workbench.storage.sources import add_source_in, attach_source_in

# Below this a match is more likely a coincidence than the same claim (see the benchmark).
DEFAULT_THRESHOLD = 0.5
# Only the rarest words of a claim propose candidates; common ones only score them.
SEED_TOKENS = 8
MAX_CANDIDATES = 40


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


def find_prior(db: Database, claim_id: int, *, threshold: float = DEFAULT_THRESHOLD, limit: int = 10) -> list[Match]:
    """Reviewed claims of other sessions that match ``claim_id``, best first."""
    with db.session() as session:
        claim = load_claim(session, claim_id)
        keys, words = claim_index_rows(
            claim.kind, claim.value, claim.unit, claim.wording or "", claim.text or ""
        )
        return _find(session, claim.article.session_id, claim.kind, keys, words, threshold, limit)


def find_prior_for_text(
    db: Database, kind: str, text: str, *, value: object = None, unit: str | None = None,
    exclude_session: int | None = None, threshold: float = DEFAULT_THRESHOLD, limit: int = 10,
) -> list[Match]:
    """The same lookup for a claim not stored yet (a selection, a benchmark query)."""
    keys, words = claim_index_rows(kind, value, unit, "", text)
    with db.session() as session:
        return _find(session, exclude_session, kind, keys, words, threshold, limit)


def _find(
    session: Session, session_id: int | None, kind: str, keys: set[str], words: set[str],
    threshold: float, limit: int,
) -> list[Match]:
    # ``Tuesday`` or ``last week`` alone is no content: it must not make a match.
    from workbench.memory.normalise import content_words  # loads the detectors: see indexing

    words = content_words(words)
    by_key = _key_candidates(session, session_id, keys)
    weights, documents = _weights(session, words)
    candidates = set(by_key) | _token_candidates(session, session_id, words, weights)
    if not candidates:
        return []
    their_keys = _keys_of(session, candidates)
    their_words = {c: content_words(w) for c, w in _tokens_of(session, candidates).items()}
    weights.update(_weights(session, set().union(*their_words.values()) - set(weights))[0])
    default = idf(1, documents)
    scored = []
    for candidate in candidates:
        if _states_another_value(keys, their_keys.get(candidate, set())):
            continue
        wording = weighted_jaccard(words, their_words.get(candidate, set()), weights, default)
        score, reason = wording, "similar wording"
        if candidate in by_key:
            score, reason = _key_score(by_key[candidate], wording), "same value"
        if score >= threshold:
            scored.append((round(score, 3), candidate, reason))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return _matches(session, scored[:limit])


def _key_score(key: str, wording: float) -> float:
    """A shared value is strong evidence, except a bare number with nothing counted."""
    weak = key.startswith("figure:") and key.endswith(":")
    floor = 0.3 if weak else 0.7
    return floor + (1.0 - floor) * wording


def _reviewed_elsewhere(query: Select, claim_column: object, session_id: int | None) -> Select:
    query = query.join(Claim, Claim.id == claim_column).where(Claim.verdict.is_not(None), Claim.deleted_at.is_(None))
    if session_id is not None:
        query = query.join(Article, Article.id == Claim.article_id).where(
            Article.session_id != session_id
        )
    return query


def _key_candidates(session: Session, session_id: int | None, keys: set[str]) -> dict[int, str]:
    if not keys:
        return {}
    query = _reviewed_elsewhere(
        select(ClaimKey.claim_id, ClaimKey.key).where(ClaimKey.key.in_(sorted(keys))),
        ClaimKey.claim_id,
        session_id,
    ).limit(MAX_CANDIDATES * 5)
    found: dict[int, str] = {}
    for candidate, key in session.execute(query):
        found.setdefault(candidate, key)
    return found


def _weights(session: Session, words: set[str]) -> tuple[dict[str, float], int]:
    """idf of each word from the token index; the number of indexed claims."""
    documents = _indexed_claims(session)
    counts = _document_frequencies(session, words)
    return {w: idf(counts.get(w, 0), documents) for w in words}, documents


# Counting a common word's rows is the slow part of a lookup, and idf moves
# slowly as claims are added: counts are kept for a few minutes per database.
_DF_CACHE: dict[tuple[str, str], tuple[int, float]] = {}
DF_CACHE_SECONDS = 300.0
_DF_CACHE_MAX = 200_000


def _document_frequencies(session: Session, words: set[str]) -> dict[str, int]:
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
    missing.sort()
    for start in range(0, len(missing), 400):
        chunk = missing[start : start + 400]
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


def _indexed_claims(session: Session) -> int:
    # max(id) reads one index entry; close enough to the claim count for idf.
    return int(session.scalar(select(func.max(Claim.id))) or 0)


def _token_candidates(
    session: Session, session_id: int | None, words: set[str], weights: dict[str, float]
) -> set[int]:
    # The rarest words propose candidates: a word most claims share would cost a long read.
    seeds = sorted((w for w in words if weights.get(w, 0) > 0), key=lambda w: -weights[w])
    seeds = seeds[:SEED_TOKENS]
    if not seeds:
        return set()
    query = _reviewed_elsewhere(
        select(ClaimToken.claim_id, ClaimToken.token).where(ClaimToken.token.in_(seeds)),
        ClaimToken.claim_id,
        session_id,
    ).limit(MAX_CANDIDATES * 25)
    shared: dict[int, float] = defaultdict(float)
    for candidate, token in session.execute(query):
        shared[candidate] += weights[token]
    best = sorted(shared, key=lambda c: -shared[c])
    return set(best[:MAX_CANDIDATES])


def _states_another_value(mine: set[str], theirs: set[str]) -> bool:
    """Same words, other number ("30,000 troops" vs "32,000 troops"): a different claim."""
    kinds = {key.split(":", 1)[0] for key in mine} & {key.split(":", 1)[0] for key in theirs}
    return bool(kinds) and not (mine & theirs)


def _keys_of(session: Session, claim_ids: set[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    rows = session.execute(
        select(ClaimKey.claim_id, ClaimKey.key).where(ClaimKey.claim_id.in_(sorted(claim_ids)))
    )
    for candidate, key in rows:
        found[candidate].add(key)
    return found


def _tokens_of(session: Session, claim_ids: set[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    rows = session.execute(
        select(ClaimToken.claim_id, ClaimToken.token).where(ClaimToken.claim_id.in_(sorted(claim_ids)))
    )
    for candidate, token in rows:
        found[candidate].add(token)
    return found


def _matches(session: Session, scored: list[tuple[float, int, str]]) -> list[Match]:
    if not scored:
        return []
    ids = [candidate for _score, candidate, _reason in scored]
    rows = session.execute(
        select(Claim, ReviewSession.id, ReviewSession.title)
        .join(Article, Article.id == Claim.article_id)
        .join(ReviewSession, ReviewSession.id == Article.session_id)
        .where(Claim.id.in_(ids))
    ).all()
    details = {claim.id: (claim, sid, title) for claim, sid, title in rows}
    sources: dict[int, list[PriorSource]] = defaultdict(list)
    for evidence, source in session.execute(
        select(Evidence, Source).join(Source, Source.id == Evidence.source_id)
        .where(Evidence.claim_id.in_(ids)).order_by(Evidence.id)
    ).all():
        sources[evidence.claim_id].append(
            PriorSource(source.url, source.title, evidence.stance, evidence.passage)
        )
    matches = []
    for score, candidate, reason in scored:
        claim, sid, title = details[candidate]
        matches.append(
            Match(
                claim_id=claim.id, session_id=sid, session=title, text=claim.wording or claim.text,
                kind=claim.kind, verdict=claim.verdict or "", rationale=claim.rationale,
                reviewed_at=claim.updated_at, score=score, reason=reason,
                sources=sources.get(claim.id, []),
            )
        )
    return matches


def copy_prior(
    db: Database, target_claim_id: int, prior_claim_id: int, *, by: str, expected_version: int | None
) -> ClaimRecord:
    """Put a prior claim's verdict, rationale and sources on the current claim, in one step.

    Each change is a history row noting where it came from. Nothing is
    written if the prior claim has no verdict, its verdict is not on this
    session's scale, or the current claim changed since it was loaded.
    """
    with db.session() as session:
        return copy_prior_in(session, target_claim_id, prior_claim_id, by=by, expected_version=expected_version)


def copy_prior_in(
    session: Session, target_claim_id: int, prior_claim_id: int, *, by: str, expected_version: int | None
) -> ClaimRecord:
    """``copy_prior`` inside the caller's transaction."""
    target = load_claim(session, target_claim_id)
    prior = load_claim(session, prior_claim_id)
    if prior.verdict is None or prior.id == target.id:
        raise InvalidValueError(
            f"Claim {prior.id} has no verdict to copy.", "Pick a claim that was reviewed."
        )
    if expected_version is not None and target.version != expected_version:
        raise ConflictError(
            target.id, {"verdict": (target.verdict, prior.verdict)}, target.version, target.updated_by
        )
    verdict = get_scale(target.article.session.scale).resolve(prior.verdict).key
    check_unlocked(target.id, target.review_state, ("verdict", "rationale"))
    note = f"copied from claim {prior.id} in session {prior.article.session.title}"
    for name, value in (("verdict", verdict), ("rationale", prior.rationale)):
        if getattr(target, name) != value:
            record_history(session, target, by, name, getattr(target, name), value, note=note)
            setattr(target, name, value)
    _copy_sources(session, prior, target, by, note)
    target.updated_by = by
    touch_session(session, target.article.session_id)
    session.flush()
    return claim_record(target)


def _copy_sources(session: Session, prior: Claim, target: Claim, by: str, note: str) -> None:
    session_id = target.article.session_id
    attached = {evidence.source.url for evidence in target.evidence}
    for evidence in prior.evidence:
        url = evidence.source.url
        if url in attached:
            continue
        old = evidence.source
        # Get-or-create through storage: a colleague adding the same link at
        # the same moment makes no second source or link.
        source = add_source_in(session, session_id, url, title=old.title, publisher=old.publisher,
                               published=old.published)
        attach_source_in(session, target.id, source.id, by=by, stance=evidence.stance,
                         passage=evidence.passage, note=note)
        attached.add(url)
