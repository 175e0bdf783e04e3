"""The workbench window: the article beside its claims, an editor, and the session around them."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QPaintEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QMainWindow,
)

from workbench.domain.errors import ConflictError, WorkbenchError
from workbench.domain.scales import Scale, get_scale
from workbench.gui import actions as window_actions
from workbench.gui import claim_rows, focus, undo, window_geometry, window_layout
from workbench.gui.claim_details import ClaimDetails
from workbench.gui.collector_pause import freeze_start_up
from workbench.gui.conflict_control import ConflictControl
from workbench.gui.deferred import deferred
from workbench.gui.edit_writer import EditWriter
from workbench.gui.error_route import ErrorRoute, unexpected
from workbench.gui.import_control import ImportControl
from workbench.gui.live_updates import LiveUpdates
from workbench.gui.memory_control import MemoryControl
from workbench.gui.outage_control import OutageControl
from workbench.gui.recheck_control import RecheckControl, placed_in_current_text, session_badges
from workbench.gui.review_control import ReviewControl
from workbench.gui.session_control import SessionControl
from workbench.gui.source_recheck import SourceRecheck
from workbench.gui.thread_switching import switch_often
from workbench.gui.workers import JobRunner

if TYPE_CHECKING:
    from workbench.domain.records import ArticleRecord, ClaimRecord
    from workbench.services.articles_read import RemovedArticle
    from workbench.services.database import Database

article_service = deferred("workbench.services.articles_read")
claims_read = deferred("workbench.services.claims_read")
warm_up = deferred("workbench.services.warm_up")

log = logging.getLogger(__name__)

FIRST_PAINT_WAIT_MS = 500  # work put off until the first paint starts after this at the latest


# How long a closing window gives its abandoned jobs, all together, to leave their threads.
JOBS_END_WAIT_MS = 300


class MainWindow(QMainWindow):
    def __init__(
        self,
        db_location: str | None = None,
        *,
        settings: QSettings | None = None,
        first_run_demo: bool = False,
        open_in_background: bool = False,
        reviewer: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        # A name picked on this machine; on PostgreSQL the role's display name wins (open_db).
        self.chosen_reviewer = reviewer or str(self.settings.value("reviewer", "") or "") or None
        self.reviewer = self.chosen_reviewer or _user_name()
        self.db: Database | None = None
        self.session_id: int | None = None
        self.session_title = ""
        self.scale: Scale = get_scale("default")
        self.articles: list[ArticleRecord] = []
        self.article: ArticleRecord | None = None
        self.undo_stack = QUndoStack(self)
        self.jobs = JobRunner(self)
        self.setWindowTitle("Fact-Check Workbench")
        self.setAcceptDrops(True)
        # Controllers the window composes; the widgets built next connect to them.
        self.sessions = SessionControl(self)
        self.imports = ImportControl(self)
        window_layout.build(self)
        # From here on, an error no code caught is shown in the message bar (error_route.py).
        self.error_route = ErrorRoute(self.show_uncaught, self)
        self.error_route.install()
        self.recheck = RecheckControl(self)
        self.source_recheck = SourceRecheck(self)  # Article > Re-check Sources (source_recheck.py)
        self.memory = MemoryControl(self)
        self.details = ClaimDetails(self)
        self.review = ReviewControl(self)  # review states, assignments, who you are
        self.conflicts = ConflictControl(self)
        self.outage = OutageControl(self)  # edits the server could not take wait there
        self.writes = EditWriter(self)  # edits are stored in the background, in order (undo._Command)
        self.claim_reader = JobRunner(self)  # quiet: a list read is too short for a progress row
        self.article_reader = JobRunner(self)  # quiet: the session's articles and their badges
        self._articles_wanted = 0  # the newest article list asked for (an older one arriving late is dropped)
        self.state_saver = JobRunner(self)  # quiet: where the reviewer is, saved after each pause
        self.warm_up_jobs = JobRunner(self)  # quiet: the evidence finder loaded once the window is up
        # quiet: the one read or write a reviewer's action waits on, off the GUI thread (JobRunner.call)
        self.background = JobRunner(self)
        switch_often()  # background jobs must not starve the window's repaints (see thread_switching)
        self._warming_up = False
        self._painted = False  # the first paint starts the work put off until then (after_first_paint)
        self._on_first_paint: list[Callable[[], None]] = []
        self._claims_wanted = self._claims_shown = 0
        self.closed = False
        self.live = LiveUpdates(self)  # colleagues' changes, shown as they are committed
        self.actions_by_name = window_actions.build_actions(self)
        window_actions.build_menus(self, self.actions_by_name)
        self.sessions.restore_appearance()
        self.reader.context_actions = [
            self.actions_by_name["add_claim"], None, self.actions_by_name["find"],
            self.actions_by_name["zoom_in"], self.actions_by_name["zoom_out"],
        ]
        window_geometry.restore(self)
        self.focus_rules = focus.install(self)  # where the keyboard focus goes (focus.py)
        # The application's start opens the database after the window is shown (session_control.start).
        self.sessions.start(db_location, first_run_demo, in_background=open_in_background)

    # The progress row's two doors, for the window's own jobs and its controllers' alike.
    def start_progress(self, message: str) -> None:
        self.progress_row.start(message)

    def show_progress(self, fraction: float, message: str) -> None:
        self.progress_row.show_progress(fraction, message)

    # --- articles ---------------------------------------------------------
    def show_article(self, article_id: int | None, select: int | None = None, scroll: int | None = None) -> None:
        changed = self.article is None or self.article.id != article_id
        self.article = next((a for a in self.articles if a.id == article_id), None)
        self.article_switcher.setCurrentIndex(max(0, self.article_switcher.findData(article_id)))
        self.reader.show_article(self.article)
        if changed:  # the last article's claims must not linger while this one's are read
            self.claims_panel.set_claims([], None)
        self.reload_claims(select)
        if scroll is not None:
            # Once the whole text is in, and layout has settled after the event loop runs once.
            self.reader.when_ready(lambda: QTimer.singleShot(0, lambda: self.reader.verticalScrollBar().setValue(scroll)))
        self.sessions.schedule_state_save()

    def reload_articles(self, articles: list[ArticleRecord] | None = None,
                        badges: dict[int, str] | None = None, then: Callable[[], None] | None = None) -> None:
        """The session's articles and their badges: as given, or what is not given read in the
        background (the articles given are shown meanwhile); ``then`` runs once they are shown."""
        self.details.forget()
        self._articles_wanted += 1
        db, session_id, wanted = self.db, self.session_id, self._articles_wanted
        if db is None or session_id is None or (articles is not None and badges is not None):
            self._fill_articles(articles or [], badges or {})
            if then is not None:
                then()
            return
        if articles is not None:
            self._fill_articles(articles, {})

        def read(_cancel: object, _progress: object) -> tuple[list[ArticleRecord], dict[int, str]]:
            listed = articles if articles is not None else article_service.list_articles(db, session_id)
            return listed, session_badges(db, session_id)

        def arrived(found: tuple[list[ArticleRecord], dict[int, str]]) -> None:
            if wanted == self._articles_wanted and db is self.db and session_id == self.session_id:
                self._fill_articles(*found)
                if then is not None:
                    then()

        self.article_reader.start(read, "reading the session's articles", on_success=arrived, on_error=self.report)

    def _fill_articles(self, articles: list[ArticleRecord], badges: dict[int, str]) -> None:
        self.articles = articles
        self.article_switcher.clear()
        for article in self.articles:
            self.article_switcher.addItem(article.display_title[:80] + badges.get(article.id, ""), article.id)
        self.article_switcher.setEnabled(len(self.articles) > 1 or bool(badges))
        if self.article is not None:
            self.article_switcher.setCurrentIndex(max(0, self.article_switcher.findData(self.article.id)))

    def article_chosen(self, index: int) -> None:
        self.editor.commit_pending()
        self.show_article(self.article_switcher.itemData(index))

    # --- claims -----------------------------------------------------------
    def reload_claims(self, select: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the article's claims in the background and show them (20,000 take about a second)."""
        self._claims_wanted += 1
        generation, article, db = self._claims_wanted, self.article, self.db
        if article is None or db is None:
            self._show_claims(generation, [], select, then)
            return
        self.claim_reader.start(
            lambda _cancel, _progress: claims_read.claims_of_article(db, article.id),
            "reading the article's claims",
            on_success=lambda claims: self._show_claims(generation, claims, select, then),
            on_error=self.report,
        )

    @property
    def claims_settled(self) -> bool:
        """The list and the highlights show the claims last asked for, and no article list is
        on its way (one may change the article shown)."""
        return self._claims_shown == self._claims_wanted and not self.article_reader.running

    def _show_claims(self, generation: int, claims: list[ClaimRecord], select: int | None,
                     then: Callable[[], None] | None = None) -> None:
        if generation != self._claims_wanted:
            return  # a newer reload is on its way
        claims = self.live.held.kept_in(claims)  # a colleague's version of the claim being typed in asks first
        self.reader.set_claims(placed_in_current_text(claims), self._colours(claims))
        # The list follows in an event of its own: with 20,000 claims each half
        # takes about a tenth of a second, and the window answers in between.
        QTimer.singleShot(0, lambda: self._show_claims_in_list(generation, claims, select, then))

    def _show_claims_in_list(self, generation: int, claims: list[ClaimRecord], select: int | None,
                             then: Callable[[], None] | None) -> None:
        if generation != self._claims_wanted or self.closed:
            return
        self._claims_shown = generation
        if select is None and any(c.id == self.claims_panel.current_id() for c in claims):
            select = self.claims_panel.current_id()  # chosen while the list was read: keep it
        self.claims_panel.set_claims(claims, select)
        # The "checked before" markers can wait a turn of the event loop.
        QTimer.singleShot(0, lambda: self.memory.claims_loaded(claims)
                          if generation == self._claims_shown and not self.closed else None)
        self.ledger.claims_loaded()
        if select is None:
            self.claim_chosen(None)
        if then is not None:
            then()

    def _colours(self, claims: list[ClaimRecord]) -> dict[int, str]:
        return {c.id: self.claims_panel.model.colour_of(c) for c in claims}

    def current_claim(self) -> ClaimRecord | None:
        claim_id = self.claims_panel.current_id()
        model = self.claims_panel.model
        row = model.row_of(claim_id) if claim_id is not None else None
        return model.claim(row) if row is not None else None

    def select_claim(self, claim_id: int | None) -> None:
        self.claims_panel.select(claim_id)

    def claim_chosen(self, claim_id: int | None) -> None:
        # No query here: J held down selects ~30 claims a second. The fields
        # come from the list in hand; sources and history follow in the background.
        claim = self.claims_panel.model.claim_by_id(claim_id)
        self.show_claim(claim)

    def show_claim(self, claim: ClaimRecord | None) -> None:
        """The claim in the reader and the editor, its sources and prior checks read in the background
        (also after a change the editor must show, such as a source's new title)."""
        self.reader.select_claim(claim.id if claim else None)
        self.editor.set_claim(claim, self.scale, *self.details.known(claim.id if claim else None))
        self.details.request(claim.id if claim else None)
        self.memory.claim_selected(claim)
        self.sessions.schedule_state_save()

    # Editor protocol for undo commands (article_commands.ArticleHost too)
    def article_removed(self, removed: RemovedArticle) -> None:
        self.imports.article_removed(removed)

    def article_restored(self, article_id: int) -> None:
        self.imports.article_restored(article_id)

    def known_version(self, claim_id: int) -> int | None:
        row = self.claims_panel.model.row_of(claim_id)
        return self.claims_panel.model.claim(row).version if row is not None else None

    # Rows changed, came or went after an edit: those rows alone (claim_rows.py).
    def claim_changed(self, claim: ClaimRecord | None, claim_id: int) -> None:
        claim_rows.show_changed(self, self.writes.overlaid(claim), claim_id)  # with edits on their way on top

    def claims_added(self, claims: Iterable[ClaimRecord], select: int | None) -> None:
        claim_rows.show_added(self, claims, select)

    def claims_removed(self, claim_ids: Iterable[int], select: int | None) -> None:
        claim_rows.show_removed(self, claim_ids, select)

    def claims_reloaded(self, select: int | None) -> None:
        claim = None
        if select is not None and self.db is not None:
            try:
                claim = claims_read.get_claim(self.db, select)
            except WorkbenchError:
                pass  # gone: the list read below drops it
        self.claim_read_again(select, claim)

    def claim_read_again(self, select: int | None, claim: ClaimRecord | None) -> None:
        """``claims_reloaded`` with ``select``'s claim as just read (None: gone, or not read)."""
        if claim is not None and self.claims_panel.model.row_of(claim.id) is not None:
            # The list is read again in the background; the edited claim's row
            # (its version above all) is right at once, so the next edit made
            # before the list arrives is not taken for a colleague's conflict.
            self.claims_panel.model.replace_claim(claim)
        elif claim is not None and any(a.id == claim.article_id for a in self.articles):
            self.show_article(claim.article_id, select)  # the claim is on another article of the session: go there
            return
        self.reload_claims(select)

    def report(self, error: WorkbenchError) -> None:
        if isinstance(error, ConflictError):
            self.conflicts.show(error)
            return
        if self.outage.covers(error):
            return
        log.info("shown to the user: %s", error)
        self.message_bar.show_error(error)

    def show_uncaught(self, error: BaseException) -> None:
        """Where the central error route ends: a user's trouble as it is, a bug as one."""
        self.report(error if isinstance(error, WorkbenchError) else unexpected(error))

    def push(self, command: undo._Command) -> None:
        self.undo_stack.push(command)

    # --- edits --------------------------------------------------------------
    def change_claim(self, claim_id: int, changes: dict[str, Any]) -> None:
        row = self.claims_panel.model.row_of(claim_id)
        if row is None:
            return
        claim = self.claims_panel.model.claim(row)
        name = ", ".join(changes)
        self.push(undo.UpdateClaim(self, claim, changes, f"Edit {name}"))

    def set_verdict_digit(self, digit: int) -> None:
        claim = self.current_claim()
        level = self.scale.by_digit(digit)
        if claim is None or level is None:
            return
        if self.scale.level(claim.verdict).key != level.key:
            self.push(undo.UpdateClaim(self, claim, {"verdict": level.key}, f"Verdict: {level.label}"))

    def set_status(self, status: str) -> None:
        claim = self.current_claim()
        if claim is not None and claim.status != status:
            self.push(undo.UpdateClaim(self, claim, {"status": status}, status.capitalize()))

    def delete_claim(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        self.push(undo.DeleteClaim(self, claim, self.claims_panel.proxy.neighbour(claim.id)))

    def add_selection_as_claim(self) -> None:
        span = self.reader.selected_span()
        if self.article is None or span is None:
            self.message_bar.show_info(
                "Select the words of the claim in the article first.",
                "Then press Ctrl+K (or Insert), or right-click and choose Add Selection as Claim.",
            )
            return
        # Imported here: the records are not needed to show the window.
        from workbench.domain.records import ClaimDraft

        start, end = span
        kind = _guess_kind(self.article.text, start, end)
        self.push(undo.AddClaim(self, self.article.id, ClaimDraft(kind=kind, start=start, end=end)))

    def attach_link(self, claim_id: int, url: str, title: str, publisher: str) -> None:
        if self.session_id is None:
            return
        # Once stored, the source is archived in the background (ledger_control): its page gives the title.
        self.push(undo.AttachSource(self, self.session_id, claim_id, url, title=title, publisher=publisher))

    # Files and links dropped on the window are imported.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt name)
        self.imports.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt name)
        self.imports.import_drop(event)

    # --- view ---------------------------------------------------------------
    def zoom(self, step: int | None) -> None:
        self.reader.set_zoom(0 if step is None else self.reader.zoom + step)
        self.settings.setValue("reader/zoom", self.reader.zoom)

    def show_find(self) -> None:
        self.find_bar.open()

    def focus_address_bar(self) -> None:
        self.address_bar.setFocus()
        self.address_bar.selectAll()

    def after_first_paint(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the window has been painted for the first time (at once if it has)."""
        if self._painted:
            action()
            return
        self._on_first_paint.append(action)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._first_paint_done)  # a window never painted (hidden) too

    def _first_paint_done(self) -> None:
        self._painted = True
        waiting, self._on_first_paint = self._on_first_paint, []
        for action in waiting:
            QTimer.singleShot(0, action)  # after this paint has reached the screen

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self._painted:
            self._first_paint_done()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._warming_up:
            self._warming_up = True
            # After the first paint: started at the show, its imports held the interpreter lock while the window painted.
            self.after_first_paint(self._warm_up)

    def _warm_up(self) -> None:
        """Load what the first search or link needs; then freeze what lives as long as the process."""
        if self.sessions.opening.running:  # the database and the session first: they fill the window
            QTimer.singleShot(100, self._warm_up)
            return
        self.warm_up_jobs.start(
            lambda _cancel, _progress: warm_up.load_later_modules(), "loading the evidence finder",
            on_success=lambda _none: freeze_start_up(),  # see collector_pause
            on_error=lambda error: log.warning("loading the evidence finder in the background failed: %s", error),
        )

    # --- closing ------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.closed = True  # deferred work (a timer's lambda) must not start jobs now
        self.editor.commit_pending()
        self.writes.close()  # edits on their way: stored, or kept by the outage queue
        self.outage.close()
        self.state_saver.shutdown()  # an older state saved in the background must not land after this one
        self.warm_up_jobs.abandon()  # an import cannot be stopped; it finishes on its own
        self.sessions.close()  # a database opened after this is closed by its job
        self.sessions.save_ui_state()
        window_geometry.save(self)
        # Quit is at once: jobs are abandoned (their late signals dropped) and
        # given a moment; a fetch ends at once, others at their next cancel check.
        self.jobs.abandon()
        self.recheck.close()
        self.memory.close()
        self.details.close()
        self.ledger.close()
        self.review.close()
        self.live.close()
        self.claim_reader.abandon()
        self.background.abandon()
        self.article_reader.abandon()
        # Every job was abandoned above; their threads get one moment in all to end.
        JobRunner.wait_for_every(JOBS_END_WAIT_MS)
        if self.db is not None:
            self.db.close()
        self.error_route.remove()
        super().closeEvent(event)


def _guess_kind(text: str, start: int, end: int) -> str:
    from workbench.services.reading import guess_claim_kind

    return guess_claim_kind(text, start, end)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): a neutral default
        return "reviewer"
