"""Edits of claims: change fields (verdict, status, wording...), log, delete, restore, copy a prior verdict.

Each is an operation for ``services.edits.apply``: one transaction, and a
``Done`` naming the changed claims and the operation that takes the edit back.
An operation that changes what a claim says (kind, value, unit, wording, the
quoted text) re-indexes it in the claim memory in that same transaction
(``memory.indexing``); storage only writes the claim.

The plain functions at the end (``add_claim``, ``update_claim``...) run one
such edit directly, for callers with no undo stack: tests, benchmarks, scripts.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.errors import NotFoundError
from workbench.domain.kinds import ClaimOrigin
from workbench.domain.records import ClaimDraft, ClaimRecord, EvidenceRecord
from workbench.memory.indexing import INDEXED_FIELDS, index_claims
from workbench.memory.lookup import copy_prior_in
from workbench.services.changes import Changes, Done, ids
from workbench.services.edits import Compound, StaleEdit, apply
from workbench.services.evidence_edits import DetachSource
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store
from workbench.storage.articles import load_article
from workbench.storage.database import Database


@dataclass(frozen=True, slots=True)
class EditClaim:
    """Set fields of a claim; ``expected_version`` is the version the reviewer saw (None forces).

    An undo also names ``expected_values``: what the edit it takes back
    wrote. If a colleague has changed one of those fields since, the undo is
    a ``ConflictError`` whatever version the window shows; if they all still
    hold what the edit wrote, only this reviewer's edit is taken back.
    """

    claim_id: int
    values: dict[str, Any]
    expected_version: int | None = None
    note: str = ""
    expected_values: dict[str, Any] | None = None

    def run(self, session: Session, by: str) -> Done:
        claim = claim_store.load_claim(session, self.claim_id)
        before = {name: copy.deepcopy(getattr(claim, name, None)) for name in self.values}
        session_id = claim.article.session_id
        try:
            record = claim_store.update_claim_in(
                session, self.claim_id, dict(self.values), by=by,
                expected_version=self.expected_version, note=self.note,
                expected_values=self.expected_values,
            )
        except StaleDataError:
            raise StaleEdit(self.claim_id, dict(self.values)) from None
        if set(INDEXED_FIELDS) & set(self.values):
            index_claims(session, [self.claim_id])
        after = {name: copy.deepcopy(getattr(record, name)) for name in self.values}
        inverse = EditClaim(self.claim_id, before, expected_version=record.version, expected_values=after)
        return Done(Changes(claim_ids=ids([self.claim_id]), session_ids=ids([session_id])), inverse)


def set_verdict(claim_id: int, verdict: str | None, *, rationale: str | None = None,
                expected_version: int | None = None) -> EditClaim:
    """The verdict edit (a key, label or digit of the session's scale), with the rationale if given."""
    values: dict[str, Any] = {"verdict": verdict}
    if rationale is not None:
        values["rationale"] = rationale
    return EditClaim(claim_id, values, expected_version=expected_version)


@dataclass(frozen=True, slots=True)
class AddClaim:
    """Log a claim on a span of the article's current text."""

    article_id: int
    draft: ClaimDraft
    origin: str = ClaimOrigin.MANUAL

    def run(self, session: Session, by: str) -> Done:
        record = claim_store.add_claim_in(session, self.article_id, self.draft, by=by, origin=self.origin)
        index_claims(session, [record.id], new=True)
        return Done(_claim_changes(session, record, added=True), DeleteClaim(record.id))


@dataclass(frozen=True, slots=True)
class DeleteClaim:
    """Delete a claim (a tombstone); its inverse brings back the same row with its history and links."""

    claim_id: int
    expected_version: int | None = None

    def run(self, session: Session, by: str) -> Done:
        links = tuple(source_store.list_evidence_in(session, self.claim_id))
        record = claim_store.delete_claim_in(session, self.claim_id, by=by, expected_version=self.expected_version)
        changes = Changes(
            removed_claim_ids=ids([record.id]), article_ids=ids([record.article_id]),
            session_ids=ids([load_article(session, record.article_id).session_id]), claims_removed=True,
        )
        return Done(changes, RestoreClaim(record, links))


@dataclass(frozen=True, slots=True)
class RestoreClaim:
    """Undo a delete: the same claim back, with the sources it had, at a newer version.

    ``record`` is the claim as its delete left it (its version is checked);
    ``links`` the sources it had then: if one of them was deleted since, the
    claim stays deleted rather than come back without it.
    """

    record: ClaimRecord
    links: tuple[EvidenceRecord, ...] = field(default=())

    def run(self, session: Session, by: str) -> Done:
        restored = claim_store.restore_claim_in(session, self.record, by=by)
        index_claims(session, [restored.id])
        links = tuple(_link_kept(session, restored.id, link) for link in self.links)
        return Done(
            _claim_changes(session, restored, added=True),
            DeleteClaim(restored.id, expected_version=restored.version),
            links=links,
        )


@dataclass(frozen=True, slots=True)
class CopyPrior:
    """Put a prior claim's verdict, rationale and sources on a claim.

    The inverse puts the verdict and rationale back and takes off the links
    the copy made, in one transaction.
    """

    claim_id: int
    prior_claim_id: int
    expected_version: int | None = None

    def run(self, session: Session, by: str) -> Done:
        claim = claim_store.load_claim(session, self.claim_id)
        before = {"verdict": claim.verdict, "rationale": claim.rationale}
        linked = {e.id for e in source_store.list_evidence_in(session, self.claim_id)}
        record = copy_prior_in(session, self.claim_id, self.prior_claim_id, by=by,
                               expected_version=self.expected_version)
        added = tuple(e for e in source_store.list_evidence_in(session, self.claim_id) if e.id not in linked)
        # The claim first: its version is the one the window knows.
        after = {"verdict": record.verdict, "rationale": record.rationale}
        inverse = Compound((
            EditClaim(self.claim_id, before, expected_version=record.version, expected_values=after),
            *(DetachSource(link.id, {"stance": link.stance, "passage": link.passage}) for link in added),
        ))
        changes = Changes(
            claim_ids=ids([self.claim_id]), session_ids=ids([claim.article.session_id]),
            source_ids=ids(link.source.id for link in added),
        )
        return Done(changes, inverse, links=added)


def _link_kept(session: Session, claim_id: int, link: EvidenceRecord) -> EvidenceRecord:
    """The link as the restored claim has it: kept by the tombstone, unless its source was deleted since."""
    kept = source_store.find_link_in(session, claim_id, link.source.id)
    if kept is None:
        raise NotFoundError(
            f"The source {link.source.url} of that claim was deleted since, so the claim cannot come back as it was.",
            "Log the claim again from the article's text and attach the sources it still has.",
        )
    return source_store.evidence_in(session, kept.id)


def _claim_changes(session: Session, record: ClaimRecord, *, added: bool) -> Changes:
    return Changes(
        claim_ids=ids([record.id]), article_ids=ids([record.article_id]),
        session_ids=ids([load_article(session, record.article_id).session_id]), claims_added=added,
        added_claim_ids=ids([record.id]) if added else frozenset(),
    )


# --- one edit, run directly (no undo) -------------------------------------


def add_claim(
    db: Database, article_id: int, draft: ClaimDraft, *, by: str, origin: str = ClaimOrigin.MANUAL
) -> ClaimRecord:
    """Log a claim on a span of the article's current text."""
    return _the_claim(apply(db, AddClaim(article_id, draft, origin), by=by))


def update_claim(
    db: Database, claim_id: int, changes: dict[str, Any], *, by: str, expected_version: int | None, note: str = ""
) -> ClaimRecord:
    """Apply field changes; a claim changed by someone else since ``expected_version`` is a ConflictError."""
    return _the_claim(apply(db, EditClaim(claim_id, dict(changes), expected_version, note), by=by))


def delete_claim(db: Database, claim_id: int, *, by: str = "", expected_version: int | None = None) -> ClaimRecord:
    """Delete a claim (a tombstone); returns it as deleted. It leaves the claim memory at once."""
    return claim_store.delete_claim(db, claim_id, by=by, expected_version=expected_version)


def restore_claim(db: Database, record: ClaimRecord, *, by: str) -> ClaimRecord:
    """Bring a deleted claim back (the same row, ``record`` as its delete returned it), indexed again."""
    return _the_claim(apply(db, RestoreClaim(record), by=by))


def move_claim(
    db: Database, claim_id: int, start: int, end: int, *, by: str, expected_version: int | None, note: str = ""
) -> ClaimRecord:
    """Re-anchor a claim on another span of its article's current text (recorded in history)."""
    with db.session() as session:
        record = claim_store.move_claim_in(
            session, claim_id, start, end, by=by, expected_version=expected_version, note=note
        )
        index_claims(session, [claim_id])
        return record


def store_detected(db: Database, article_id: int, drafts: Iterable[ClaimDraft], *, by: str) -> int:
    """Store detector proposals the article does not have yet; returns how many were new."""
    with db.session() as session:
        added = claim_store.store_detected_in(session, article_id, drafts, by=by)
        index_claims(session, added, new=True)
        return len(added)


def _the_claim(done: Done) -> ClaimRecord:
    [claim] = done.claims
    return claim
