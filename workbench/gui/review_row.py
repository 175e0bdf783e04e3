"""The claim editor's review row: the claim's review state, whom it is assigned to, and the approval lock.

As in Meedan Check, the reviewer moves a claim through in progress, needs
second check and approved, and assigns it to a colleague. An approved
claim's verdict, rationale and status are locked (``domain.review``): the
editor shows them read-only under an "Approved by X" notice, with Reopen
only for a reviewer the service says may reopen. The row never writes: it
emits what the reviewer chose, and ``review_control`` makes it an undoable
edit.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.kinds import ReviewState
from workbench.domain.review import state_label

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord, HistoryRecord
    from workbench.gui.claim_editor import ClaimEditor
    from workbench.services.team import Member


NOBODY = "Nobody"


class ReviewRow(QWidget):
    state_chosen = Signal(str)  # a ReviewState value
    assignee_chosen = Signal(str)  # the name or role to store; "" for nobody
    reopen_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claim: ClaimRecord | None = None
        self.may_reopen = False
        self.members: list[Member] = []
        self._approved_by: tuple[int, str] | None = None  # (claim id, who approved it), from its history
        self._asked: tuple[int, int, str] | None = None  # the last assignment asked: Enter also ends the editing
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.state = QComboBox()
        self.state.setObjectName("reviewState")
        self.state.setToolTip("How far the check of this claim has got (approved locks the verdict)")
        for state in ReviewState:
            self.state.addItem(state_label(state.value).capitalize(), state.value)
        self.assignee = QComboBox()
        self.assignee.setObjectName("assignee")
        self.assignee.setEditable(True)
        self.assignee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # what is stored comes back from the claim
        self.assignee.lineEdit().setPlaceholderText("Assign to a reviewer…")
        self.assignee.setToolTip("Whom the claim is assigned to: pick a colleague or type a name, then Enter")
        row.addWidget(self.state, 1)
        row.addWidget(QLabel("Assigned to"))
        row.addWidget(self.assignee, 2)
        layout.addLayout(row)
        self.lock = QFrame()
        self.lock.setObjectName("approvedLock")
        self.lock.setStyleSheet(
            "#approvedLock { background: rgba(40, 150, 80, 0.12); border: 1px solid rgba(40, 140, 70, 0.5);"
            " border-radius: 6px; }"
        )
        lock_row = QHBoxLayout(self.lock)
        lock_row.setContentsMargins(10, 4, 6, 4)
        self.lock_text = QLabel(wordWrap=True)
        self.lock_text.setObjectName("approvedText")
        self.reopen_button = QPushButton("Reopen")
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.setToolTip("Move the claim back to in progress so its verdict can be edited (Ctrl+Shift+P)")
        lock_row.addWidget(self.lock_text, 1)
        lock_row.addWidget(self.reopen_button)
        layout.addWidget(self.lock)
        self.lock.hide()
        self.state.activated.connect(lambda _i: self._state_activated())
        self.assignee.activated.connect(lambda _i: self._assignee_entered())
        self.assignee.lineEdit().editingFinished.connect(self._assignee_entered)
        self.reopen_button.clicked.connect(self.reopen_clicked)

    # --- the team (review_control) ------------------------------------------
    def set_team(self, members: list[Member], may_reopen: bool) -> None:
        """Whom claims can be assigned to, and whether this reviewer may reopen approved claims."""
        self.members, self.may_reopen = list(members), may_reopen
        self.assignee.blockSignals(True)
        self.assignee.clear()
        self.assignee.addItem(NOBODY, "")
        for member in self.members:
            self.assignee.addItem(member.label, member.assignee)
        self.assignee.blockSignals(False)
        if self.claim is not None:
            self._show_assignee(self.claim.assignee)
            self._show_state(self.claim)
            self._show_lock(self.claim, None)

    # --- showing (the editor calls this whenever it shows a claim) -------------
    def show_claim(self, editor: ClaimEditor, claim: ClaimRecord | None, history: list[HistoryRecord]) -> None:
        previous = self.claim
        # A name typed and not yet entered is left as it is (focus rule 4); one entered follows the claim (an undo).
        typing = (claim is not None and previous is not None and claim.id == previous.id
                  and self.assignee.hasFocus() and self.chosen_assignee() != previous.assignee)
        self.claim = claim
        locked = claim is not None and claim.approved
        # What approval locks (domain.review.LOCKED_FIELDS): read-only, so it can still be read and copied.
        editor.verdict.setEnabled(claim is not None and not locked)
        editor.rationale.setReadOnly(locked)
        for button in (editor.accept_button, editor.dismiss_button):
            button.setEnabled(button.isEnabled() and not locked)
        self.setEnabled(claim is not None)
        if claim is None:
            self.lock.hide()
            return
        self._show_state(claim)
        if not typing:
            self._show_assignee(claim.assignee)
        self._show_lock(claim, history)

    def _show_state(self, claim: ClaimRecord) -> None:
        self.state.setCurrentIndex(max(0, self.state.findData(claim.review_state)))
        self.state.setEnabled(not claim.approved or self.may_reopen)  # leaving approved is a reopen

    def _show_assignee(self, assignee: str) -> None:
        index = self.assignee.findData(assignee)
        if index >= 0:
            self.assignee.setCurrentIndex(index)
        else:
            self.assignee.setEditText(assignee)

    def _show_lock(self, claim: ClaimRecord, history: list[HistoryRecord] | None) -> None:
        self.lock.setVisible(claim.approved)
        if not claim.approved:
            return
        if history is not None:
            self._approved_by = (claim.id, approver(claim, history))
        known = self._approved_by[1] if self._approved_by and self._approved_by[0] == claim.id else ""
        who = html.escape(known or claim.updated_by or "a reviewer")
        if self.may_reopen:
            self.lock_text.setText(f"<b>Approved by {who}</b> — the verdict is locked. Reopen to change it.")
        else:
            self.lock_text.setText(f"<b>Approved by {who}</b> — the verdict is locked. Only an editor can reopen it.")
        self.reopen_button.setVisible(self.may_reopen)

    # --- requests -------------------------------------------------------------
    def chosen_assignee(self) -> str:
        """What the box holds, as it is stored: a listed colleague's role or name, else the typed name."""
        text = self.assignee.currentText().strip()
        if text in ("", NOBODY):
            return ""
        for member in self.members:
            if text in (member.label, member.assignee, member.display_name):
                return member.assignee
        return text

    def _state_activated(self) -> None:
        state = self.state.currentData()
        if self.claim is not None and state != self.claim.review_state:
            self.state_chosen.emit(state)

    def _assignee_entered(self) -> None:
        if self.claim is None or not self.isEnabled():
            return
        chosen = self.chosen_assignee()
        asked = (self.claim.id, self.claim.version, chosen)
        if chosen != self.claim.assignee and asked != self._asked:
            self._asked = asked
            self.assignee_chosen.emit(chosen)


def approver(claim: ClaimRecord, history: list[HistoryRecord]) -> str:
    """Who approved the claim: the last approval in its history (read in the background),
    else the last to change it (the approval just made, before its history is read)."""
    approvals = [row for row in history if row.claim_id == claim.id and row.field == "review_state"
                 and row.new == ReviewState.APPROVED]
    return approvals[-1].by if approvals else claim.updated_by
