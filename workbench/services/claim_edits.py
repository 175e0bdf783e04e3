"""Add, edit, move, delete and restore claims, keeping the claim memory index current.

Each function is one transaction: the storage write (``storage.claims``)
and, when it changed what the claim says (kind, value, unit, wording or
the quoted text), its memory keys (``memory.indexing``) are committed
together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.domain.kinds import ClaimOrigin
from workbench.domain.records import ClaimDraft, ClaimRecord
from workbench.memory.indexing import INDEXED_FIELDS, index_claims
from workbench.storage import claims
from workbench.storage.database import Database


def add_claim(
    db: Database, article_id: int, draft: ClaimDraft, *, by: str, origin: str = ClaimOrigin.MANUAL
) -> ClaimRecord:
    """Log a claim on a span of the article's current text."""
    with db.session() as session:
        record = claims.add_claim_in(session, article_id, draft, by=by, origin=origin)
        index_claims(session, [record.id], new=True)
        return record


def store_detected(db: Database, article_id: int, drafts: Iterable[ClaimDraft], *, by: str) -> int:
    """Store detector proposals the article does not have yet; returns how many were new."""
    with db.session() as session:
        added = claims.store_detected_in(session, article_id, drafts, by=by)
        index_claims(session, added, new=True)
        return len(added)


def update_claim(
    db: Database,
    claim_id: int,
    changes: dict[str, Any],
    *,
    by: str,
    expected_version: int | None,
    note: str = "",
) -> ClaimRecord:
    """Apply field changes (see ``storage.claims.update_claim_in``); a concurrent edit is a ConflictError."""
    with claims.claim_edit(db, claim_id, changes) as session:
        record, changed = claims.update_claim_in(
            session, claim_id, changes, by=by, expected_version=expected_version, note=note
        )
        if changed & set(INDEXED_FIELDS):
            index_claims(session, [claim_id])
    return record


def move_claim(
    db: Database, claim_id: int, start: int, end: int, *, by: str, expected_version: int | None, note: str = ""
) -> ClaimRecord:
    """Re-anchor a claim on another span of its article's current text (recorded in history)."""
    with db.session() as session:
        record = claims.move_claim_in(
            session, claim_id, start, end, by=by, expected_version=expected_version, note=note
        )
        index_claims(session, [claim_id])
        return record


def delete_claim(db: Database, claim_id: int, *, expected_version: int | None = None) -> ClaimRecord:
    """Remove a claim; returns it as it was, for undo. Its index rows go with it (cascade)."""
    return claims.delete_claim(db, claim_id, expected_version=expected_version)


def restore_claim(db: Database, record: ClaimRecord, *, by: str) -> ClaimRecord:
    """Put a deleted claim back as it was (undo of delete), indexed again."""
    with db.session() as session:
        restored = claims.restore_claim_in(session, record, by=by)
        index_claims(session, [restored.id])
        return restored
