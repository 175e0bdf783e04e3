"""Background jobs on a QThreadPool.

A job is a plain function ``job(cancel, progress) -> result`` from the core;
it opens its own database sessions (every storage call does), and its
signals carry plain values (records, errors), never ORM objects.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workbench.domain.errors import CancelledError, WorkbenchError
from workbench.domain.progress import CancelFn, ProgressFn
from workbench.gui.collector_pause import full_collections_put_off

log = logging.getLogger(__name__)

Job = Callable[[CancelFn, ProgressFn], Any]


class WorkerSignals(QObject):
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)  # a WorkbenchError; bugs become one with a plain message
    finished = Signal()


class Handle:
    """What the GUI keeps of a job: its name, signals and cancel flag.

    The QRunnable itself belongs to the pool, which deletes it after ``run``.
    A job that is *abandoned* (the reviewer's Cancel, or the window closing)
    is cancelled and no longer listened to: whatever it sends later is dropped
    in the worker thread, so a slow job can never touch a window that moved on
    or is gone.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.signals = WorkerSignals()
        self._cancelled = threading.Event()
        self._abandoned = threading.Event()
        self.done = threading.Event()  # set when its thread has left the job

    def cancel(self) -> None:
        self._cancelled.set()

    def abandon(self) -> None:
        self._abandoned.set()
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def abandoned(self) -> bool:
        return self._abandoned.is_set()


class Worker(QRunnable):
    def __init__(self, job: Job, handle: Handle) -> None:
        super().__init__()
        self.job = job
        self.handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.handle.done.set()

    def _run(self) -> None:
        if self.handle.cancelled:  # cancelled while it waited for a thread: nothing to do
            self._emit("finished")
            return
        try:
            with full_collections_put_off():  # a full collection would hold the window still
                result = self.job(self.handle._cancelled.is_set, self._progress)
        except WorkbenchError as error:
            self._emit("failed", error)
        except Exception as error:
            if self.handle.abandoned:  # stopped under it (the database closed on quit): not news
                log.debug("abandoned job %s ended with %r", self.handle.name, error)
            else:  # a bug: log it, tell the user in plain words
                log.exception("background job %s failed", self.handle.name)
                self._emit("failed", WorkbenchError(
                    f"Something went wrong while {self.handle.name} ({type(error).__name__}: {error}).",
                    "This is a bug in the workbench; the details are in the log. Nothing was lost.",
                ))
        else:
            self._emit("succeeded", result)
        finally:
            self._emit("finished")

    def _progress(self, fraction: float, message: str) -> None:
        self._emit("progress", fraction, message)

    def _emit(self, name: str, *args: object) -> None:
        if self.handle.abandoned:
            return
        try:
            getattr(self.handle.signals, name).emit(*args)
        except RuntimeError:  # "Signal source has been deleted": the window went first
            log.debug("no one left to tell that %s %s", self.handle.name, name)


class JobRunner(QObject):
    """Starts workers and keeps the ones running, so the window can cancel and wait."""

    busy_changed = Signal(bool)
    cancelled = Signal(str, str)  # what the reviewer's Cancel stopped, and what became of it
    # Every runner alive, so that a closing window waits for all their threads at once (wait_for_every).
    _every: ClassVar[weakref.WeakSet[JobRunner]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None, *, serial: bool = False) -> None:
        super().__init__(parent)
        JobRunner._every.add(self)
        # serial: one job at a time, in the order started (edits are stored in the order made)
        self.pool = _serial_pool() if serial else _shared_pool()
        self.running: list[Handle] = []
        self._started: list[Handle] = []  # until their threads leave them, for wait()
        self._relays: list[_Relay] = []

    def start(
        self,
        job: Job,
        name: str,
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[WorkbenchError], None],
        on_progress: Callable[[float, str], None] | None = None,
    ) -> Handle:
        worker = Handle(name)
        # The relay lives in the GUI thread and its slots are its own methods,
        # so the worker's signals arrive queued, in the GUI thread.
        relay = _Relay(self, worker, on_success, on_error, on_progress)
        worker.signals.succeeded.connect(relay.succeeded)
        worker.signals.failed.connect(relay.failed)
        worker.signals.progress.connect(relay.progress)
        worker.signals.finished.connect(relay.finished)
        self.running.append(worker)
        self._relays.append(relay)
        self.busy_changed.emit(True)
        self._started = [h for h in self._started if not h.done.is_set()] + [worker]
        self.pool.start(Worker(job, worker))
        return worker

    def call(
        self,
        work: Callable[[], Any],
        name: str,
        *,
        then: Callable[[Any], None],
        on_error: Callable[[WorkbenchError], None],
        still: Callable[[], bool] | None = None,
    ) -> Handle:
        """``work()`` (a read, or one write) off the GUI thread; ``then`` gets its result on the GUI thread.

        ``still``: asked on the GUI thread when the answer arrives; when it
        says no (the window closed, another database or claim is shown), the
        answer no longer applies and ``then`` is not called. A failure goes to
        ``on_error`` all the same (the window's report, mostly): it is news.
        """

        def arrived(result: Any) -> None:
            if still is None or still():
                then(result)

        return self.start(lambda _cancel, _progress: work(), name, on_success=arrived, on_error=on_error)

    def cancel_all(self) -> None:
        """Stop every job and forget it now, not when its thread notices; nobody is told.

        Each thread ends at its job's next look at the cancel flag (a fetch at
        once), and what it sends meanwhile is dropped.
        """
        self._abandon_all()

    def cancel_by_reviewer(self) -> None:
        """The reviewer's Cancel: the window is free at once, and says what stopped.

        Each job's ``on_error`` gets a ``CancelledError`` straight away, as
        it would have from the job, so its caller tidies up as after any
        failure (a session started for an import goes, for one); then
        ``cancelled`` carries a notice of what was stopped.
        """
        relays = list(self._relays)
        self._abandon_all()
        for relay in relays:
            relay.tell_cancelled()
        if relays:
            names = ", ".join(relay.worker.name for relay in relays)
            self.cancelled.emit(f"Cancelled {names}.", "Nothing half-done was stored.")

    def shutdown(self, msecs: int = 300) -> bool:
        """Before the window goes: abandon every job, give the threads a moment to end.

        True when all ended. A thread still in its job after ``msecs`` is left
        to finish (or fail) on its own; it can no longer reach the window.
        """
        self._abandon_all()
        return self.wait(msecs)

    def abandon(self) -> None:
        """Closing: every job abandoned, not waited for here (``wait_for_every`` waits for all at once)."""
        self._abandon_all()

    @classmethod
    def wait_for_every(cls, msecs: int) -> bool:
        """Wait, ``msecs`` in all, until every runner's jobs have left their threads.

        A closing window abandons each runner's jobs, then waits here once: each
        runner waiting its own moment in turn added up to a second or more.
        """
        deadline = time.monotonic() + msecs / 1000
        done = True
        for runner in list(cls._every):
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            done = runner.wait(left_ms) and done
        return done

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait until this runner's jobs have left their threads (other runners' jobs are theirs)."""
        deadline = time.monotonic() + msecs / 1000
        for handle in list(self._started):
            if not handle.done.wait(max(0.0, deadline - time.monotonic())):
                return False
        self._started = []
        return True

    def _abandon_all(self) -> None:
        for relay in list(self._relays):
            relay.worker.abandon()
            self._forget(relay)
        self.running.clear()
        self.busy_changed.emit(False)

    def _answered(self, relay: _Relay) -> None:
        if relay.worker in self.running:
            self.running.remove(relay.worker)

    def _finished(self, relay: _Relay) -> None:
        self._forget(relay)
        self.busy_changed.emit(bool(self.running))

    def _forget(self, relay: _Relay) -> None:
        if relay.worker in self.running:
            self.running.remove(relay.worker)
        if relay in self._relays:
            self._relays.remove(relay)
            relay.deleteLater()


def while_open(window: Any, also: Callable[[], bool] | None = None) -> Callable[[], bool]:
    """For ``JobRunner.call``'s ``still``: true while ``window`` is open on the database it has
    now (and ``also()`` holds); an answer that arrives after that is dropped."""
    db = window.db
    return lambda: db is window.db and not window.closed and (also is None or also())


class _Relay(QObject):
    """Hands one job's results to the GUI's callbacks, unless the job was abandoned meanwhile."""

    def __init__(
        self,
        runner: JobRunner,
        worker: Handle,
        on_success: Callable[[Any], None],
        on_error: Callable[[WorkbenchError], None],
        on_progress: Callable[[float, str], None] | None,
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.worker = worker
        self._on_success = on_success
        self._on_error = on_error
        self._on_progress = on_progress

    # A signal already queued when the job was abandoned still arrives: drop it.
    # The job leaves ``runner.running`` before its caller hears of it: a caller that
    # starts the next job from the answer must not find this one still "running"
    # (its thread says it has finished in a signal of its own, which may come later).
    def succeeded(self, result: object) -> None:
        if not self.worker.cancelled:
            self.runner._answered(self)
            self._on_success(result)

    def failed(self, error: object) -> None:
        assert isinstance(error, WorkbenchError)
        if not self.worker.abandoned:
            self.runner._answered(self)
            self._on_error(error)

    def progress(self, fraction: float, message: str) -> None:
        if self._on_progress is not None and not self.worker.abandoned:
            self._on_progress(fraction, message)

    def finished(self) -> None:
        if not self.worker.abandoned:
            self.runner._finished(self)

    def tell_cancelled(self) -> None:
        self._on_error(CancelledError())


_POOL: list[QThreadPool] = []


def _shared_pool() -> QThreadPool:
    """One pool for the process, never owned by a window.

    A pool that is a window's child is destroyed with the window, and its
    destructor waits for its threads while holding the interpreter lock; a
    job still running Python then waits for that lock: both hang. Abandoned
    jobs end on their own, in this pool, after the window has gone.
    """
    if not _POOL:
        pool = QThreadPool()
        pool.setMaxThreadCount(6)
        _POOL.append(pool)
    return _POOL[0]


_SERIAL_POOL: list[QThreadPool] = []


def _serial_pool() -> QThreadPool:
    """One thread for the process's edits, owned by no window (see ``_shared_pool``)."""
    if not _SERIAL_POOL:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _SERIAL_POOL.append(pool)
    return _SERIAL_POOL[0]


def jobs_finished(msecs: int) -> bool:
    """Wait up to ``msecs`` for every background job of the process to leave its thread."""
    deadline = time.monotonic() + msecs / 1000
    done = _shared_pool().waitForDone(msecs) if _POOL else True
    left = max(0, int((deadline - time.monotonic()) * 1000))
    return (_serial_pool().waitForDone(left) if _SERIAL_POOL else True) and done
