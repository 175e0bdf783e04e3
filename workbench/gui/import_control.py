"""Articles coming into and leaving the session: the address bar, files, pasted
text, drag and drop; a page with no article text (keep or discard it); and
removing an article, undoably.

A controller the window composes (``window.imports``); imports run as background
jobs from ``importer``. It reads the window's database, session and articles, shows
its progress row and message bar, and asks the session controller
(``window.sessions``) to open, name and remember the session an import goes into.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut

from workbench.domain.errors import CancelledError, WorkbenchError
from workbench.gui import importer
from workbench.gui.article_commands import RemoveArticle
from workbench.gui.deferred import deferred
from workbench.gui.recheck_control import session_badges
from workbench.gui.session_reads import SessionRead
from workbench.gui.workers import while_open

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.records import ArticleRecord, SessionSummary
    from workbench.gui.main_window import MainWindow
    from workbench.services.articles_read import RemovedArticle
    from workbench.services.database import Database

    # An import waiting to start: what a new session is named after, the job for where it goes
    # (database, session id or None, the session's makeshift title to replace, the new session's title), its name.
    MakeJob = Callable[[Database, int | None, str | None, str | None], Any]
    Pending = tuple[str, MakeJob, str]

article_service = deferred("workbench.services.articles_read")
session_service = deferred("workbench.services.sessions")
importing = deferred("workbench.services.importing")


class ImportControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._makeshift_titles: dict[int, str] = {}  # see unnamed_sessions
        # While a first import makes its session: the imports started meanwhile, to go into it (None: none making one).
        self._waiting: list[Pending] | None = None

    def forget_sessions(self) -> None:
        """Another database: its session ids mean other sessions."""
        self._makeshift_titles = {}
        self._waiting = None

    # --- the session an import goes into -----------------------------------------
    def _start(self, pending: Pending) -> None:
        """Start an import into the open session; or, with none open or the demo open, into a new
        session named after its source, which the import itself makes when it stores its article
        (so a failed or cancelled import leaves no session). Imports started while a first one
        makes its session wait for it and go into that session too.

        The demo session is never added to: the first real article starts the
        reviewer's own session, and the demo stays as it was.
        """
        w = self.window
        if w.db is None:
            w.message_bar.show_info("No database is open.", "Choose File > Switch Database first.")
            return
        if self._waiting is not None:
            self._waiting.append(pending)
            w.statusBar().showMessage(f"{pending[2]} is imported next, into the session the first import makes.", 8000)
            return
        named_after, make_job, label = pending
        if w.session_id is None or self.demo_is_open():
            name = urlsplit(named_after).netloc if "://" in named_after else Path(named_after).name
            self._waiting = []
            self._run_import(make_job(w.db, None, None, f"Review: {name or named_after}"), label, making=True)
        else:
            session_id = w.session_id
            self._run_import(make_job(w.db, session_id, self.makeshift_title(session_id), None), label, making=False)

    def demo_is_open(self) -> bool:
        """The open session is the demo's: started as the demo, or holding the demo article."""
        w = self.window
        if w.session_id is None:
            return False
        return w.session_id == w.sessions.demo_session_id or any(
            article.source == importing.DEMO_SOURCE for article in w.articles
        )

    def name_new_session_after(self, result: importer.ImportResult) -> None:
        """A session named after an import's source took its first article's title in the
        import's own transaction; the window shows the new name."""
        w = self.window
        session_id, title = result.article.session_id, result.session_title
        if title is None:
            return
        self.unnamed_sessions().pop(session_id, None)
        if session_id == w.session_id:
            w.session_title = title
            w.sessions.remember_recent(w.session_id, title)
            w.sessions.update_title()

    def _session_made(self, made: SessionSummary, result: importer.ImportResult, articles: list[ArticleRecord],
                      badges: dict[int, str]) -> None:
        """A first import made its session: show it, and start the imports that waited for it there."""
        w = self.window
        if result.session_title is None:  # a page without article text: named after its source until one comes
            self._makeshift_titles[made.id] = made.title
        w.sessions.open_session(made.id, read=SessionRead(made, {}, articles, badges))
        waiting, self._waiting = self._waiting or [], None
        for pending in waiting:
            self._start(pending)

    def _making_failed(self, error: WorkbenchError) -> None:
        """A first import stored nothing, so made no session: the first import waiting makes it instead
        (after the reviewer's Cancel, none: they are all dropped)."""
        waiting, self._waiting = self._waiting or [], None
        if isinstance(error, CancelledError):
            return
        for pending in waiting:
            self._start(pending)

    def makeshift_title(self, session_id: int) -> str | None:
        """The name a session this window's import made still bears, if it does."""
        return self._makeshift_titles.get(session_id)

    def unnamed_sessions(self) -> dict[int, str]:
        """Sessions this window's imports made, still named after their source, with that name
        (forgotten when another database opens, or when the reviewer names the session)."""
        return self._makeshift_titles

    # --- importing ----------------------------------------------------------------
    def address_entered(self) -> None:
        w = self.window
        text = w.address_bar.text().strip()
        if text:
            self.import_source(text)

    def open_file(self) -> None:
        # The dialogs' Qt classes are imported where one is shown, not at the window's start.
        from PySide6.QtWidgets import QFileDialog

        w = self.window
        folder = str(w.settings.value("import/folder", "") or "")
        path, _filter = QFileDialog.getOpenFileName(
            w, "Open an article", folder, "Articles (*.html *.htm *.txt *.md);;All files (*)"
        )
        if path:
            w.settings.setValue("import/folder", str(Path(path).parent))
            self.import_source(path)

    def paste_text(self) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

        w = self.window
        dialog = QDialog(w)
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
        w.paste_dialog = dialog  # reachable from tests and screenshots
        if dialog.exec() == QDialog.DialogCode.Accepted and editor.toPlainText().strip():
            self.import_text(editor.toPlainText())

    def import_source(self, source: str) -> None:
        by = self.window.reviewer
        self._start((source, lambda db, session_id, name_session, new_session: importer.import_source_job(
            db, session_id, source, by, name_session=name_session, new_session=new_session), source))

    def import_text(self, text: str, source: str = "pasted text") -> None:
        by = self.window.reviewer
        self._start(("Pasted text", lambda db, session_id, name_session, new_session: importer.import_text_job(
            db, session_id, text, by, source, name_session=name_session, new_session=new_session), source))

    def _run_import(self, job: Any, source: str, *, making: bool) -> None:
        """``making``: the import makes its session (``_start``)."""
        w = self.window
        w.message_bar.dismiss()
        w.start_progress(f"Importing {source}…")
        db = w.db

        def job_then_list(cancel: Any, progress: Any) -> tuple[importer.ImportResult, list[ArticleRecord],
                                                              dict[int, str], SessionSummary | None]:
            # The session's articles (their texts) and badges are read here too, not on the GUI thread after;
            # and the session itself when the import made it.
            result = job(cancel, progress)
            session_id = result.article.session_id
            made = session_service.get_session(db, session_id) if making else None
            return result, article_service.list_articles(db, session_id), session_badges(db, session_id), made

        def failed(error: WorkbenchError) -> None:
            w.report(error)
            if making and db is w.db:
                self._making_failed(error)

        still = while_open(w)
        w.jobs.start(job_then_list, f"importing {source}",
                     on_success=lambda done: self.imported(*done) if still() else None,
                     on_error=failed, on_progress=w.show_progress)

    def imported(self, result: importer.ImportResult, articles: list[ArticleRecord] | None = None,
                 badges: dict[int, str] | None = None, made: SessionSummary | None = None) -> None:
        w = self.window
        w.address_bar.clear()
        if made is not None:
            self._session_made(made, result, articles or [], badges or {})
        self.name_new_session_after(result)
        same = result.article.session_id == w.session_id
        # The demo's job gives no list: it is read in the background, and the article shown after.
        w.reload_articles(articles if same else None, badges if same else None,
                          then=lambda: w.show_article(result.article.id))
        w.statusBar().showMessage(
            f"Imported “{result.article.display_title}”: {result.claims_added} claims proposed.", 8000
        )
        w.focus_rules.to_claims_list()  # the review keys work at once (focus.py, rule 2)
        if result.no_text_reason is not None:
            article_id = result.article.id
            w.message_bar.show_choice(
                f"This page has no article text ({result.no_text_reason}). "
                "Keep it in the session, or discard it?",
                "It may be an index or a front page: open the article's own page, or paste its text.",
                [("Keep", lambda: None), ("Discard", lambda: self.discard_article(article_id))],
            )

    # --- removing articles ------------------------------------------------------
    def remove_article(self) -> None:
        """Article > Remove Article from Session: no question asked, Ctrl+Z brings it back."""
        w = self.window
        if w.article is None or w.db is None:
            w.message_bar.show_info("Open an article to remove it from the session.")
            return
        w.editor.commit_pending()
        w.push(RemoveArticle(w, w.article))

    def discard_article(self, article_id: int) -> None:
        w = self.window
        article = next((a for a in w.articles if a.id == article_id), None)
        if article is not None and w.db is not None:
            w.push(RemoveArticle(w, article))

    def article_removed(self, removed: RemovedArticle) -> None:
        w = self.window
        ids = [a.id for a in w.articles]
        index = ids.index(removed.article_id) if removed.article_id in ids else 0
        w.memory.forget()  # "checked before" hints may have named its claims

        def show_next() -> None:
            if w.article is None or w.article.id == removed.article_id:  # another one shown: it stays
                after = w.articles[min(index, len(w.articles) - 1)].id if w.articles else None
                w.show_article(after)

        w.reload_articles(then=show_next)
        count = removed.reviewed_count
        reviewed = "" if not count else " with its reviewed claim" if count == 1 else f" with its {count} reviewed claims"
        w.message_bar.show_info(
            f"Removed “{removed.title}” from the session.", f"Ctrl+Z brings it back{reviewed}."
        )

    def article_restored(self, article_id: int) -> None:
        w = self.window
        w.memory.forget()
        w.message_bar.dismiss()

        def show_it() -> None:
            w.show_article(article_id)
            if w.article is not None:
                w.statusBar().showMessage(f"“{w.article.display_title}” is back in the session.", 8000)

        w.reload_articles(then=show_it)

    def accept_drag(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def import_drop(self, event: QDropEvent) -> None:
        """Files and links dropped on the window are imported; dropped text is imported as pasted text."""
        data = event.mimeData()
        urls = data.urls() if data.hasUrls() else []
        for url in urls:
            self.import_source(url.toLocalFile() if url.isLocalFile() else url.toString())
        if not urls and data.hasText():
            text = data.text().strip()
            if text.startswith(("http://", "https://")) and "\n" not in text:
                self.import_source(text)
            else:
                self.import_text(text)
        event.acceptProposedAction()
