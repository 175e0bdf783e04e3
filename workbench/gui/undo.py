"""Undo and redo: ``QUndoCommand`` adapters over the edit services.

An edit is an operation of ``workbench.services`` (claim_edits,
evidence_edits, article_edits), applied in one transaction by
``services.edits.apply``, which returns what changed and the inverse
operation. A command's redo applies its operation and keeps the inverse;
its undo applies the inverse and keeps the inverse's inverse for the next
redo. The database is always up to date, and undo works (and is tested)
without Qt.

Edits name the claim version the window shows when they run, so a change by
another reviewer in between surfaces as a conflict instead of being
overwritten. A command that fails is marked obsolete, so Qt drops it from
the stack; the failed step stored nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from workbench.domain.errors import ConflictError, WorkbenchError
from workbench.domain.kinds import Stance
from workbench.domain.records import ClaimDraft, ClaimRecord, EvidenceRecord
from workbench.services import claim_edits, evidence_edits
from workbench.services.changes import Done
from workbench.services.database import Database
from workbench.services.edits import Operation, apply, with_known_versions
from workbench.services.sources import evidence_of_claim

# Keystrokes in one text field of one claim merge into a single undo step.
MERGE_TEXT_EDIT = 1001
TEXT_FIELDS = ("wording", "rationale", "speaker", "unit", "value", "tags")


class Editor(Protocol):
    """What commands need from the window."""

    db: Database
    reviewer: str

    def known_version(self, claim_id: int) -> int | None: ...
    def claim_changed(self, claim: ClaimRecord | None, claim_id: int) -> None: ...
    def claims_added(self, claims: Iterable[ClaimRecord], select: int | None) -> None: ...
    def claims_removed(self, claim_ids: Iterable[int], select: int | None) -> None: ...
    def claims_reloaded(self, select: int | None) -> None: ...
    def report(self, error: WorkbenchError) -> None: ...


class _Command(QUndoCommand):
    """Redo applies ``operation``; undo applies the inverse the service returned."""

    def __init__(self, editor: Editor, text: str, operation: Operation | None = None) -> None:
        super().__init__(text)
        self.editor = editor
        self.operation = operation
        self.inverse: Operation | None = None

    def redo(self) -> None:
        assert self.operation is not None
        done = self._apply(self.operation)
        if done is not None:
            self.inverse = done.inverse
            self.shown(done, undone=False)

    def undo(self) -> None:
        assert self.inverse is not None
        done = self._apply(self.inverse)
        if done is not None:
            self.operation = done.inverse
            self.shown(done, undone=True)

    def shown(self, done: Done, *, undone: bool) -> None:
        """Show what changed: the changed claims' rows, or the list again when rows came or went."""
        show_changed_claims(self.editor, done, focus=None)

    def _apply(self, operation: Operation) -> Done | None:
        result: list[Done] = []
        editor = self.editor
        checked = with_known_versions(operation, editor.known_version)
        outage = getattr(editor, "outage", None)  # while the server is down, edits wait there (outage_control)
        write = outage.write if outage is not None else (lambda op: apply(editor.db, op, by=editor.reviewer))
        self._guard(lambda: result.append(write(checked)))
        return result[0] if result else None

    def _guard(self, step: Any) -> bool:
        try:
            step()
        except WorkbenchError as error:
            self.setObsolete(True)
            self.editor.report(error)
            return False
        return True


def show_changed_claims(editor: Editor, done: Done, *, focus: int | None) -> None:
    """Replace, insert or remove the rows of the claims the edit changed, logged or deleted;
    read the list again only when the edit does not name its rows (an article removed or put back).

    ``focus``: the claim the edit was about; the window goes to it if it is
    not shown (on another article of the session), as it always has.
    """
    changes = done.changes
    if changes.list_changed:
        editor.claims_reloaded(focus)
        return
    present = {claim.id for claim in done.claims}
    if changes.removed_claim_ids - present:
        editor.claims_removed(changes.removed_claim_ids - present, None)
    came = [c for c in done.claims if c.id in changes.added_claim_ids and editor.known_version(c.id) is None]
    if came:  # a row inserted, not replaced: it was not shown
        editor.claims_added(came, None)
    inserted = {c.id for c in came}
    if focus is not None and editor.known_version(focus) is None:
        editor.claims_reloaded(focus)
        return
    for claim in done.claims:  # only rows the window shows: a source may back claims elsewhere
        if claim.id not in inserted and editor.known_version(claim.id) is not None:
            editor.claim_changed(claim, claim.id)
    if focus is not None and focus not in {c.id for c in done.claims}:
        editor.claims_reloaded(focus)  # deleted meanwhile: the list read again drops it


