"""Claims: add, edit with history and conflict detection, delete, list.

Every edit names the claim version it was made on. If another reviewer has
changed the claim since, the edit is refused with a ``ConflictError`` that
carries both values: nothing is silently overwritten.

Writes that change what a claim says (add, store detected, edit, move,
restore) exist only inside the caller's transaction (``..._in(session,
...)``): the caller (``services.claim_edits``, ``services.importing``,
``recheck.carry_over``) re-indexes the claim in the claim memory before it
commits, as storage may not import the normaliser.

A delete is a tombstone: the row stays, marked ``deleted_at``, with its
history and source links, and every read here skips it (``LIVE``). Its index
rows go at once (so the claim memory no longer offers it) and come back when
undo restores the same row; the delete and the restore are history rows and
bump the version like any edit, so a window that saw the claim before is
stale after them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from workbench.domain.errors import ConflictError, InvalidValueError, NotFoundError
from workbench.domain.kinds import ClaimOrigin, ClaimStatus, checked_kind
from workbench.domain.records import ClaimDraft, ClaimRecord, HistoryRecord
from workbench.domain.review import check_unlocked
from workbench.domain.scales import get_scale
from workbench.storage.articles import load_article
from workbench.storage.base import utcnow
from workbench.storage.convert import claim_record, history_record
from workbench.storage.database import Database
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import Article, ArticleVersion, Claim, ClaimHistory, Evidence
from workbench.storage.sessions import touch_session

# Detected claims are written in batches: one INSERT of 13,000 rows runs in
# SQLite's C loop, which takes the interpreter lock back after each row before
# the window's thread can have it, and the window stalls for a quarter second.
FLUSH_EVERY = 250

# Characters kept either side of a span so it can be found again if the text shifts.
CONTEXT_CHARS = 32

_RECORD_FIELDS = frozenset(ClaimRecord.__dataclass_fields__)

# The condition every read of claims adds: deleted claims (tombstones) are not shown.
LIVE = Claim.deleted_at.is_(None)

EDITABLE = ("kind", "wording", "value", "unit", "speaker", "status", "verdict", "rationale", "tags")


def list_claims(
    db: Database, *, article_id: int | None = None, session_id: int | None = None
) -> list[ClaimRecord]:
    """Claims of one article or a whole session, in reading order, with source counts."""
    counts = (
        select(Evidence.claim_id, func.count(Evidence.id).label("n"))
        .group_by(Evidence.claim_id)
        .subquery()
    )
    # Plain rows, not ORM objects: opening a big session skips the
    # identity-map bookkeeping of 10,000 objects nobody will modify.
    columns = [column for column in Claim.__table__.columns if column.key in _RECORD_FIELDS]
    query = select(*columns, func.coalesce(counts.c.n, 0).label("source_count")).outerjoin(
        counts, counts.c.claim_id == Claim.id
    ).where(LIVE)
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    if session_id is not None:
        query = query.join(Article, Article.id == Claim.article_id).where(
            Article.session_id == session_id
        )
    query = query.order_by(Claim.article_id, Claim.start, Claim.end.desc(), Claim.id)
    with db.reading() as session:
        return [ClaimRecord(**row) for row in session.execute(query).mappings()]


def claims_by_id_in(session: Session, claim_ids: Iterable[int]) -> list[ClaimRecord]:
    """The named claims as stored in the caller's transaction, with source counts (gone ones skipped)."""
    ids = sorted(set(claim_ids))
    if not ids:
        return []
    # Counted per claim: the few rows an edit touched, not the whole evidence table.
    count = select(func.count(Evidence.id)).where(Evidence.claim_id == Claim.id).scalar_subquery()
    columns = [column for column in Claim.__table__.columns if column.key in _RECORD_FIELDS]
    query = select(*columns, count.label("source_count")).where(Claim.id.in_(ids), LIVE).order_by(Claim.id)
    return [ClaimRecord(**row) for row in session.execute(query).mappings()]


def get_claim(db: Database, claim_id: int) -> ClaimRecord:
    with db.reading() as session:
        return claim_record(load_claim(session, claim_id))


def add_claim_in(session: Session, article_id: int, draft: ClaimDraft, *, by: str,
                 origin: str = ClaimOrigin.MANUAL) -> ClaimRecord:
    """Log a claim on a span of the article's current text (flushed, not committed)."""
    article = load_article(session, article_id)
    claim = _new_claim(article, draft, by=by, origin=origin)
    session.add(claim)
    touch_session(session, article.session_id)
    session.flush()
    _record(session, claim, by, "created", None, claim.kind, note=origin)
    return claim_record(claim, 0)


