"""Bad databases: each a clear error naming the file or URL, no traceback, nothing written."""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.domain.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    NotADatabaseError,
    SchemaTooNewError,
)
from workbench.storage import database, sessions
from workbench.storage.database import open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"Minutes of the editorial meeting\n" * 50)
    before = _digest(path)
    with pytest.raises(NotADatabaseError) as caught:
        open_database(path)
    assert str(path) in caught.value.message and caught.value.hint
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_sqlite_database_of_another_program(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(NotADatabaseError, match="not a workbench one"):
        open_database(path)
    with sqlite3.connect(path) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["recipes"]


def test_database_of_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _digest(path)
    with pytest.raises(SchemaTooNewError) as caught:
        open_database(path)
    assert "newer version" in caught.value.message and "Update the workbench" in caught.value.hint
    assert _digest(path) == before
    assert list(tmp_path.glob("*.bak")) == []


def test_locked_database(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "shared.sqlite"
    db = open_database(path)
    holder = sqlite3.connect(path, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            sessions.create_session(db, "Blocked")
        assert str(path) in caught.value.message
    finally:
        holder.rollback()
        holder.close()
    assert sessions.list_sessions(db) == []
    db.close()


def _make_read_only(path: Path) -> None:
    """Root may write a chmod-444 file, so as root the file is made immutable instead."""
    path.chmod(0o444)
    if os.geteuid() == 0:
        result = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if result.returncode != 0:
            pytest.skip("running as root and this file system cannot make a file immutable")


def test_read_only_database(tmp_path):
    path = tmp_path / "archive.sqlite"
    db = open_database(path)
    sessions.create_session(db, "Archived review")
    db.close()
    before = _digest(path)
    _make_read_only(path)
    try:
        db = open_database(path)  # opened read-only: it still lists (and exports)
        try:
            assert [s.title for s in sessions.list_sessions(db)] == ["Archived review"]
            with pytest.raises(DatabaseReadOnlyError) as caught:
                sessions.create_session(db, "New review")
        finally:
            db.close()
        assert str(path) in caught.value.message and "writable" in caught.value.hint
        assert _digest(path) == before
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
        path.chmod(0o644)


def test_unreachable_postgresql_names_the_server_without_password():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once we leave: nobody listens there
    url = f"postgresql://ana:s3cret@127.0.0.1:{port}/reviews"
    with pytest.raises(DatabaseUnreachableError) as caught:
        open_database(url)
    assert f"127.0.0.1:{port}/reviews" in caught.value.message
    assert "s3cret" not in str(caught.value)


def test_cli_reports_a_bad_database_without_traceback(tmp_path, capsys):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"\x00\x01garbage" * 100)
    assert main(["sessions", "--db", str(path)]) != 0
    err = capsys.readouterr().err
    assert "is not a workbench database" in err and str(path) in err
    assert "Traceback" not in err


def test_folder_that_does_not_exist(tmp_path):
    with pytest.raises(database.DatabaseError, match="does not exist"):
        open_database(tmp_path / "missing" / "review.sqlite")
    assert not (tmp_path / "missing").exists()
