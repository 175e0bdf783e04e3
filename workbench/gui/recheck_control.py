"""Re-checking articles from the window: background jobs, the comparison view,
the badge on changed articles, and the reviewer's answer to flagged claims.

A ``changed`` or ``gone`` claim keeps its old offsets (and its verdict) until
the reviewer acts, so the reader shows a changed claim where the re-check
proposes it in the new text, and a gone claim not at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.domain.errors import WorkbenchError
from workbench.gui.deferred import deferred
from workbench.gui.workers import while_open

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.gui.compare_view import CompareView
    from workbench.gui.main_window import MainWindow
    from workbench.services.database import Database
    from workbench.services.recheck import Comparison

recheck = deferred("workbench.services.recheck")


class RecheckControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.compare_view: CompareView | None = None
        self.last_results: list[recheck.RecheckResult] = []

    # --- running ------------------------------------------------------------
    def recheck_article(self) -> None:
        w = self.window
        if w.db is None or w.article is None:
            w.message_bar.show_info("Open an article to re-check it.")
            return
        w.editor.commit_pending()
        self._run(recheck.recheck_article_job(w.db, w.article.id, by=w.reviewer), "article")

    def recheck_session(self) -> None:
        w = self.window
        if w.db is None or w.session_id is None or not w.articles:
            w.message_bar.show_info("Open a session with articles to re-check them.")
            return
        w.editor.commit_pending()
        self._run(recheck.recheck_session_job(w.db, w.session_id, by=w.reviewer), "session")

    def _run(self, job: recheck.RecheckJob, what: str) -> None:
        w = self.window
        w.message_bar.dismiss()
        w.start_progress(f"Re-checking the {what}…")
        w.jobs.start(job, f"re-checking the {what}", on_success=self._rechecked,
                     on_error=w.report, on_progress=w.show_progress)

    def _rechecked(self, results: list[recheck.RecheckResult]) -> None:
        w = self.window
        self.last_results = list(results)
        selected = w.claims_panel.current_id()
        w.reload_articles(then=lambda: w.show_article(w.article.id if w.article else None, selected))
        changed = [r for r in results if r.status == "changed"]
        failed = [r for r in results if r.status == "failed"]
        flagged = len({c.id for r in changed for c in r.claims if c.outcome in ("changed", "gone")})
        w.statusBar().showMessage(
            f"Re-checked {len(results)} article(s): {len(changed)} changed, {len(failed)} failed, "
            f"{flagged} claim(s) to review.", 15000,
        )
        for result in failed:
            title = next((a.display_title for a in w.articles if a.id == result.article_id), result.url)
            w.report(WorkbenchError(f"“{title}” could not be re-checked: {result.error or 'unknown error'}",
                                    "Its stored versions are untouched; try again later."))
        if not changed and not failed:
            w.message_bar.show_info("Nothing changed since the last check.")
        shown = w.article.id if w.article else None
        target = next((r.article_id for r in changed if r.article_id == shown), None)
        if target is None and changed:
            target = changed[0].article_id
        if target is not None:
            self.show_comparison(target)

    # --- comparison -----------------------------------------------------------
    def show_comparison(self, article_id: int | None = None) -> None:
        w = self.window
        article_id = article_id if article_id is not None else (w.article.id if w.article else None)
        if w.db is None or article_id is None:
            return
        db = w.db
        w.background.call(lambda: recheck.comparison(db, article_id), "reading what changed",
                          then=self._show_compared, on_error=w.report, still=while_open(w))

    def _show_compared(self, comparison: Comparison) -> None:
        w = self.window
        if self.compare_view is None:
            # imported with the first comparison shown, not at start-up
            from workbench.gui.compare_view import CompareView

            self.compare_view = CompareView()
            self.compare_view.setObjectName("compareWindow")
            self.compare_view.setWindowTitle("What changed — Fact-Check Workbench")
            self.compare_view.claim_selected.connect(w.select_claim)
            self.compare_view.resize(1100, 700)
        self.compare_view.show_comparison(comparison)
        self.compare_view.show()
        self.compare_view.raise_()

    def close(self) -> None:
        if self.compare_view is not None:
            self.compare_view.close()

    # --- badges and flagged claims -------------------------------------------
    def accept(self, claim_id: int) -> None:
        """Take the new text for a changed claim; a gone claim goes on the reader's selection."""
        w = self.window
        claim = next((c for c in w.claims_panel.model.claims if c.id == claim_id), None)
        if w.db is None or claim is None:
            return
        span = None
        if claim.anchor_outcome == "gone":
            span = w.reader.selected_span()
            if span is None:
                w.message_bar.show_info(
                    "This claim's words are gone from the new text.",
                    "Select where it is now in the article, then press Accept; or keep the old version.",
                )
                return
        start, end = span if span else (None, None)
        db, reviewer = w.db, w.reviewer
        self._decide(lambda: recheck.accept_reanchor(db, claim_id, reviewer, start=start, end=end), claim_id,
                     "accepting where the claim is now")

    def keep(self, claim_id: int) -> None:
        w = self.window
        if w.db is None:
            return
        db, reviewer = w.db, w.reviewer
        self._decide(lambda: recheck.dismiss_reanchor(db, claim_id, reviewer), claim_id, "keeping the claim as it was")

    def _decide(self, write: Callable[[], object], claim_id: int, name: str) -> None:
        """The reviewer's answer to a re-anchored claim, stored off the GUI thread; then the
        badges and the list show it."""
        w = self.window
        db = w.db

        def stored(_result: object) -> None:
            if w.db is db and not w.closed:
                w.reload_articles()
                w.reload_claims(claim_id)

        w.jobs.start(lambda _cancel, _progress: write(), name, on_success=stored, on_error=w.report)


def placed_in_current_text(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """Claims as the reader should highlight them in the article's newest text."""
    placed = []
    for claim in claims:
        detail = claim.anchor_detail or {}
        proposed = detail.get("start") is not None and detail.get("end") is not None
        if claim.anchor_outcome in ("changed", "kept") and proposed:
            claim = dataclasses.replace(claim, start=int(detail["start"]), end=int(detail["end"]))
        elif claim.anchor_outcome in ("gone", "kept"):
            continue  # its words are not in the newest text
        placed.append(claim)
    return placed


def session_badges(db: Database, session_id: int) -> dict[int, str]:
    """The switcher's badges of a session's articles (read in a start-up job too); none if unreadable."""
    try:
        summary = recheck.change_summary(db, session_id)
    except WorkbenchError:
        return {}
    badges = {}
    for article_id, s in summary.items():
        if s.flagged_claims:
            badges[article_id] = f"  ● {s.flagged_claims} to review"
        elif s.version_count > 1:
            badges[article_id] = f"  (v{s.version_count})"
    return badges
