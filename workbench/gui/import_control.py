"""Articles coming into and leaving the session: the address bar, files, pasted
text, drag and drop; a page with no article text (keep or discard it); and
removing an article, undoably.

A mixin for ``MainWindow``; imports run as background jobs from ``importer``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from workbench.domain.errors import WorkbenchError
from workbench.domain.records import ArticleRecord
from workbench.gui import importer
from workbench.gui.article_commands import RemoveArticle
from workbench.services.importing import DEMO_SOURCE
from workbench.storage import articles as article_store
from workbench.storage import sessions as session_store
from workbench.storage.article_removal import RemovedArticle

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow


class ImportControl:
    # --- the session an import goes into -----------------------------------------
    def ensure_session(self: MainWindow, source: str) -> int | None:
        """The session to import into: the open one, or a new one named after the source.

        The demo session is never added to: the first real article starts the
        reviewer's own session, and the demo stays as it was.
        """
        if self.db is None:
            self.message_bar.show_info("No database is open.", "Choose File > Switch Database first.")
            return None
        if self.session_id is None or self.demo_is_open():
            name = Path(source).name if "://" not in source else source.split("://", 1)[1].split("/")[0]
            try:
                summary = session_store.create_session(self.db, f"Review: {name or source}", reviewer=self.reviewer)
            except WorkbenchError as error:
                self.report(error)
                return None
            self._unnamed_sessions()[summary.id] = self.session_id
            self.open_session(summary.id)
        return self.session_id

    def demo_is_open(self: MainWindow) -> bool:
        """The open session is the demo's: started as the demo, or holding the demo article."""
        if self.session_id is None:
            return False
        return self.session_id == self._demo_session_id or any(
            article.source == DEMO_SOURCE for article in self.articles
        )

    def name_new_session_after(self: MainWindow, article: ArticleRecord) -> None:
        """A session started by an import takes its first article's title, once it is known."""
        pending = self._unnamed_sessions()
        if article.session_id not in pending:
            return
        del pending[article.session_id]
        title = " ".join(article.display_title.split())[:120]
        if not title or self.db is None:
            return
        try:
            session_store.rename_session(self.db, article.session_id, title)
        except WorkbenchError as error:
            self.report(error)
            return
        if article.session_id == self.session_id:
            self.session_title = title
            self.remember_recent(self.session_id, title)
            self._update_title()

    def drop_unused_session(self: MainWindow, session_id: int) -> None:
        """After a failed import, a session started for it and still empty goes,
        and the session open before comes back."""
        pending = self._unnamed_sessions()
        if session_id != self.session_id or session_id not in pending or len(self.jobs.running) > 1:
            return  # the reviewer has moved on, or another import may still fill it
        try:
            if article_store.list_articles(self.db, session_id):
                return
            session_store.delete_session(self.db, session_id)
        except WorkbenchError as error:
            self.report(error)
            return
        previous = pending.pop(session_id)
        self.session_id = None
        self.undo_stack.clear()
        if previous is not None and previous in session_store.session_ids(self.db):
            self.open_session(previous)
        else:
            self._show_empty()

    def _unnamed_sessions(self: MainWindow) -> dict[int, int | None]:
        """Sessions this window started for an import, still named after its source,
        with the session that was open before (reset with the database, in ``open_db``)."""
        return self._sessions_to_name

    # --- importing ----------------------------------------------------------------
    def _address_entered(self: MainWindow) -> None:
        text = self.address_bar.text().strip()
        if text:
            self.import_source(text)

    def import_source(self: MainWindow, source: str) -> None:
        session_id = self.ensure_session(source)
        if session_id is not None and self.db is not None:
            self._run_import(importer.import_source_job(self.db, session_id, source, self.reviewer), source, session_id)

    def import_text(self: MainWindow, text: str, source: str = "pasted text") -> None:
        session_id = self.ensure_session("Pasted text")
        if session_id is not None and self.db is not None:
            self._run_import(
                importer.import_text_job(self.db, session_id, text, self.reviewer, source), source, session_id
            )

    def _run_import(self: MainWindow, job: Any, source: str, session_id: int) -> None:
        self.message_bar.dismiss()
        self.progress_label.setText(f"Importing {source}…")
        self.progress_bar.setValue(0)
        db = self.db

        def job_then_list(cancel: Any, progress: Any) -> tuple[importer.ImportResult, list[ArticleRecord]]:
            # The session's articles (their texts) are read here too, not on the GUI thread after.
            result = job(cancel, progress)
            return result, article_store.list_articles(db, result.article.session_id)

        self.jobs.start(job_then_list, f"importing {source}", on_success=lambda done: self._imported(*done),
                        on_error=lambda error: self._import_failed(error, session_id), on_progress=self._progress)

    def _progress(self: MainWindow, fraction: float, message: str) -> None:
        self.progress_bar.setValue(int(fraction * 100))
        self.progress_label.setText(message)

    def _imported(self: MainWindow, result: importer.ImportResult, articles: list[ArticleRecord] | None = None) -> None:
        self.address_bar.clear()
        if result.no_text_reason is None:
            self.name_new_session_after(result.article)
        self.reload_articles(articles if result.article.session_id == self.session_id else None)
        self.show_article(result.article.id)
        self.statusBar().showMessage(
            f"Imported “{result.article.display_title}”: {result.claims_added} claims proposed.", 8000
        )
        self.focus_rules.to_claims_list()  # the review keys work at once (focus.py, rule 2)
        if result.no_text_reason is not None:
            article_id = result.article.id
            self.message_bar.show_choice(
                f"This page has no article text ({result.no_text_reason}). "
                "Keep it in the session, or discard it?",
                "It may be an index or a front page: open the article's own page, or paste its text.",
                [("Keep", lambda: None), ("Discard", lambda: self.discard_article(article_id))],
            )

    def _import_failed(self: MainWindow, error: WorkbenchError, session_id: int) -> None:
        self.report(error)
        self.drop_unused_session(session_id)

    # --- removing articles ------------------------------------------------------
    def remove_article(self: MainWindow) -> None:
        """Article > Remove Article from Session: no question asked, Ctrl+Z brings it back."""
        if self.article is None or self.db is None:
            self.message_bar.show_info("Open an article to remove it from the session.")
            return
        self.editor.commit_pending()
        self.push(RemoveArticle(self, self.article))

    def discard_article(self: MainWindow, article_id: int) -> None:
        article = next((a for a in self.articles if a.id == article_id), None)
        if article is not None and self.db is not None:
            self.push(RemoveArticle(self, article))

    def article_removed(self: MainWindow, removed: RemovedArticle) -> None:
        ids = [a.id for a in self.articles]
        index = ids.index(removed.article_id) if removed.article_id in ids else 0
        self.memory.forget()  # "checked before" hints may have named its claims
        self.reload_articles()
        after = self.articles[min(index, len(self.articles) - 1)].id if self.articles else None
        self.show_article(after)
        count = removed.reviewed_count
        reviewed = "" if not count else " with its reviewed claim" if count == 1 else f" with its {count} reviewed claims"
        self.message_bar.show_info(
            f"Removed “{removed.title}” from the session.", f"Ctrl+Z brings it back{reviewed}."
        )

    def article_restored(self: MainWindow, article_id: int) -> None:
        self.memory.forget()
        self.message_bar.dismiss()
        self.reload_articles()
        self.show_article(article_id)
        if self.article is not None:
            self.statusBar().showMessage(f"“{self.article.display_title}” is back in the session.", 8000)

    def accept_drag(self: MainWindow, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def import_drop(self: MainWindow, event: QDropEvent) -> None:
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
