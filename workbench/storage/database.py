"""Opening a database: resolve the location, configure the engine, migrate.

A ``Database`` wraps one SQLAlchemy engine and hands out short-lived ORM
sessions. Every repository call uses its own session and commits before it
returns, so an edit shown as saved is on disk; the ``*_in(session, ...)``
variants let a service put several of them in one transaction.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.errors import (
    DatabaseError,
    DatabaseFullError,
    DatabaseLockedError,
    DatabasePermissionError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    NotADatabaseError,
)
from workbench.storage.schema_check import schema_is_current
from workbench.storage.server_ping import ping_when_idle
from workbench.storage.sqlite_file import (
    check_sqlite_file,
    is_damage,
    read_only_connector,
    refuse_if_damaged,
)

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
    """The location for messages and settings: the file path, or the URL without its password.

    The password is left out, not masked: a saved address then opens next
    time with the password from ~/.pgpass, PGPASSWORD or a service file.
    """
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url._replace(password=None).render_as_string(hide_password=False)


@dataclass
class Database:
    engine: Engine
    url: URL
    sessions: sessionmaker[Session]
    # Opened read-only (the file or its folder cannot be written): reading
    # works, an edit raises DatabaseReadOnlyError.
    read_only: bool = False
    # The schema revision this program upgraded the database from when it
    # opened it (None: new or already current). Derived data the new schema
    # expects for older rows is filled in above storage (services.database).
    upgraded_from: str | None = None
    # Names this handle's writes in the change log, so a window skips its own changes.
    writer: str = field(default_factory=lambda: uuid.uuid4().hex)

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

    def check_reachable(self) -> None:
        """Raise ``DatabaseUnreachableError`` (or another ``DatabaseError``) unless the server answers now."""
        with translate_errors(self.location), self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

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

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads. On a server it runs without a
        transaction: no BEGIN and no ROLLBACK, two round trips fewer per read.
        Each statement still sees committed data only, as it would in the
        server's default (read committed) transaction."""
        if self.is_sqlite:
            with self.session() as session:
                yield session
            return
        session = self._autocommit_sessions()
        try:
            with translate_errors(self.location):
                yield session
        finally:
            session.close()

    @cached_property
    def _autocommit_sessions(self) -> sessionmaker[Session]:
        return sessionmaker(self.engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()


def open_database(location: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate a workbench database.

    Raises a ``DatabaseError`` subclass that names the file or URL and says what
    to do for: a file that is not a database or is damaged, a newer schema, a
    locked file, a full disk, an unreachable server. A SQLite file that cannot
    be written is opened read-only (``Database.read_only``): it lists and
    exports, and an edit raises ``DatabaseReadOnlyError``.
    """
    url = resolve_url(location)
    read_only = False
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database or "")
        with translate_errors(describe(url)):
            read_only = check_sqlite_file(path)
            if not read_only:
                refuse_if_damaged(path, BUSY_TIMEOUT_MS / 1000)
    with translate_errors(describe(url)):
        engine = _make_engine(url, read_only=read_only)
    db = Database(
        engine=engine, url=url, sessions=sessionmaker(engine, expire_on_commit=False), read_only=read_only
    )
    try:
        with translate_errors(db.location):
            with engine.connect() as connection:
                # One query shows the server answers and, for a database already
                # at this program's schema, spares Alembic's checks: on a remote
                # server each costs round trips at every start.
                at_head = migrate and schema_is_current(connection)
                if not at_head:
                    connection.exec_driver_sql("SELECT 1")
        if migrate and not at_head:
            from workbench.storage.migrate import migrate_to_head

            migrate_to_head(db)
        if migrate:
            # Only on a schema that has the log (at head now); every write from here on is logged.
            from workbench.storage.change_log import record_changes

            record_changes(db)
    except BaseException:
        engine.dispose()
        raise
    return db


def _make_engine(url: URL, *, read_only: bool = False) -> Engine:
    if url.get_backend_name() == "sqlite":
        if read_only:
            connector = read_only_connector(Path(url.database or ""), BUSY_TIMEOUT_MS / 1000)
            engine = create_engine(url, creator=connector)
            event.listen(engine, "connect", _sqlite_read_pragmas)
            return engine
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        engine = create_engine(url, connect_args=_server_connect_args(url))
    except NoSuchModuleError:
        raise DatabaseError(
            f"The workbench cannot talk to '{url.get_backend_name()}' databases ({describe(url)}).",
            "Use a SQLite file or a PostgreSQL URL (postgresql://user@host/dbname).",
        ) from None
    ping_when_idle(engine)
    return engine


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


def _sqlite_read_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # A read-only file keeps its journal mode; only settings that write nothing.
    cursor = dbapi_connection.cursor()
    try:
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
        raise _classify(error.orig, location) from error
    except DBAPIError as error:
        if is_permission_denied(error.orig):
            raise permission_error(error.orig, location) from error
        if _is_full(error.orig) or is_damage_text(error.orig):
            raise _classify(error.orig, location) from error
        raise
    except sqlite3.OperationalError as error:  # the checks made with sqlite3 itself
        raise _classify(error, location) from error
    except sqlite3.DatabaseError as error:
        if _is_full(error) or is_damage(error):
            raise _classify(error, location) from error
        raise


# PostgreSQL's insufficient_privilege: "permission denied for table ...",
# "must be owner of table ...".
INSUFFICIENT_PRIVILEGE = "42501"


def is_permission_denied(error: BaseException | None) -> bool:
    return getattr(error, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def permission_error(orig: BaseException | None, location: str) -> DatabasePermissionError:
    """A missing grant, named, with the command the database owner runs to give it."""
    first_line = (str(orig).strip().splitlines() or [""])[0]
    role = _role_of(location)
    return DatabasePermissionError(
        f"The database role {role or 'you connect as'} is missing a permission on {location} ({first_line}).",
        f"Ask the database owner to run: workbench team grant {role or 'ROLE'} --db {_owner_url(location)}",
    )


def _role_of(location: str) -> str | None:
    try:
        return make_url(location).username
    except ArgumentError:
        return None


def _owner_url(location: str) -> str:
    # The same database, as the owner would name it: without our user name.
    try:
        return make_url(location)._replace(username=None).render_as_string(hide_password=True)
    except ArgumentError:
        return location


def is_damage_text(error: BaseException | None) -> bool:
    text = str(error).lower()
    return "not a database" in text or "malformed" in text


def _is_full(error: BaseException | None) -> bool:
    # SQLITE_FULL: the disk, or the database's own page limit, left no room;
    # 53100 is PostgreSQL's disk_full.
    name = getattr(error, "sqlite_errorname", "")
    text = str(error).lower()
    return (
        name == "SQLITE_FULL"
        or getattr(error, "sqlstate", None) == "53100"
        or "database or disk is full" in text
        or "no space left on device" in text
    )


def _classify(orig: BaseException | None, location: str) -> DatabaseError:
    text = str(orig).lower()
    name = getattr(orig, "sqlite_errorname", "") or ""
    if _is_full(orig) or (name.startswith("SQLITE_IOERR") and _disk_nearly_full(location)):
        return DatabaseFullError(
            f"The disk holding {location} is full; nothing more can be saved there.",
            "Free some space on that disk and try again; what was saved before is intact.",
        )
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            f"{location} is locked by another program or reviewer.",
            "Wait a moment and try again; if it stays locked, close other copies of the workbench.",
        )
    if "readonly" in text or "read-only" in text or "attempt to write" in text:
        return DatabaseReadOnlyError(
            f"The database {location} is read-only, so edits could not be saved.",
            "Make the file and its folder writable, or copy it somewhere you can write.",
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
    first_line = (str(orig).strip().splitlines() or [""])[0]
    if isinstance(orig, sqlite3.Error):  # a file, not a server: no network to blame
        if name.startswith("SQLITE_IOERR"):
            return DatabaseError(
                f"The disk holding {location} reported an error ({first_line}).",
                "Check the disk and try again; if it persists, copy the file elsewhere.",
            )
        return DatabaseError(
            f"{location} could not be used: {first_line}",
            "Try again; if it persists, copy the file elsewhere or restore its .bak copy.",
        )
    if "no password supplied" in text or "password authentication failed" in text:
        return DatabaseUnreachableError(
            f"The database at {location} wants a password: {first_line}",
            "Put it in ~/.pgpass (or a service file, or PGPASSWORD), or run the command in a "
            "terminal to be asked for it; a password in the URL would show to other users in `ps`.",
        )
    return DatabaseUnreachableError(
        f"Cannot reach the database at {location}: {first_line}",
        "Check that the server is running, the address and credentials are right, "
        "and your network is up.",
    )


# Below this much free space a disk I/O error is most likely the disk being
# full: SQLite reports a failed write of its WAL index (-shm) as an I/O error.
NEARLY_FULL_BYTES = 1 << 20


def _disk_nearly_full(location: str) -> bool:
    folder = Path(location).parent
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False
