"""Open a workbench database for the window and the command line.

Storage opens and migrates the schema; what a migration cannot do, because
it is program logic and migrations must not import live code, happens
here: claims of a database upgraded from before the claim memory existed
are indexed on open.
"""

from __future__ import annotations

import os

from workbench.storage import database
from workbench.storage.database import Database


def open_database(location: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """``storage.database.open_database``, then the derived data an upgrade leaves out."""
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
