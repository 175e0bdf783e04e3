"""The Help menu's dialogs: the keyboard shortcuts and About (with the versions of what runs)."""

from __future__ import annotations

import html
import platform
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from workbench.gui import actions as window_actions
from workbench.gui.deferred import deferred

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

database = deferred("workbench.services.database")


def show_shortcuts(w: MainWindow) -> None:
    rows = window_actions.shortcut_rows(w.actions_by_name)
    dialog = QDialog(w)
    dialog.setWindowTitle("Keyboard shortcuts")
    layout = QVBoxLayout(dialog)
    table = QTableWidget(len(rows), 2)
    table.setObjectName("shortcutsTable")
    table.setHorizontalHeaderLabels(["Action", "Keys"])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)  # "Ctrl+Shift+Z, Ctrl+Y" in full, never "Ctrl+Shift…"
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)  # any spare width goes to the keys
    # The table never gets narrower than both columns in full (the last one would shrink).
    contents = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in (0, 1))
    table.setMinimumWidth(contents + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 32)
    layout.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(dialog.minimumSizeHint().width(), 620)
    w.shortcuts_dialog = dialog
    dialog.exec()


def show_about(w: MainWindow) -> None:
    QMessageBox.about(w, "About Fact-Check Workbench", about_text())


def about_text() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    from workbench import __version__

    versions = [
        ("Workbench", __version__), ("Qt", qVersion()), ("PySide6", PySide6.__version__),
        database.storage_library_version(), ("Python", platform.python_version()),
    ]
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>&nbsp;{html.escape(v)}</td></tr>" for k, v in versions)
    return (
        "<h3>Fact-Check Workbench</h3><p>Review the claims in news articles: figures, dates, "
        f"equipment, quotes and statements, with sources and verdicts.</p><table>{rows}</table>"
    )
