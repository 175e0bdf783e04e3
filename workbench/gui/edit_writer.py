"""Edits stored on one background thread, in the order made: the window never waits on a write.

An undo command (``undo._Command``) hands each of its steps (a redo or an
undo) to the window's ``EditWriter`` and returns at once. The writer runs
the steps one at a time on a single thread, so they reach the database in
the order the reviewer made them, and hands each result back to the GUI
thread: the command shows the stored records, or reports the failure (a
conflict, a value refused, the server gone: the outage queue takes it).

A field edit shows its value at once: the claim's row and the editor carry
it, marked as saving, until the stored record replaces it. A stored record
that arrives while later edits of the same claim are still on their way is
shown with their values on top, so the row never steps back.

Steps made in quick succession name the claim version the window showed,
which is older than what the earlier steps store. The writer therefore
remembers, for each claim, the versions its own writes superseded: a step
based on one of them is checked against the version its predecessor
stored, so a reviewer's own quick edits never conflict with each other,
while a colleague's change in between still does.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from workbench.domain.errors import ConflictError, DatabaseUnreachableError, WorkbenchError
from workbench.gui.deferred import deferred
from workbench.gui.recheck_control import placed_in_current_text
from workbench.gui.workers import Handle, JobRunner

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    from workbench.gui.main_window import MainWindow
    from workbench.gui.undo import _Command
    from workbench.services.changes import Done
    from workbench.services.database import Database
    from workbench.services.edits import Operation

claim_edits = deferred("workbench.services.claim_edits")
edits = deferred("workbench.services.edits")

log = logging.getLogger(__name__)

# Closing the window waits this long for edits on their way; the rest are kept for the next window.
CLOSE_WAIT_MS = 2000


@dataclass(eq=False)
class Steps:
    """What a command's next redo and undo apply, shared with the writer thread.

    The writer sets ``inverse`` (after a redo) and ``operation`` (after an
    undo) in its thread, before it takes the next step, so a step made while
    the one before it is on its way applies the inverse that one returns.
    """

    operation: Operation | None
    inverse: Operation | None = None
    failed: bool = False  # a step was refused: later steps of the command store nothing
    pending: int = 0  # steps on their way (counted in the GUI thread)
    merged: list[Steps] = field(default_factory=list)  # keystrokes merged into this step (UpdateClaim)

    @property
    def busy(self) -> bool:
        return bool(self.pending or any(m.pending for m in self.merged))

    def next_operation(self, undone: bool) -> Operation | None:
        return self.undo_operation() if undone else self.operation

    def undo_operation(self) -> Operation | None:
        """The inverse of the first keystrokes, checked against what the latest stored
        (a colleague's change since is a conflict)."""
        inverse = self.inverse
        latest = next((m.inverse for m in reversed(self.merged) if m.inverse is not None and not m.failed), None)
        if isinstance(inverse, claim_edits.EditClaim) and isinstance(latest, claim_edits.EditClaim):
            inverse = replace(inverse, expected_version=latest.expected_version,
                              expected_values=latest.expected_values)
        return inverse

    def record(self, done: Done, undone: bool) -> None:
        if undone:
            self.operation, self.merged = done.inverse, []
        else:
            self.inverse = done.inverse


@dataclass(eq=False)
class Write:
    """One step of a command on its way to the database."""

    command: _Command
    steps: Steps
    undone: bool
    resolve: Callable[[], Operation | None]  # in the writer thread: the operation (None: nothing to do)
    seen: dict[int, int | None]  # claim id -> the version the window showed when the step was made
    values: tuple[int, dict[str, Any]] | None = None  # a claim's field values shown at once, marked saving
    db: Database | None = None
    tried: Operation | None = None  # what the writer tried (set in its thread)
    handle: Handle | None = None


class EditWriter(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.jobs = JobRunner(self, serial=True)  # quiet: a write is too short for a progress row
        self.waiting: list[Write] = []  # in the order made
        self._lock = threading.Lock()  # the writer thread's memory of versions, cleared by the GUI when idle
        self._latest: dict[int, int] = {}
        self._superseded: dict[int, set[int]] = {}
        self._down: WorkbenchError | None = None  # the server did not answer: later steps wait with it
        self._base: dict[int, ClaimRecord] = {}  # claim id -> stored record under values on their way

    @property
    def busy(self) -> bool:
        """Edits are on their way to the database."""
        return bool(self.waiting)

    def write(self, write: Write) -> None:
        w = self.window
        write.db = w.db
        by = w.reviewer
        write.steps.pending += 1
        self.waiting.append(write)
        if write.values is not None:
            self._mark()
            self._show(write.values[0])
        write.handle = self.jobs.start(
            lambda _cancel, _progress: self._store(write, by), f"saving “{write.command.text()}”",
            on_success=lambda done: self._stored(write, done),
            on_error=lambda error: self._failed(write, error),
        )

    # --- in the writer thread -------------------------------------------------
    def _store(self, write: Write, by: str) -> Done | None:
        try:
            operation = None if write.steps.failed else write.resolve()
            if operation is None or write.db is None:
                return None
            operation = self._chained(operation)
            write.tried = operation
            with self._lock:
                down = self._down
            if down is not None:  # no new wait on a connection timing out: it joins the queue behind
                raise down
            try:
                done = edits.apply(write.db, operation, by=by)
            except DatabaseUnreachableError as error:
                with self._lock:
                    self._down = error
                raise
        except BaseException:
            write.steps.failed = True
            raise
        write.steps.record(done, write.undone)
        self._remember(done, write.seen, operation)
        return done

    def _chained(self, operation: Operation) -> Operation:
        if isinstance(operation, edits.Compound):
            return edits.Compound(tuple(self._chained(step) for step in operation.steps))
        if isinstance(operation, edits.ChecksVersion) and operation.expected_version is not None:
            with self._lock:
                if operation.expected_version in self._superseded.get(operation.claim_id, ()):
                    return replace(operation, expected_version=self._latest[operation.claim_id])  # type: ignore[type-var]
        return operation

    def _remember(self, done: Done, seen: dict[int, int | None], operation: Operation) -> None:
        checked = _versions_checked(operation)
        with self._lock:
            for claim in done.claims:
                superseded = self._superseded.setdefault(claim.id, set())
                superseded |= {v for v in (seen.get(claim.id), checked.get(claim.id),
                                           self._latest.get(claim.id)) if v is not None}
                superseded.add(claim.version)
                self._latest[claim.id] = claim.version

    # --- back in the GUI thread -----------------------------------------------
    def _stored(self, write: Write, done: Done | None) -> None:
        self._forget(write)
        if done is None or write.db is not self.window.db:
            return
        outage = getattr(self.window, "outage", None)
        if outage is not None:
            outage.reached()
        write.command.stored(done, write.undone)

    def _failed(self, write: Write, error: WorkbenchError) -> None:
        self._forget(write)
        if write.db is not self.window.db:
            return
        outage = getattr(self.window, "outage", None)
        if isinstance(error, DatabaseUnreachableError) and write.tried is not None and outage is not None:
            error = outage.enqueue(write.tried, error)  # it waits for the server, marked unsaved, as any edit would
        if write.values is not None:
            # The stored values back in the row (what waits for the server stays marked). The
            # editor keeps what was typed when a colleague's change met it: the conflict view
            # offers it as "yours", and Dismiss leaves it there marked unsaved.
            self._show(write.values[0], editor=not isinstance(error, ConflictError))
        write.command.failed(error)

    def _forget(self, write: Write) -> None:
        write.steps.pending -= 1
        if write in self.waiting:
            self.waiting.remove(write)
        if write.values is not None:
            self._mark()
        if not self.waiting:  # the window shows the stored versions from here on
            with self._lock:
                self._latest.clear()
                self._superseded.clear()
                self._down = None  # what met it waits in the outage queue; the next edit tries anew

    def reachable(self) -> None:
        """The server answers again (the outage queue was stored): later edits try it again."""
        with self._lock:
            self._down = None

    # --- values shown before they are stored ------------------------------------
    def saving(self, claim_id: int) -> dict[str, Any]:
        """The values on their way for a claim, the latest of each."""
        values: dict[str, Any] = {}
        for write in self.waiting:
            if write.values is not None and write.values[0] == claim_id:
                values.update(write.values[1])
        return values

    def overlaid(self, claim: ClaimRecord | None) -> ClaimRecord | None:
        """A stored record as the window shows it: with the values still on their way on top."""
        if claim is None:
            return claim
        values = self.saving(claim.id)
        if not values:
            self._base.pop(claim.id, None)
            return claim
        self._base[claim.id] = claim
        return replace(claim, **values)

    def _show(self, claim_id: int, *, editor: bool = True) -> None:
        """The claim's row, highlight and editor with the values on their way (none: as stored).

        Only what the values change: the sources and history are not read
        again for a value not stored yet (they are once it is).
        """
        w = self.window
        base = self._base.get(claim_id) or self._shown_record(claim_id)
        if base is None:
            return
        values = self.saving(claim_id)
        if values:
            self._base[claim_id] = base
        else:
            self._base.pop(claim_id, None)
        record = replace(base, **values) if values else base
        model = w.claims_panel.model
        model.replace_claim(record)
        placed = placed_in_current_text([record])
        if placed:
            w.reader.update_claim(placed[0], model.colour_of(record))
        w.claims_panel.update_counts()
        if editor and claim_id == w.claims_panel.current_id():
            w.editor.set_claim(record, w.scale, *w.details.known(claim_id))

    def _shown_record(self, claim_id: int) -> ClaimRecord | None:
        model = self.window.claims_panel.model
        row = model.row_of(claim_id)
        return model.claim(row) if row is not None else None

    def _mark(self) -> None:
        by_claim: dict[int, dict[str, Any]] = {}
        for write in self.waiting:
            if write.values is not None:
                by_claim.setdefault(write.values[0], {}).update(write.values[1])
        # No note: one would push the form down and back at every key press.
        self.window.editor.set_unsaved("saving", by_claim, "")

    # --- closing ---------------------------------------------------------------
    def close(self) -> None:
        """Wait a moment for edits on their way; what is still not stored then joins the outage
        queue, which keeps it for the next window on this database."""
        if not self.jobs.wait(CLOSE_WAIT_MS):
            log.warning("closing with edits not stored yet: kept for the next window")
        outage = getattr(self.window, "outage", None)
        left = [w for w in self.waiting if w.handle is not None and not w.handle.done.is_set()]
        self.jobs.shutdown(0)
        for write in left:
            operation = write.tried or (None if write.steps.failed else write.resolve())
            if operation is not None and outage is not None and write.db is self.window.db:
                outage.queue.add(self._chained(operation))
        self.waiting.clear()


def claims_named(operation: Operation | None) -> list[int]:
    """The claims an operation names (the steps of a compound edit included)."""
    if isinstance(operation, edits.Compound):
        return [c for step in operation.steps for c in claims_named(step)]
    claim_id = getattr(operation, "claim_id", None)
    return [claim_id] if isinstance(claim_id, int) else []


def _versions_checked(operation: Operation) -> dict[int, int]:
    if isinstance(operation, edits.Compound):
        return {c: v for step in operation.steps for c, v in _versions_checked(step).items()}
    if isinstance(operation, edits.ChecksVersion) and operation.expected_version is not None:
        return {operation.claim_id: operation.expected_version}
    return {}
