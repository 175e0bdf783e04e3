"""Killing the app mid-edit loses nothing it had reported saved, and never corrupts the file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.factories import make_article
from workbench.storage import articles, claims, sessions
from workbench.storage.database import open_database

WORKER = Path(__file__).with_name("edit_worker.py")
REPO = Path(__file__).resolve().parents[2]


def _start_worker(url: str, article_id: int, name: str, count: int, shared: int | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, str(WORKER), url, str(article_id), name, str(count)]
    if shared is not None:
        args.append(str(shared))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_sigkill_at_random_points_loses_no_saved_edit(tmp_path):
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    session = sessions.create_session(db, "Crash test")
    article = articles.add_article(db, session.id, make_article())
    db.close()
    rng = random.Random(20240220)
    reported: set[int] = set()
    for _round in range(4):
        worker = _start_worker(str(path), article.id, "ana", 10_000)
        kill_after = rng.randint(1, 60)
        assert worker.stdout is not None
        for line in worker.stdout:
            reported.add(int(line.split()[1]))
            kill_after -= 1
            if kill_after == 0:
                break
        worker.send_signal(signal.SIGKILL)
        _out, err = worker.communicate()  # also closes the pipes
        assert "Traceback" not in err, err
        # Reopen after each kill, as the reviewer would.
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db = open_database(path)
        stored = {c.id for c in claims.list_claims(db, article_id=article.id)}
        db.close()
        assert reported <= stored, f"lost {sorted(reported - stored)[:5]}"
    assert len(reported) >= 4
