"""A window and a colleague on one database: undo and a link's stance never overwrite the colleague."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.helpers import (
    claim_with_text,
    link_a_colleague_changed,
    wait_for_details,
    wait_for_writes,
)
from workbench.services import claim_edits
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store
from workbench.storage.database import open_database


def _button(window, text: str):  # noqa: ANN001, ANN202
    bar = window.message_bar
    return next(b for b in bar.findChildren(type(bar.close_button)) if b.text() == text)


def test_undoing_a_verdict_the_colleague_changed_since_shows_the_conflict_and_keeps_theirs(
    qtbot, open_window, seeded_db: Path
):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)
    mine = claim_store.get_claim(window.db, claim.id)
    assert mine.verdict not in (None, "true")
    colleague = open_database(seeded_db)
    try:
        claim_edits.update_claim(colleague, claim.id, {"verdict": "true"}, by="colleague",
                                 expected_version=mine.version)
    finally:
        colleague.close()
    window.claims_reloaded(claim.id)  # the window has seen the colleague's verdict
    wait_for_details(qtbot, window)

    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)

    assert window.message_bar.isVisible() and "colleague" in window.message_bar.text()
    assert claim_store.get_claim(window.db, claim.id).verdict == "true"


def test_a_stance_changed_by_a_colleague_meanwhile_is_a_conflict_and_keep_mine_stores_mine(
    qtbot, open_window, seeded_db: Path
):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    link_a_colleague_changed(qtbot, window, seeded_db, claim.id)

    window.editor.stance.setCurrentIndex(window.editor.stance.findData("refutes"))
    window.editor.stance.activated.emit(window.editor.stance.currentIndex())
    wait_for_writes(qtbot, window)

    bar = window.message_bar
    assert bar.isVisible() and "supports" in bar.text() and "refutes" in bar.text()
    assert source_store.list_evidence(window.db, claim.id)[0].stance == "supports"  # nothing overwritten
    qtbot.mouseClick(_button(window, "Keep mine"), Qt.MouseButton.LeftButton)
    wait_for_details(qtbot, window)
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id)[0].stance == "refutes"