def store_detected_in(session: Session, article_id: int, drafts: Iterable[ClaimDraft], *, by: str) -> list[int]:
    """Store detector proposals (flushed, not committed); returns the ids of the new claims.

    Re-running detection never duplicates a claim the reviewer already has
    (same kind and span, whatever its status) and never touches existing
    claims, so edited or dismissed ones stay as the reviewer left them.
    """
    article = load_article(session, article_id)
    existing = {
        (kind, start, end)
        for kind, start, end in session.execute(
            # A deleted proposal is not the reviewer's any more: detection may offer it again.
            select(Claim.kind, Claim.start, Claim.end).where(Claim.article_id == article_id, LIVE)
        )
    }
    added: list[Claim] = []
    for draft in drafts:
        key = (draft.kind, draft.start, draft.end)
        if key in existing:
            continue
        existing.add(key)
        claim = _new_claim(article, draft, by=by, origin=ClaimOrigin.DETECTED)
        session.add(claim)
        added.append(claim)
        if len(added) % FLUSH_EVERY == 0:
            session.flush()
    if added:
        touch_session(session, article.session_id)
    session.flush()
    return [claim.id for claim in added]


def update_claim_in(
    session: Session,
    claim_id: int,
    changes: dict[str, Any],
    *,
    by: str,
    expected_version: int | None,
    note: str = "",
    expected_values: dict[str, Any] | None = None,
) -> ClaimRecord:
    """Apply field changes, one history row per changed field (flushed, not committed).

    ``expected_version`` is the version the reviewer saw; ``None`` forces the
    edit (after the reviewer has resolved a conflict). ``expected_values``
    (an undo) replaces the version check by a check of the fields it writes:
    each must still hold what the edit being undone wrote. A concurrent write
    raises ``StaleDataError``: the caller turns it into ``stale_conflict``.
    """
    if unknown := set(changes) - set(EDITABLE):
        raise ValueError(f"not editable: {sorted(unknown)}")
    claim = load_claim(session, claim_id)
    _validate(session, claim, changes)
    if expected_values is None:
        _check_version(claim, changes, expected_version)
    else:
        _check_values(claim, changes, expected_values)
    changed = {k: v for k, v in changes.items() if getattr(claim, k) != v}
    check_unlocked(claim.id, claim.review_state, changed)
    for name, value in changed.items():
        _record(session, claim, by, name, getattr(claim, name), value, note=note)
        setattr(claim, name, value)
    if changed:
        claim.updated_by = by
        claim.updated_at = utcnow()
        touch_session(session, claim.article.session_id)
    session.flush()
    return claim_record(claim)


def stale_conflict(db: Database, claim_id: int, changes: dict[str, Any]) -> ConflictError:
    """The conflict to show when another writer committed between our read and our write."""
    current = get_claim(db, claim_id)
    return ConflictError(
        claim_id,
        {k: (getattr(current, k), v) for k, v in changes.items()},
        current.version,
        current.updated_by,
    )


def move_claim_in(
    session: Session, claim_id: int, start: int, end: int, *, by: str, expected_version: int | None, note: str = ""
) -> ClaimRecord:
    """Re-anchor a claim on another span of its article's current text (recorded in history)."""
    claim = load_claim(session, claim_id)
    _check_version(claim, {"start": start, "end": end}, expected_version)
    version = claim.article.current
    _check_span(version.text, start, end)
    place_claim(session, claim, version, start, end, by=by, note=note)
    if claim.anchor_outcome in ("changed", "gone"):
        # Placing the claim by hand is the reviewer's answer to a re-check flag.
        _record(session, claim, by, "anchor_outcome", claim.anchor_outcome, "accepted", note="moved by hand")
        claim.anchor_outcome = "accepted"
    touch_session(session, claim.article.session_id)
    session.flush()
    return claim_record(claim)


def place_claim(
    session: Session, claim: Claim, version: ArticleVersion, start: int, end: int, *, by: str, note: str
) -> None:
    """Put a claim on a span of a version's text, with fresh context, recorded in history."""
    old = {"start": claim.start, "end": claim.end, "text": claim.text}
    claim.start, claim.end, claim.text = start, end, version.text[start:end]
    claim.prefix, claim.suffix = _context(version.text, start, end)
    claim.article_version_id = version.id
    claim.updated_by, claim.updated_at = by, utcnow()
    _record(session, claim, by, "span", old, {"start": start, "end": end, "text": claim.text}, note=note)


def delete_claim(db: Database, claim_id: int, *, by: str = "", expected_version: int | None = None) -> ClaimRecord:
    """Delete a claim (a tombstone); returns it as deleted, so it can be restored (undo)."""
    with db.session() as session:
        return delete_claim_in(session, claim_id, by=by, expected_version=expected_version)


def delete_claim_in(
    session: Session, claim_id: int, *, by: str = "", expected_version: int | None = None
) -> ClaimRecord:
    """``delete_claim`` inside the caller's transaction: the claim is marked deleted, not removed.

    The record returned carries the version the delete produced: the
    restore names it, so a claim restored (or deleted again) since is a conflict.
    """
    claim = load_claim(session, claim_id)
    _check_version(claim, {}, expected_version)
    claim.deleted_at, claim.deleted_by = utcnow(), by
    claim.updated_by, claim.updated_at = by, utcnow()
    _record(session, claim, by, "deleted", claim.kind, None)
    _drop_index_rows(session, claim_id)
    touch_session(session, claim.article.session_id)
    session.flush()
    return claim_record(claim)


