"""Article versions after a re-check, and claims carried over to them.

A new version is stored beside the old ones (never over them). Storage only
writes: the re-check (``workbench.recheck.carry_over``) reads the claims
grouped by the version they were made on (``claims_by_version_in``),
re-anchors them, and hands the results back to ``record_reanchoring_in``,
all in one transaction. ``unchanged`` and ``moved`` claims follow to the new
version, ``changed`` and ``gone`` ones stay where they were, flagged, with
their verdict, until the reviewer accepts or keeps them. Every one of these
steps is a row in the claim's history.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from workbench.domain.anchors import ClaimAnchor, ClaimsOnVersion, Outcome, Reanchored
from workbench.domain.articles import ExtractedArticle
from workbench.domain.errors import InvalidValueError, NotFoundError
from workbench.domain.records import AnchorState, ChangeSummary, ClaimRecord, VersionRecord
from workbench.storage.articles import load_article, version_from
from workbench.storage.base import utcnow
from workbench.storage.claims import LIVE, load_claim, place_claim, record_history
from workbench.storage.convert import claim_record
from workbench.storage.database import Database
from workbench.storage.models import Article, ArticleVersion, Claim
from workbench.storage.sessions import touch_session

FLAGGED = (Outcome.CHANGED.value, Outcome.GONE.value)
ACCEPTED = "accepted"
KEPT = "kept"


def list_versions(db: Database, article_id: int) -> list[VersionRecord]:
    with db.session() as session:
        return [_record(v) for v in load_article(session, article_id).versions]


def get_version(db: Database, article_id: int, number: int | None = None) -> VersionRecord:
    """One version by number; the newest when ``number`` is None."""
    with db.session() as session:
        article = load_article(session, article_id)
        if number is None:
            return _record(article.current)
        for version in article.versions:
            if version.number == number:
                return _record(version)
        raise NotFoundError(
            f"Article {article_id} has no version {number}.",
            f"It has versions 1 to {article.current.number}.",
        )


def add_version_in(session: Session, article_id: int, extracted: ExtractedArticle) -> VersionRecord:
    """Store ``extracted`` as the article's next version (flushed, not committed)."""
    article = load_article(session, article_id)
    version = version_from(extracted, number=article.current.number + 1)
    article.versions.append(version)
    touch_session(session, article.session_id)
    session.flush()
    return _record(version)


def claims_by_version_in(session: Session, article_id: int, new_version_id: int) -> list[ClaimsOnVersion]:
    """The article's claims to re-anchor on ``new_version_id``, grouped by the version they were made on."""
    article = load_article(session, article_id)
    previous = _previous(article, new_version_id)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for claim in article.claims:
        if claim.deleted_at is None:  # a deleted claim keeps the span it had; a restore brings it back there
            groups[_made_on(article, claim, previous).id].append(claim)
    versions = {v.id: v for v in article.versions}
    return [
        ClaimsOnVersion(
            versions[version_id].number,
            versions[version_id].text,
            [ClaimAnchor(c.id, c.start, c.end, c.text, c.prefix, c.suffix) for c in claims],
        )
        for version_id, claims in groups.items()
    ]


def record_reanchoring_in(
    session: Session, article_id: int, new_version_id: int, results: list[Reanchored], *, by: str
) -> None:
    """Write what a re-check found for each claim: its outcome, and its new span where it followed."""
    article = load_article(session, article_id)
    new = session.get(ArticleVersion, new_version_id)
    if new is None or new.article_id != article_id:
        raise NotFoundError(
            f"Article {article_id} has no version with id {new_version_id}.", "Re-check the article again."
        )
    previous = _previous(article, new_version_id)
    kept: dict[int, tuple[Claim, int]] = {}
    for result in results:
        claim = load_claim(session, result.claim_id)
        kept[claim.id] = (claim, claim.version)
        _apply(session, claim, result, _made_on(article, claim, previous), new, by)
    touch_session(session, article.session_id)
    session.flush()
    _keep_versions(session, kept)


def _keep_versions(session: Session, kept: dict[int, tuple[Claim, int]]) -> None:
    """Put back the versions the flush above bumped.

    A re-check moves spans and notes how each claim fared, nothing a reviewer
    edits; bumping every claim's version made each stale window's next verdict
    or rationale a conflict. The flush still checked each version (a
    reviewer's edit committed meanwhile makes the re-check fail, not vanish),
    and the rows stay locked by this transaction until it ends.
    """
    if not kept:
        return
    table = Claim.__table__
    session.execute(
        update(table).where(table.c.id == bindparam("claim_id")).values(version=bindparam("old")),
        [{"claim_id": claim_id, "old": old} for claim_id, (_claim, old) in kept.items()],
    )
    for claim, old in kept.values():
        set_committed_value(claim, "version", old)


