"""Edits made while the database server cannot be reached: queued, shown as unsaved, retried.

Every edit the undo stack applies goes through ``write``. While the server
answers, that is simply the edit. When it does not, the edit joins the queue
(``services.pending_edits``) behind any already waiting, the command stores
nothing (so it leaves the undo stack), its values stay in the editor marked
unsaved, and the status bar counts what waits. The queue is tried again
every few seconds and before the next edit; what it stores is shown as any
edit is, a queued edit a colleague overtook raises the conflict view, and
the "Cannot reach" message goes once the server takes edits again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from workbench.domain.errors import ConflictError, DatabaseUnreachableError, WorkbenchError
from workbench.gui.undo import show_changed_claims
from workbench.services.changes import Done
from workbench.services.edits import Operation, apply
from workbench.services.pending_edits import EditQueued, PendingEdits, waiting_text

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

RETRY_MS = 3000


class OutageControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.queue = PendingEdits()
        self.timer = QTimer(self, interval=RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self.count = QLabel()
        self.count.setObjectName("unsavedCount")
        window.statusBar().addPermanentWidget(self.count)
        self.count.hide()
        self._cause: WorkbenchError | None = None

    def write(self, operation: Operation) -> Done:
        """Store an edit, or queue it behind the edits waiting for the server (raising ``EditQueued``)."""
        w = self.window
        if len(self.queue):
            self.retry()
        if len(self.queue) == 0 or w.db is None:
            try:
                done = apply(w.db, operation, by=w.reviewer)  # type: ignore[arg-type]
            except DatabaseUnreachableError as error:
                self._cause = error
            else:
                self._reached()
                return done
        assert self._cause is not None
        self.queue.add(operation)
        self._update()
        raise EditQueued(self._cause, len(self.queue))

    def retry(self) -> None:
        """Store what waits, in order, as far as the server lets us."""
        w = self.window
        bar = w.message_bar
        while len(self.queue) and w.db is not None and not self._conflict_shown():
            flushed = self.queue.flush(w.db, by=w.reviewer)
            for done in flushed.done:
                show_changed_claims(w, done, focus=None)
            if isinstance(flushed.stopped_by, DatabaseUnreachableError):
                self._cause = flushed.stopped_by
                if isinstance(bar.error, DatabaseUnreachableError) and bar.isVisible():
                    bar.show_error(EditQueued(flushed.stopped_by, len(self.queue)))  # the count, up to date
                break
            self._reached()
            if flushed.stopped_by is not None:
                w.report(flushed.stopped_by)  # a conflict (the rest wait for the answer), a claim deleted...
        self._update()

    def covers(self, error: WorkbenchError) -> bool:
        """An edit queued behind a conflict being answered: the count says so, the conflict stays in view."""
        return isinstance(error, EditQueued) and self._conflict_shown()

    def _conflict_shown(self) -> bool:
        bar = self.window.message_bar
        return isinstance(bar.error, ConflictError) and bar.isVisible()

    def _reached(self) -> None:
        """The server took an edit: the "Cannot reach" message is out of date."""
        bar = self.window.message_bar
        if isinstance(bar.error, DatabaseUnreachableError):
            bar.dismiss()

    def _update(self) -> None:
        waiting = len(self.queue)
        values = {claim_id: self.queue.values_for(claim_id) for claim_id in self.queue.claim_ids()}
        note = f"{waiting_text(waiting)}: the server cannot be reached; retrying every {RETRY_MS // 1000} s."
        self.window.editor.set_unsaved("queued", values, note)
        self.count.setText(f"{waiting_text(waiting)} — retrying")
        self.count.setVisible(bool(waiting))
        if waiting and not self.timer.isActive():
            self.timer.start()
        elif not waiting:
            self.timer.stop()

    def close(self) -> None:
        """Closing the window: one last try, so what waits is stored if the server is back."""
        self.timer.stop()
        if len(self.queue) and self.window.db is not None:
            flushed = self.queue.flush(self.window.db, by=self.window.reviewer)
            if len(self.queue):
                log.warning("closed with %s (%s)", waiting_text(len(self.queue)), flushed.stopped_by)
