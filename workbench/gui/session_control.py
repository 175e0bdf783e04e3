"""Session-level commands of the main window: open, new, rename, duplicate, delete,
recent sessions, switching database, saved UI state, and the Help and Export menus.

A menu command that fails raises: the window's error route (error_route.py) shows
the error in the message bar. What runs while the window is built, or while it
closes, catches its errors itself, since nothing may stop those halfway.

A controller the window composes (``window.sessions``). It works on the window's
open database and session (``db``, ``session_id``, ``session_title``), its menus and
settings, and asks the window to show articles and report errors; the import
controller (``window.imports``) asks it to open, name and remember sessions.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from workbench.domain.errors import WorkbenchError
from workbench.domain.scales import get_scale
from workbench.gui import actions as window_actions
from workbench.gui import importer
from workbench.gui.deferred import deferred
from workbench.gui.kind_boxes import fill_kinds
from workbench.gui.recheck_control import session_badges
from workbench.gui.workers import JobRunner

if TYPE_CHECKING:
    from workbench.domain.records import ArticleRecord, SessionSummary
    from workbench.gui.main_window import MainWindow
    from workbench.services.database import Database
    from workbench.services.team import Identity

session_service = deferred("workbench.services.sessions")
article_service = deferred("workbench.services.articles_read")
team = deferred("workbench.services.team")
database = deferred("workbench.services.database")
kind_service = deferred("workbench.services.kinds")

MAX_RECENT = 8


class SessionControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # The demo's session, known by its id before its article is stored (reset with the database).
        self.demo_session_id: int | None = None
        self._restoring = False  # a session's saved state is being put back: nothing to save
        # Where the reviewer is is saved once they pause (400 ms), off the GUI thread.
        self._state_timer = QTimer(self, singleShot=True, interval=400)
        self._state_timer.timeout.connect(self.save_ui_state_in_background)
        self.opening = JobRunner(self)  # the database opened at start, after the window is shown

    # --- start --------------------------------------------------------------
    def start(self, db_location: str | None, first_run_demo: bool, *, in_background: bool = False) -> None:
        """Open the database and the session the reviewer was in.

        ``in_background`` (the application's start): the window is shown first
        and the database opened by a job, which imports the services too (they
        bring SQLAlchemy and the detectors); the session fills in when it is done.
        """
        w = self.window
        location = db_location or w.settings.value("database") or None
        if not in_background:
            if self.open_db(location):
                self._open_first_session(first_run_demo)
            return
        chosen, recent = w.chosen_reviewer, self.recent_entries()

        def job(cancel, _progress):  # noqa: ANN001, ANN202 (a worker job)
            db = database.open_database(location)
            try:
                try:
                    identity: Identity | WorkbenchError = team.who_am_i(db, chosen)
                except WorkbenchError as error:
                    identity = error
                reviewer = identity.display_name if not isinstance(identity, WorkbenchError) else w.reviewer
                first: SessionRead | WorkbenchError | None = None
                try:  # what the window shows first, read here too: no query waits on the GUI thread
                    wanted = _first_session(db, recent)
                    first = read_session(db, wanted, reviewer) if wanted is not None else None
                except WorkbenchError as error:
                    first = error
            except BaseException:
                db.close()
                raise
            if cancel():  # the window closed meanwhile: nobody else will close it
                db.close()
                return None
            return db, identity, first

        w.statusBar().showMessage("Opening the database…")
        # Started once the window has been painted: the job's imports would hold the
        # interpreter lock while the window is being shown.
        w.after_first_paint(lambda: self.opening.start(
            job, "opening the database",
            on_success=lambda opened: self._opened(opened, first_run_demo), on_error=w.report))

    def _opened(self, opened: tuple[Database, Identity | WorkbenchError, SessionRead | WorkbenchError | None] | None,
                first_run_demo: bool) -> None:
        if opened is None:
            return
        db, identity, first = opened
        if self.window.closed:
            db.close()
            return
        self.use_db(db, identity)
        if isinstance(first, SessionRead):
            self.open_session(first.summary.id, read=first)
        elif isinstance(first, WorkbenchError):
            self.window.report(first)
        else:
            self._open_first_session(first_run_demo)  # the demo to start, or nothing to show

    def _open_first_session(self, first_run_demo: bool) -> None:
        w = self.window
        try:
            wanted = _first_session(w.db, self.recent_entries())
        except WorkbenchError as error:
            w.report(error)
            return
        if wanted is not None:
            self.open_session(wanted)
        elif first_run_demo and not w.db.read_only:  # no session yet; the demo needs to write
            self.start_demo()
        else:
            self.show_empty()

    def open_db(self, location: str | None) -> bool:
        w = self.window
        try:
            db = database.open_database(location)
        except WorkbenchError as error:
            w.report(error)
            return False
        try:  # on PostgreSQL the name comes with the database role, not this machine
            identity: Identity | WorkbenchError = team.who_am_i(db, w.chosen_reviewer)
        except WorkbenchError as error:
            identity = error
        self.use_db(db, identity)
        return True

    def use_db(self, db: Database, identity: Identity | WorkbenchError) -> None:
        """The window works on ``db`` from now on (the one before is closed)."""
        w = self.window
        if w.db is not None:
            w.outage.set_aside()  # edits waiting for the old server are kept for it, not sent to this one
            w.db.close()
        w.db = db
        # The kind registry is loaded with the services: a kind added as a spec is offered now.
        names = kind_service.kind_names()
        fill_kinds(w.claims_panel.kind_box, names, first="All kinds")
        fill_kinds(w.editor.kind, names)
        if isinstance(identity, WorkbenchError):
            w.report(identity)
        else:
            w.reviewer = identity.display_name
            w.review.identity_known(identity)
        w.undo_stack.clear()
        w.outage.database_opened()
        w.memory.forget()  # claim ids of another database mean other claims
        self.demo_session_id = None  # and so do session ids
        w.imports.forget_sessions()
        w.statusBar().showMessage(f"Database: {db.location}" + (" (read-only)" if db.read_only else ""))

    def start_demo(self) -> None:
        w = self.window
        summary = session_service.create_session(w.db, "Demo: a first review", reviewer=w.reviewer)
        self.demo_session_id = summary.id  # before its article is stored, the id tells it is the demo
        self.open_session(summary.id)
        w.start_progress("Opening the demo article…")
        w.jobs.start(
            importer.demo_job(w.db, summary.id, w.reviewer), "opening the demo article",
            on_success=w.imports.imported, on_error=w.report, on_progress=w.show_progress,
        )
        w.message_bar.show_info(
            "This is a demo article with the claims the workbench found in it.",
            "Press J and K to move between claims and a digit to set a verdict; "
            "paste an article's address above to start your own review.",
        )

    def show_empty(self) -> None:
        w = self.window
        w.session_id = None
        w.reload_articles()
        w.show_article(None)
        self.update_title()

    # --- sessions -----------------------------------------------------------
    def open_session(self, session_id: int, restore: bool = True, read: SessionRead | None = None) -> None:
        """Show the session: ``read`` is what a background job read of it, else it is read now."""
        w = self.window
        w.editor.commit_pending()
        if w.session_id is not None and w.session_id != session_id:
            self.save_ui_state()
        try:
            summary = read.summary if read is not None else session_service.get_session(w.db, session_id)
            w.scale = get_scale(summary.scale)
        except WorkbenchError as error:
            w.report(error)
            return
        w.undo_stack.clear()
        w.session_id, w.session_title = summary.id, summary.title
        w.claims_panel.set_scale(w.scale)
        window_actions.fill_verdict_menu(w.verdict_menu, w)
        if read is not None:
            state = read.state if restore else {}
            w.reload_articles(read.articles, read.badges)
        else:
            state = self._load_ui_state(summary.id) if restore else {}
            w.reload_articles()
        self._restoring = True
        w.claims_panel.set_filters(state.get("filters") or {})
        article_id = state.get("article_id")
        if article_id not in {a.id for a in w.articles}:
            article_id = w.articles[0].id if w.articles else None
        w.show_article(article_id, state.get("claim_id"), state.get("scroll"))
        self._restoring = False
        self.remember_recent(summary.id, summary.title)
        self.update_title()

    def new_session(self) -> None:
        # A dialog's Qt class is imported where it is shown: made at import, they took 2 ms of the start.
        from PySide6.QtWidgets import QInputDialog

        w = self.window
        title, ok = QInputDialog.getText(w, "New session", "Title of the new review session:")
        if ok and title.strip() and w.db is not None:
            summary = session_service.create_session(w.db, title, reviewer=w.reviewer)
            self.open_session(summary.id)

    def show_open_dialog(self) -> None:
        w = self.window
        if w.db is None:
            return
        # the dialogs are imported with the first menu command that shows one, not at start-up
        from PySide6.QtWidgets import QDialog

        from workbench.gui.session_dialogs import OpenSessionDialog

        dialog = OpenSessionDialog(w.db, w, current=w.session_id)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.open_session(dialog.chosen)
        elif w.session_id is not None and w.session_id not in {s.id for s in dialog.sessions}:
            self._after_session_gone()

    def rename_session(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        w = self.window
        if w.session_id is None:
            return
        title, ok = QInputDialog.getText(w, "Rename session", "New title:", text=w.session_title)
        if ok and title.strip():
            w.imports.unnamed_sessions().pop(w.session_id, None)  # the reviewer's name stays
            session_service.rename_session(w.db, w.session_id, title)
            w.session_title = " ".join(title.split())
            self.remember_recent(w.session_id, w.session_title)
            self.update_title()

    def duplicate_session(self) -> None:
        w = self.window
        if w.session_id is not None:
            self.open_session(session_service.duplicate_session(w.db, w.session_id).id)

    def delete_session(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        w = self.window
        if w.session_id is None:
            return
        answer = QMessageBox.question(
            w, "Delete session", f"Delete “{w.session_title}” with all its articles and claims? "
            "This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            session_service.delete_session(w.db, w.session_id, by=w.reviewer)
            self._after_session_gone()

    def _after_session_gone(self) -> None:
        w = self.window
        w.session_id = None
        w.undo_stack.clear()
        sessions = session_service.session_ids(w.db)
        if sessions:
            self.open_session(sessions[0])
        else:
            self.show_empty()

    def update_title(self) -> None:
        w = self.window
        title = w.session_title if w.session_id is not None else "No session"
        w.setWindowTitle(f"{title} — Fact-Check Workbench")

    # --- saved state --------------------------------------------------------
    def schedule_state_save(self) -> None:
        if not self._restoring:
            self._state_timer.start()

    def ui_state(self) -> dict[str, Any]:
        w = self.window
        return {
            "article_id": w.article.id if w.article else None,
            "claim_id": w.claims_panel.current_id(),
            "filters": w.claims_panel.filters(),
            "scroll": w.reader.verticalScrollBar().value(),
        }

    def save_ui_state_in_background(self) -> None:
        """Where the reviewer is (article, claim, filters, scroll), saved off the GUI thread after a pause."""
        w = self.window
        if w.db is None or w.session_id is None or w.closed:
            return
        db, session_id, state, reviewer = w.db, w.session_id, self.ui_state(), w.reviewer
        w.state_saver.start(lambda _cancel, _progress: session_service.save_ui_state(db, session_id, state, reviewer),
                               "saving where you are", on_success=lambda _done: None, on_error=w.report)

    def _load_ui_state(self, session_id: int) -> dict[str, Any]:
        """What this reviewer had open in the session (a colleague's place is theirs)."""
        w = self.window
        try:
            return session_service.load_ui_state(w.db, session_id, w.reviewer)
        except WorkbenchError as error:
            w.report(error)
            return {}

    def save_ui_state(self) -> None:
        """The same, now (on closing: the window waits for it)."""
        w = self.window
        self._state_timer.stop()
        if w.db is None or w.session_id is None:
            return
        try:
            session_service.save_ui_state(w.db, w.session_id, self.ui_state(), w.reviewer)
        except WorkbenchError as error:
            w.report(error)

    # --- recent sessions and databases ---------------------------------------
    def recent_entries(self) -> list[tuple[str, int, str]]:
        w = self.window
        entries = []
        for line in _as_list(w.settings.value("recent/sessions")):
            location, _, rest = str(line).partition("\t")
            sid, _, title = rest.partition("\t")
            if sid.isdigit():
                entries.append((location, int(sid), title))
        return entries

    def remember_recent(self, session_id: int, title: str) -> None:
        w = self.window
        location = w.db.location
        entries = [(location, session_id, title)] + [
            e for e in self.recent_entries() if (e[0], e[1]) != (location, session_id)
        ]
        w.settings.setValue("recent/sessions", [f"{loc}\t{sid}\t{t}" for loc, sid, t in entries[:MAX_RECENT]])
        w.settings.setValue("database", location)

    def fill_recent_menu(self) -> None:
        w = self.window
        w.recent_menu.clear()
        for location, session_id, title in self.recent_entries():
            here = w.db is not None and location == w.db.location
            label = title if here else f"{title}  ({location})"
            w.recent_menu.addAction(label, lambda loc=location, sid=session_id: self._open_recent(loc, sid))
        if w.recent_menu.isEmpty():
            w.recent_menu.addAction("No recent sessions").setEnabled(False)

    def _open_recent(self, location: str, session_id: int) -> None:
        w = self.window
        if w.db is None or location != w.db.location:
            self.save_ui_state()
            if not self.open_db(location):
                return
        self.open_session(session_id)

    def switch_database(self) -> None:
        w = self.window
        from PySide6.QtWidgets import QDialog

        from workbench.gui.session_dialogs import SwitchDatabaseDialog

        dialog = SwitchDatabaseDialog(w.db.location if w.db else "", w)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.location:
            return
        self.save_ui_state()
        if self.open_db(dialog.location):
            w.session_id = None
            w.settings.setValue("database", w.db.location)
            self.start(w.db.location, first_run_demo=False)

    # --- export ------------------------------------------------------------------
    def show_export(self) -> None:
        w = self.window
        if w.session_id is None or w.db is None:
            w.message_bar.show_info("Open a session to export its claims.")
            return
        try:
            from workbench.gui.export_dialog import ExportDialog
        except ImportError:
            w.message_bar.show_info(
                "Export is not available in this version yet.",
                "Use `workbench export SESSION` on the command line when it is.",
            )
            return
        w.editor.commit_pending()  # export what the reviewer sees, typing included
        w.export_dialog = ExportDialog(w, w.db, w.session_id, w.article.id if w.article else None)
        w.export_dialog.exec()

    # --- appearance and help -------------------------------------------------
    def set_appearance(self, scheme: str) -> None:
        w = self.window
        self._apply_scheme(scheme)
        w.settings.setValue("appearance", scheme)
        w.reload_claims(w.claims_panel.current_id())  # highlight colours follow

    def restore_appearance(self) -> None:
        """The Light/Dark choice saved last time (Follow System when none)."""
        w = self.window
        scheme = str(w.settings.value("appearance", "system") or "system")
        self._apply_scheme(scheme if scheme in ("light", "dark") else "system")

    def _apply_scheme(self, scheme: str) -> None:
        w = self.window
        from workbench.gui.app import apply_appearance

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_appearance(app, scheme)
        for action in w.appearance_menu.actions():
            action.setChecked(action.data() == scheme)

    def show_shortcuts(self) -> None:
        w = self.window
        from workbench.gui.session_dialogs import shortcuts_dialog

        w.shortcuts_dialog = shortcuts_dialog(w, window_actions.shortcut_rows(w.actions_by_name))
        w.shortcuts_dialog.exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self.window, "About Fact-Check Workbench", about_text())


def about_text() -> str:
    import platform  # here: the About box alone needs it, not the start

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


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


@dataclass(frozen=True)
class SessionRead:
    """What the window shows of a session, read off the GUI thread."""

    summary: SessionSummary
    state: dict[str, Any]
    articles: list[ArticleRecord]
    badges: dict[int, str]


def read_session(db: Database, session_id: int, reviewer: str) -> SessionRead:
    """The session, this reviewer's place in it, its articles and their badges (a worker job's reads)."""
    return SessionRead(
        session_service.get_session(db, session_id),
        session_service.load_ui_state(db, session_id, reviewer),
        article_service.list_articles(db, session_id),
        session_badges(db, session_id),
    )


def _first_session(db: Database, recent: list[tuple[str, int, str]]) -> int | None:
    """The session to show on opening ``db``: the last one open there, else the first listed; None if none."""
    sessions = session_service.session_ids(db)
    known = set(sessions)
    wanted = next((sid for location, sid, _t in recent if location == db.location and sid in known), None)
    return wanted if wanted is not None else (sessions[0] if sessions else None)
