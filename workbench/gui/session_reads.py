"""What the window reads of a session before showing it, in a worker job (never on the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.gui.deferred import deferred
from workbench.gui.recheck_control import session_badges

if TYPE_CHECKING:
    from workbench.domain.records import ArticleRecord, SessionSummary
    from workbench.services.database import Database

session_service = deferred("workbench.services.sessions")
article_service = deferred("workbench.services.articles_read")


@dataclass(frozen=True)
class SessionRead:
    """What the window shows of a session, read off the GUI thread."""

    summary: SessionSummary
    state: dict[str, Any]
    articles: list[ArticleRecord]
    badges: dict[int, str]

    @classmethod
    def new(cls, summary: SessionSummary) -> SessionRead:
        """A session just created: nothing in it to read."""
        return cls(summary, {}, [], {})


def read_session(db: Database, session_id: int, reviewer: str) -> SessionRead:
    """The session, this reviewer's place in it, its articles and their badges (a worker job's reads)."""
    return SessionRead(
        session_service.get_session(db, session_id),
        session_service.load_ui_state(db, session_id, reviewer),
        article_service.list_articles(db, session_id),
        session_badges(db, session_id),
    )


def first_session(db: Database, recent: list[tuple[str, int, str]], prefer: int | None = None) -> int | None:
    """The session to show on opening ``db``: ``prefer`` if it is there, else the last one open
    there, else the first listed; None if there is none."""
    sessions = session_service.session_ids(db)
    known = set(sessions)
    if prefer in known:
        return prefer
    wanted = next((sid for location, sid, _t in recent if location == db.location and sid in known), None)
    return wanted if wanted is not None else (sessions[0] if sessions else None)
