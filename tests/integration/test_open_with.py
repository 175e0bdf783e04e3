"""A file manager's "Open With": the program started with only a file opens it in the window."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.factories import DEMO_TEXT
from workbench.storage import sessions
from workbench.storage.database import open_database

REPO = Path(__file__).resolve().parents[2]


def _claims_stored(db_path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT count(*) FROM claim").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is how a POSIX desktop asks an app to quit")
def test_workbench_started_with_an_article_imports_it_instead_of_the_demo(tmp_path: Path) -> None:
    article = tmp_path / "belarus report.txt"
    article.write_text(DEMO_TEXT, encoding="utf-8")
    db_path = tmp_path / "review.sqlite"
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    with subprocess.Popen(
        [sys.executable, "-m", "workbench", "--db", str(db_path), str(article)], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as app:
        try:
            deadline = time.monotonic() + 30
            while not _claims_stored(db_path) and time.monotonic() < deadline and app.poll() is None:
                time.sleep(0.1)
            assert app.poll() is None, app.communicate()[1]
            app.send_signal(signal.SIGTERM)
            status = app.wait(timeout=15)
        finally:
            if app.poll() is None:
                app.kill()
    assert status == 0
    db = open_database(db_path)
    try:
        [session] = sessions.list_sessions(db)
    finally:
        db.close()
    assert (session.title, session.article_count) == ("Belarus prepares for war", 1)
    assert session.claim_count > 0
