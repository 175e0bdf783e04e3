"""The change log: what each committed write touched, for other windows to catch up from.

Every write made through a ``Database``'s sessions is summed up at commit, in
the writer's own transaction, as one ``change_log`` row: the sessions,
claims, articles and sources it touched. The summary is taken from the ORM
session's flushes (``after_flush``), so no edit path has to remember to log
itself; writes made with plain SQL statements still touch their review
session (``touch_session``), which logs a change of the whole session.

Readers keep the last id they saw and read the rows after it. On PostgreSQL
the writer also sends a NOTIFY on ``CHANNEL`` (delivered only if the
transaction commits), so a listener wakes at once instead of polling; the
payload names the row and its sessions, not every claim id, because an
import touches thousands of claims and a NOTIFY payload is limited to 8000
bytes.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, event, func, select, text
from sqlalchemy.orm import Session

from workbench.domain.errors import DatabaseUnreachableError
from workbench.storage.database import Database, translate_errors
from workbench.storage.models import (
    Article,
    ArticleVersion,
    ChangeLog,
    Claim,
    ClaimHistory,
    Evidence,
    Reviewer,
    ReviewSession,
    Source,
    SourceSnapshot,
)

log = logging.getLogger(__name__)

CHANNEL = "workbench_changes"
# Above this many claims a change says "many" instead of naming them: the reader reads the list again.
MANY = 500
# Rows kept; every PRUNE_EVERY-th row written removes the ones older than that.
KEEP = 5000
PRUNE_EVERY = 200
_PENDING = "workbench_change_log"


@dataclass
class _Touched:
    """What the flushes of one transaction touched, gathered until it commits."""

    by: str = ""
    sessions: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    removed_claims: set[int] = field(default_factory=set)
    claim_articles: set[int] = field(default_factory=set)  # articles whose claims came or went
    articles: set[int] = field(default_factory=set)  # articles touched in any way
    texts: set[int] = field(default_factory=set)  # articles with a new version (a re-check)
    sources: set[int] = field(default_factory=set)
    articles_changed: bool = False  # articles came or went
    session_touched: bool = False
    team: bool = False  # a display name set: in no session, shown to every window

    def add(self, obj: object, how: str) -> None:
        if isinstance(obj, Claim):
            self._by(obj.updated_by or obj.created_by)
            self.articles.add(obj.article_id)
            if how == "deleted":
                self.removed_claims.add(obj.id)
                self.claim_articles.add(obj.article_id)
            else:
                self.claims.add(obj.id)
                if how == "new":
                    self.claim_articles.add(obj.article_id)
        elif isinstance(obj, ClaimHistory):
            self._by(obj.by)
            self.claims.add(obj.claim_id)
        elif isinstance(obj, Evidence):
            self._by(obj.created_by)
            self.claims.add(obj.claim_id)
            self.sources.add(obj.source_id)
        elif isinstance(obj, Source):
            self.sources.add(obj.id)
            self.sessions.add(obj.session_id)
        elif isinstance(obj, SourceSnapshot):  # a source archived or re-checked: its readers refresh
            self._by(obj.fetched_by)
            self.sources.add(obj.source_id)
        elif isinstance(obj, Article):
            self.articles.add(obj.id)
            self.sessions.add(obj.session_id)
            self.articles_changed = self.articles_changed or how != "dirty"
        elif isinstance(obj, ArticleVersion):
            self.articles.add(obj.article_id)
            if how == "new" and obj.number > 1:
                self.texts.add(obj.article_id)
        elif isinstance(obj, ReviewSession):
            self.sessions.add(obj.id)
            self.session_touched = True
        elif isinstance(obj, Reviewer):
            self.team = True

    def _by(self, name: str | None) -> None:
        self.by = self.by or (name or "")

    @property
    def anything(self) -> bool:
        return bool(self.claims or self.removed_claims or self.articles or self.sources or self.session_touched
                    or self.team)

    def detail(self, sessions: set[int]) -> dict[str, Any]:
        many = len(self.claims) + len(self.removed_claims) > MANY
        return {
            "sessions": sorted(sessions),
            "claims": [] if many else sorted(self.claims - self.removed_claims),
            "removed_claims": [] if many else sorted(self.removed_claims),
            "many_claims": many,
            "claim_articles": sorted(self.claim_articles | (self.articles if many else set())),
            "articles": sorted(self.articles),
            "texts": sorted(self.texts),
            "sources": sorted(self.sources),
            # Only the session touched: a write made with plain SQL statements (an
            # article removed or put back), whose rows the flushes did not see.
            "articles_changed": self.articles_changed or not (
                self.claims or self.removed_claims or self.articles or self.sources or self.team
            ),
            "team": self.team,
        }


def note_insert(session: Session, model: type, values: dict[str, Any], new_id: int) -> None:
    """Log a row inserted with a plain statement (``INSERT ... ON CONFLICT``), which no flush sees."""
    touched = session.info.setdefault(_PENDING, _Touched())
    touched.add(model(**values, id=new_id), "new")


def record_changes(db: Database) -> None:
    """Log every committed write made through ``db`` (called once, when it is opened)."""
    db.sessions.configure(info={"writer": db.writer})
    event.listen(db.sessions, "after_flush", _gather)
    event.listen(db.sessions, "before_commit", _write)
    event.listen(db.sessions, "after_rollback", _forget)


def _gather(session: Session, _context: object) -> None:
    touched = session.info.setdefault(_PENDING, _Touched())
    for obj in session.new:
        touched.add(obj, "new")
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            touched.add(obj, "dirty")
    for obj in session.deleted:
        touched.add(obj, "deleted")


def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _write(session: Session) -> None:
    session.flush()  # the last changes are flushed after before_commit: gather them now
    touched: _Touched | None = session.info.pop(_PENDING, None)
    if touched is None or not touched.anything:
        return
    sessions = set(touched.sessions)
    if touched.articles:
        sessions |= set(session.scalars(select(Article.session_id).where(Article.id.in_(touched.articles))))
    row = ChangeLog(by=touched.by, writer=str(session.info.get("writer", "")), detail=touched.detail(sessions))
    session.add(row)
    session.flush()
    session.info.pop(_PENDING, None)  # that flush gathered only the log row itself
    if row.id % PRUNE_EVERY == 0:
        session.execute(delete(ChangeLog).where(ChangeLog.id <= row.id - KEEP))
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        payload = json.dumps({"id": row.id, "sessions": sorted(sessions)})
        session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})


@dataclass(frozen=True, slots=True)
class LoggedChange:
    id: int
    by: str
    writer: str
    detail: dict[str, Any]


def latest_id(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.max(ChangeLog.id))) or 0)


def changes_after(db: Database, after_id: int, limit: int = 1000) -> list[LoggedChange]:
    with db.session() as session:
        rows = session.scalars(
            select(ChangeLog).where(ChangeLog.id > after_id).order_by(ChangeLog.id).limit(limit)
        ).all()
        return [LoggedChange(r.id, r.by, r.writer, dict(r.detail or {})) for r in rows]


class Listener:
    """A connection of its own that LISTENs on ``CHANNEL`` (PostgreSQL only).

    Taken out of the engine's pool (so the LISTEN never reaches a connection
    other code uses) and in autocommit, as notifications arrive only between
    transactions.
    """

    def __init__(self, db: Database) -> None:
        with translate_errors(db.location):
            pooled = db.engine.raw_connection()
            pooled.detach()
            self._connection: Any = pooled.dbapi_connection
            self._connection.autocommit = True
            self._connection.execute(f"LISTEN {CHANNEL}")
        self._location = db.location

    def wait(self, timeout: float) -> bool:
        """True when a change was announced within ``timeout`` seconds."""
        try:
            return any(True for _ in self._connection.notifies(timeout=timeout, stop_after=1))
        except Exception as error:  # the server or the network went away
            raise DatabaseUnreachableError(
                f"Lost the connection to {self._location} that brings colleagues' changes ({error}).",
                "The window will try again; check the server and your network.",
            ) from None

    def close(self) -> None:
        try:
            self._connection.close()
        except Exception:  # already gone with the server: nothing to close
            log.debug("listener connection already closed", exc_info=True)

    def __del__(self) -> None:
        # A feed handed back by a watch job after its window closed is dropped unclosed
        # (the window no longer takes late results): its connection goes with it, closed.
        connection = getattr(self, "_connection", None)
        if connection is not None and not connection.closed:
            self.close()
