"""A SQLite file before the workbench writes to it: what it is, whether it may be written, whether it is whole.

Checked once when the file is opened, with plain ``sqlite3`` connections
that cannot write, so that a file which is not a database, or is damaged,
is refused before a single byte of it has changed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from workbench.domain.errors import DatabaseError, DatabaseReadOnlyError, NotADatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
# quick_check reports at most this many problems; one is enough to refuse.
QUICK_CHECK_LIMIT = 5


def check_sqlite_file(path: Path) -> bool:
    """Refuse what is not a SQLite file; returns True when the file can only be read.

    A read-only file (or a file in a read-only folder) is opened read-only:
    sessions can be listed and exported, and an edit is refused with a
    "read-only" message.
    """
    if path.is_dir():
        raise NotADatabaseError(
            f"{path} is a folder, not a database file.",
            "Choose a file name such as review.sqlite.",
        )
    if not path.exists():
        if not path.parent.exists():
            raise DatabaseError(
                f"The folder {path.parent} does not exist, so {path.name} cannot be created there.",
                "Create the folder first or choose another location.",
            )
        if not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnlyError(
                f"Cannot create {path}: the folder is read-only.",
                "Choose a folder you can write to.",
            )
        return False
    if not os.access(path, os.R_OK):
        raise DatabaseReadOnlyError(
            f"{path} cannot be read (permission denied).",
            "Check the file's permissions or choose another database.",
        )
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{path} is not a workbench database (it is not a SQLite file).",
            "Choose the .sqlite file the workbench created, or a new file name.",
        )
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def read_only_connector(path: Path, timeout: float) -> Callable[[], sqlite3.Connection]:
    """Connections that cannot write to ``path``.

    ``mode=ro`` still needs the WAL's ``-shm`` file; in a read-only folder
    it cannot be created, and then, when no WAL is left to read (the last
    writer closed cleanly), the file is opened as immutable instead.
    """
    uri = f"file:{quote(str(path))}?mode=ro"

    def connect(target: str) -> sqlite3.Connection:
        connection = sqlite3.connect(target, uri=True, timeout=timeout, check_same_thread=False)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection

    try:
        connect(uri).close()
    except sqlite3.OperationalError:
        wal = path.with_name(path.name + "-wal")
        if os.access(path.parent, os.W_OK) or (wal.exists() and wal.stat().st_size):
            raise
        uri += "&immutable=1"
    return lambda: connect(uri)


def refuse_if_damaged(path: Path, timeout: float) -> None:
    """Run ``PRAGMA quick_check`` on a file about to be written to.

    Writing into a damaged file spreads the damage and can make it
    unrecoverable, so this runs before the first write of a process (at
    open, before any migration). quick_check reads every page once but
    skips the index-content comparisons of integrity_check: on a 53 MB
    database of 180 long articles it took 0.06 s with the file in the page
    cache (integrity_check 0.16 s); from a cold disk it costs one read of
    the file. ``make bench`` times it on 50 MB. A read-only file is not
    checked: nothing will be written to it.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        problems = _quick_check(f"file:{quote(str(path))}?mode=ro", timeout)
    except sqlite3.OperationalError as error:
        name = getattr(error, "sqlite_errorname", "")
        if not name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
        # A crashed writer left a journal or WAL that only a writing
        # connection may replay; replaying it is SQLite's own crash recovery.
        problems = _quick_check(str(path), timeout)
    if problems != ["ok"]:
        raise NotADatabaseError(
            f"{path} is damaged (SQLite reports: {problems[0]}); nothing was written to it.",
            _restore_hint(path),
        )


def _quick_check(target: str, timeout: float) -> list[str]:
    connection = sqlite3.connect(target, uri=True, timeout=timeout, check_same_thread=False)
    try:
        return [row[0] for row in connection.execute(f"PRAGMA quick_check({QUICK_CHECK_LIMIT})")]
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        return [str(error)]
    finally:
        connection.close()


def is_damage(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    text = str(error).lower()
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text


def _restore_hint(path: Path) -> str:
    backups = sorted(path.parent.glob(f"{path.name}.*.bak"), key=lambda p: p.stat().st_mtime)
    if backups:
        return (
            f"Restore the copy made before the last upgrade ({backups[-1].name}) or your own backup; "
            "keep the damaged file aside, do not open it again."
        )
    return "Restore the file from your backup; keep the damaged file aside, do not open it again."
