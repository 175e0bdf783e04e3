"""A full disk, a read-only file or folder, a damaged file: each named as what it is, nothing written into it."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from tests.factories import long_read, make_article
from workbench.cli import main
from workbench.domain.errors import DatabaseFullError, DatabaseReadOnlyError, NotADatabaseError
from workbench.services.importing import store_extracted
from workbench.storage import articles, sessions
from workbench.storage.database import open_database
from workbench.storage.sqlite_file import refuse_if_damaged


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _populated(path: Path, articles_count: int = 1) -> int:
    """A database with one session of long articles and their proposed claims; returns the session id."""
    db = open_database(path)
    session = sessions.create_session(db, "Archived review")
    for number in range(articles_count):
        store_extracted(db, session.id, make_article(long_read(1500), source=f"https://news.example/{number}"), by="ana")
    db.close()
    return session.id


def _immutable(target: Path) -> None:
    """Read-only for real: root ignores permission bits, so as root the file or folder is made immutable."""
    target.chmod(0o555 if target.is_dir() else 0o444)
    if os.geteuid() == 0:
        result = subprocess.run(["chattr", "+i", str(target)], capture_output=True, check=False)
        if result.returncode != 0:
            pytest.skip("running as root and this file system cannot make a file immutable")


def _writable(target: Path) -> None:
    subprocess.run(["chattr", "-i", str(target)], capture_output=True, check=False)
    target.chmod(0o755 if target.is_dir() else 0o644)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_lists_and_exports_and_refuses_edits(tmp_path, capsys, what):
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "archive.sqlite"
    session_id = _populated(path)
    before = _digest(path)
    target = path if what == "file" else folder
    _immutable(target)
    try:
        assert main(["sessions", "--format", "json", "--db", str(path)]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert [(s["title"], s["articles"]) for s in listed] == [("Archived review", 1)]

        out = tmp_path / "export.json"
        assert main(["export", str(session_id), "--format", "json", "--out", str(out), "--db", str(path)]) == 0
        exported = json.loads(out.read_text(encoding="utf-8"))
        assert "Archived review" in json.dumps(exported)

        text = tmp_path / "note.txt"
        text.write_text("About 32,000 troops were deployed near the border on Tuesday.", encoding="utf-8")
        assert main(["import", str(text), "--session", str(session_id), "--db", str(path)]) != 0
        err = capsys.readouterr().err
        assert "read-only" in err and str(path) in err and "Traceback" not in err

        db = open_database(path)
        try:
            assert db.read_only
            with pytest.raises(DatabaseReadOnlyError, match="read-only"):
                sessions.create_session(db, "New review")
            assert len(articles.list_articles(db, session_id)) == 1
        finally:
            db.close()
    finally:
        _writable(target)
    assert _digest(path) == before


def _scramble_middle(path: Path) -> None:
    """4 KB of random bytes written over the middle of the file, as a bad sector or a stray write would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 + 123)
        handle.write(random.Random(14).randbytes(4096))


def test_a_damaged_file_is_refused_before_anything_is_written(tmp_path, capsys):
    path = tmp_path / "review.sqlite"
    session_id = _populated(path, articles_count=6)
    assert path.stat().st_size > 100_000
    _scramble_middle(path)
    before = _digest(path)

    text = tmp_path / "note.txt"
    text.write_text("About 32,000 troops were deployed near the border on Tuesday.", encoding="utf-8")
    assert main(["import", str(text), "--session", str(session_id), "--db", str(path)]) != 0
    err = capsys.readouterr().err
    assert "damaged" in err and str(path) in err and "Traceback" not in err
    assert _digest(path) == before

    with pytest.raises(NotADatabaseError) as caught:
        open_database(path)
    assert "damaged" in caught.value.message and "nothing was written" in caught.value.message
    assert "backup" in caught.value.hint
    assert _digest(path) == before


def test_a_damaged_file_hint_names_the_copy_kept_by_the_last_upgrade(tmp_path):
    path = tmp_path / "review.sqlite"
    _populated(path, articles_count=6)
    backup = tmp_path / "review.sqlite.0007_older.20261201T090000Z.bak"
    backup.write_bytes(path.read_bytes())
    _scramble_middle(path)
    with pytest.raises(NotADatabaseError) as caught:
        open_database(path)
    assert backup.name in caught.value.hint


def test_a_full_database_says_so_and_keeps_nothing_of_the_import(tmp_path):
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    session = sessions.create_session(db, "Desk")
    with sqlite3.connect(path) as raw:
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own page limit: a real SQLITE_FULL, as a full disk gives, on every new connection.
    db.engine.dispose()
    event.listen(db.engine, "connect", lambda conn, _rec: conn.execute(f"PRAGMA max_page_count={pages + 2}"))
    try:
        with pytest.raises(DatabaseFullError) as caught:
            store_extracted(db, session.id, make_article(long_read(3000)), by="ana")
        assert "full" in caught.value.message and str(path) in caught.value.message
        assert "Free some space" in caught.value.hint
        assert articles.list_articles(db, session.id) == []
        assert [s.title for s in sessions.list_sessions(db)] == ["Desk"]
    finally:
        db.close()


def test_a_journal_left_by_a_killed_writer_is_replayed_not_taken_for_damage(tmp_path):
    path = tmp_path / "killed.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE t (x TEXT)")
        raw.executemany("INSERT INTO t VALUES (?)", [("x" * i,) for i in range(2000)])
    writer = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA cache_size=1'); c.execute('BEGIN')\n"
        "c.execute(\"UPDATE t SET x = x || 'y'\"); os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", writer, str(path)], check=False)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists()  # a hot journal: only a writing connection may roll it back
    refuse_if_damaged(path, timeout=1.0)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM t WHERE x LIKE '%y'").fetchone() == (0,)
