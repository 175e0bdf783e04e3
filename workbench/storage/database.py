"""Opening a database: resolve the location, configure the engine, migrate.

A ``Database`` wraps one SQLAlchemy engine and hands out short-lived ORM
sessions. Every repository call uses its own session and commits before it
returns, so an edit shown as saved is on disk.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.errors import (
    DatabaseError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    NotADatabaseError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a writer waits for another reviewer's transaction before giving up.
BUSY_TIMEOUT_MS = 5000


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("workbench", appauthor=False)) / "workbench.sqlite"


def resolve_url(location: str | os.PathLike[str] | None) -> URL:
    """A path or any SQLAlchemy URL; None means the default file in the user data folder."""
    if location is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return URL.create("sqlite+pysqlite", database=str(path))
    text = os.fspath(location)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError:
            raise DatabaseError(
                f"'{text}' is not a database URL the workbench understands.",
                "Give a SQLite file path or a URL such as postgresql+psycopg://user@host/dbname.",
            ) from None
        if url.drivername == "postgresql":  # use the driver we ship
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))


def describe(url: URL) -> str:
    """The location for messages: the file path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


@dataclass
class Database:
    engine: Engine
    url: URL
    sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def location(self) -> str:
        return describe(self.url)

    @property
    def file_path(self) -> Path | None:
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            return Path(self.url.database or "")
        return None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error."""
        session = self.sessions()
        try:
            with translate_errors(self.location):
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(location: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate a workbench database.

    Raises a ``DatabaseError`` subclass that names the file or URL and says what
    to do for: a file that is not a database, a newer schema, a read-only or
    locked file, an unreachable server.
    """
    url = resolve_url(location)
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(url)
    engine = _make_engine(url)
    db = Database(engine=engine, url=url, sessions=sessionmaker(engine, expire_on_commit=False))
    try:
        with translate_errors(db.location):
            with engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        if migrate:
            from workbench.storage.migrate import migrate_to_head

            migrate_to_head(db)
    except BaseException:
        engine.dispose()
        raise
    return db


def _check_sqlite_file(url: URL) -> None:
    """Refuse what is not a SQLite file, before SQLite is asked to write anything."""
    if url.database in (None, "", ":memory:"):
        return
    path = Path(url.database)
    if path.is_dir():
        raise NotADatabaseError(
            f"{path} is a folder, not a database file.",
            "Choose a file name such as review.sqlite.",
        )
    if path.exists():
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
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnlyError(
                f"{path} is read-only, so edits could not be saved.",
                "Make the file and its folder writable, or copy it somewhere you can write.",
            )
    else:
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


def _make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=_server_connect_args(url))
    except NoSuchModuleError:
        raise DatabaseError(
            f"The workbench cannot talk to '{url.get_backend_name()}' databases ({describe(url)}).",
            "Use a SQLite file or a PostgreSQL URL (postgresql://user@host/dbname).",
        ) from None


def _server_connect_args(url: URL) -> dict[str, object]:
    # An unreachable server should fail in seconds, not hang the window.
    return {"connect_timeout": 5} if url.get_backend_name() == "postgresql" else {}


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets a second reviewer read while one writes; FULL sync makes a
        # committed edit survive a crash or power cut.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


@contextmanager
def translate_errors(location: str) -> Iterator[None]:
    """Turn driver errors a user can meet into messages that say what to do."""
    try:
        yield
    except OperationalError as error:
        raise _classify(error, location) from error
    except DBAPIError as error:
        if "not a database" in str(error.orig).lower() or "malformed" in str(error.orig).lower():
            raise _classify(error, location) from error
        raise


def _classify(error: DBAPIError, location: str) -> DatabaseError:
    text = str(error.orig).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            f"{location} is locked by another program or reviewer.",
            "Wait a moment and try again; if it stays locked, close other copies of the workbench.",
        )
    if "readonly" in text or "read-only" in text or "attempt to write" in text:
        return DatabaseReadOnlyError(
            f"{location} is read-only, so edits could not be saved.",
            "Make the file and its folder writable, or choose another database.",
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return NotADatabaseError(
            f"{location} is not a workbench database, or it is damaged.",
            "Choose another file; if it is yours, restore it from its .bak copy.",
        )
    if "unable to open" in text:
        return DatabaseError(
            f"{location} cannot be opened.",
            "Check that the folder exists and that you may write to it.",
        )
    if "disk" in text and "full" in text:
        return DatabaseError(f"The disk holding {location} is full.", "Free some space and try again.")
    return DatabaseUnreachableError(
        f"Cannot reach the database at {location}: {str(error.orig).strip().splitlines()[0]}",
        "Check that the server is running, the address and credentials are right, "
        "and your network is up.",
    )
