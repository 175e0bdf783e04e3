"""Find claims reviewed before that say the same thing, and reuse their verdict.

A prior claim is one with a verdict, in another session. It matches when it
shares a normalised value key with the claim (same kind, value and unit, or
the same date or system) or when its wording is close (weighted Jaccard,
``workbench.memory.similarity``). Every lookup goes through the indexed
``claim_key``/``claim_token`` tables: the cost depends on how many claims
share a word or value with this one, not on the size of the database.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import ConflictError, InvalidValueError
from workbench.domain.records import ClaimRecord
from workbench.domain.review import check_unlocked
from workbench.domain.scales import get_scale
from workbench.memory.indexing import claim_index_rows
from workbench.memory.lookup_many import find_prior_many
from workbench.memory.normalise import content_words
from workbench.memory.prior_reads import (
    DEFAULT_THRESHOLD,
    MAX_KEY_ROWS,
    MAX_TOKEN_ROWS,
    Candidates,
    Match,
    PriorSource,
    best_by_shared_words,
    key_reasons,
    keys_of,
    matches,
    reviewed_elsewhere,
    score,
    seed_words,
    tokens_of,
    weights_of,
)
from workbench.storage.claims import load_claim, record_history
from workbench.storage.convert import claim_record
from workbench.storage.database import Database
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import Claim
from workbench.storage.sessions import touch_session
from workbench.storage.sources import add_source_in, attach_source_in

__all__ = [
    "DEFAULT_THRESHOLD", "Match", "PriorSource", "copy_prior", "copy_prior_in", "find_prior",
    "find_prior_for_text", "find_prior_many",
]


def find_prior(db: Database, claim_id: int, *, threshold: float = DEFAULT_THRESHOLD, limit: int = 10) -> list[Match]:
    """Reviewed claims of other sessions that match ``claim_id``, best first."""
    with db.session() as session:
        claim = load_claim(session, claim_id)
        keys, words = claim_index_rows(
            claim.kind, claim.value, claim.unit, claim.wording or "", claim.text or ""
        )
        return _find(session, claim.article.session_id, keys, words, threshold, limit)


def find_prior_for_text(
    db: Database, kind: str, text: str, *, value: object = None, unit: str | None = None,
    exclude_session: int | None = None, threshold: float = DEFAULT_THRESHOLD, limit: int = 10,
) -> list[Match]:
    """The same lookup for a claim not stored yet (a selection, a benchmark query)."""
    keys, words = claim_index_rows(kind, value, unit, "", text)
    with db.session() as session:
        return _find(session, exclude_session, keys, words, threshold, limit)


def _find(
    session: Session, session_id: int | None, keys: set[str], words: set[str], threshold: float, limit: int,
) -> list[Match]:
    # ``Tuesday`` or ``last week`` alone is no content: it must not make a match.
    words = content_words(words)
    by_key = _key_candidates(session, session_id, keys)
    weights, documents = weights_of(session, words)
    proposed = set(by_key) | _token_candidates(session, session_id, words, weights)
    if not proposed:
        return []
    their_keys = keys_of(session, proposed)
    their_words = {c: content_words(w) for c, w in tokens_of(session, proposed).items()}
    weights.update(weights_of(session, set().union(*their_words.values()) - set(weights))[0])
    known = Candidates(their_keys, their_words, weights, documents)
    scored = score(keys, words, by_key, proposed, known, threshold, limit)
    return matches(session, {0: scored})[0]


def _key_candidates(session: Session, session_id: int | None, keys: set[str]) -> dict[int, str]:
    if not keys:
        return {}
    query = reviewed_elsewhere(
        select(ClaimKey.claim_id, ClaimKey.key).where(ClaimKey.key.in_(sorted(keys))),
        ClaimKey.claim_id,
        session_id,
    ).limit(MAX_KEY_ROWS)
    return key_reasons(session.execute(query))


def _token_candidates(
    session: Session, session_id: int | None, words: set[str], weights: dict[str, float]
) -> set[int]:
    seeds = seed_words(words, weights)
    if not seeds:
        return set()
    query = reviewed_elsewhere(
        select(ClaimToken.claim_id, ClaimToken.token).where(ClaimToken.token.in_(seeds)),
        ClaimToken.claim_id,
        session_id,
    ).limit(MAX_TOKEN_ROWS)
    return best_by_shared_words(session.execute(query), weights)


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
