"""Undo and redo: one ``QUndoCommand`` per edit, each calling the storage functions.

Every command stores its edit at once (the database is always up to date)
and tells the window what changed through ``Editor`` callbacks. Edits name
the claim version the window last showed, so a change by another reviewer in
between surfaces as a conflict instead of being overwritten. A command
that fails is marked obsolete, so Qt drops it from the stack.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from workbench.domain.errors import WorkbenchError
from workbench.domain.records import ClaimDraft, ClaimRecord, EvidenceRecord
from workbench.services import claim_edits as claim_store
from workbench.storage import sources as source_store
from workbench.storage.database import Database

# Keystrokes in one text field of one claim merge into a single undo step.
MERGE_TEXT_EDIT = 1001
TEXT_FIELDS = ("wording", "rationale", "speaker", "unit", "value", "tags")


class Editor(Protocol):
    """What commands need from the window."""

    db: Database
    reviewer: str

    def known_version(self, claim_id: int) -> int | None: ...
    def claim_changed(self, claim: ClaimRecord | None, claim_id: int) -> None: ...
    def claims_reloaded(self, select: int | None) -> None: ...
    def report(self, error: WorkbenchError) -> None: ...


class _Command(QUndoCommand):
    def __init__(self, editor: Editor, text: str) -> None:
        super().__init__(text)
        self.editor = editor

    def _guard(self, step: Any) -> bool:
        try:
            step()
        except WorkbenchError as error:
            self.setObsolete(True)
            self.editor.report(error)
            return False
        return True


class UpdateClaim(_Command):
    """Change fields of a claim (verdict, status, wording, ...)."""

    def __init__(self, editor: Editor, claim: ClaimRecord, changes: dict[str, Any], text: str) -> None:
        super().__init__(editor, text)
        self.claim_id = claim.id
        self.new = dict(changes)
        self.old = {name: getattr(claim, name) for name in changes}
        self.merge = len(changes) == 1 and next(iter(changes)) in TEXT_FIELDS

    def redo(self) -> None:
        self._guard(lambda: self._apply(self.new))

    def undo(self) -> None:
        self._guard(lambda: self._apply(self.old))

    def _apply(self, values: dict[str, Any]) -> None:
        record = claim_store.update_claim(
            self.editor.db, self.claim_id, values, by=self.editor.reviewer,
            expected_version=self.editor.known_version(self.claim_id),
        )
        self.editor.claim_changed(record, self.claim_id)

    def id(self) -> int:
        return MERGE_TEXT_EDIT if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not isinstance(other, UpdateClaim) or other.claim_id != self.claim_id:
            return False
        if set(other.new) != set(self.new) or other.isObsolete():
            return False
        self.new = other.new
        return True


class AddClaim(_Command):
    def __init__(self, editor: Editor, article_id: int, draft: ClaimDraft) -> None:
        super().__init__(editor, f"Add {draft.kind} claim")
        self.article_id = article_id
        self.draft = draft
        self.record: ClaimRecord | None = None

    def redo(self) -> None:
        def step() -> None:
            if self.record is None:
                self.record = claim_store.add_claim(
                    self.editor.db, self.article_id, self.draft, by=self.editor.reviewer
                )
            else:
                self.record = claim_store.restore_claim(
                    self.editor.db, self.record, by=self.editor.reviewer
                )
            self.editor.claims_reloaded(self.record.id)

        self._guard(step)

    def undo(self) -> None:
        def step() -> None:
            assert self.record is not None
            self.record = claim_store.delete_claim(self.editor.db, self.record.id)
            self.editor.claims_reloaded(None)

        self._guard(step)


class DeleteClaim(_Command):
    def __init__(self, editor: Editor, claim: ClaimRecord, select_after: int | None) -> None:
        super().__init__(editor, "Delete claim")
        self.record = claim
        self.select_after = select_after
        self.evidence: list[EvidenceRecord] = []

    def redo(self) -> None:
        def step() -> None:
            self.evidence = source_store.list_evidence(self.editor.db, self.record.id)
            self.record = claim_store.delete_claim(
                self.editor.db, self.record.id,
                expected_version=self.editor.known_version(self.record.id),
            )
            self.editor.claims_reloaded(self.select_after)

        self._guard(step)

    def undo(self) -> None:
        def step() -> None:
            self.record = claim_store.restore_claim(self.editor.db, self.record, by=self.editor.reviewer)
            for link in self.evidence:  # the claim's sources come back with it
                source_store.attach_source(
                    self.editor.db, self.record.id, link.source.id, by=self.editor.reviewer,
                    stance=link.stance, passage=link.passage,
                )
            self.editor.claims_reloaded(self.record.id)

        self._guard(step)


class AttachSource(_Command):
    """Link a source (new URL or one already in the session) to a claim."""

    def __init__(
        self, editor: Editor, session_id: int, claim_id: int, url: str, *,
        title: str = "", publisher: str = "", stance: str = "context", passage: str = "",
    ) -> None:
        super().__init__(editor, "Add source")
        self.session_id, self.claim_id, self.url = session_id, claim_id, url
        self.title, self.publisher, self.stance, self.passage = title, publisher, stance, passage
        self.evidence: EvidenceRecord | None = None

    def redo(self) -> None:
        def step() -> None:
            source = source_store.add_source(
                self.editor.db, self.session_id, self.url, title=self.title, publisher=self.publisher
            )
            self.evidence = source_store.attach_source(
                self.editor.db, self.claim_id, source.id, by=self.editor.reviewer,
                stance=self.stance, passage=self.passage,
            )
            self.editor.claims_reloaded(self.claim_id)

        self._guard(step)

    def undo(self) -> None:
        def step() -> None:
            assert self.evidence is not None
            source_store.detach_source(self.editor.db, self.evidence.id, by=self.editor.reviewer)
            self.editor.claims_reloaded(self.claim_id)

        self._guard(step)


class DetachSource(_Command):
    def __init__(self, editor: Editor, evidence: EvidenceRecord) -> None:
        super().__init__(editor, "Remove source")
        self.evidence = evidence

    def redo(self) -> None:
        def step() -> None:
            source_store.detach_source(self.editor.db, self.evidence.id, by=self.editor.reviewer)
            self.editor.claims_reloaded(self.evidence.claim_id)

        self._guard(step)

    def undo(self) -> None:
        def step() -> None:
            e = self.evidence
            self.evidence = source_store.attach_source(
                self.editor.db, e.claim_id, e.source.id, by=self.editor.reviewer,
                stance=e.stance, passage=e.passage,
            )
            self.editor.claims_reloaded(e.claim_id)

        self._guard(step)


class UpdateEvidence(_Command):
    def __init__(self, editor: Editor, evidence: EvidenceRecord, *, stance: str | None = None,
                 passage: str | None = None) -> None:
        super().__init__(editor, "Edit source")
        self.evidence_id = evidence.id
        self.claim_id = evidence.claim_id
        self.new = {"stance": stance, "passage": passage}
        self.old = {
            "stance": evidence.stance if stance is not None else None,
            "passage": evidence.passage if passage is not None else None,
        }

    def redo(self) -> None:
        self._guard(lambda: self._apply(self.new))

    def undo(self) -> None:
        self._guard(lambda: self._apply(self.old))

    def _apply(self, values: dict[str, str | None]) -> None:
        source_store.update_evidence(self.editor.db, self.evidence_id, by=self.editor.reviewer, **values)
        self.editor.claims_reloaded(self.claim_id)
