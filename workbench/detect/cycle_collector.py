"""Python's cycle collector held off while the detectors run (the window's jobs put off only
full collections: see gui/collector_pause).

Detection allocates tens of thousands of short-lived tuples, lists and
candidates a second; each 700 of them start a pass of the cycle collector,
and a detector run creates no cycles for it to find (its garbage goes by
reference counting). On the bench's texts the passes were 6 % of the time,
and more in the window, where the collector also walks Qt's and
SQLAlchemy's long-lived objects. The collector is held off for the run and
resumes after it, so whatever cycles other code made meanwhile are still
collected. Several threads may detect at once: the collector resumes when
the last of them is done, and only if it was running before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_holders = 0  # detector runs under way
_was_enabled = False  # whether the collector ran before the first of them


@contextmanager
def collector_held_off() -> Iterator[None]:
    """Hold the cycle collector off inside the block (re-entrant, thread-safe)."""
    global _holders, _was_enabled
    with _LOCK:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _LOCK:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
