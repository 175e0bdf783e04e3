"""Quitting the real application in the middle of a fetch: at once, and without a word on stderr."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.quit_driver import MARK
from tests.integration.slow_server import SlowServer
from workbench.storage import sessions
from workbench.storage.database import open_database

DRIVER = Path(__file__).with_name("quit_driver.py")
REPO = Path(__file__).resolve().parents[2]
# The offscreen platform's note that it has no window manager (the GUI tests ignore it too).
OFFSCREEN_NOTE = "does not support propagateSizeHints"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is how a POSIX desktop asks an app to quit")
def test_sigterm_during_a_fetch_quits_at_once_and_silently(tmp_path: Path) -> None:
    db_path = tmp_path / "review.sqlite"
    db = open_database(db_path)
    sessions.create_session(db, "Quit test", reviewer="tester")
    db.close()
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
        # Its own settings and data folders: the window must not read or write the user's.
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    with SlowServer("silent") as server, subprocess.Popen(
        [sys.executable, str(DRIVER), str(db_path), server.url], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as app:
        try:
            assert app.stdout is not None and app.stderr is not None
            assert app.stdout.readline().strip() == "fetching"
            assert server.connected.wait(10)
            time.sleep(0.3)  # well inside the fetch: the server would hold it 30 s
            asked = time.monotonic()
            app.send_signal(signal.SIGTERM)
            status = app.wait(timeout=10)
            took = time.monotonic() - asked
            stderr = app.stderr.read()
        finally:
            if app.poll() is None:
                app.kill()
    assert status == 0
    assert took < 1.5
    assert MARK in stderr
    said = [line for line in stderr.split(MARK, 1)[1].splitlines() if line.strip() and OFFSCREEN_NOTE not in line]
    assert said == [], stderr
    assert (tmp_path / "config").exists()  # the window saved its state: it closed, not died
