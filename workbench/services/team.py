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

__all__ = [
    "GROUP", "Identity", "Member", "grant_reviewers", "login_name", "set_display_name", "team_members", "who_am_i",
]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who edits: the database role (None on SQLite) and the name history shows."""

    role: str | None
    display_name: str


@dataclass(frozen=True, slots=True)
class Member:
    """Someone a claim can be assigned to: the name stored (the role on PostgreSQL) and the name shown."""

    assignee: str
    display_name: str

    @property
    def label(self) -> str:
        """"Alice Smith (alice)" when the role and the name differ, else the name."""
        if self.display_name == self.assignee:
            return self.assignee
        return f"{self.display_name} ({self.assignee})"


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


def team_members(db: Database, me: Identity | None = None) -> list[Member]:
    """Whom a claim can be assigned to: the team's roles and named reviewers, the names already
    assigned, and ``me``; by name. On PostgreSQL a member is assigned by role, which no one can rename."""
    named, roles, assigned = reviewers.team_names(db)
    members: dict[str, Member] = {}
    if db.is_sqlite:  # no roles: a reviewer is the name their changes are shown under
        for name in named.values():
            members[name] = Member(name, name)
    else:
        for role in {*roles, *named}:
            members[role] = Member(role, named.get(role, role))
    if me is not None:
        mine = me.role or me.display_name
        members.setdefault(mine, Member(mine, me.display_name))
    for name in assigned:
        members.setdefault(name, Member(name, named.get(name, name) if not db.is_sqlite else name))
    return sorted(members.values(), key=lambda m: (m.display_name.casefold(), m.assignee))


def grant_reviewers(db: Database, roles: Sequence[str]) -> list[str]:
    """The owner's one command: each role may open, review and import (see storage.team_grants)."""
    return team_grants.grant_reviewers(db, roles)
