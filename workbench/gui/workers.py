"""Background jobs on a QThreadPool.

A job is a plain function ``job(cancel, progress) -> result`` from the core;
it opens its own database sessions (every storage call does), and its
signals carry plain values (records, errors), never ORM objects.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workbench.domain.errors import WorkbenchError
from workbench.services.progress import CancelFn, ProgressFn

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
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.signals = WorkerSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class Worker(QRunnable):
    def __init__(self, job: Job, handle: Handle) -> None:
        super().__init__()
        self.job = job
        self.name = handle.name
        self.signals = handle.signals
        self._cancelled = handle._cancelled
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.job(self._cancelled.is_set, self.signals.progress.emit)
        except WorkbenchError as error:
            self.signals.failed.emit(error)
        except Exception as error:  # a bug: log it, tell the user in plain words
            log.exception("background job %s failed", self.name)
            self.signals.failed.emit(
                WorkbenchError(
                    f"Something went wrong while {self.name} ({type(error).__name__}: {error}).",
                    "This is a bug in the workbench; the details are in the log. Nothing was lost.",
                )
            )
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class JobRunner(QObject):
    """Starts workers and keeps the ones running, so the window can cancel and wait."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self.running: list[Handle] = []
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
        self.pool.start(Worker(job, worker))
        return worker

    def cancel_all(self) -> None:
        for worker in self.running:
            worker.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _finished(self, relay: _Relay) -> None:
        if relay.worker in self.running:
            self.running.remove(relay.worker)
        if relay in self._relays:
            self._relays.remove(relay)
        relay.deleteLater()
        self.busy_changed.emit(bool(self.running))


class _Relay(QObject):
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

    def succeeded(self, result: object) -> None:
        if not self.worker.cancelled:
            self._on_success(result)

    def failed(self, error: object) -> None:
        assert isinstance(error, WorkbenchError)
        self._on_error(error)

    def progress(self, fraction: float, message: str) -> None:
        if self._on_progress is not None:
            self._on_progress(fraction, message)

    def finished(self) -> None:
        self.runner._finished(self)
