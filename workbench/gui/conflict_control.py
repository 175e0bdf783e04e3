"""A stale edit refused as a conflict: show every field that differs, write the reviewer's merge.

The window's report of a ``ConflictError`` comes here. The claim is read as
stored now, off the GUI thread (the focus is remembered at once, the bar
shown when the read is back), and compared with what the window based its edit on
(``services.conflict_merge``); the message bar shows each differing field
(``conflict_view``). The answer is written as one edit on the version just
read, through the undo stack, so it can be undone, and a third reviewer's
change in between is a new conflict rather than an overwrite. Dismissing
the bar keeps the reviewer's values in their fields, marked unsaved. Either
way the keyboard focus goes back where it was when the conflict came up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from workbench.domain.errors import ConflictError, WorkbenchError
from workbench.gui import undo
from workbench.gui.claims_model import format_value
from workbench.gui.conflict_view import MINE, THEIRS, ConflictView
from workbench.gui.deferred import deferred
from workbench.gui.workers import while_open

if TYPE_CHECKING:
    from workbench.domain.records import EvidenceRecord
    from workbench.gui.main_window import MainWindow
    from workbench.services.changes import Done
    from workbench.services.conflict_merge import ClaimConflict
    from workbench.services.edits import Operation

conflict_merge = deferred("workbench.services.conflict_merge")

KEPT_NOTE = ("Not saved: {by} changed this claim since you loaded it. "
             "Edit the field again to see both versions and choose.")


class MergeEdit(undo._Command):
    """The answer to a conflict: the chosen fields (and links), one undoable edit."""

    def __init__(self, editor: undo.Editor, claim_id: int, operation: Operation, text: str) -> None:
        super().__init__(editor, text, operation)
        self.claim_id = claim_id

    def shown(self, done: Done, *, undone: bool) -> None:
        undo.show_changed_claims(self.editor, done, focus=self.claim_id)


class ConflictControl:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._focus: QWidget | None = None

    def show(self, error: ConflictError) -> None:
        w = self.window
        focused = QApplication.focusWidget()
        if focused is not None and w.isAncestorOf(focused) and not w.message_bar.isAncestorOf(focused):
            self._focus = focused  # (a button of an earlier conflict's bar is not where the reviewer was)
        if error.evidence_id is not None:  # a source link's stance or passage: its values side by side
            w.message_bar.show_conflict(
                error, keep_mine=lambda: (undo.keep_my_link(w, error, then=self._restore_focus), self._restore_focus()),
                keep_theirs=lambda: self._theirs(error.claim_id),
            )
            return
        mine = {name: values[1] for name, values in error.changes.items()}
        # What the window showed when the edit was refused; the claim as stored now is read off the GUI thread.
        db, base, links = w.db, w.claims_panel.model.claim_by_id(error.claim_id), self._links_shown(error.claim_id)

        def read() -> ClaimConflict | WorkbenchError:
            try:
                return conflict_merge.read_conflict(db, error, base, links)
            except WorkbenchError as failed:  # the claim is gone, or the server with it
                return failed

        w.background.call(read, "reading the claim as stored now", then=lambda found: self._show_bar(error, mine, found),
                          on_error=w.report, still=while_open(w))

    def _show_bar(self, error: ConflictError, mine: dict[str, Any], found: ClaimConflict | WorkbenchError) -> None:
        w = self.window
        if isinstance(found, WorkbenchError):  # not read: both values as the error has them
            w.message_bar.show_conflict(
                error, keep_mine=lambda: self._write_when_known(error.claim_id, mine),
                keep_theirs=lambda: self._theirs(error.claim_id),
                unanswered=lambda: self._keep_unsaved(error.claim_id, mine, error.by),
            )
            return
        conflict = found
        view = ConflictView(conflict, self._describe)
        w.message_bar.show_conflict(
            error, view=view,
            merge=lambda: self._resolve(conflict, view),
            keep_mine=lambda: (view.choose_all(MINE), self._resolve(conflict, view)),
            keep_theirs=lambda: (view.choose_all(THEIRS), self._resolve(conflict, view)),
            unanswered=lambda: self._keep_unsaved(error.claim_id, mine, conflict.by),
        )

    def _links_shown(self, claim_id: int) -> list[EvidenceRecord] | None:
        """The source links the editor showed for the claim (None: not read, so not compared)."""
        editor = self.window.editor
        if editor.claim is None or editor.claim.id != claim_id or not self.window.details.settled:
            return None
        return list(editor.evidence)

    def _resolve(self, conflict: ClaimConflict, view: ConflictView) -> None:
        w = self.window
        claim_id = conflict.current.id
        self.forget_unsaved(claim_id)
        operation = conflict_merge.merge_operation(conflict, view.chosen(), keep_my_links=view.keeps_my_links())
        if w.claims_panel.model.row_of(claim_id) is not None:
            w.claim_changed(conflict.current, claim_id)  # the window knows their version now
            if operation is not None:
                w.push(MergeEdit(w, claim_id, operation, f"Merge with {conflict.by or 'a colleague'}'s edit"))
        elif operation is not None:
            self._write_when_known(claim_id, conflict_merge.merged_values(conflict, view.chosen()))
        self._restore_focus()

    def _write_when_known(self, claim_id: int, values: dict[str, Any]) -> None:
        w = self.window

        def again() -> None:  # now the window knows their version
            claim = w.claims_panel.model.claim_by_id(claim_id)
            if claim is not None:
                w.push(undo.UpdateClaim(w, claim, values, "Keep my edit"))
            self._restore_focus()

        self.forget_unsaved(claim_id)
        w.reload_claims(claim_id, then=again)

    def _theirs(self, claim_id: int) -> None:
        self.forget_unsaved(claim_id)
        self.window.reload_claims(claim_id, then=self._restore_focus)

    def _keep_unsaved(self, claim_id: int, mine: dict[str, Any], by: str | None) -> None:
        """Dismissed unanswered: the reviewer's values stay in their fields, marked as not saved."""
        editor = self.window.editor
        kept = editor.unsaved.by_claim("conflict")
        kept[claim_id] = {**kept.get(claim_id, {}), **mine}
        editor.set_unsaved("conflict", kept, KEPT_NOTE.format(by=by or "another reviewer"))
        self._restore_focus()

    def forget_unsaved(self, claim_id: int) -> None:
        editor = self.window.editor
        kept = editor.unsaved.by_claim("conflict")
        if kept.pop(claim_id, None) is not None:
            editor.set_unsaved("conflict", kept, editor.unsaved.note("conflict"))

    def _restore_focus(self) -> None:
        # Now, and once more after the bar's own focus hand-over and the editor's refresh have run.
        self._put_focus_back()
        QTimer.singleShot(0, self._put_focus_back)

    def _put_focus_back(self) -> None:
        widget = self._focus
        if widget is not None and shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled():
            widget.setFocus()

    def _describe(self, field: str, value: Any) -> str:
        if field == "verdict":  # no verdict is the scale's first level ("Unreviewed")
            return self.window.scale.level(value).label
        if value is None or value == "" or value == []:
            return "(none)"
        if field == "tags":
            return ", ".join(value)
        if field == "value":
            return format_value(value)
        return str(value)
