"""Colleagues' changes, shown as they are committed: the window's side of ``services.changes_feed``.

A single-shot timer starts one background job at a time that asks the feed
for changes: on PostgreSQL the job waits up to a second for a NOTIFY, so
changes show at once; on SQLite it reads the change log's counter once a
second. The GUI thread never touches the database here: every read (the
feed, the changed claims, the session's articles) is a job on the shared
pool, and what it found is applied in the GUI thread:

- a changed claim's row, highlight and editor are replaced in place (the
  same path an undo takes, ``MainWindow.claim_changed``);
- a claim the reviewer is typing in is left as it is, with a "changed by"
  notice: their text is kept, and saving it meets the colleague's version
  as a conflict;
- claims that came or went: the article's list is read again;
- articles that came or went, or were re-checked: the session's articles are
  read again, and a re-checked article shown is reloaded with its claims
  re-anchored on the new text.

A failure to reach the database is not reported here (the window's own
edits report it); the feed tries again a little later and catches up from
the log.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from workbench.domain.errors import WorkbenchError
from workbench.domain.records import ArticleRecord, ClaimRecord, HistoryRecord
from workbench.gui.workers import JobRunner
from workbench.services import articles_read
from workbench.services.changes_feed import Change, ChangeFeed, claims_now
from workbench.services.database import Database

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

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
        self._feed: ChangeFeed | None = None
        self._db: Database | None = None
        self._closed = False
        self.watching = False  # a feed has answered: changes committed from now on will show
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._ask)
        self._timer.start(0)

    # --- the watch --------------------------------------------------------
    def _ask(self) -> None:
        if self._closed or self.feeds.running:
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
                    feed = ChangeFeed(db)
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
        self.feeds.shutdown()
        self.reads.shutdown()
        self._drop_feed()  # one a job still holds is closed by the job when it sees the cancel

    # --- showing what changed --------------------------------------------
    def apply(self, changes: list[Change]) -> None:
        w = self.window
        ours = [c for c in changes if c.touches(w.session_id)]
        if not ours or w.db is None:
            return
        shown = w.article.id if w.article is not None else None
        texts = set().union(*(c.text_article_ids for c in ours))
        if any(c.articles_changed for c in ours) or texts:
            self._read_articles(reanchor=shown in texts)
            if shown in texts:
                return  # the article is read again with all its claims
        lists = set().union(*(c.claim_article_ids for c in ours))
        removed = set().union(*(c.removed_claim_ids for c in ours))
        model = w.claims_panel.model
        rows = {i for c in ours for i in c.claim_ids if model.row_of(i) is not None}
        if shown in lists or any(model.row_of(i) is not None for i in removed) or len(rows) > ROWS_AT_MOST:
            w.reload_claims()
            return
        by = {i: c.by for c in ours for i in c.claim_ids}
        if rows:
            self._read_claims(rows, by)
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
        db = self.window.db
        assert db is not None
        self.reads.start(lambda _c, _p: claims_now(db, claim_ids), "reading colleagues' changes",
                         on_success=lambda claims: self._show_claims(claims, by), on_error=self._failed_read)

    def _show_claims(self, claims: list[ClaimRecord], by: dict[int, str]) -> None:
        w = self.window
        model = w.claims_panel.model
        for claim in claims:
            shown = model.claim_by_id(claim.id)
            if shown is None or shown == claim:
                continue  # not in the list, or it shows this already (the window's own edit)
            if claim.id == w.claims_panel.current_id() and w.editor.typing:
                self._notice(claim, by.get(claim.id, ""))
                continue
            w.claim_changed(claim, claim.id)

    def _notice(self, claim: ClaimRecord, by: str) -> None:
        who = by or "a colleague"
        self.window.message_bar.show_info(
            f"This claim was changed by {who} while you were typing.",
            "Your text is kept. When it is saved, any field you both changed is shown with both values to choose from.",
        )

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
