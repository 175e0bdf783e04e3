"""Undo and redo: ``QUndoCommand`` adapters over the edit services.

An edit is an operation of ``workbench.services`` (claim_edits,
evidence_edits, article_edits), applied in one transaction by
``services.edits.apply``, which returns what changed and the inverse
operation. A command's redo applies its operation and keeps the inverse;
its undo applies the inverse and keeps the inverse's inverse for the next
redo. Undo works (and is tested) without Qt.

In the window, each step is stored by the serial background writer
(``edit_writer``), in the order made; the key press returns at once and a
field edit shows its value, marked as saving, until it is stored. An undo
pressed while its redo is on its way applies the inverse that redo returns.

Edits name the claim version the window shows when they are made, so a
change by another reviewer in between surfaces as a conflict instead of
being overwritten. A command whose step fails is marked obsolete and taken
off the stack (Qt drops it at once when the step fails inside redo or
undo; ``_drop`` when the writer reports it later); the failed step stored
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.domain.errors import ConflictError, WorkbenchError
from workbench.domain.kinds import Stance
from workbench.gui.deferred import deferred
from workbench.gui.edit_writer import Steps, Write, claims_named
from workbench.gui.workers import while_open

if TYPE_CHECKING:
    from workbench.domain.records import ClaimDraft, ClaimRecord, EvidenceRecord
    from workbench.domain.snapshots import ArchivedCopy
    from workbench.gui.workers import JobRunner
    from workbench.services.changes import Done
    from workbench.services.database import Database
    from workbench.services.edits import Operation

claim_edits = deferred("workbench.services.claim_edits")
claims_read = deferred("workbench.services.claims_read")
evidence_edits = deferred("workbench.services.evidence_edits")
edits = deferred("workbench.services.edits")
sources = deferred("workbench.services.sources")

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
    """Redo applies ``operation``; undo applies the inverse the service returned.

    In a window, each step goes to its serial writer (``edit_writer``) and
    the command returns at once; ``stored`` or ``failed`` follows when the
    writer is done. An editor without a writer (a script, a test of the
    services) has each step applied at once.
    """

    def __init__(self, editor: Editor, text: str, operation: Operation | None = None) -> None:
        super().__init__(text)
        self.editor = editor
        self.steps = Steps(operation)
        self._then: list[Callable[[], None]] = []
        self._stored_once = False

    # What the next redo and undo apply (the writer thread sets them as it goes).
    @property
    def operation(self) -> Operation | None:
        return self.steps.operation

    @operation.setter
    def operation(self, value: Operation | None) -> None:
        self.steps.operation = value

    @property
    def inverse(self) -> Operation | None:
        return self.steps.inverse

    @inverse.setter
    def inverse(self, value: Operation | None) -> None:
        self.steps.inverse = value

    def redo(self) -> None:
        self._step(undone=False)

    def undo(self) -> None:
        self._step(undone=True)

    def shown(self, done: Done, *, undone: bool) -> None:
        """Show what changed: the changed claims' rows, or the list again when rows came or went."""
        show_changed_claims(self.editor, done, focus=None)

    def saving_values(self, undone: bool) -> tuple[int, dict[str, Any]] | None:
        """A claim's field values to show at once, marked as saving (None: shown once stored)."""
        return None

    def then(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the command's edit is stored and shown (at once if it is already)."""
        if self._stored_once:
            callback()
        else:
            self._then.append(callback)

    def stored(self, done: Done, undone: bool) -> None:
        """The writer stored a step: show it."""
        self.shown(done, undone=undone)
        if not undone and not self._stored_once:
            self._stored_once = True
            callbacks, self._then = self._then, []
            for callback in callbacks:
                callback()

    def failed(self, error: WorkbenchError) -> None:
        """A step stored nothing: the command leaves the undo stack, the error is reported."""
        if shiboken6.isValid(self):  # (not merged into the step before it)
            self.setObsolete(True)
            stack = getattr(self.editor, "undo_stack", None)
            if stack is not None:
                _drop(stack, self)
        self.editor.report(error)

    def _step(self, *, undone: bool) -> None:
        editor, steps = self.editor, self.steps
        writer = getattr(editor, "writes", None)
        if writer is None:
            self._apply_now(undone=undone)
            return
        if steps.failed:
            return
        operation = None if steps.busy else steps.next_operation(undone)
        if operation is not None:  # nothing of this command on its way: checked against what the window shows
            operation = edits.with_known_versions(operation, editor.known_version)
        outage = getattr(editor, "outage", None)
        if operation is not None and outage is not None and outage.waiting:
            # Edits wait for the server: this one waits behind them, as it did before.
            self._guard(lambda: outage.write(operation))
            return
        named = claims_named(steps.operation or steps.inverse)
        fixed = operation
        writer.write(Write(
            self, steps, undone,
            resolve=(lambda: fixed) if fixed is not None else (lambda: steps.next_operation(undone)),
            seen={claim_id: editor.known_version(claim_id) for claim_id in named},
            values=self.saving_values(undone),
        ))

    def _apply_now(self, *, undone: bool) -> None:
        operation = self.steps.next_operation(undone)
        assert operation is not None
        done = self._apply(operation)
        if done is not None:
            self.steps.record(done, undone)
            self.stored(done, undone)

    def _apply(self, operation: Operation) -> Done | None:
        result: list[Done] = []
        editor = self.editor
        checked = edits.with_known_versions(operation, editor.known_version)
        outage = getattr(editor, "outage", None)  # while the server is down, edits wait there (outage_control)
        write = outage.write if outage is not None else (lambda op: edits.apply(editor.db, op, by=editor.reviewer))
        self._guard(lambda: result.append(write(checked)))
        return result[0] if result else None

    def _guard(self, step: Any) -> bool:
        try:
            step()
        except WorkbenchError as error:
            self.steps.failed = True
            self.setObsolete(True)
            self.editor.report(error)
            return False
        return True


def _drop(stack: QUndoStack, command: QUndoCommand) -> None:
    """Take a failed command off the stack, as Qt does when a step sets it obsolete.

    Qt removes an obsolete command when it undoes or redoes it, without
    calling it. The failed step was the command's last, so it is next to the
    stack's index, unless later edits were made meanwhile: then it goes when
    undo or redo reaches it.
    """
    index = stack.index()
    if index > 0 and stack.command(index - 1) is command:
        stack.undo()
    elif index < stack.count() and stack.command(index) is command:
        stack.redo()


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
    """Change fields of a claim (verdict, status, wording, ...); the values show at once, marked saving."""

    def __init__(self, editor: Editor, claim: ClaimRecord, changes: dict[str, Any], text: str) -> None:
        super().__init__(editor, text, claim_edits.EditClaim(claim.id, dict(changes), expected_version=claim.version))
        self.claim_id = claim.id
        self.new = dict(changes)
        self.old = {name: getattr(claim, name) for name in changes if hasattr(claim, name)}
        self.merge = len(changes) == 1 and next(iter(changes)) in TEXT_FIELDS

    def shown(self, done: Done, *, undone: bool) -> None:
        record = next((c for c in done.claims if c.id == self.claim_id), None)
        self.editor.claim_changed(record, self.claim_id)

    def saving_values(self, undone: bool) -> tuple[int, dict[str, Any]] | None:
        return self.claim_id, dict(self.old if undone else self.new)

    def id(self) -> int:
        return MERGE_TEXT_EDIT if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not isinstance(other, UpdateClaim) or other.claim_id != self.claim_id:
            return False
        if set(other.new) != set(self.new) or other.isObsolete():
            return False
        # Redo now sets the latest keystrokes; undo still goes back to before the first,
        # checked against what the latest wrote (a colleague's change since is a conflict):
        # Steps.undo_operation, once the latest's inverse is known (it may still be on its way).
        self.new, self.operation = other.new, other.operation
        self.steps.merged.append(other.steps)
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
        copy: ArchivedCopy | None = None,
    ) -> None:
        operation = evidence_edits.AttachSource(
            session_id, claim_id, url, title=title, publisher=publisher, stance=stance, passage=passage
        )
        super().__init__(editor, "Add source", operation)
        self.claim_id = claim_id
        self.evidence: EvidenceRecord | None = None
        self.copy = copy  # the page as already fetched, archived instead of fetching it again

    def shown(self, done: Done, *, undone: bool) -> None:
        if not undone and done.links:
            self.evidence = done.links[0]
        show_changed_claims(self.editor, done, focus=self.claim_id)
        ledger = getattr(self.editor, "ledger", None)  # the window archives what it attached (ledger_control)
        if not undone and self.evidence is not None and ledger is not None:
            ledger.archive(self.evidence, self.copy)


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
    background: JobRunner
    closed: bool

    def push(self, command: QUndoCommand) -> None: ...
    def claim_read_again(self, select: int | None, claim: ClaimRecord | None) -> None: ...


def keep_my_link(editor: Window, error: ConflictError, then: Callable[[], None] | None = None) -> None:
    """Keep mine after a conflict on a source link: my stance or passage, set on the link as it is now.

    The claim's links and the claim are read off the GUI thread; ``then`` runs
    once the edit is on its way (not when the window has moved on meanwhile).
    """
    mine = {field: values[1] for field, values in error.changes.items() if field in ("stance", "passage")}
    db = editor.db

    def read() -> tuple[list[EvidenceRecord], ClaimRecord]:
        # A claim deleted meanwhile fails here: its error is reported, nothing is pushed.
        return sources.evidence_of_claim(db, error.claim_id), claims_read.get_claim(db, error.claim_id)

    def arrived(found: tuple[list[EvidenceRecord], ClaimRecord]) -> None:
        links, claim = found
        link = next((e for e in links if e.id == error.evidence_id), None)
        if link is not None and mine:
            editor.push(UpdateEvidence(editor, link, force=True, **mine))
        editor.claim_read_again(error.claim_id, claim)
        if then is not None:
            then()

    editor.background.call(read, "reading the claim's sources", then=arrived, on_error=editor.report,
                           still=while_open(editor))
