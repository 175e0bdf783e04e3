"""Whether a database is at this program's schema, in one query.

Alembic's own check asks whether its table exists before reading it: two
queries, and on a remote server two more round trips at every start. A
database at the head revision answers the one query here; anything else
(a new database, an older one, an error) is left to the full migration path.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from workbench.storage.schema_head import HEAD_REVISION


def schema_is_current(connection: Connection) -> bool:
    try:
        stored = list(connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
    except DBAPIError:  # no such table yet, or no right to read it: the full path says what to do
        connection.rollback()
        return False
    return stored == [HEAD_REVISION]
