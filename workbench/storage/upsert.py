"""``INSERT ... ON CONFLICT`` for the database a session is bound to.

Both SQLite and PostgreSQL have it, each in its own dialect module; only the
one in use is imported (the PostgreSQL dialect alone costs some 50 ms of a
start on a local file).
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy.orm import Session


def dialect_insert(session: Session, table: Any) -> Any:
    """The dialect's ``insert(table)``, which has ``on_conflict_do_update`` / ``..._do_nothing``."""
    name = "postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"
    return importlib.import_module(f"sqlalchemy.dialects.{name}").insert(table)
