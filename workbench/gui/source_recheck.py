"""Article > Re-check Sources: every source of the session fetched again, in the background.

Each source's new copy is kept beside the earlier ones (``services.source_watch``);
a claim whose source changed or lost its quoted passage is flagged, as a
re-checked article's claims are ("⚑ Source changed" in the list, Confirm in
the Sources tab). The window reads the list again when the job is done and
says what was found; sources that could not be fetched are named in the
message bar, and the others are kept all the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.domain.errors import WorkbenchError
from workbench.gui.deferred import deferred

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow
    from workbench.services.source_watch import SourceCheck

source_watch = deferred("workbench.services.source_watch")

NAMED_AT_MOST = 3  # failed sources named in the message; the rest are counted


class SourceRecheck(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_results: list[SourceCheck] = []

    def recheck_sources(self) -> None:
        w = self.window
        if w.db is None or w.session_id is None:
            w.message_bar.show_info("Open a session to re-check its sources.")
            return
        w.editor.commit_pending()
        db, session_id, by = w.db, w.session_id, w.reviewer
        w.message_bar.dismiss()
        w.start_progress("Re-checking the sources…")
        w.jobs.start(
            lambda cancel, progress: source_watch.recheck_sources(db, session_id, by=by, cancel=cancel,
                                                                  progress=progress),
            "re-checking the sources", on_success=lambda results: self._rechecked(session_id, results),
            on_error=w.report, on_progress=w.show_progress,
        )

    def _rechecked(self, session_id: int, results: list[SourceCheck]) -> None:
        w = self.window
        self.last_results = list(results)
        if w.closed or w.session_id != session_id:
            return
        changed = [r for r in results if r.status == "changed"]
        failed = [r for r in results if r.status == "failed"]
        lost = sum(1 for r in results for c in r.citations if c.passage_found is False)
        w.reload_claims(w.claims_panel.current_id())  # the flags, on the rows of the article shown
        current = w.claims_panel.current_id()
        if current is not None:
            w.details.request(current)  # the Sources tab's findings for the claim shown
        summary = (f"Re-checked {len(results)} source(s): {len(changed)} changed, {len(failed)} failed, "
                   f"{lost} quoted passage(s) no longer found.")
        w.statusBar().showMessage(summary, 15000)
        if failed:
            named = "; ".join(f"{r.url}: {r.error or 'unknown error'}" for r in failed[:NAMED_AT_MOST])
            more = f" and {len(failed) - NAMED_AT_MOST} more" if len(failed) > NAMED_AT_MOST else ""
            w.report(WorkbenchError(
                f"{len(failed)} source(s) could not be fetched again: {named}{more}.",
                "Their archived copies are kept; the others were re-checked. Try again later.",
            ))
        elif not changed and not lost:
            w.message_bar.show_info(summary, "Every source reads as it did when it was archived.")
        else:
            w.message_bar.show_info(summary, "The claims they back are flagged “Source changed”: "
                                    "open the Sources tab to read the new copy and confirm each.")
