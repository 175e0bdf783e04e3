"""A team on one database: who I am, my display name, and the owner's grants.

On PostgreSQL the reviewer is the database role (the server says which);
its display name is stored in the database, once per role, so every
machine shows the same name. On a SQLite file the name is the one chosen on
this machine (``WORKBENCH_REVIEWER`` or the window's settings), else the
display name stored for the login name, else the login name.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.domain.errors import InvalidValueError
from workbench.storage import reviewers, team_grants
from workbench.storage.database import Database
from workbench.storage.team_grants import GROUP

__all__ = ["GROUP", "Identity", "grant_reviewers", "login_name", "set_display_name", "who_am_i"]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who edits: the database role (None on SQLite) and the name history shows."""

    role: str | None
    display_name: str


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): a neutral default
        return "reviewer"


def who_am_i(db: Database, chosen: str | None = None) -> Identity:
    """The reviewer editing ``db``. ``chosen``: a name picked on this machine (SQLite only)."""
    role = reviewers.current_role(db)
    if role is not None:
        return Identity(role, reviewers.display_name(db, role) or role)
    if chosen:
        return Identity(None, chosen)
    login = login_name()
    return Identity(None, reviewers.display_name(db, login) or login)


def set_display_name(db: Database, name: str) -> Identity:
    """Set the name one's changes are shown under, for every machine using ``db``."""
    name = " ".join(name.split())
    if not name:
        raise InvalidValueError("A display name cannot be empty.", 'Give a name, for example "Alice Smith".')
    role = reviewers.current_role(db)
    reviewers.set_display_name(db, role or login_name(), name)
    return Identity(role, name[: reviewers.MAX_NAME])


def grant_reviewers(db: Database, roles: Sequence[str]) -> list[str]:
    """The owner's one command: each role may open, review and import (see storage.team_grants)."""
    return team_grants.grant_reviewers(db, roles)
