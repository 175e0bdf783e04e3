"""Importing articles into the window: the address bar, files, pasted text, drag and drop.

A mixin for ``MainWindow``; the work runs as a background job from ``importer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from workbench.domain.errors import WorkbenchError
from workbench.gui import importer

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
        self.reload_articles()
        self.show_article(result.article.id)
        self.statusBar().showMessage(
            f"Imported “{result.article.display_title}”: {result.claims_added} claims proposed.", 8000
        )
        self.focus_rules.to_claims_list()  # the review keys work at once (focus.py, rule 2)

    def _import_failed(self: MainWindow, error: WorkbenchError) -> None:
        self.report(error)

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
