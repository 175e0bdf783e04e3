"""Killing the app mid-edit loses nothing it had reported saved, and never corrupts the file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
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


IMPORTER = Path(__file__).with_name("import_worker.py")


def test_sigkill_during_imports_leaves_no_article_without_its_claims(tmp_path):
    """Kills land anywhere in an import (mostly in detection); the failure exactly between
    the article and its claims is pinned by tests/core/test_import_atomic.py."""
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    session = sessions.create_session(db, "Crash test")
    db.close()
    rng = random.Random(47)
    reported: dict[int, int] = {}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _round in range(4):
        worker = subprocess.Popen(
            [sys.executable, str(IMPORTER), str(path), str(session.id), "1000"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        assert worker.stdout is not None
        kill_after = rng.randint(1, 3)
        for line in worker.stdout:
            _word, article_id, added = line.split()
            reported[int(article_id)] = int(added)
            kill_after -= 1
            if kill_after == 0:
                break
        # Most imports are mid-transaction at any moment: detection runs between commits.
        time.sleep(rng.uniform(0.0, 0.3))
        worker.send_signal(signal.SIGKILL)
        _out, err = worker.communicate()
        assert "Traceback" not in err, err
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        per_article = dict(raw.execute(
            "SELECT article.id, count(claim.id) FROM article LEFT JOIN claim ON claim.article_id = article.id "
            "GROUP BY article.id"
        ).fetchall())
        unindexed = raw.execute(
            "SELECT count(*) FROM claim WHERE NOT EXISTS (SELECT 1 FROM claim_token WHERE claim_id = claim.id)"
        ).fetchone()[0]
        versions = raw.execute("SELECT count(*) FROM article_version").fetchone()[0]
    expected = next(iter(reported.values()))
    assert expected > 0 and set(reported) <= set(per_article)
    assert set(per_article.values()) == {expected}, "an article was stored without all its claims"
    assert versions == len(per_article) and unindexed == 0
