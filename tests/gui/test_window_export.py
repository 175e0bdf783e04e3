"""File > Export from the window writes a claim report the reviewer can open."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import claim_with_text
from workbench.gui.export_dialog import ExportDialog


def _when_dialog_opens(action) -> None:  # noqa: ANN001
    """Drive the modal dialog once ``exec()`` has shown it."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportDialog):
            action(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_file_export_writes_a_csv_that_parses(qtbot, open_window, seeded_db, tmp_path: Path):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_A)  # accept it
    target = tmp_path / "out" / "border review.csv"
    target.parent.mkdir()

    def fill(dialog: ExportDialog) -> None:
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        dialog.accepted_only.setChecked(True)
        dialog.destination.setText(str(target))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    _when_dialog_opens(fill)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert target.exists()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheet programs need the byte order mark
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 1
    assert "About 32,000 troops" in rows[0].values()
    assert f"Exported 1 claim(s) to {target}" in window.message_bar.text()
    assert window.settings.value("export/last_folder") == str(target.parent)


def test_export_without_a_session_says_what_to_do(qtbot, open_window, db_path):
    window = open_window(db_path)
    window.actions_by_name["export"].trigger()
    assert "Open a session" in window.message_bar.text()
