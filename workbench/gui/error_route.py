"""The central error route: any error nobody caught ends in the window's message bar.

A slot that raises (PySide6 hands its exception to ``sys.excepthook``) and a
thread that dies (``threading.excepthook``) both come here, so the GUI code
needs no try/except around each call just to show an error. A
``WorkbenchError`` is the user's trouble: its message and hint are shown.
Anything else is a bug: its traceback goes to the log, the bar says so and
where the log is, and the hook that was there before (standard error, or a
test harness) hears of it too. Background jobs report their errors through
the job runner's ``on_error`` and never reach this route.

The hooks may be called from any thread; a signal takes the error to the
window's thread before a widget is touched.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from workbench.domain import errors
from workbench.domain.errors import WorkbenchError

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def unexpected(error: BaseException) -> WorkbenchError:
    """What the reviewer is told of a bug: what happened, where the log is, that the work is safe."""
    where = log_file()
    return errors.unexpected(error, f"the log {where}" if where is not None else "the log on standard error")


def log_file() -> Path | None:
    """The file the log is written to (see ``app.log_to_file``), if there is one."""
    for logger in (logging.getLogger("workbench"), logging.getLogger()):
        for handler in logger.handlers:
            if isinstance(handler, logging.FileHandler):
                return Path(handler.baseFilename)
    return None


class ErrorRoute(QObject):
    """Installs the two hooks while the window is open, and puts back the ones it found."""

    caught = Signal(object)  # an ExcInfo, from whichever thread raised it

    def __init__(self, show: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._previous: Callable[..., object] | None = None
        self._previous_threading: Callable[[threading.ExceptHookArgs], object] | None = None
        self._active = False
        self.caught.connect(self._route)

    def install(self) -> None:
        self._previous, self._previous_threading = sys.excepthook, threading.excepthook
        sys.excepthook = self._excepthook
        threading.excepthook = self._threading_excepthook
        self._active = True

    def remove(self) -> None:
        """Put the earlier hooks back. If another window installed its own on top since,
        those stay, and this route only passes errors on to the earlier hooks from now."""
        if not self._active:
            return
        self._active = False
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous  # type: ignore[assignment]
        if threading.excepthook == self._threading_excepthook:
            threading.excepthook = self._previous_threading  # type: ignore[assignment]

    # --- the hooks (any thread) ------------------------------------------------
    def _excepthook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        def pass_on() -> None:
            if self._previous is not None and self._previous is not sys.__excepthook__:
                self._previous(kind, error, trace)

        if not self._active or not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: not ours
            if self._previous is not None:
                self._previous(kind, error, trace)
            return
        self._caught((kind, error, trace), pass_on)

    def _threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        def pass_on() -> None:
            if self._previous_threading is not None and self._previous_threading is not threading.__excepthook__:
                self._previous_threading(args)

        if not self._active or not isinstance(args.exc_value, Exception):
            if self._previous_threading is not None:
                self._previous_threading(args)
            return
        self._caught((args.exc_type, args.exc_value, args.exc_traceback), pass_on)

    def _caught(self, info: ExcInfo, pass_on: Callable[[], None]) -> None:
        if not isinstance(info[1], WorkbenchError):
            log.error("uncaught error", exc_info=info)
            # The default hooks would only print what the log has just written; a test
            # harness's hook must hear of the bug.
            pass_on()
        try:
            self.caught.emit(info)  # queued to the window's thread when raised in another
        except RuntimeError:  # the window is gone already: the log has it
            pass

    # --- the window's thread ----------------------------------------------------
    def _route(self, info: ExcInfo) -> None:
        self._show(info[1])
