"""Opening the database: the one handle the GUI and the CLI hold.

They keep a ``Database`` and hand it back to the other ``services`` functions;
how it talks to SQLite or PostgreSQL stays behind this door.
"""

from __future__ import annotations

import os

import sqlalchemy

from workbench.storage import database as _database
from workbench.storage.database import Database

__all__ = ["Database", "default_database_path", "open_database", "storage_library_version"]

default_database_path = _database.default_database_path


def open_database(location: str | os.PathLike[str] | None = None) -> Database:
    """The database at ``location`` (a file path or an SQLAlchemy URL; the default file
    when None), created or brought up to date. Raises a ``DatabaseError`` that says why not."""
    return _database.open_database(location)


def storage_library_version() -> tuple[str, str]:
    """The database library's name and version, for the About box."""
    return "SQLAlchemy", sqlalchemy.__version__