def restore_claim_in(session: Session, record: ClaimRecord, *, by: str) -> ClaimRecord:
    """Bring a deleted claim back (undo of delete): the same row, its history and links, a newer version.

    ``record`` is the claim as its delete left it; a claim deleted and
    restored again since (its version moved on) is a ``ConflictError``. The
    caller re-indexes it.
    """
    claim = load_claim(session, record.id, deleted=True)
    if claim.article.removed_at is not None:  # its article (or session) went since: it goes with it
        raise NotFoundError(
            f"Claim {record.id} cannot come back: its article was removed since.",
            "Undo the article's removal first, if it was yours.",
        )
    _check_version(claim, {}, record.version)
    if claim.deleted_at is None:
        return claim_record(claim)  # brought back already: nothing to do
    claim.deleted_at, claim.deleted_by = None, None
    claim.updated_by, claim.updated_at = by, utcnow()
    _record(session, claim, by, "restored", None, claim.kind)
    touch_session(session, claim.article.session_id)
    session.flush()
    return claim_record(claim)


def _drop_index_rows(session: Session, claim_id: int) -> None:
    for table in (ClaimKey, ClaimToken):
        session.execute(delete(table).where(table.claim_id == claim_id))


def claim_history(db: Database, claim_id: int) -> list[HistoryRecord]:
    with db.session() as session:
        load_claim(session, claim_id)
        rows = session.scalars(
            select(ClaimHistory).where(ClaimHistory.claim_id == claim_id).order_by(ClaimHistory.id)
        ).all()
        return [history_record(row) for row in rows]


def load_claim(session: Session, claim_id: int, *, deleted: bool = False) -> Claim:
    """The claim to edit; a deleted one is not found, unless ``deleted`` (to restore it)."""
    claim = session.get(Claim, claim_id)
    if claim is None or (claim.deleted_at is not None and not deleted):
        raise NotFoundError(
            f"Claim {claim_id} does not exist (it may have been deleted).",
            "Pick a claim from the list (`workbench export SESSION --format json` shows their ids).",
        )
    return claim


def record_history(session: Session, claim: Claim, by: str, field: str, old: Any, new: Any, note: str = "") -> None:
    """Append to a claim's history from other storage modules (evidence, memory)."""
    _record(session, claim, by, field, old, new, note=note)


def _new_claim(article: Article, draft: ClaimDraft, *, by: str, origin: str) -> Claim:
    version = article.current
    _check_span(version.text, draft.start, draft.end)
    kind = checked_kind(draft.kind)
    prefix, suffix = _context(version.text, draft.start, draft.end)
    return Claim(
        article=article,
        article_version_id=version.id,
        kind=kind,
        start=draft.start,
        end=draft.end,
        text=version.text[draft.start : draft.end],
        prefix=prefix,
        suffix=suffix,
        wording=draft.wording,
        value=draft.value,
        unit=draft.unit,
        speaker=draft.speaker,
        score=draft.score,
        tags=list(draft.tags),
        origin=str(origin),
        status=ClaimStatus.PROPOSED.value,
        created_by=by,
        updated_by=by,
    )


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def _check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        raise InvalidValueError(
            "A claim must cover some text of the article.",
            "Select the words of the claim in the reader and try again.",
        )


def _validate(session: Session, claim: Claim, changes: dict[str, Any]) -> None:
    if "kind" in changes:
        changes["kind"] = checked_kind(changes["kind"])
    if "status" in changes:
        try:
            changes["status"] = ClaimStatus(changes["status"]).value
        except ValueError:
            raise InvalidValueError(
                f"'{changes['status']}' is not a claim status.",
                "Use proposed, accepted or dismissed.",
            ) from None
    if "verdict" in changes and changes["verdict"] is not None:
        scale = get_scale(claim.article.session.scale)
        level = scale.resolve(str(changes["verdict"]))
        # The scale's first level means "not reviewed yet": stored as no verdict.
        changes["verdict"] = None if level == scale.levels[0] else level.key
    if "tags" in changes:
        changes["tags"] = sorted({str(t).strip() for t in changes["tags"] or [] if str(t).strip()})


def _check_version(claim: Claim, changes: dict[str, Any], expected: int | None) -> None:
    if expected is None or claim.version == expected:
        return
    if changes and all(getattr(claim, k, None) == v for k, v in changes.items()):
        return  # someone made the very same change: nothing to resolve
    raise ConflictError(
        claim.id,
        {k: (getattr(claim, k, None), v) for k, v in changes.items()},
        claim.version,
        claim.updated_by,
    )


def _check_values(claim: Claim, changes: dict[str, Any], expected: dict[str, Any]) -> None:
    """An undo writes only over its own edit: a field a colleague changed since is a conflict."""
    overwritten = [
        name for name, value in expected.items()
        if getattr(claim, name, None) not in (value, changes.get(name, value))
    ]
    if overwritten:
        raise ConflictError(
            claim.id,
            {k: (getattr(claim, k, None), v) for k, v in changes.items()},
            claim.version,
            claim.updated_by,
        )


def _record(session: Session, claim: Claim, by: str, field: str, old: Any, new: Any, note: str = "") -> None:
    session.add(ClaimHistory(claim=claim, by=by, field=field, old=old, new=new, note=note))


