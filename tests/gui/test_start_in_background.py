"""The application's start: the window is shown first, the database and the session fill it in.

``workbench-gui`` builds the window without the services (they bring
SQLAlchemy and the detectors), shows it, and opens the database in a
background job; the reviewer sees the window at once and the session as
soon as it is read. A database that cannot be opened is reported in the
window, which stays usable.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.gui.helpers import wait_for_writes
from workbench.gui.main_window import MainWindow
from workbench.storage import claims as claim_store

REPO = Path(__file__).resolve().parents[2]


def _start(qtbot, settings, location: Path) -> MainWindow:  # noqa: ANN001
    window = MainWindow(str(location), settings=settings, reviewer="tester", open_in_background=True)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_shows_the_session_once_the_database_is_open(qtbot, settings, seeded_db):
    window = _start(qtbot, settings, seeded_db)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.claims_panel.proxy.rowCount() > 0, timeout=10_000)
    assert window.windowTitle().startswith("Border review")
    assert str(seeded_db) in window.statusBar().currentMessage()
    # and it works as a window opened the other way: J and a digit store a verdict
    qtbot.waitUntil(lambda: window.claims_settled, timeout=5_000)
    qtbot.keyClick(window, "J")
    claim = window.current_claim()
    assert claim is not None
    window.set_verdict_digit(2)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == window.scale.by_digit(2).key
    window.close()


def test_a_database_that_cannot_be_opened_is_reported_in_the_window(qtbot, settings, tmp_path):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database, only bytes " * 200)
    window = _start(qtbot, settings, broken)
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=10_000)
    assert "database" in window.message_bar.text().lower()
    assert window.db is None
    assert window.address_bar.isEnabled()  # the window is still there to switch database
    window.close()


def test_closing_the_window_while_the_database_opens_is_clean(qtbot, settings, seeded_db):
    window = _start(qtbot, settings, seeded_db)
    window.close()  # before the job has finished
    qtbot.wait(1500)  # the job ends and closes what it opened
    assert window.db is None


def test_the_window_module_loads_without_the_services():
    """What makes the window show fast: its modules name the services but do not import them."""
    code = ("import sys, workbench.gui.main_window\n"
            "heavy = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'workbench.services', "
            "'workbench.storage', 'workbench.kinds', 'workbench.detect', 'bs4', 'requests')))\n"
            "print(heavy)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_no_database_statement_runs_on_the_window_thread_until_the_claims_are_listed(qtbot, settings, seeded_db):
    """On a team's server each statement is a round trip: the window must not wait for one at start."""
    import threading

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    on_window_thread: list[str] = []

    def seen(_conn, _cursor, statement, *_args):  # noqa: ANN001, ANN202
        if threading.current_thread() is threading.main_thread():
            on_window_thread.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        window = _start(qtbot, settings, seeded_db)
        qtbot.waitUntil(lambda: window.claims_panel.proxy.rowCount() > 0, timeout=10_000)
        qtbot.waitUntil(lambda: window.claims_settled, timeout=5_000)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert on_window_thread == []
    window.close()
