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

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog  # a dialog's own class where it is shown

from workbench.domain.errors import WorkbenchError
from workbench.domain.scales import get_scale
from workbench.gui import actions as window_actions
from workbench.gui import importer, recent_sessions
from workbench.gui.deferred import deferred
from workbench.gui.kind_boxes import fill_kinds
from workbench.gui.session_reads import SessionRead, first_session, read_session
from workbench.gui.workers import JobRunner, while_open

if TYPE_CHECKING:
    from workbench.domain.records import SessionSummary
    from workbench.gui.main_window import MainWindow
    from workbench.services.database import Database
    from workbench.services.team import Identity

session_service = deferred("workbench.services.sessions")
team = deferred("workbench.services.team")
database = deferred("workbench.services.database")
kind_service = deferred("workbench.services.kinds")

SESSION_WRITE_WAIT_MS = 2000
log = logging.getLogger(__name__)
DEMO_TITLE = "Demo: a first review"


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
        self.opening = JobRunner(self)  # a database opened (at start, after the window is shown)
        self.reads = JobRunner(self)  # quiet: a session read before it is shown
        self.writes = JobRunner(self, serial=True)  # quiet: session commands, stored in the order given
        self._shown_wanted = 0  # the latest session asked for: an older read arriving late is dropped

    def close(self) -> None:
        """Closing the window: a session command on its way is stored (it is the reviewer's),
        a read or a database being opened is abandoned (its job closes what it opened)."""
        if not self.writes.wait(SESSION_WRITE_WAIT_MS):
            log.warning("closed before a session command was stored")
        self.opening.abandon()
        self.reads.abandon()

    # --- start --------------------------------------------------------------
    def start(self, db_location: str | None, first_run_demo: bool, *, in_background: bool = False,
              session_id: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Open the database and the session the reviewer was in (``session_id`` if given).

        ``in_background`` (the application's start, a database switched to): the
        window is shown first and the database opened by a job, which imports the
        services too (they bring SQLAlchemy and the detectors), reads the session
        to show and, on a first run, creates the demo's; the session fills in when
        it is done and ``then`` runs. The database open until then stays open if
        the other cannot be opened, and where the reviewer was in it is saved first.
        """
        w = self.window
        location = db_location or w.settings.value("database") or None
        if not in_background:
            if self.open_db(location):
                self._open_first_session(first_run_demo)
            return
        chosen, recent, reviewer_now = w.chosen_reviewer, self.recent_entries(), w.reviewer
        self._state_timer.stop()
        old = (w.db, w.session_id, self.ui_state()) if w.db is not None and w.session_id is not None else None

        def job(cancel, _progress):  # noqa: ANN001, ANN202 (a worker job)
            if old is not None:
                session_service.save_ui_state(*old, reviewer_now)
            db = database.open_database(location)
            try:
                try:
                    identity: Identity | WorkbenchError = team.who_am_i(db, chosen)
                except WorkbenchError as error:
                    identity = error
                reviewer = identity.display_name if not isinstance(identity, WorkbenchError) else reviewer_now
                first: SessionRead | WorkbenchError | None = None
                demo = False
                try:  # what the window shows first, read here too: no query waits on the GUI thread
                    wanted = first_session(db, recent, prefer=session_id)
                    if wanted is not None:
                        first = read_session(db, wanted, reviewer)
                    elif first_run_demo and not db.read_only:  # no session yet; the demo needs to write
                        first = SessionRead.new(session_service.create_session(db, DEMO_TITLE, reviewer=reviewer))
                        demo = True
                except WorkbenchError as error:
                    first = error
            except BaseException:
                db.close()
                raise
            if cancel():  # the window closed meanwhile: nobody else will close it
                db.close()
                return None
            return db, identity, first, demo

        w.statusBar().showMessage("Opening the database…")
        # Started once the window has been painted: the job's imports would hold the
        # interpreter lock while the window is being shown.
        w.after_first_paint(lambda: self.opening.start(
            job, "opening the database",
            on_success=lambda opened: self._opened(opened, then), on_error=w.report))

    def _opened(self, opened: tuple[Database, Identity | WorkbenchError, SessionRead | WorkbenchError | None, bool]
                | None, then: Callable[[], None] | None) -> None:
        if opened is None:
            return
        db, identity, first, demo = opened
        if self.window.closed:
            db.close()
            return
        self.use_db(db, identity)
        if isinstance(first, SessionRead):
            if demo:
                self.start_demo(first.summary)
            else:
                self.open_session(first.summary.id, read=first)
        elif isinstance(first, WorkbenchError):
            self.window.report(first)
        else:
            self.show_empty()
        if then is not None:
            then()

    def _open_first_session(self, first_run_demo: bool) -> None:
        w = self.window
        try:
            wanted = first_session(w.db, self.recent_entries())
        except WorkbenchError as error:
            w.report(error)
            return
        if wanted is not None:  # read here: the window opened in the foreground is ready when built
            self.open_session(wanted, read=read_session(w.db, wanted, w.reviewer))
        elif first_run_demo and not w.db.read_only:  # no session yet; the demo needs to write
            self.start_demo(session_service.create_session(w.db, DEMO_TITLE, reviewer=w.reviewer))
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

    def start_demo(self, summary: SessionSummary) -> None:
        """The demo session, just created: its article is stored in the background."""
        w = self.window
        self.demo_session_id = summary.id  # before its article is stored, the id tells it is the demo
        self.open_session(summary.id, read=SessionRead.new(summary))
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
        """Show the session: ``read`` is what was read of it, else it is read in the background first
        (the window goes on showing the session open until then)."""
        w = self.window
        if read is not None:
            self._show_session(read, restore)
            return
        if w.db is None:
            return
        self._shown_wanted += 1
        wanted, db, reviewer = self._shown_wanted, w.db, w.reviewer

        def arrived(read: SessionRead) -> None:
            if wanted == self._shown_wanted and db is w.db:  # else the reviewer has asked for another since
                self._show_session(read, restore)

        w.statusBar().showMessage("Opening the session…", 4000)
        self.reads.start(lambda _cancel, _progress: read_session(db, session_id, reviewer), "opening the session",
                         on_success=arrived, on_error=w.report)

    def _show_session(self, read: SessionRead, restore: bool) -> None:
        w = self.window
        self._shown_wanted += 1
        summary = read.summary
        w.editor.commit_pending()
        if w.session_id is not None and w.session_id != summary.id:
            self.save_ui_state_in_background()  # where the reviewer was in the session they leave
        try:
            w.scale = get_scale(summary.scale)
        except WorkbenchError as error:
            w.report(error)
            return
        w.undo_stack.clear()
        w.session_id, w.session_title = summary.id, summary.title
        w.claims_panel.set_scale(w.scale)
        window_actions.fill_verdict_menu(w.verdict_menu, w)
        state = read.state if restore else {}
        w.reload_articles(read.articles, read.badges)
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
        w = self.window
        # A dialog's class is imported where it is shown: made at import (with its enums), it slowed the start.
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(w, "New session", "Title of the new review session:")
        if ok and title.strip() and w.db is not None:
            db, reviewer = w.db, w.reviewer
            self._write(lambda: session_service.create_session(db, title, reviewer=reviewer), "creating the session",
                        lambda summary: self.open_session(summary.id, read=SessionRead.new(summary)))

    def _write(self, write: Callable[[], Any], name: str, then: Callable[[Any], None]) -> None:
        """A session command's one write, off the GUI thread; ``then`` shows what it did."""
        w = self.window
        self.writes.call(write, name, then=then, on_error=w.report, still=while_open(w))

    def show_open_dialog(self) -> None:
        w = self.window
        if w.db is None:
            return
        # the dialogs are imported with the first menu command that shows one, not at start-up
        from workbench.gui.session_dialogs import OpenSessionDialog

        dialog = OpenSessionDialog(w.db, w, current=w.session_id, reviewer=w.reviewer)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.open_session(dialog.chosen)
        elif w.session_id is not None and w.session_id in dialog.deleted:
            self._after_session_gone(dialog.sessions_left)

    def rename_session(self) -> None:
        w = self.window
        if w.session_id is None:
            return
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(w, "Rename session", "New title:", text=w.session_title)
        if ok and title.strip():
            w.imports.unnamed_sessions().pop(w.session_id, None)  # the reviewer's name stays
            db, session_id, shown = w.db, w.session_id, " ".join(title.split())

            def renamed(_none: None) -> None:
                self.remember_recent(session_id, shown)
                if w.session_id == session_id:
                    w.session_title = shown
                    self.update_title()

            self._write(lambda: session_service.rename_session(db, session_id, title), "renaming the session", renamed)

    def duplicate_session(self) -> None:
        w = self.window
        if w.session_id is not None:
            db, session_id = w.db, w.session_id
            self._write(lambda: session_service.duplicate_session(db, session_id), "duplicating the session",
                        lambda summary: self.open_session(summary.id))

    def delete_session(self) -> None:
        w = self.window
        if w.session_id is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            w, "Delete session", f"Delete “{w.session_title}” with all its articles and claims? "
            "This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            db, session_id, reviewer = w.db, w.session_id, w.reviewer

            def delete() -> list[int]:
                session_service.delete_session(db, session_id, by=reviewer)
                return session_service.session_ids(db)

            def deleted(sessions: list[int]) -> None:
                if w.session_id == session_id:
                    self._after_session_gone(sessions)

            self._write(delete, "deleting the session", deleted)

    def _after_session_gone(self, sessions: list[int] | None = None) -> None:
        """The open session was deleted: the first of the others (``sessions``, read now if not given) opens."""
        w = self.window
        w.session_id = None
        w.undo_stack.clear()
        if sessions is None:
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
        return recent_sessions.entries(self.window.settings)

    def remember_recent(self, session_id: int, title: str) -> None:
        recent_sessions.remember(self.window.settings, self.window.db.location, session_id, title)

    def fill_recent_menu(self) -> None:
        w = self.window
        recent_sessions.fill_menu(w.recent_menu, w.settings, w.db.location if w.db else None, self._open_recent)

    def _open_recent(self, location: str, session_id: int) -> None:
        w = self.window
        if w.db is None or location != w.db.location:
            self.start(location, first_run_demo=False, in_background=True, session_id=session_id)
        else:
            self.open_session(session_id)

    def switch_database(self) -> None:
        w = self.window
        from workbench.gui.session_dialogs import SwitchDatabaseDialog

        dialog = SwitchDatabaseDialog(w.db.location if w.db else "", w)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.location:
            return

        def switched() -> None:
            if w.db is not None:
                w.settings.setValue("database", w.db.location)

        self.start(dialog.location, first_run_demo=False, in_background=True, then=switched)

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
        article = w.article
        w.export_dialog = ExportDialog(w, w.db, w.session_id, article.id if article else None,
                                       shown=(w.session_title, w.scale, article.display_title if article else None))
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
        from workbench.gui import help_dialogs  # with the first look at Help, not at start-up

        help_dialogs.show_shortcuts(self.window)

    def show_about(self) -> None:
        from workbench.gui import help_dialogs

        help_dialogs.show_about(self.window)

