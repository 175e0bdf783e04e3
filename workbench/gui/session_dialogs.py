"""Session dialogs: Open (list, search, new, rename, duplicate, delete) and Switch database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.records import SessionSummary
from workbench.gui.deferred import deferred
from workbench.gui.message_bar import MessageBar

if TYPE_CHECKING:
    from workbench.services.database import Database

session_service = deferred("workbench.services.sessions")

HEADERS = ("Title", "Reviewer", "First article", "Articles", "Claims", "Last edited")


class OpenSessionDialog(QDialog):
    """Lists the database's sessions; ``chosen`` is the session to open after ``exec``."""

    def __init__(self, db: Database, parent: QWidget | None = None, current: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open review session")
        self.resize(900, 520)
        self.db = db
        self.chosen: int | None = None
        self.current = current
        self.sessions: list[SessionSummary] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        where = QLabel(f"Sessions in {db.location}")
        where.setObjectName("muted")
        layout.addWidget(where)
        self.search = QLineEdit(placeholderText="Search by title, reviewer or article…", clearButtonEnabled=True)
        self.search.textChanged.connect(lambda _t: self.reload())
        layout.addWidget(self.search)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("sessionsTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (3, 70), (4, 70), (5, 150)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self._open())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        for text, slot in (("New…", self._new), ("Rename…", self._rename),
                           ("Duplicate", self._duplicate), ("Delete…", self._delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else (self.selected_id() or self.current)
        try:
            self.sessions = session_service.list_sessions(self.db, self.search.text())
        except WorkbenchError as error:
            self.message.show_error(error)
            return
        self.table.setRowCount(len(self.sessions))
        for row, summary in enumerate(self.sessions):
            values = (
                summary.title, summary.reviewer, summary.first_article or "",
                str(summary.article_count), str(summary.claim_count),
                summary.updated_at.astimezone().strftime("%d %b %Y %H:%M"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.table.setItem(row, column, item)
            if summary.id == keep:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and self.sessions:
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self.sessions[row].id if 0 <= row < len(self.sessions) else None

    def _guarded(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except WorkbenchError as error:
            self.message.show_error(error)

    def _open(self) -> None:
        self.chosen = self.selected_id()
        if self.chosen is not None:
            self.accept()

    def _new(self) -> None:
        title, ok = QInputDialog.getText(self, "New session", "Title of the new session:")
        if ok and title.strip():
            self._guarded(lambda: self.reload(session_service.create_session(self.db, title).id))

    def _rename(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        old = next(s.title for s in self.sessions if s.id == session_id)
        title, ok = QInputDialog.getText(self, "Rename session", "New title:", text=old)
        if ok and title.strip():
            self._guarded(lambda: (session_service.rename_session(self.db, session_id, title), self.reload()))

    def _duplicate(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self._guarded(lambda: self.reload(session_service.duplicate_session(self.db, session_id).id))

    def _delete(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        summary = next(s for s in self.sessions if s.id == session_id)
        answer = QMessageBox.question(
            self, "Delete session",
            f"Delete “{summary.title}” with its {summary.article_count} article(s) and "
            f"{summary.claim_count} claim(s)? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._guarded(lambda: (session_service.delete_session(self.db, session_id), self.reload()))


class SwitchDatabaseDialog(QDialog):
    """Ask for a SQLite file or a database URL; ``location`` is the answer."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Switch database")
        self.resize(620, 170)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "A SQLite file on this computer, or a shared server such as\n"
            "postgresql://reviewer@newsroom-db/factcheck"
        ))
        row = QHBoxLayout()
        self.location_edit = QLineEdit(current)
        browse = QPushButton("Choose file…")
        browse.clicked.connect(self._browse)
        row.addWidget(self.location_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def location(self) -> str:
        return self.location_edit.text().strip()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Database file", self.location, "Workbench databases (*.sqlite *.db);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.location_edit.setText(path)


def shortcuts_dialog(parent: QWidget, rows: list[tuple[str, str]]) -> QDialog:
    """Help > Keyboard Shortcuts: every action and its keys, in a table that shows both in full."""
    dialog = QDialog(parent)
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
    return dialog
