"""Colleagues' changes, shown as they are committed: the window's side of ``services.changes_feed``.

A single-shot timer starts one background job at a time that asks the feed
for changes: on PostgreSQL the job waits up to a second for a NOTIFY, so
changes show at once; on SQLite it reads the change log's counter once a
second. The GUI thread never touches the database here: every read (the
feed, the changed claims, the session's articles) is a job on the shared
pool, and what it found is applied in the GUI thread:

- a changed claim's row, highlight and editor are replaced in place (the
  same path an undo takes, ``MainWindow.claim_changed``);
- claims that came or went on the article shown are read alone (the changed
  claims, through ``claims_now``) and their rows inserted or removed
  (``claims_added`` / ``claims_removed``): the list keeps its scroll, filters,
  current claim and selection; a deleted claim is a tombstone, found by not
  being read back;
- a claim the reviewer is typing in is not replaced: the editor asks first
  ("Changed by X just now", ``changed_notice``), the typed text is kept, and
  saving it meets the colleague's version as a conflict;
- only when the log says "many claims", or the rows are too many to read
  alone, is the article's list read again (the claim being typed in is kept
  there too);
- articles that came or went, or were re-checked: the session's articles are
  read again, and a re-checked article shown is reloaded with its claims
  re-anchored on the new text;
- a new display name, or a claim assigned to a name the assignee box does
  not offer: the team is read again.

A failure to reach the database is not reported here (the window's own
edits report it); the feed tries again a little later and catches up from
the log.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from workbench.domain.errors import WorkbenchError
from workbench.gui.changed_notice import HeldChanges
from workbench.gui.deferred import deferred
from workbench.gui.workers import JobRunner

if TYPE_CHECKING:
    from workbench.domain.records import ArticleRecord, ClaimRecord, HistoryRecord
    from workbench.gui.main_window import MainWindow
    from workbench.services.changes_feed import Change, ChangeFeed
    from workbench.services.database import Database

articles_read = deferred("workbench.services.articles_read")
changes_feed = deferred("workbench.services.changes_feed")

log = logging.getLogger(__name__)

POLL_MS = 1000  # SQLite: how often the change log is looked at
LISTEN_SECONDS = 1.0  # PostgreSQL: how long one job waits for a NOTIFY (a stop is noticed this fast)
RETRY_MS = 5000  # after the database could not be reached
# More changed claims than this on the article shown: read its list again rather than row by row.
ROWS_AT_MOST = 50
# Fields whose last history row must match the claim's row (else the row is stale).
FIELDS_SHOWN = ("verdict", "rationale", "wording", "status", "kind", "unit", "speaker", "tags", "review_state")


class LiveUpdates(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.feeds = JobRunner(self)  # quiet: no progress row for a background watch
        self.reads = JobRunner(self)
        self.held = HeldChanges(window)  # colleagues' versions of the claim being typed in (changed_notice)
        self._feed: ChangeFeed | None = None
        self._db: Database | None = None
        self._closed = False
        self.watching = False  # a feed has answered: changes committed from now on will show
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._ask)
        self._timer.start(0)

    # --- the watch --------------------------------------------------------
    def _ask(self) -> None:
        if self._closed:
            return
        if self.feeds.running:  # the watch under way asks again when it answers
            return
        db = self.window.db
        if db is not self._db:  # another database was opened: a feed of its own, from now on
            self._drop_feed()
            self._db = db
        if db is None:
            self._timer.start(POLL_MS)
            return
        # The job owns the feed while it runs (it is closed there if the window goes
        # meanwhile) and hands it back with what it found.
        feed, self._feed = self._feed, None

        def job(cancel, _progress):  # noqa: ANN001, ANN202 (a worker job)
            nonlocal feed
            found: list[Change] = []
            trouble: WorkbenchError | None = None
            try:
                if feed is None:
                    feed = changes_feed.ChangeFeed(db)
                found = feed.wait(LISTEN_SECONDS if feed.listens else 0)
            except WorkbenchError as error:  # unreachable: the same feed catches up from the log later
                trouble = error
            except BaseException:
                if feed is not None:
                    feed.close()
                raise
            if cancel() and feed is not None:  # the window closed or moved on: nobody else will close it
                feed.close()
                return None, [], None
            return feed, found, trouble

        self.feeds.start(job, "watching for colleagues' changes", on_success=self._found, on_error=self._failed)

    def _found(self, result: tuple[ChangeFeed | None, list[Change], WorkbenchError | None]) -> None:
        feed, changes, trouble = result
        if feed is not None and (self._closed or self._db is not self.window.db):
            feed.close()
            feed = None
        self._feed = feed
        if self._closed:
            return
        if trouble is not None:
            self.watching = False
            self._failed(trouble)
            return
        self.watching = feed is not None
        if changes:
            self.apply(changes)
        self._timer.start(0 if feed is not None and feed.listens else POLL_MS)

    def _failed(self, error: WorkbenchError) -> None:
        # Not shown: the window's own edits report an unreachable database.
        log.info("colleagues' changes could not be read: %s", error)
        if not self._closed:
            self._timer.start(RETRY_MS)

    def _drop_feed(self) -> None:
        if self._feed is not None:
            self._feed.close()
            self._feed = None

    def close(self) -> None:
        self._closed = True
        self._timer.stop()
        self.feeds.abandon()
        self.reads.abandon()
        self._drop_feed()  # one a job still holds is closed by the job when it sees the cancel

    # --- showing what changed --------------------------------------------
    def apply(self, changes: list[Change]) -> None:
        w = self.window
        if w.db is not None and any(c.team_changed for c in changes):
            w.review.refresh_team()  # a colleague's new display name, offered in the assignee box
        ours = [c for c in changes if c.touches(w.session_id)]
        if not ours or w.db is None:
            return
        shown = w.article.id if w.article is not None else None
        texts = set().union(*(c.text_article_ids for c in ours))
        if any(c.articles_changed for c in ours) or texts:
            self._read_articles(reanchor=shown in texts)
            if shown in texts:
                return  # the article is read again with all its claims, re-anchored on its new text
        model = w.claims_panel.model
        if any(c.many_claims and shown in c.claim_article_ids for c in ours):
            w.reload_claims()  # too many to name: the list read again
            return
        # Rows shown that changed or went, and claims of the article shown not in
        # the list (logged, or brought back from a delete): those rows alone.
        gone = {i for c in ours for i in c.removed_claim_ids if model.row_of(i) is not None}
        rows = {i for c in ours for i in c.claim_ids if model.row_of(i) is not None} - gone
        came = {i for c in ours if shown in c.article_ids for i in c.claim_ids if model.row_of(i) is None}
        if len(rows | came | gone) > ROWS_AT_MOST:
            w.reload_claims()
            return
        by = {i: c.by for c in ours for i in c.claim_ids | c.removed_claim_ids}
        if gone:
            self._remove(gone, by)
        if rows or came:
            self._read_claims(rows | came, by)
        current = w.claims_panel.current_id()
        if current is not None and current not in rows and any(c.source_ids for c in ours):
            w.details.request(current)  # a source it cites may have a new title

    def reload(self) -> None:
        """The Reload command: the session's articles, the article shown and its claims, read again."""
        w = self.window
        w.editor.commit_pending()
        if w.db is None or w.session_id is None:
            return
        self._read_articles(reanchor=True)

    def _read_claims(self, claim_ids: set[int], by: dict[int, str]) -> None:
        db, article = self.window.db, self.window.article
        assert db is not None
        self.reads.start(lambda _c, _p: changes_feed.claims_now(db, claim_ids), "reading colleagues' changes",
                         on_success=lambda claims: self._show_claims(article, claim_ids, claims, by),
                         on_error=self._failed_read)

    def _show_claims(self, article: ArticleRecord | None, asked: set[int], claims: list[ClaimRecord],
                     by: dict[int, str]) -> None:
        """The claims read: rows replaced, inserted or (deleted since: not read) removed, each alone."""
        w = self.window
        if w.closed or w.article is None or article is None or w.article.id != article.id:
            return  # another article shown meanwhile: its list was read after these changes
        model = w.claims_panel.model
        found = {claim.id for claim in claims}
        gone = {i for i in asked - found if model.row_of(i) is not None}
        if gone:
            self._remove(gone, by)
        came = [c for c in claims if model.row_of(c.id) is None and c.article_id == article.id]
        if came:
            w.claims_added(came, None)  # inserted where the order puts them; the selection stays
        inserted = {c.id for c in came}
        for claim in claims:
            shown = model.claim_by_id(claim.id)
            if shown is None or claim.id in inserted or shown == claim or shown.version > claim.version:
                continue  # not in the list, shown already (the window's own edit), or an older read
            if not self.held.arrived(claim, by.get(claim.id, "")):  # the reviewer is typing in it: a notice
                w.claim_changed(claim, claim.id)
        if any(c.assignee and c.assignee not in {m.assignee for m in w.review.members} for c in claims):
            w.review.refresh_team()  # assigned to someone the assignee box does not offer yet

    def _remove(self, claim_ids: set[int], by: dict[int, str]) -> None:
        """Claims a colleague deleted: their rows go; the claim being typed in stays, with a notice."""
        w = self.window
        current = w.claims_panel.current_id()
        if current in claim_ids and self.held.editing(current):
            self.held.deleted(current, by.get(current, ""))
            claim_ids = claim_ids - {current}
        if claim_ids:
            w.claims_removed(claim_ids, None)

    def _read_articles(self, *, reanchor: bool) -> None:
        w = self.window
        db, session_id = w.db, w.session_id
        if db is None or session_id is None:
            return
        self.reads.start(lambda _c, _p: articles_read.list_articles(db, session_id), "reading the session's articles",
                         on_success=lambda articles: self._show_articles(session_id, articles, reanchor),
                         on_error=self._failed_read)

    def _show_articles(self, session_id: int, articles: list[ArticleRecord], reanchor: bool) -> None:
        w = self.window
        if w.session_id != session_id or w.closed:
            return
        shown = w.article.id if w.article is not None else None
        w.reload_articles(articles)
        if shown not in {a.id for a in articles}:  # removed by a colleague: show another
            w.show_article(articles[0].id if articles else None)
        elif reanchor:
            # The same id with its new text: shown afresh, its claims read again on it.
            w.show_article(shown, w.claims_panel.current_id(), w.reader.verticalScrollBar().value())

    def _failed_read(self, error: WorkbenchError) -> None:
        log.info("a colleague's change could not be read: %s", error)

    # --- a claim re-selected --------------------------------------------------
    def check_fresh(self, claim_id: int, history: list[HistoryRecord]) -> None:
        """The history just read ends on values the claim's row does not hold: read the row too.

        Re-selecting a claim reads its history; if a colleague's change has not
        reached the list yet, the list and the verdict box follow it.
        """
        claim = self.window.claims_panel.model.claim_by_id(claim_id)
        if claim is None:
            return
        latest = {row.field: row for row in history if row.field in FIELDS_SHOWN}
        stale = [row for name, row in latest.items() if getattr(claim, name, row.new) != row.new]
        if stale:
            self._read_claims({claim_id}, {claim_id: stale[-1].by})
