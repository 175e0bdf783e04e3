"""Session dialogs: Open (list, search, new, rename, duplicate, delete) and Switch database.

The Open dialog reads and writes in background jobs, as the window does: on a
team's server each statement is a round trip, and typing in its search box
must never wait for one. A list that arrives after a newer one was asked for
is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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
from workbench.gui.workers import JobRunner

if TYPE_CHECKING:
    from workbench.services.database import Database

session_service = deferred("workbench.services.sessions")

HEADERS = ("Title", "Reviewer", "First article", "Articles", "Claims", "Last edited")


class OpenSessionDialog(QDialog):
    """Lists the database's sessions; ``chosen`` is the session to open after ``exec``."""

    def __init__(self, db: Database, parent: QWidget | None = None, current: int | None = None,
                 reviewer: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open review session")
        self.resize(900, 520)
        self.db = db
        self.reviewer = reviewer  # who creates and deletes sessions here, for their history
        self.chosen: int | None = None
        self.current = current
        self.sessions: list[SessionSummary] = []
        self.jobs = JobRunner(self)  # quiet: a list or one command is quick
        self._asked = 0  # the newest list asked for
        self.listed = False  # a list has arrived (tests and the screenshots wait for it)
        self.deleted: set[int] = set()  # sessions deleted here
        self.sessions_left: list[int] | None = None  # every session id after the last delete
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
        """The sessions matching the search, read in the background."""
        self._run(None, "listing the sessions", select=select)

    def _run(self, command: Callable[[], Any] | None, name: str, select: int | None = None,
             chosen: Callable[[Any], int | None] | None = None) -> None:
        """``command`` (a write, or nothing) then the list, in one background job; the row of
        ``select``, or of what ``chosen`` picks from the command's result, is selected after."""
        self._asked += 1
        asked, db, search = self._asked, self.db, self.search.text()
        keep = select if select is not None else (self.selected_id() or self.current)

        def work() -> tuple[Any, list[SessionSummary]]:
            result = command() if command is not None else None
            return result, session_service.list_sessions(db, search)

        def arrived(done: tuple[Any, list[SessionSummary]]) -> None:
            result, sessions = done
            if asked == self._asked:
                self._show(sessions, chosen(result) if chosen is not None else keep)

        def failed(error: WorkbenchError) -> None:
            self.message.show_error(error)
            if command is not None and asked == self._asked:
                self.reload(keep)  # a refused command: the list as it stands now

        self.jobs.call(work, name, then=arrived, on_error=failed)

    def done(self, result: int) -> None:  # noqa: D102 (Qt: the dialog closes; what it still reads is dropped)
        self.jobs.abandon()
        super().done(result)

    def _show(self, sessions: list[SessionSummary], keep: int | None) -> None:
        self.sessions = sessions
        self.listed = True
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

    def _open(self) -> None:
        self.chosen = self.selected_id()
        if self.chosen is not None:
            self.accept()

    def _new(self) -> None:
        title, ok = QInputDialog.getText(self, "New session", "Title of the new session:")
        if ok and title.strip():
            db, reviewer = self.db, self.reviewer
            self._run(lambda: session_service.create_session(db, title, reviewer=reviewer), "creating the session",
                      chosen=lambda summary: summary.id)

    def _rename(self) -> None:
        session_id = self.selected_id()
        if session_id is None:
            return
        old = next(s.title for s in self.sessions if s.id == session_id)
        title, ok = QInputDialog.getText(self, "Rename session", "New title:", text=old)
        if ok and title.strip():
            db = self.db
            self._run(lambda: session_service.rename_session(db, session_id, title), "renaming the session",
                      select=session_id)

    def _duplicate(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            db = self.db
            self._run(lambda: session_service.duplicate_session(db, session_id), "duplicating the session",
                      chosen=lambda summary: summary.id)

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
            db, reviewer = self.db, self.reviewer
            def delete() -> list[int]:
                session_service.delete_session(db, session_id, by=reviewer)
                return session_service.session_ids(db)

            def deleted(left: list[int]) -> None:
                self.deleted.add(session_id)
                self.sessions_left = left

            self._run(delete, "deleting the session", chosen=lambda left: deleted(left))


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
