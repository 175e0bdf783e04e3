"""The window's shortcuts: each key does one thing, redo answers both of its keys, F1 lists them readably."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QTableWidget

from tests.gui.helpers import claim_with_text, wait_for_writes
from workbench.storage import claims as claim_store


def test_no_two_actions_of_the_window_share_a_key(open_window, seeded_db):
    window = open_window(seeded_db)
    owners: dict[str, list[str]] = defaultdict(list)
    # Every action that can fire: attached to a widget (one that was detached has no effect).
    actions = [a for a in window.findChildren(QAction) if a.associatedObjects()]
    bindings = [(a.objectName() or a.text(), a.shortcuts()) for a in actions]
    bindings += [(s.objectName() or "shortcut", s.keys()) for s in window.findChildren(QShortcut)]
    for name, sequences in bindings:
        for sequence in sequences:
            owners[sequence.toString(QKeySequence.SequenceFormat.PortableText)].append(name)

    shared = {keys: names for keys, names in owners.items() if len(names) > 1}
    assert shared == {}
    # The keys the review depends on are all there, each once.
    for keys in ["Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "J", "K", "A", "D", "Esc"] + [str(d) for d in range(10)]:
        assert len(owners[keys]) == 1, keys


def test_redo_works_with_ctrl_y_and_with_ctrl_shift_z(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    table = window.claims_panel.table
    assert QApplication.focusWidget() is table

    def verdict() -> str | None:
        wait_for_writes(qtbot, window)  # edits are stored in the background
        return claim_store.get_claim(window.db, claim.id).verdict

    qtbot.keyClick(table, Qt.Key.Key_5)
    assert verdict() == "false"
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert verdict() is None
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert verdict() == "false"
    assert window.claims_panel.model.claim(window.claims_panel.model.row_of(claim.id)).verdict == "false"

    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert verdict() is None
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert verdict() == "false"
    assert window.editor.verdict.currentData() == "false"


def test_the_shortcut_list_shows_every_name_and_key_in_full(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    checked: list[str] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        try:
            table = dialog.findChild(QTableWidget, "shortcutsTable")
            metrics = table.fontMetrics()
            viewport = table.viewport().rect()
            for row in range(table.rowCount()):
                for column in (0, 1):
                    text = table.item(row, column).text()
                    cell = table.visualRect(table.model().index(row, column))
                    # Room for the text and the cell's padding, and the whole cell inside the table's width.
                    assert metrics.horizontalAdvance(text) + 8 <= cell.width(), text
                    assert cell.left() >= 0 and cell.right() <= viewport.right(), text
                    checked.append(text)
            assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
        finally:
            dialog.reject()

    QTimer.singleShot(0, inspect)
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_F1)
    assert "Redo" in checked and "Ctrl+Shift+Z, Ctrl+Y" in checked  # with nothing to redo yet
    assert "Copy Verdict Checked Before" in checked
