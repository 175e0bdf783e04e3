"""Articles coming into and leaving the session: the address bar, files, pasted
text, drag and drop; a page with no article text (keep or discard it); and
removing an article, undoably.

A mixin for ``MainWindow``; imports run as background jobs from ``importer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from workbench.domain.errors import WorkbenchError
from workbench.gui import importer
from workbench.gui.article_commands import RemoveArticle
from workbench.storage.article_removal import RemovedArticle

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow


class ImportControl:
    def _address_entered(self: MainWindow) -> None:
        text = self.address_bar.text().strip()
        if text:
            self.import_source(text)

    def import_source(self: MainWindow, source: str) -> None:
        session_id = self.ensure_session(source)
        if session_id is not None and self.db is not None:
            self._run_import(importer.import_source_job(self.db, session_id, source, self.reviewer), source)

    def import_text(self: MainWindow, text: str, source: str = "pasted text") -> None:
        session_id = self.ensure_session("Pasted text")
        if session_id is not None and self.db is not None:
            self._run_import(importer.import_text_job(self.db, session_id, text, self.reviewer, source), source)

    def _run_import(self: MainWindow, job: Any, source: str) -> None:
        self.message_bar.dismiss()
        self.progress_label.setText(f"Importing {source}…")
        self.progress_bar.setValue(0)
        self.jobs.start(job, f"importing {source}", on_success=self._imported,
                        on_error=self._import_failed, on_progress=self._progress)

    def _progress(self: MainWindow, fraction: float, message: str) -> None:
        self.progress_bar.setValue(int(fraction * 100))
        self.progress_label.setText(message)

    def _imported(self: MainWindow, result: importer.ImportResult) -> None:
        self.address_bar.clear()
        if result.no_text_reason is None:
            self.name_new_session_after(result.article)
        self.reload_articles()
        self.show_article(result.article.id)
        self.statusBar().showMessage(
            f"Imported “{result.article.display_title}”: {result.claims_added} claims proposed.", 8000
        )
        if result.no_text_reason is not None:
            article_id = result.article.id
            self.message_bar.show_choice(
                f"This page has no article text ({result.no_text_reason}). "
                "Keep it in the session, or discard it?",
                "It may be an index or a front page: open the article's own page, or paste its text.",
                [("Keep", lambda: None), ("Discard", lambda: self.discard_article(article_id))],
            )

    def _import_failed(self: MainWindow, error: WorkbenchError) -> None:
        self.report(error)

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
        reviewed = f" with its {removed.reviewed_count} reviewed claims" if removed.reviewed_count else ""
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