def accept_reanchor_in(
    session: Session, claim_id: int, *, by: str, start: int | None = None, end: int | None = None
) -> ClaimRecord:
    """The reviewer takes the new wording of a ``changed`` claim (or places a ``gone`` one).

    ``start``/``end`` override the proposed span (required for a gone claim).
    The verdict stays: the reviewer changes it if the new words need another.
    """
    claim = load_claim(session, claim_id)
    detail = dict(claim.anchor_detail or {})
    if claim.anchor_outcome not in FLAGGED:
        raise InvalidValueError(
            f"Claim {claim_id} has no re-anchoring waiting for review.",
            "Re-check the article first; only changed or gone claims wait for the reviewer.",
        )
    current = claim.article.current
    if detail.get("to_version") != current.number:
        raise InvalidValueError(
            f"The article changed again since claim {claim_id} was flagged.",
            "Re-check the article again, then review the claim.",
        )
    start = detail.get("start") if start is None else start
    end = detail.get("end") if end is None else end
    if start is None or end is None or not (0 <= start < end <= len(current.text)):
        raise InvalidValueError(
            f"Claim {claim_id} was not found in the new text.",
            "Select its words in the new text and accept that span, or keep the old version.",
        )
    outcome = claim.anchor_outcome
    place_claim(session, claim, current, start, end, by=by, note=f"accepted re-anchoring ({outcome})")
    record_history(session, claim, by, "anchor_outcome", outcome, ACCEPTED)
    claim.anchor_outcome = ACCEPTED
    claim.anchor_detail = {**detail, "accepted_by": by}
    touch_session(session, claim.article.session_id)
    session.flush()
    return claim_record(claim)


def keep_old_anchor(db: Database, claim_id: int, *, by: str) -> None:
    """The reviewer keeps a flagged claim on the version it was made on (dismisses the flag)."""
    with db.session() as session:
        claim = load_claim(session, claim_id)
        if claim.anchor_outcome not in FLAGGED:
            raise InvalidValueError(
                f"Claim {claim_id} has no re-anchoring waiting for review.",
                "Only changed or gone claims can be kept on their old version.",
            )
        record_history(
            session, claim, by, "anchor_outcome", claim.anchor_outcome, KEPT,
            note="kept on the version it was made on",
        )
        claim.anchor_outcome = KEPT
        claim.updated_by, claim.updated_at = by, utcnow()
        touch_session(session, claim.article.session_id)


def change_summary(db: Database, session_id: int) -> dict[int, ChangeSummary]:
    """Per article of a session: versions stored and claims flagged for review."""
    with db.reading() as session:
        versions = dict(
            session.execute(
                select(ArticleVersion.article_id, func.count(ArticleVersion.id))
                .join(Article, Article.id == ArticleVersion.article_id)
                .where(Article.session_id == session_id)
                .group_by(ArticleVersion.article_id)
            ).all()
        )
        flagged = dict(
            session.execute(
                select(Claim.article_id, func.count(Claim.id))
                .join(Article, Article.id == Claim.article_id)
                .where(Article.session_id == session_id, Claim.anchor_outcome.in_(FLAGGED), LIVE)
                .group_by(Claim.article_id)
            ).all()
        )
        return {
            article_id: ChangeSummary(count, flagged.get(article_id, 0))
            for article_id, count in versions.items()
        }


def _previous(article: Article, new_version_id: int) -> ArticleVersion:
    """The newest version before ``new_version_id``: where claims with no version were made."""
    older = [v for v in article.versions if v.id != new_version_id]
    return max(older, key=lambda v: v.number)


def _made_on(article: Article, claim: Claim, previous: ArticleVersion) -> ArticleVersion:
    for version in article.versions:
        if version.id == claim.article_version_id:
            return version
    return previous


def _apply(
    session: Session, claim: Claim, result: Reanchored, old: ArticleVersion, new: ArticleVersion, by: str
) -> None:
    detail = {
        "from_version": old.number,
        "to_version": new.number,
        "old_start": result.old_start,
        "old_end": result.old_end,
        "old_text": result.old_text,
        "start": result.start,
        "end": result.end,
        "new_text": result.new_text,
        "note": result.note,
    }
    record_history(session, claim, by, "anchor_outcome", claim.anchor_outcome, result.outcome.value,
                   note=f"re-check: version {old.number} -> {new.number}, confidence {result.confidence}")
    claim.anchor_outcome = result.outcome.value
    claim.anchor_confidence = result.confidence
    claim.anchor_detail = detail
    if not result.needs_review and result.start is not None and result.end is not None:
        place_claim(session, claim, new, result.start, result.end, by=by, note=f"re-check: {result.outcome.value}")


def _record(version: ArticleVersion) -> VersionRecord:
    return VersionRecord(
        id=version.id,
        article_id=version.article_id,
        number=version.number,
        final_url=version.final_url,
        title=version.title,
        authors=list(version.authors or []),
        published=version.published,
        site_name=version.site_name,
        text=version.text,
        raw_sha256=version.raw_sha256,
        fetched_at=version.fetched_at,
    )


def anchor_states(db: Database, article_id: int) -> list[AnchorState]:
    with db.session() as session:
        rows = session.scalars(
            select(Claim).where(Claim.article_id == article_id, LIVE).order_by(Claim.start, Claim.id)
        ).all()
        return [
            AnchorState(c.id, c.anchor_outcome, c.anchor_confidence, dict(c.anchor_detail or {}), c.verdict)
            for c in rows
        ]
