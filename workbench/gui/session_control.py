"""Session-level commands of the main window: open, new, rename, duplicate, delete,
recent sessions, switching database, saved UI state, and the Help and Export menus.

A mixin for ``MainWindow``, kept apart so each module reads as one subject.
"""

from __future__ import annotations

import html
import platform
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.scales import get_scale
from workbench.gui import actions as window_actions
from workbench.gui import importer
from workbench.gui.session_dialogs import OpenSessionDialog, SwitchDatabaseDialog
from workbench.services import team
from workbench.services.database import open_database
from workbench.storage import sessions as session_store

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

MAX_RECENT = 8


class SessionControl:
    # --- start --------------------------------------------------------------
    def start(self: MainWindow, db_location: str | None, first_run_demo: bool) -> None:
        location = db_location or self.settings.value("database") or None
        if not self.open_db(location):
            return
        try:
            sessions = session_store.session_ids(self.db)
        except WorkbenchError as error:
            self.report(error)
            return
        if not sessions and first_run_demo and not self.db.read_only:  # the demo needs to write
            self.start_demo()
            return
        recent = [entry for entry in self.recent_entries() if entry[0] == self.db.location]
        known = set(sessions)
        wanted = next((sid for _loc, sid, _t in recent if sid in known), None)
        if wanted is None and sessions:
            wanted = sessions[0]
        if wanted is not None:
            self.open_session(wanted)
        else:
            self._show_empty()

    def open_db(self: MainWindow, location: str | None) -> bool:
        try:
            db = open_database(location)
        except WorkbenchError as error:
            self.report(error)
            return False
        if self.db is not None:
            self.db.close()
        self.db = db
        try:  # on PostgreSQL the name comes with the database role, not this machine
            self.reviewer = team.who_am_i(db, self.chosen_reviewer).display_name
        except WorkbenchError as error:
            self.report(error)
        self.undo_stack.clear()
        self.memory.forget()  # claim ids of another database mean other claims
        self._demo_session_id: int | None = None  # and so do session ids
        self._sessions_to_name: dict[int, int | None] = {}
        self.statusBar().showMessage(f"Database: {db.location}" + (" (read-only)" if db.read_only else ""))
        return True

    def start_demo(self: MainWindow) -> None:
        summary = session_store.create_session(self.db, "Demo: a first review", reviewer=self.reviewer)
        self._demo_session_id = summary.id  # before its article is stored, the id tells it is the demo
        self.open_session(summary.id)
        self.progress_label.setText("Opening the demo article…")
        self.jobs.start(
            importer.demo_job(self.db, summary.id, self.reviewer), "opening the demo article",
            on_success=self._imported, on_error=self.report, on_progress=self._progress,
        )
        self.message_bar.show_info(
            "This is a demo article with the claims the workbench found in it.",
            "Press J and K to move between claims and a digit to set a verdict; "
            "paste an article's address above to start your own review.",
        )

    def _show_empty(self: MainWindow) -> None:
        self.session_id = None
        self.reload_articles()
        self.show_article(None)
        self._update_title()

    # --- sessions -----------------------------------------------------------
    def open_session(self: MainWindow, session_id: int, restore: bool = True) -> None:
        self.editor.commit_pending()
        if self.session_id is not None and self.session_id != session_id:
            self.save_ui_state()
        try:
            summary = session_store.get_session(self.db, session_id)
            self.scale = get_scale(summary.scale)
        except WorkbenchError as error:
            self.report(error)
            return
        self.undo_stack.clear()
        self.session_id, self.session_title = summary.id, summary.title
        self.claims_panel.set_scale(self.scale)
        window_actions.fill_verdict_menu(self.verdict_menu, self)
        state = self._load_ui_state(summary.id) if restore else {}
        self.reload_articles()
        self._restoring = True
        self.claims_panel.set_filters(state.get("filters") or {})
        article_id = state.get("article_id")
        if article_id not in {a.id for a in self.articles}:
            article_id = self.articles[0].id if self.articles else None
        self.show_article(article_id, state.get("claim_id"), state.get("scroll"))
        self._restoring = False
        self.remember_recent(summary.id, summary.title)
        self._update_title()

    def new_session(self: MainWindow) -> None:
        title, ok = QInputDialog.getText(self, "New session", "Title of the new review session:")
        if ok and title.strip() and self.db is not None:
            try:
                summary = session_store.create_session(self.db, title, reviewer=self.reviewer)
            except WorkbenchError as error:
                self.report(error)
                return
            self.open_session(summary.id)

    def show_open_dialog(self: MainWindow) -> None:
        if self.db is None:
            return
        dialog = OpenSessionDialog(self.db, self, current=self.session_id)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.open_session(dialog.chosen)
        elif self.session_id is not None and self.session_id not in {s.id for s in dialog.sessions}:
            self._after_session_gone()

    def rename_session(self: MainWindow) -> None:
        if self.session_id is None:
            return
        title, ok = QInputDialog.getText(self, "Rename session", "New title:", text=self.session_title)
        if ok and title.strip():
            self._unnamed_sessions().pop(self.session_id, None)  # the reviewer's name stays
            self._guard(lambda: session_store.rename_session(self.db, self.session_id, title))
            self.session_title = " ".join(title.split())
            self.remember_recent(self.session_id, self.session_title)
            self._update_title()

    def duplicate_session(self: MainWindow) -> None:
        if self.session_id is not None:
            copy = self._guard(lambda: session_store.duplicate_session(self.db, self.session_id))
            if copy is not None:
                self.open_session(copy.id)

    def delete_session(self: MainWindow) -> None:
        if self.session_id is None:
            return
        answer = QMessageBox.question(
            self, "Delete session", f"Delete “{self.session_title}” with all its articles and claims? "
            "This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._guard(lambda: session_store.delete_session(self.db, self.session_id))
            self._after_session_gone()

    def _after_session_gone(self: MainWindow) -> None:
        self.session_id = None
        self.undo_stack.clear()
        sessions = session_store.session_ids(self.db)
        if sessions:
            self.open_session(sessions[0])
        else:
            self._show_empty()

    def _guard(self: MainWindow, action: Any) -> Any:
        try:
            return action()
        except WorkbenchError as error:
            self.report(error)
            return None

    def _update_title(self: MainWindow) -> None:
        title = self.session_title if self.session_id is not None else "No session"
        self.setWindowTitle(f"{title} — Fact-Check Workbench")

    # --- saved state --------------------------------------------------------
    def schedule_state_save(self: MainWindow) -> None:
        if not getattr(self, "_restoring", False):
            self._state_timer.start()

    def ui_state(self: MainWindow) -> dict[str, Any]:
        return {
            "article_id": self.article.id if self.article else None,
            "claim_id": self.claims_panel.current_id(),
            "filters": self.claims_panel.filters(),
            "scroll": self.reader.verticalScrollBar().value(),
        }

    def save_ui_state_in_background(self: MainWindow) -> None:
        """Where the reviewer is (article, claim, filters, scroll), saved off the GUI thread after a pause."""
        if self.db is None or self.session_id is None or self.closed:
            return
        db, session_id, state, reviewer = self.db, self.session_id, self.ui_state(), self.reviewer
        self.state_saver.start(lambda _cancel, _progress: session_store.save_ui_state(db, session_id, state, reviewer),
                               "saving where you are", on_success=lambda _done: None, on_error=self.report)

    def _load_ui_state(self: MainWindow, session_id: int) -> dict[str, Any]:
        """What this reviewer had open in the session (a colleague's place is theirs)."""
        try:
            return session_store.load_ui_state(self.db, session_id, self.reviewer)
        except WorkbenchError as error:
            self.report(error)
            return {}

    def save_ui_state(self: MainWindow) -> None:
        """The same, now (on closing: the window waits for it)."""
        self._state_timer.stop()
        if self.db is None or self.session_id is None:
            return
        try:
            session_store.save_ui_state(self.db, self.session_id, self.ui_state(), self.reviewer)
        except WorkbenchError as error:
            self.report(error)

    # --- recent sessions and databases ---------------------------------------
    def recent_entries(self: MainWindow) -> list[tuple[str, int, str]]:
        entries = []
        for line in _as_list(self.settings.value("recent/sessions")):
            location, _, rest = str(line).partition("\t")
            sid, _, title = rest.partition("\t")
            if sid.isdigit():
                entries.append((location, int(sid), title))
        return entries

    def remember_recent(self: MainWindow, session_id: int, title: str) -> None:
        location = self.db.location
        entries = [(location, session_id, title)] + [
            e for e in self.recent_entries() if (e[0], e[1]) != (location, session_id)
        ]
        self.settings.setValue("recent/sessions", [f"{loc}\t{sid}\t{t}" for loc, sid, t in entries[:MAX_RECENT]])
        self.settings.setValue("database", location)

    def fill_recent_menu(self: MainWindow) -> None:
        self.recent_menu.clear()
        for location, session_id, title in self.recent_entries():
            here = self.db is not None and location == self.db.location
            label = title if here else f"{title}  ({location})"
            self.recent_menu.addAction(label, lambda loc=location, sid=session_id: self._open_recent(loc, sid))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent sessions").setEnabled(False)

    def _open_recent(self: MainWindow, location: str, session_id: int) -> None:
        if self.db is None or location != self.db.location:
            self.save_ui_state()
            if not self.open_db(location):
                return
        self.open_session(session_id)

    def switch_database(self: MainWindow) -> None:
        dialog = SwitchDatabaseDialog(self.db.location if self.db else "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.location:
            return
        self.save_ui_state()
        if self.open_db(dialog.location):
            self.session_id = None
            self.settings.setValue("database", self.db.location)
            self.start(self.db.location, first_run_demo=False)

    # --- import dialogs -------------------------------------------------------
    def open_file(self: MainWindow) -> None:
        folder = str(self.settings.value("import/folder", "") or "")
        path, _filter = QFileDialog.getOpenFileName(
            self, "Open an article", folder, "Articles (*.html *.htm *.txt *.md);;All files (*)"
        )
        if path:
            self.settings.setValue("import/folder", str(Path(path).parent))
            self.import_source(path)

    def paste_text(self: MainWindow) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Paste article text")
        dialog.resize(640, 480)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel("Paste the article: its headline on the first line, then the text."))
        editor = QPlainTextEdit()
        editor.setObjectName("pasteEditor")
        editor.setPlainText(QGuiApplication.clipboard().text())
        layout.addWidget(editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Import")
        ok.setToolTip("Ctrl+Enter")
        # Enter is a new line in the text: Ctrl+Enter imports, from the keyboard.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), dialog, activated=dialog.accept)
        layout.addWidget(buttons)
        self.paste_dialog = dialog  # reachable from tests and screenshots
        if dialog.exec() == QDialog.DialogCode.Accepted and editor.toPlainText().strip():
            self.import_text(editor.toPlainText())

    def show_export(self: MainWindow) -> None:
        if self.session_id is None or self.db is None:
            self.message_bar.show_info("Open a session to export its claims.")
            return
        try:
            from workbench.gui.export_dialog import ExportDialog
        except ImportError:
            self.message_bar.show_info(
                "Export is not available in this version yet.",
                "Use `workbench export SESSION` on the command line when it is.",
            )
            return
        self.editor.commit_pending()  # export what the reviewer sees, typing included
        self.export_dialog = ExportDialog(self, self.db, self.session_id, self.article.id if self.article else None)
        self.export_dialog.exec()

    # --- appearance and help -------------------------------------------------
    def set_appearance(self: MainWindow, scheme: str) -> None:
        self._apply_scheme(scheme)
        self.settings.setValue("appearance", scheme)
        self.reload_claims(self.claims_panel.current_id())  # highlight colours follow

    def restore_appearance(self: MainWindow) -> None:
        """The Light/Dark choice saved last time (Follow System when none)."""
        scheme = str(self.settings.value("appearance", "system") or "system")
        self._apply_scheme(scheme if scheme in ("light", "dark") else "system")

    def _apply_scheme(self: MainWindow, scheme: str) -> None:
        from workbench.gui.app import apply_appearance

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_appearance(app, scheme)
        for action in self.appearance_menu.actions():
            action.setChecked(action.data() == scheme)

    def show_shortcuts(self: MainWindow) -> None:
        from PySide6.QtCore import Qt

        rows = window_actions.shortcut_rows(self.actions_by_name)
        dialog = QDialog(self)
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
        self.shortcuts_dialog = dialog
        dialog.exec()

    def show_about(self: MainWindow) -> None:
        QMessageBox.about(self, "About Fact-Check Workbench", about_text())


def about_text() -> str:
    import PySide6
    import sqlalchemy
    from PySide6.QtCore import qVersion

    from workbench import __version__

    versions = [
        ("Workbench", __version__), ("Qt", qVersion()), ("PySide6", PySide6.__version__),
        ("SQLAlchemy", sqlalchemy.__version__), ("Python", platform.python_version()),
    ]
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>&nbsp;{html.escape(v)}</td></tr>" for k, v in versions)
    return (
        "<h3>Fact-Check Workbench</h3><p>Review the claims in news articles: figures, dates, "
        f"equipment, quotes and statements, with sources and verdicts.</p><table>{rows}</table>"
    )


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]

