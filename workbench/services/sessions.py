"""Review sessions: list, find, open, create, rename, duplicate, delete, remember where
the reviewer was. Reads pass through to storage; each write is one transaction."""

from __future__ import annotations

from sqlalchemy import func, select

from workbench.domain.errors import NotFoundError
from workbench.domain.records import SessionSummary
from workbench.storage import sessions as _sessions
from workbench.storage.database import Database
from workbench.storage.models import Article, ReviewSession

__all__ = [
    "SessionSummary", "create_session", "delete_session", "delete_session_if_empty", "duplicate_session",
    "find_or_create_session", "find_session", "get_session", "list_sessions", "rename_session",
    "load_ui_state", "save_ui_state", "session_ids",
]

session_ids = _sessions.session_ids
list_sessions = _sessions.list_sessions
get_session = _sessions.get_session
find_session = _sessions.find_session
create_session = _sessions.create_session
rename_session = _sessions.rename_session
duplicate_session = _sessions.duplicate_session
delete_session = _sessions.delete_session
save_ui_state = _sessions.save_ui_state
load_ui_state = _sessions.load_ui_state


def find_or_create_session(db: Database, name: str, *, reviewer: str) -> tuple[SessionSummary, bool]:
    """The session named ``name`` (title or id), or a new one with that title; and whether it is new."""
    try:
        return find_session(db, name), False
    except NotFoundError:
        return create_session(db, name, reviewer=reviewer), True


def delete_session_if_empty(db: Database, session_id: int) -> bool:
    """Delete the session if it holds no article; say whether it went.

    One transaction: an import that stores an article meanwhile keeps its session.
    A removed article counts: it is kept (with its history), so its session is too.
    """
    with db.session() as orm:
        row = orm.get(ReviewSession, session_id)
        if row is not None:  # an article stored meanwhile waits for this (PostgreSQL), then finds no session
            _sessions.lock_for_delete(orm, session_id)
        articles = orm.scalar(select(func.count()).select_from(Article).where(Article.session_id == session_id))
        if row is None or row.deleted_at is not None or articles:
            return False
        orm.delete(row)
        return True

