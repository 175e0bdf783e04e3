"""Opening the database: the one handle the GUI and the CLI hold.

They keep a ``Database`` and hand it back to the other ``services`` functions;
how it talks to SQLite or PostgreSQL stays behind this door. Storage opens and
migrates the schema; what a migration cannot do, because it is program logic
and migrations must not import live code, happens here: claims of a database
upgraded from before the claim memory existed are indexed on open.
"""

from __future__ import annotations

import os

import sqlalchemy

from workbench.storage import database
from workbench.storage.database import Database

__all__ = ["Database", "default_database_path", "open_database", "storage_library_version"]

default_database_path = database.default_database_path


def open_database(location: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """The database at ``location`` (a file path or an SQLAlchemy URL; the default file
    when None), created or brought up to date, with the derived data an upgrade leaves
    out. Raises a ``DatabaseError`` that says why not."""
    db = database.open_database(location, migrate=migrate)
    if db.upgraded_from is not None:
        # Imported here: the normaliser loads the detector, which opening a current database never needs.
        from workbench.memory.indexing import index_unindexed

        try:
            with db.session() as session:
                index_unindexed(session)
        except BaseException:
            db.close()
            raise
    return db


def storage_library_version() -> tuple[str, str]:
    """The database library's name and version, for the About box."""
    return "SQLAlchemy", sqlalchemy.__version__
