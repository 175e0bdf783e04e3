"""The current claim's sources and history, read off the GUI thread.

Selecting a claim (J, K, a click) shows its fields at once from the claims
list the window already holds; its evidence, history and the session's
sources are read by a background job once the reviewer pauses on it, so
holding J never waits on the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from workbench.domain.errors import WorkbenchError
from workbench.gui.deferred import deferred
from workbench.gui.workers import JobRunner

if TYPE_CHECKING:
    from workbench.domain.records import SourceRecord
    from workbench.gui.main_window import MainWindow
    from workbench.services.claim_ledger import ClaimLedger
    from workbench.services.claims_read import ClaimDetails as Details

claim_ledger = deferred("workbench.services.claim_ledger")

PAUSE_MS = 60  # J held down repeats every ~33 ms: read once the reviewer stops


class ClaimDetails(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.jobs = JobRunner(self)  # quiet: not shown in the window's progress row
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self._load)
        self._wanted: int | None = None
        self._known: tuple[int, Details] | None = None
        self._sources: list[SourceRecord] = []

    def known(self, claim_id: int | None) -> Details:
        """What was last read for this claim (nothing yet: no sources, no history)."""
        if claim_id is not None and self._known is not None and self._known[0] == claim_id:
            return self._known[1]
        return [], [], self._sources

    def request(self, claim_id: int | None) -> None:
        self._wanted = claim_id
        if claim_id is None:
            self._timer.stop()
        else:
            self._timer.start()

    @property
    def settled(self) -> bool:
        """The editor shows what was read for the current claim, and nothing is being read."""
        current = self.window.claims_panel.current_id()
        return (not self._timer.isActive() and not self.jobs.running
                and (current is None or (self._known is not None and self._known[0] == current)))

    def forget(self) -> None:
        """Another session or database: nothing read before applies."""
        self._known, self._sources, self._wanted = None, [], None
        self._timer.stop()

    def _load(self) -> None:
        claim_id, db, session_id = self._wanted, self.window.db, self.window.session_id
        if claim_id is None or db is None:
            return

        minimum = self.window.scale.min_independent_sources
        # The ledger (archives, flags, where the verdict stands) with the rest: one read, one refresh.
        self.jobs.start(lambda _cancel, _progress: claim_ledger.details_and_ledger(db, claim_id, session_id, minimum),
                        "reading the claim's sources",
                        on_success=lambda found: self._loaded(claim_id, *found), on_error=self._failed)

    def _loaded(self, claim_id: int, details: Details, ledger: ClaimLedger) -> None:
        w = self.window
        self._known, self._sources = (claim_id, details), details[2]
        if claim_id != w.claims_panel.current_id() or w.db is None:
            return  # the reviewer has moved on
        claim = w.claims_panel.model.claim_by_id(claim_id)
        if claim is not None:
            w.editor.set_claim(claim, w.scale, *details)
            w.ledger.ledger_read(claim_id, ledger)
            w.live.check_fresh(claim_id, details[1])

    def _failed(self, error: WorkbenchError) -> None:
        self.window.report(error)

    def close(self) -> None:
        self._timer.stop()
        self.jobs.abandon()  # reads only: nothing is lost by not waiting
