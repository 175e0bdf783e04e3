"""Colleagues' changes, as they are committed: ``ChangeFeed.wait(timeout) -> list[Change]``.

Every write logs a row in the change log, in its own transaction
(``storage.change_log``). A feed remembers the last row it saw and hands
back what came after, skipping the rows its own ``Database`` wrote (the
window shows those already).

How it learns that there is something to read:
- PostgreSQL: a LISTEN on a connection of its own; ``wait`` blocks in
  ``notifies`` for at most ``timeout`` seconds, so the thread running it can
  stop.
- SQLite: polling ``max(id)`` of the log, one read of the primary key. A
  counter table rather than ``PRAGMA data_version``: the pragma says that
  *something* was committed by another connection (a window saving where its
  reviewer is, too) but not what, and it exists only on SQLite; the log says
  which claims and articles, the same way on both.

Qt-free: the GUI runs ``wait`` in a worker (``gui.live_updates``); a script
can loop on it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from workbench.domain.records import ClaimRecord
from workbench.storage import change_log
from workbench.storage.claims import claims_by_id_in
from workbench.storage.database import Database

# PostgreSQL hands out ids when a row is inserted, but a transaction that took
# an id earlier may commit later: look back this many ids for late rows.
LOOK_BACK = 100
# How often a SQLite feed looks at the log while it waits.
POLL_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Change:
    """One colleague's committed write, as the window needs it to refresh."""

    id: int
    by: str
    session_ids: frozenset[int]
    claim_ids: frozenset[int]  # claims edited or added (their rows are read again)
    removed_claim_ids: frozenset[int]
    claim_article_ids: frozenset[int]  # articles whose claims came or went
    article_ids: frozenset[int]  # articles touched in any way (a claim brought back is only "edited")
    text_article_ids: frozenset[int]  # articles re-checked: new text, claims re-anchored
    source_ids: frozenset[int]
    articles_changed: bool  # articles came or went in its sessions
    many_claims: bool  # too many claims to name: read the lists again
    team_changed: bool = False  # a display name set: the team a claim can be assigned to is read again

    def touches(self, session_id: int | None) -> bool:
        return session_id is not None and session_id in self.session_ids


def _change(row: change_log.LoggedChange) -> Change:
    d = row.detail

    def ids(key: str) -> frozenset[int]:
        return frozenset(int(i) for i in d.get(key) or ())

    return Change(
        id=row.id, by=row.by, session_ids=ids("sessions"), claim_ids=ids("claims"),
        removed_claim_ids=ids("removed_claims"), claim_article_ids=ids("claim_articles"), article_ids=ids("articles"),
        text_article_ids=ids("texts"), source_ids=ids("sources"),
        articles_changed=bool(d.get("articles_changed")), many_claims=bool(d.get("many_claims")),
        team_changed=bool(d.get("team")),
    )


class ChangeFeed:
    """What other writers committed to ``db`` since the feed was opened."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._last = self._floor = change_log.latest_id(db)  # older rows were written before the window opened
        self._seen: set[int] = set()  # ids read within LOOK_BACK of the last
        self._listener: change_log.Listener | None = None
        self.listens = not db.is_sqlite  # wait() blocks until a change, instead of being called on a timer

    def wait(self, timeout: float) -> list[Change]:
        """The changes committed by others since the last call, waiting up to ``timeout`` seconds for one.

        Raises ``DatabaseUnreachableError`` when the server cannot be
        reached; the next call tries again and catches up from the log.
        """
        found = self._read()
        if found or timeout <= 0:
            return found
        if self.listens:
            if self._listener is None:
                self._listener = change_log.Listener(self.db)
                found = self._read()  # committed while the listener was being set up
                if found:
                    return found
            try:
                woken = self._listener.wait(timeout)
            except BaseException:
                self._drop_listener()
                raise
            return self._read() if woken else []
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            time.sleep(min(POLL_SECONDS, left))
            if change_log.latest_id(self.db) > self._last:
                return self._read()
        return []

    def close(self) -> None:
        self._drop_listener()

    def _drop_listener(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _read(self) -> list[Change]:
        after = max(self._floor, self._last - (0 if self.db.is_sqlite else LOOK_BACK))
        rows = [r for r in change_log.changes_after(self.db, after) if r.id not in self._seen]
        found = []
        for row in rows:
            self._seen.add(row.id)
            self._last = max(self._last, row.id)
            if row.writer != self.db.writer:
                found.append(_change(row))
        self._seen = {i for i in self._seen if i > self._last - LOOK_BACK}
        return found


def claims_now(db: Database, claim_ids: set[int] | frozenset[int]) -> list[ClaimRecord]:
    """The named claims as stored now, with their source counts (deleted ones left out)."""
    with db.session() as session:
        return claims_by_id_in(session, claim_ids)
