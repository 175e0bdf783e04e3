"""Reviewing from the keyboard: move between claims, verdicts by digit, accept, dismiss, delete, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import claim_with_text, table_text, wait_for_details, wait_for_writes
from workbench.gui.claims_model import STATUS, VERDICT
from workbench.services import claim_edits
from workbench.storage import claims as claim_store


def test_j_and_k_move_through_claims_in_reading_order(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    window.claims_panel.table.setFocus()
    window.claims_panel.select(None)
    order = window.claims_panel.proxy.claim_ids()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_J)
    assert window.claims_panel.current_id() == order[0]
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_J)
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_J)
    assert window.claims_panel.current_id() == order[2]
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_K)
    assert window.claims_panel.current_id() == order[1]
    # The editor follows the selection.
    assert window.editor.claim is not None and window.editor.claim.id == order[1]


def test_verdict_digit_is_stored_shown_and_undoable(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.claims_panel.table.setFocus()

    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "false"
    assert table_text(window, claim.id, VERDICT) == "False"
    assert window.reader.colours[claim.id] == "#c62828"
    assert window.editor.verdict.currentData() == "false"

    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict is None
    assert table_text(window, claim.id, VERDICT) == "Unreviewed"

    qtbot.keyClick(
        window.claims_panel.table, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "false"
    history = [h.field for h in claim_store.claim_history(window.db, claim.id)]
    assert history.count("verdict") == 3  # set, undone, redone: every change recorded


def test_digits_typed_into_the_editor_are_text_not_verdicts(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.editor.value.setFocus()
    window.editor.value.clear()
    qtbot.keyClicks(window.editor.value, "33000")
    window.editor.commit_pending()
    wait_for_writes(qtbot, window)
    stored = claim_store.get_claim(window.db, claim.id)
    assert stored.verdict is None
    assert stored.value == 33000


def test_typing_merges_into_one_undo_step(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.editor.setCurrentIndex(0)
    window.editor.rationale.setFocus()
    qtbot.keyClicks(window.editor.rationale, "Ministry")
    window.editor.commit_pending()
    qtbot.keyClicks(window.editor.rationale, " figures")
    window.editor.commit_pending()
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).rationale == "Ministry figures"
    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).rationale == ""


def test_accept_dismiss_delete_and_undo_delete(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    table = window.claims_panel.table
    claim = claim_with_text(window, "S-400", "equipment")
    window.select_claim(claim.id)
    table.setFocus()

    qtbot.keyClick(table, Qt.Key.Key_A)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).status == "accepted"
    assert table_text(window, claim.id, STATUS) == "Accepted"
    qtbot.keyClick(table, Qt.Key.Key_D)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).status == "dismissed"

    count = window.claims_panel.model.rowCount()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_for_details(qtbot, window)
    assert window.claims_panel.model.row_of(claim.id) is None
    assert window.claims_panel.model.rowCount() == count - 1

    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_details(qtbot, window)
    restored = claim_store.get_claim(window.db, claim.id)
    assert restored.status == "dismissed" and restored.text == "S-400"
    assert window.claims_panel.current_id() == claim.id


def test_conflict_with_another_reviewer_shows_both_values_and_keeps_the_choice(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    # Another reviewer sets a verdict behind this window's back.
    claim_edits.update_claim(window.db, claim.id, {"verdict": "true"}, by="colleague", expected_version=None)

    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)
    bar = window.message_bar
    assert bar.isVisible()
    # Both verdicts, as the scale names them.
    assert "colleague" in bar.text() and "True" in bar.text() and "False" in bar.text()
    assert claim_store.get_claim(window.db, claim.id).verdict == "true"  # nothing overwritten

    keep_mine = next(b for b in bar.findChildren(type(bar.close_button)) if b.text() == "Keep mine")
    qtbot.mouseClick(keep_mine, Qt.MouseButton.LeftButton)
    wait_for_details(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "false"
