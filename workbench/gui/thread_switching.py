"""How often the interpreter hands its lock to another thread: often, so a job never starves the window.

CPython lets a thread that wants the lock wait up to its switch interval
(5 ms by default) while another thread runs Python. A repaint of the window
calls into Python hundreds of times (the claims list's cells, the reader),
and each call waited up to that long while a background import ran: a
1 MB paste held a window showing a 10,000-word article for 1.3-1.6 s. At
0.5 ms the same paste held it 93-151 ms; the import itself barely slows.
"""

from __future__ import annotations

import sys

SWITCH_SECONDS = 0.0005


def switch_often() -> None:
    """Set the process's switch interval (it is the process's: the window's jobs share it)."""
    sys.setswitchinterval(SWITCH_SECONDS)
