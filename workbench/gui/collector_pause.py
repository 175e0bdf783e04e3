"""Full garbage collections put off while background jobs run.

A job and the window share one interpreter lock, and CPython's full
(oldest-generation) collection holds that lock for as long as it takes to
walk every tracked object. While a 1 MB paste is imported, the import's
own objects (tokens, ORM states) grow the heap to over a million objects,
and the collections the growth sets off, run in the job's thread, held the
window still for 100-230 ms each (measured with ``gc.callbacks``). The
young generations still run, so most garbage goes as before; only the full
walk waits until the last job ends, when the job's objects are gone and
the walk is short again.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Young collections a full one waits for: more than any job makes.
PUT_OFF = 1_000_000_000

_lock = threading.Lock()
_running = 0
_saved = gc.get_threshold()


@contextmanager
def full_collections_put_off() -> Iterator[None]:
    """Hold off full collections until the last job inside one of these has left it."""
    global _running, _saved
    with _lock:
        if _running == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], PUT_OFF)
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.set_threshold(*_saved)


_frozen = False


def freeze_start_up() -> None:
    """Keep what start-up built out of every later collection (once a process).

    The libraries and the window make some 130,000 tracked objects, and in
    this process one full collection of them took 120-260 ms: any full
    collection, in whichever thread, held the window still that long. They
    live as long as the process, so they are frozen (``gc.freeze``) once the
    first window is up; collections then walk only what came after.
    """
    global _frozen
    if not _frozen:  # not collected first: that would be the very stall this avoids
        _frozen = True
        gc.freeze()
