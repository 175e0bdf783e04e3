"""Alembic, run from code when a database is opened.

A new database is upgraded from empty; an older one is backed up first (for
a SQLite file, a copy beside it) and then upgraded; one whose schema is newer
than this program is refused before anything is written.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from workbench.domain.errors import (
    DatabaseError,
    DatabasePermissionError,
    DatabaseReadOnlyError,
    NotADatabaseError,
    SchemaTooNewError,
)
from workbench.paths import migrations_dir
from workbench.storage.database import is_permission_denied, translate_errors

if TYPE_CHECKING:
    from workbench.storage.database import Database


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate_to_head(db: Database) -> Path | None:
    """Bring the schema to this program's head. Returns the backup made, if any."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with translate_errors(db.location):
        current = current_revision(db)
    if current == head:
        return None
    if db.read_only:
        raise DatabaseReadOnlyError(
            f"{db.location} is read-only and was made by an older version of the workbench, "
            "so it cannot be upgraded.",
            "Make the file and its folder writable once so it can be upgraded, "
            "or copy it somewhere you can write.",
        )
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise SchemaTooNewError(
            f"{db.location} was made by a newer version of the workbench (schema {current}).",
            "Update the workbench to open it; nothing was changed.",
        )
    if current is None and _has_foreign_tables(db):
        raise NotADatabaseError(
            f"{db.location} is a database, but not a workbench one.",
            "Choose the file the workbench created, or a new file name.",
        )
    backup = _backup_sqlite(db, current) if current is not None else None
    try:
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as error:
        if is_permission_denied(error.orig):
            raise _cannot_upgrade(db, current) from error
        raise
    db.upgraded_from = current
    return backup


def _cannot_upgrade(db: Database, current: str | None) -> DatabaseError:
    role = db.url.username or "you connect as"
    if current is None:
        return DatabasePermissionError(
            f"{db.location} has no workbench tables yet, and the role {role} may not create them.",
            "Open it once as the database owner (or a role allowed to create tables in it); "
            "the owner then runs `workbench team grant ROLE` for each reviewer.",
        )
    return DatabasePermissionError(
        f"{db.location} must be upgraded to this version of the workbench (from schema {current}), "
        f"and the role {role} may not change its tables.",
        "Ask the database owner to open it once with this version (for example `workbench sessions "
        "--db URL`); nothing was changed.",
    )


def _has_foreign_tables(db: Database) -> bool:
    names = set(inspect(db.engine).get_table_names())
    return bool(names - {"alembic_version"})


def _backup_sqlite(db: Database, revision: str) -> Path | None:
    """Copy the file (and its WAL) aside before a migration touches it."""
    path = db.file_path
    if path is None or not path.exists():
        return None
    with db.engine.connect() as connection:  # fold the WAL into the file first
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.{revision}.{stamp}.bak")
    shutil.copy2(path, backup)
    return backup
