"""Edits made while the database server cannot be reached: queued, shown as unsaved, retried.

The undo stack's edits are stored by the background writer
(``edit_writer``). When the server does not answer, the writer hands the
edit here (``enqueue``): it joins the queue
(``services.pending_edits``) behind any already waiting, the command stores
nothing (so it leaves the undo stack), its values stay in the editor marked
unsaved, and the status bar counts what waits. Every few seconds a
background job asks the server whether it answers (the window never waits
on a connection timing out); when it does, the queue is stored in order,
what it stores is shown as any edit is, a queued edit a colleague overtook
raises the conflict view, and the "Cannot reach" message goes. While edits
wait, a new edit joins them without trying the server first.

What waits is also written to a file (``services.kept_edits``) each time
the queue changes: closing the window, or its ending, during an outage
loses nothing, and the next window on the same database stores them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from workbench.domain.errors import ConflictError, DatabaseUnreachableError, WorkbenchError
from workbench.gui.deferred import deferred
from workbench.gui.undo import show_changed_claims
from workbench.gui.workers import JobRunner

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow
    from workbench.services.changes import Done
    from workbench.services.edits import Operation
    from workbench.services.pending_edits import EditQueued, Flushed, PendingEdits

kept_edits = deferred("workbench.services.kept_edits")
edits = deferred("workbench.services.edits")
pending_edits = deferred("workbench.services.pending_edits")

RETRY_MS = 3000


class OutageControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._queue: PendingEdits | None = None  # made when first used: the services load after the window shows
        self.timer = QTimer(self, interval=RETRY_MS)
        self.timer.timeout.connect(self._ask_server)
        self.jobs = JobRunner(self)  # quiet: no progress row for a probe or a flush
        # While the queue is stored in the background, new edits wait here, then join it:
        # the flush takes edits off the queue's front, so nothing else touches the queue.
        self._flushing = False
        self._held: list[Operation] = []
        self._kept: Path | None = None  # where the queue of the open database is kept
        self.count = QLabel()
        self.count.setObjectName("unsavedCount")
        window.statusBar().addPermanentWidget(self.count)
        self.count.hide()
        self._cause: WorkbenchError | None = None

    @property
    def queue(self) -> PendingEdits:
        """The edits waiting for the server, in order."""
        if self._queue is None:
            self._queue = pending_edits.PendingEdits()
        return self._queue

    @queue.setter
    def queue(self, queue: PendingEdits) -> None:
        self._queue = queue

    @property
    def waiting(self) -> bool:
        """Edits wait for the server: a new one joins them without trying it."""
        return bool(len(self.queue) or self._held or self._flushing)

    def write(self, operation: Operation) -> Done:
        """Store an edit, or queue it behind the edits waiting for the server (raising ``EditQueued``).

        The window's edits come here only while edits wait (the writer,
        edit_writer.py, stores the others in the background and hands over,
        through ``enqueue``, those the server did not take).
        """
        w = self.window
        if w.db is None or not self.waiting:  # edits waiting: this one waits behind them
            try:
                done = edits.apply(w.db, operation, by=w.reviewer)  # type: ignore[arg-type]
            except DatabaseUnreachableError as error:
                self._cause = error
            else:
                self._reached()
                return done
        raise self.enqueue(operation)

    def enqueue(self, operation: Operation, cause: WorkbenchError | None = None) -> EditQueued:
        """Queue an edit the server could not take; returns the error that says so."""
        self._cause = cause or self._cause or WorkbenchError("The server could not be reached.")
        if self._flushing:
            self._held.append(operation)
        else:
            self.queue.add(operation)
        self._update()
        return pending_edits.EditQueued(self._cause, len(self.queue) + len(self._held))

    def _ask_server(self) -> None:
        """Whether the server answers, asked in the background; the queue is stored once it does."""
        db = self.window.db
        if db is None or not len(self.queue) or self.jobs.running or self._flushing:
            return
        self.jobs.start(
            lambda _cancel, _progress: db.check_reachable(), "asking the server whether it answers",
            on_success=lambda _none: self.retry() if self.window.db is db else None,
            on_error=self._still_down,
        )

    def _still_down(self, error: WorkbenchError) -> None:
        self._cause = error

    def retry(self) -> None:
        """Store what waits, in order, as far as the server lets us: in the background, so the
        window never waits on a server that answered the probe and then went quiet again."""
        w = self.window
        db = w.db
        if self._flushing or not len(self.queue) or db is None or self._conflict_shown():
            return
        self._flushing = True
        queue, by = self.queue, w.reviewer
        self.jobs.start(
            lambda _cancel, _progress: queue.flush(db, by=by), "storing the edits that waited for the server",
            on_success=lambda flushed: self._flushed(db, flushed),
            on_error=lambda error: self._flushed(db, pending_edits.Flushed(stopped_by=error)),
        )

    def _flushed(self, db: object, flushed: Flushed) -> None:
        w = self.window
        self._flushing = False
        if self._held:
            self.queue.stored_before(flushed.done)  # the held edits were made on top of these
        for operation in self._held:
            self.queue.add(operation)
        self._held = []
        if w.db is not db:
            return
        bar = w.message_bar
        for done in flushed.done:
            show_changed_claims(w, done, focus=None)
        if isinstance(flushed.stopped_by, DatabaseUnreachableError):
            self._cause = flushed.stopped_by
            if isinstance(bar.error, DatabaseUnreachableError) and bar.isVisible():
                bar.show_error(pending_edits.EditQueued(flushed.stopped_by, len(self.queue)))  # the count, up to date
            self._update()
            return
        self._reached()
        writes = getattr(w, "writes", None)
        if writes is not None:
            writes.reachable()  # edits made from here on try the server again
        if flushed.stopped_by is not None:
            w.report(flushed.stopped_by)  # a conflict (the rest wait for the answer), a claim deleted...
        self._update()
        if len(self.queue) and not self._conflict_shown():
            self.retry()  # edits made while it was storing, or behind a refused one

    def covers(self, error: WorkbenchError) -> bool:
        """An edit queued behind a conflict being answered: the count says so, the conflict stays in view."""
        return isinstance(error, pending_edits.EditQueued) and self._conflict_shown()

    def _conflict_shown(self) -> bool:
        bar = self.window.message_bar
        return isinstance(bar.error, ConflictError) and bar.isVisible()

    def reached(self) -> None:
        self._reached()

    def _reached(self) -> None:
        """The server took an edit: the "Cannot reach" message is out of date."""
        bar = self.window.message_bar
        if isinstance(bar.error, DatabaseUnreachableError):
            bar.dismiss()

    def _waiting_edits(self) -> PendingEdits:
        """Every edit that waits, in order: the queue (a copy: a flush may be taking from it) and those held."""
        edits = pending_edits.PendingEdits()
        for operation in self.queue.operations() + self._held:
            edits.add(operation)
        return edits

    def _update(self) -> None:
        everything = self._waiting_edits()
        waiting = len(everything)
        values = {claim_id: everything.values_for(claim_id) for claim_id in everything.claim_ids()}
        note = f"{pending_edits.waiting_text(waiting)}: the server cannot be reached; retrying every {RETRY_MS // 1000} s."
        self.window.editor.set_unsaved("queued", values, note)
        self.count.setText(f"{pending_edits.waiting_text(waiting)} — retrying")
        self.count.setVisible(bool(waiting))
        self._keep()
        if waiting and not self.timer.isActive():
            self.timer.start()
        elif not waiting:
            self.timer.stop()

    # --- kept across windows ----------------------------------------------
    def database_opened(self) -> None:
        """Take up the edits a window on this database could not store before it closed."""
        w = self.window
        self._kept = kept_edits.path_for(w.db, w.reviewer) if w.db is not None else None
        if self._kept is None:
            return
        try:
            kept = kept_edits.read(self._kept)
        except WorkbenchError as error:
            w.report(error)
            return
        if not kept:
            return
        for operation in kept:
            self.queue.add(operation)
        self._cause = self._cause or WorkbenchError("The server could not be reached when the window last closed.")
        self._update()
        w.message_bar.show_info(
            f"{pending_edits.waiting_text(len(kept))} when the window last closed: they are stored as soon as the server answers.",
            "Each is checked against what colleagues changed meanwhile, as any edit is.",
        )  # the timer asks the server: the first try comes after the session's list is read

    def set_aside(self) -> None:
        """Another database is opened: what waits for this one stays in its file, not in this queue."""
        self._keep()
        self.queue = pending_edits.PendingEdits()
        self._kept = None
        self.jobs.cancel_all()
        self._update()

    def _keep(self) -> None:
        if self._kept is None:
            return
        try:
            kept_edits.keep(self._kept, self._waiting_edits().operations(),
                            self.window.db.location if self.window.db else "")
        except (OSError, TypeError) as error:  # a full disk: the queue still waits in the window
            log.warning("could not keep the edits waiting for the server in %s: %s", self._kept, error)

    def close(self) -> None:
        """Closing the window: what waits is kept for the next window on this database.

        Not tried once more: while the server does not answer, a try would
        hold the closing window for as long as a connection takes to time out.
        """
        self.timer.stop()
        self.jobs.abandon()
        for operation in self._held:
            self.queue.add(operation)
        self._held = []
        if len(self.queue):
            log.warning("closed with %s; kept in %s", pending_edits.waiting_text(len(self.queue)), self._kept)
        self._keep()