class UpdateClaim(_Command):
    """Change fields of a claim (verdict, status, wording, ...)."""

    def __init__(self, editor: Editor, claim: ClaimRecord, changes: dict[str, Any], text: str) -> None:
        super().__init__(editor, text, claim_edits.EditClaim(claim.id, dict(changes), expected_version=claim.version))
        self.claim_id = claim.id
        self.new = dict(changes)
        self.merge = len(changes) == 1 and next(iter(changes)) in TEXT_FIELDS

    def shown(self, done: Done, *, undone: bool) -> None:
        record = next((c for c in done.claims if c.id == self.claim_id), None)
        self.editor.claim_changed(record, self.claim_id)

    def id(self) -> int:
        return MERGE_TEXT_EDIT if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not isinstance(other, UpdateClaim) or other.claim_id != self.claim_id:
            return False
        if set(other.new) != set(self.new) or other.isObsolete():
            return False
        # Redo now sets the latest keystrokes; undo still goes back to before the first,
        # checked against what the latest wrote (a colleague's change since is a conflict).
        self.new, self.operation = other.new, other.operation
        if isinstance(self.inverse, claim_edits.EditClaim) and isinstance(other.inverse, claim_edits.EditClaim):
            self.inverse = replace(self.inverse, expected_version=other.inverse.expected_version,
                                   expected_values=other.inverse.expected_values)
        return True


class AddClaim(_Command):
    def __init__(self, editor: Editor, article_id: int, draft: ClaimDraft) -> None:
        super().__init__(editor, f"Add {draft.kind} claim", claim_edits.AddClaim(article_id, draft))
        self.record: ClaimRecord | None = None

    def shown(self, done: Done, *, undone: bool) -> None:
        """The claim's row inserted and selected; on undo, removed (no claim selected then, as after a list read)."""
        if undone:
            self.editor.claims_removed(done.changes.removed_claim_ids, None)
            return
        self.record = done.claims[0] if done.claims else self.record
        self.editor.claims_added(done.claims, self.record.id if self.record else None)


class DeleteClaim(_Command):
    """Delete a claim; undo brings it back with its sources, in one transaction."""

    def __init__(self, editor: Editor, claim: ClaimRecord, select_after: int | None) -> None:
        super().__init__(editor, "Delete claim", claim_edits.DeleteClaim(claim.id, expected_version=claim.version))
        self.record = claim
        self.select_after = select_after

    def shown(self, done: Done, *, undone: bool) -> None:
        """The row removed and the next claim in view selected; on undo, the row back in place and selected."""
        if not undone:
            self.editor.claims_removed(done.changes.removed_claim_ids, self.select_after)
            return
        self.record = done.claims[0] if done.claims else self.record
        self.editor.claims_added(done.claims, self.record.id)


class AttachSource(_Command):
    """Link a source (new URL or one already in the session) to a claim."""

    def __init__(
        self, editor: Editor, session_id: int, claim_id: int, url: str, *,
        title: str = "", publisher: str = "", stance: str = Stance.CONTEXT, passage: str = "",
    ) -> None:
        operation = evidence_edits.AttachSource(
            session_id, claim_id, url, title=title, publisher=publisher, stance=stance, passage=passage
        )
        super().__init__(editor, "Add source", operation)
        self.claim_id = claim_id
        self.evidence: EvidenceRecord | None = None

    def shown(self, done: Done, *, undone: bool) -> None:
        if not undone and done.links:
            self.evidence = done.links[0]
        show_changed_claims(self.editor, done, focus=self.claim_id)


class DetachSource(_Command):
    def __init__(self, editor: Editor, evidence: EvidenceRecord) -> None:
        super().__init__(editor, "Remove source", evidence_edits.DetachSource(evidence.id))
        self.evidence = evidence

    def shown(self, done: Done, *, undone: bool) -> None:
        if undone and done.links:
            self.evidence = done.links[0]
        show_changed_claims(self.editor, done, focus=self.evidence.claim_id)


class UpdateEvidence(_Command):
    """Change a link's stance or passage, checked against the link's version the window shows
    (``force``: the reviewer chose Keep mine after a conflict)."""

    def __init__(self, editor: Editor, evidence: EvidenceRecord, *, stance: str | None = None,
                 passage: str | None = None, force: bool = False) -> None:
        operation = evidence_edits.EditLink(evidence.id, stance=stance, passage=passage,
                                            expected_version=None if force else evidence.version)
        super().__init__(editor, "Edit source", operation)
        self.claim_id = evidence.claim_id

    def shown(self, done: Done, *, undone: bool) -> None:
        show_changed_claims(self.editor, done, focus=self.claim_id)


class Window(Editor, Protocol):
    def push(self, command: QUndoCommand) -> None: ...


def keep_my_link(editor: Window, error: ConflictError) -> None:
    """Keep mine after a conflict on a source link: my stance or passage, set on the link as it is now."""
    mine = {field: values[1] for field, values in error.changes.items() if field in ("stance", "passage")}
    try:
        links = evidence_of_claim(editor.db, error.claim_id)
    except WorkbenchError as gone:  # the claim was deleted meanwhile
        editor.report(gone)
        return
    link = next((e for e in links if e.id == error.evidence_id), None)
    if link is not None and mine:
        editor.push(UpdateEvidence(editor, link, force=True, **mine))
    editor.claims_reloaded(error.claim_id)
