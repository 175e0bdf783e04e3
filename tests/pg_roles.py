"""Login roles on the test PostgreSQL server, as a newsroom's reviewers would have them.

Roles belong to the whole server, not to one test database: each test names
its own (with the process id) and drops them, and what they own, after.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import text

from workbench.domain.review import EDITOR_ROLE
from workbench.storage.database import Database


@contextmanager
def login_roles(owner: Database, names: Sequence[str], *, editors: Sequence[str] = (),
                table_rights: bool = False) -> Iterator[None]:
    """``names`` as login roles while the block runs; ``editors`` among them are members of the
    editors' group. ``table_rights``: each may read and write every table (as ``team grant`` does
    for the tables' owner; a test of grants themselves leaves it off)."""
    with owner.engine.begin() as connection:
        # The group may exist from another test: it is made once and kept.
        connection.execute(text(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EDITOR_ROLE}') "
            f"THEN CREATE ROLE {EDITOR_ROLE} NOLOGIN; END IF; END $$"
        ))
        for role in names:
            connection.execute(text(f"CREATE ROLE {role} LOGIN"))
            if table_rights:
                connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
                connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"))
                connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}"))
        for role in editors:
            connection.execute(text(f"GRANT {EDITOR_ROLE} TO {role}"))
    try:
        yield
    finally:
        with owner.engine.begin() as connection:
            for role in names:
                connection.execute(text(f"DROP OWNED BY {role}"))
                connection.execute(text(f"DROP ROLE {role}"))
