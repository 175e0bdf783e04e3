"""The team's review in the window: review states, assignments, the approval lock, reopening, who you are.

Everything is done as a reviewer would (the editor's review row, the
Claim > Review shortcuts, Ctrl+Z), and checked in the database, the list
and the editor.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.gui.helpers import claim_with_text, table_text, wait_for_details, wait_for_writes
from workbench.gui.claims_model import REVIEW
from workbench.storage import claims as claim_store

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TROOPS = "About 32,000 troops"


def _stored(window, claim_id: int):  # noqa: ANN001, ANN202
    """The claim as stored, once the edits on their way (stored in the background) are."""
    deadline = time.monotonic() + 5
    while window.writes.busy and time.monotonic() < deadline:
        QTest.qWait(10)
    assert not window.writes.busy
    return claim_store.get_claim(window.db, claim_id)


def _on_claim(qtbot, window, text: str = TROOPS):  # noqa: ANN001, ANN202
    claim = claim_with_text(window, text, "figure")
    window.select_claim(claim.id)
    window.claims_panel.table.setFocus()
    wait_for_details(qtbot, window)
    return claim


def _press(qtbot, window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(window.claims_panel.table, key, modifiers)


def _choose_state(window, state: str) -> None:  # noqa: ANN001
    box = window.editor.review_row.state
    box.setCurrentIndex(box.findData(state))
    box.activated.emit(box.currentIndex())  # as a click on the item does


def test_setting_a_review_state_shows_in_the_list_and_undo_takes_it_back(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    assert window.editor.review_row.state.currentData() == "unstarted"
    table = window.claims_panel.table
    assert table.isColumnHidden(REVIEW)  # no room taken from the claims' words until the team reviews here

    _choose_state(window, "needs_second_check")

    assert _stored(window, claim.id).review_state == "needs_second_check"
    assert table_text(window, claim.id, REVIEW) == "2nd check" and not table.isColumnHidden(REVIEW)
    _press(qtbot, window, Qt.Key.Key_I, CTRL_SHIFT)  # Mark In Progress
    assert _stored(window, claim.id).review_state == "in_progress"
    assert window.editor.review_row.state.currentData() == "in_progress"

    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, claim.id).review_state == "needs_second_check"
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, claim.id).review_state == "unstarted"
    assert window.editor.review_row.state.currentData() == "unstarted"
    assert table_text(window, claim.id, REVIEW) == ""
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, claim.id).review_state == "needs_second_check"


def test_assigning_by_typing_a_name_and_undo_takes_it_off(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)

    _press(qtbot, window, Qt.Key.Key_G, CTRL_SHIFT)  # Assign To…: the cursor in the assignee box
    box = window.editor.review_row.assignee
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "Bea Costa")
    qtbot.keyClick(box, Qt.Key.Key_Return)

    assert _stored(window, claim.id).assignee == "Bea Costa"
    assert "assigned to Bea Costa" in window.claims_panel.model.index(
        window.claims_panel.model.row_of(claim.id), REVIEW).data(Qt.ItemDataRole.ToolTipRole)
    history = claim_store.claim_history(window.db, claim.id)[-1]
    assert (history.field, history.new, history.by) == ("assignee", "Bea Costa", "tester")
    assert window.undo_stack.count() == 1  # Enter assigned once, not once more as the editing ended

    window.undo_stack.undo()
    assert _stored(window, claim.id).assignee == ""
    assert box.currentText() == "Nobody"


def test_the_assignee_box_offers_the_team_and_the_names_already_assigned(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    window.review.assign("Bea Costa")
    wait_for_writes(qtbot, window)
    other = _on_claim(qtbot, window, "Two new divisions")
    window.review.refresh_team()
    box = window.editor.review_row.assignee
    qtbot.waitUntil(lambda: box.findData("Bea Costa") >= 0)
    assert box.findData("tester") >= 0  # oneself

    box.setCurrentIndex(box.findData("Bea Costa"))
    box.activated.emit(box.currentIndex())

    assert _stored(window, other.id).assignee == "Bea Costa"
    assert _stored(window, claim.id).assignee == "Bea Costa"


def test_approving_locks_the_verdict_box_and_a_digit_is_refused_in_the_message_bar(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    _press(qtbot, window, Qt.Key.Key_5)
    editor, row = window.editor, window.editor.review_row
    verdict = _stored(window, claim.id).verdict

    _press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)  # Approve Claim

    assert _stored(window, claim.id).review_state == "approved"
    assert not editor.verdict.isEnabled() and editor.rationale.isReadOnly()
    assert not editor.accept_button.isEnabled() and not editor.dismiss_button.isEnabled()
    assert row.lock.isVisible() and "Approved by tester" in row.lock_text.text()
    assert row.reopen_button.isVisible()  # on SQLite with no WORKBENCH_EDITORS, anyone may reopen
    assert table_text(window, claim.id, REVIEW) == "✔ Approved"

    _press(qtbot, window, Qt.Key.Key_1)
    assert _stored(window, claim.id).verdict == verdict
    assert window.message_bar.isVisible() and "is approved" in window.message_bar.text()

    # Undo of the approval unlocks the box again.
    window.undo_stack.undo()
    assert _stored(window, claim.id).review_state == "unstarted"
    assert editor.verdict.isEnabled() and not editor.rationale.isReadOnly() and not row.lock.isVisible()


def test_reopen_unlocks_the_verdict_and_undo_locks_it_again(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    window.review.approve()
    wait_for_writes(qtbot, window)
    row = window.editor.review_row

    qtbot.mouseClick(row.reopen_button, Qt.MouseButton.LeftButton)

    stored = _stored(window, claim.id)
    assert stored.review_state == "in_progress"
    assert window.editor.verdict.isEnabled() and not row.lock.isVisible()
    assert claim_store.claim_history(window.db, claim.id)[-1].note == "reopened"
    window.set_verdict_digit(2)
    assert _stored(window, claim.id).verdict == window.scale.by_digit(2).key

    window.undo_stack.undo()  # the verdict
    window.undo_stack.undo()  # the reopen: approved and locked again
    assert _stored(window, claim.id).review_state == "approved"
    assert not window.editor.verdict.isEnabled() and row.lock.isVisible()


def test_a_reviewer_who_may_not_reopen_sees_no_reopen_and_is_refused_in_the_message_bar(
    qtbot, open_window, seeded_db, monkeypatch
):
    monkeypatch.setenv("WORKBENCH_EDITORS", "ed")
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    window.review.approve()  # anyone may approve
    wait_for_writes(qtbot, window)
    row = window.editor.review_row
    qtbot.waitUntil(lambda: not window.actions_by_name["reopen_claim"].isEnabled())

    assert row.lock.isVisible() and not row.reopen_button.isVisible()
    assert "Only an editor can reopen it" in row.lock_text.text()
    assert not row.state.isEnabled()  # leaving approved is a reopen
    _press(qtbot, window, Qt.Key.Key_I, CTRL_SHIFT)  # Mark In Progress
    assert _stored(window, claim.id).review_state == "approved"
    assert "tester may not reopen" in window.message_bar.text()
    assert "WORKBENCH_EDITORS" in window.message_bar.text()
    # Nor can the approval be undone by one who may not reopen: the refusal is shown, nothing changes.
    window.message_bar.dismiss()
    window.undo_stack.undo()
    assert _stored(window, claim.id).review_state == "approved"
    assert "may not reopen" in window.message_bar.text()


def test_a_reopen_refused_by_the_service_is_shown_and_changes_nothing(qtbot, open_window, seeded_db, monkeypatch):
    window = open_window(seeded_db)  # may reopen when the window opened...
    claim = _on_claim(qtbot, window)
    window.review.approve()
    wait_for_writes(qtbot, window)
    assert window.editor.review_row.reopen_button.isVisible()
    monkeypatch.setenv("WORKBENCH_EDITORS", "ed")  # ...and no longer

    qtbot.mouseClick(window.editor.review_row.reopen_button, Qt.MouseButton.LeftButton)

    assert _stored(window, claim.id).review_state == "approved"
    assert window.message_bar.isVisible() and "tester may not reopen" in window.message_bar.text()
    assert not window.editor.verdict.isEnabled()


def test_the_list_filters_by_review_state_and_the_filter_is_kept(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = _on_claim(qtbot, window)
    window.review.approve()
    wait_for_writes(qtbot, window)
    panel = window.claims_panel
    everything = panel.proxy.rowCount()
    assert everything > 1

    panel.review_box.setCurrentIndex(panel.review_box.findData("approved"))
    assert panel.proxy.claim_ids() == [claim.id]
    assert panel.filters()["review"] == "approved"
    panel.review_box.setCurrentIndex(panel.review_box.findData("unstarted"))
    assert claim.id not in panel.proxy.claim_ids() and panel.proxy.rowCount() == everything - 1
    window.close()

    again = open_window(seeded_db)
    assert again.claims_panel.filters()["review"] == "unstarted"
    assert claim.id not in again.claims_panel.proxy.claim_ids()


def test_the_status_bar_says_who_you_are_and_the_display_name_can_be_set(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    label = window.review.identity_label
    assert label.isVisible() and label.text() == "Reviewing as tester"

    window.review.set_display_name("Ana  Lima")  # stored in the background: shown once stored

    qtbot.waitUntil(lambda: label.text() == "Reviewing as Ana Lima")
    claim = _on_claim(qtbot, window)
    window.set_verdict_digit(2)
    wait_for_writes(qtbot, window)
    assert claim_store.claim_history(window.db, claim.id)[-1].by == "Ana Lima"
    window.review.set_display_name("   ")  # refused: the name stays
    qtbot.waitUntil(lambda: "cannot be empty" in window.message_bar.text())
    assert label.text() == "Reviewing as Ana Lima"


def test_set_display_name_from_the_file_menu_asks_for_the_name(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    action = window.actions_by_name["set_display_name"]
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    answered: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        answered.append(dialog.textValue())  # the current name, to edit
        dialog.setTextValue("Cleo Reyes")
        dialog.accept()

    QTimer.singleShot(0, answer)
    action.trigger()

    assert answered == ["tester"]
    qtbot.waitUntil(lambda: window.review.identity_label.text() == "Reviewing as Cleo Reyes")
    assert window.reviewer == "Cleo Reyes"
