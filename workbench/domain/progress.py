"""Progress and cancellation for long jobs, shared by the CLI loop and GUI workers."""

from __future__ import annotations

from collections.abc import Callable

from workbench.domain.errors import CancelledError

# progress(fraction 0..1, what is happening now)
ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


def no_progress(_fraction: float, _message: str) -> None:
    return None


def never_cancelled() -> bool:
    return False


def check(cancel: CancelFn | None) -> None:
    if cancel is not None and cancel():
        raise CancelledError()
