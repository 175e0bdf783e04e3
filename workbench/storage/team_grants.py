"""What the database owner grants so colleagues can review on the same PostgreSQL database.

Everything goes to one group role, ``workbench_reviewer``, and each
reviewer's login role is made a member: a table added by a later migration
(run by the owner) is granted once, through default privileges, not once
per reviewer. History is append-only for reviewers: they may read and add
rows, never change or delete them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection

from workbench.domain.errors import DatabaseError, InvalidValueError
from workbench.storage.database import Database, translate_errors
from workbench.storage.models import Base

GROUP = "workbench_reviewer"
# Reviewers append to these and read them; only the owner changes or deletes rows
# (a source's archived copies are evidence: kept as fetched, never rewritten).
APPEND_ONLY = frozenset({"claim_history", "source_snapshot"})
# Reviewers read the schema revision; only the owner migrates.
READ_ONLY = frozenset({"alembic_version"})
WORKING_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"


def grant_reviewers(db: Database, roles: Sequence[str]) -> list[str]:
    """Give each role what a reviewer needs, through the group role; returns the roles granted."""
    if db.is_sqlite:
        raise InvalidValueError(
            f"{db.location} is a SQLite file: it has no database roles to grant.",
            "Anyone who can write the file can review in it; `workbench team grant` is for PostgreSQL.",
        )
    if not roles:
        raise InvalidValueError("Name at least one role to grant.", "For example: workbench team grant alice bob")
    with translate_errors(db.location), db.engine.begin() as connection:
        quote = connection.dialect.identifier_preparer.quote
        _refuse_unknown_roles(connection, roles)
        _refuse_unless_owner(connection, db.location)
        _ensure_group(connection)
        schema = quote(str(connection.scalar(text("SELECT current_schema()"))))
        database = quote(str(connection.scalar(text("SELECT current_database()"))))
        group = quote(GROUP)
        statements = [
            f"GRANT CONNECT ON DATABASE {database} TO {group}",
            f"GRANT USAGE ON SCHEMA {schema} TO {group}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {group}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT {WORKING_PRIVILEGES} ON TABLES TO {group}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {group}",
        ]
        for table in _tables(connection):
            name = f"{schema}.{quote(table)}"
            if table in APPEND_ONLY:
                statements.append(f"REVOKE UPDATE, DELETE, TRUNCATE ON {name} FROM {group}")
                statements.append(f"GRANT SELECT, INSERT ON {name} TO {group}")
            elif table in READ_ONLY:
                statements.append(f"GRANT SELECT ON {name} TO {group}")
            else:
                statements.append(f"GRANT {WORKING_PRIVILEGES} ON {name} TO {group}")
        statements += [f"GRANT {group} TO {quote(role)}" for role in roles]
        for statement in statements:
            connection.exec_driver_sql(statement)
    return list(roles)


def _tables(connection: Connection) -> list[str]:
    """The workbench's tables that exist here (a newer program's extra tables are its own)."""
    present = set(
        connection.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
    )
    known = {table.name for table in Base.metadata.sorted_tables} | READ_ONLY
    return sorted(present & known)


def _refuse_unknown_roles(connection: Connection, roles: Sequence[str]) -> None:
    existing = set(connection.scalars(text("SELECT rolname FROM pg_roles")))
    if missing := [role for role in roles if role not in existing]:
        raise InvalidValueError(
            f"There is no database role {', '.join(missing)} on this server.",
            f"Create it first (as an administrator): CREATE ROLE {missing[0]} LOGIN PASSWORD '...';",
        )


def _refuse_unless_owner(connection: Connection, location: str) -> None:
    owner = connection.scalar(
        text(
            "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'claim'"
        )
    )
    if owner is None:
        raise DatabaseError(
            f"{location} has no workbench tables yet.",
            "Open it once as the owner (for example `workbench sessions --db URL`), then grant.",
        )
    may = connection.scalar(text("SELECT pg_has_role(current_user, :owner, 'USAGE')"), {"owner": owner})
    if not may:
        user = connection.scalar(text("SELECT current_user"))
        raise DatabaseError(
            f"Only the owner of the workbench tables ({owner}) can grant reviewers; you are {user}.",
            f"Run `workbench team grant` connected as {owner}.",
        )


def _ensure_group(connection: Connection) -> None:
    exists = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :group"), {"group": GROUP})
    if exists:
        return
    may_create = connection.scalar(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    )
    if not may_create:
        raise DatabaseError(
            f"The group role {GROUP} does not exist, and your role may not create roles.",
            f"Ask an administrator to run: CREATE ROLE {GROUP} NOLOGIN; then run the grant again.",
        )
    connection.exec_driver_sql(f"CREATE ROLE {connection.dialect.identifier_preparer.quote(GROUP)} NOLOGIN")
