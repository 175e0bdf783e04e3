"""Who is reviewing: the database role, its display name, and each reviewer's window state.

On PostgreSQL a reviewer is a database role: the server knows it
(``current_user``), so no setting can claim another's name. A SQLite file
has no roles; there the reviewer is named by the login name (display
names) or by the display name itself (window state).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.domain.review import EDITOR_ROLE
from workbench.storage.database import Database
from workbench.storage.models import Article, Claim, Reviewer, ReviewSession, WindowState
from workbench.storage.team_grants import GROUP
from workbench.storage.upsert import dialect_insert

# Longest display name kept (the column's width).
MAX_NAME = 200
# Names offered for an assignment: enough for a newsroom desk, few enough for a list.
MAX_ASSIGNEES = 100
# The group roles whose login members are the team on PostgreSQL.
TEAM_GROUPS = (GROUP, EDITOR_ROLE)


def current_role(db: Database) -> str | None:
    """The database role this connection works as (PostgreSQL), or None (SQLite)."""
    if db.is_sqlite:
        return None
    with db.session() as session:
        return current_role_in(session)


def current_role_in(session: Session) -> str | None:
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        return None
    return str(session.scalar(text("SELECT current_user")))


def display_name(db: Database, role: str) -> str | None:
    """The name ``role`` chose to be shown under, if any."""
    with db.session() as session:
        row = session.get(Reviewer, role)
        return row.display_name if row is not None and row.display_name else None


def set_display_name(db: Database, role: str, name: str) -> None:
    """Record ``name`` as the display name of ``role`` (replacing an earlier one)."""
    with db.session() as session:
        row = session.get(Reviewer, role)
        if row is None:
            session.add(Reviewer(role=role, display_name=name[:MAX_NAME]))
        else:
            row.display_name = name[:MAX_NAME]


def team_names(db: Database) -> tuple[dict[str, str], list[str], list[str]]:
    """Who the team is: display names by role, the login roles of the team's groups
    (PostgreSQL; none on SQLite), and the names claims and articles are assigned to."""
    with db.session() as session:
        named = {row.role: row.display_name for row in session.scalars(select(Reviewer)) if row.display_name}
        roles: list[str] = []
        if session.get_bind().dialect.name == "postgresql":
            roles = list(session.scalars(text(
                "SELECT DISTINCT r.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = ANY(:groups) AND r.rolcanlogin "
                "ORDER BY r.rolname"
            ), {"groups": list(TEAM_GROUPS)}))
        assigned = set(session.scalars(
            select(Claim.assignee).where(Claim.assignee != "", Claim.deleted_at.is_(None)).distinct()
            .limit(MAX_ASSIGNEES)
        ))
        assigned |= set(session.scalars(select(Article.assignee).where(Article.assignee != "").distinct()
                                        .limit(MAX_ASSIGNEES)))
        return named, roles, sorted(assigned)


def window_state_key(db: Database, reviewer: str) -> str:
    """Whose window state to read or write: the role on PostgreSQL, else the display name."""
    return current_role(db) or reviewer


def save_window_state(db: Database, session_id: int, reviewer: str, state: dict[str, Any]) -> None:
    """Remember what ``reviewer`` had open in the session (only theirs changes)."""
    with db.session() as session:
        save_window_state_in(session, session_id, reviewer, state)


def save_window_state_in(session: Session, session_id: int, reviewer: str, state: dict[str, Any]) -> None:
    key = current_role_in(session) or reviewer
    # One statement, insert or replace: the window saves in the background and once more as it
    # closes, and a read-then-insert of both would meet on the primary key.
    statement = dialect_insert(session, WindowState).values(session_id=session_id, reviewer=key, ui_state=dict(state))
    session.execute(statement.on_conflict_do_update(
        index_elements=[WindowState.session_id, WindowState.reviewer],
        set_={"ui_state": statement.excluded.ui_state},
    ))


def load_window_state(db: Database, session_id: int, reviewer: str) -> dict[str, Any]:
    """What ``reviewer`` had open; a session saved before window state was per reviewer
    falls back to what was saved for everyone."""
    with db.session() as session:
        key = current_role_in(session) or reviewer
        state = session.scalar(
            select(WindowState.ui_state).where(WindowState.session_id == session_id, WindowState.reviewer == key)
        )
        if state is None:
            state = session.scalar(select(ReviewSession.ui_state).where(ReviewSession.id == session_id))
        return dict(state or {})
