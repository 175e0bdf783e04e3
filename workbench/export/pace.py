"""Progress and cancellation while an export goes through its claims.

The writers call a ``Pace`` every few hundred claims: it raises the
project's ``CancelledError`` when the reviewer cancelled, and reports how far
the export is. Without a cancel check or a progress callback (the CLI, the
benchmark) it does nothing, so the writers' fast paths stay fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from sqlalchemy import func, select

from workbench.domain.progress import CancelFn, ProgressFn, check
from workbench.domain.scales import get_scale
from workbench.export import query
from workbench.export.filters import ExportFilter
from workbench.storage.database import Database, translate_errors
from workbench.storage.models import Article, Claim

T = TypeVar("T")

# Claims between two checks: often enough that Cancel answers at once, rarely
# enough that the check costs nothing next to writing the rows.
EVERY = 500
# The share of the progress bar for reading claims; the rest is writing the file.
READING = 0.9


class Pace:
    def __init__(self, cancel: CancelFn | None = None, progress: ProgressFn | None = None, total: int = 0) -> None:
        self.cancel = cancel
        self.progress = progress
        self.total = total

    @property
    def idle(self) -> bool:
        return self.cancel is None and self.progress is None

    def start(self) -> None:
        self._say(0.0, f"Reading {self.total:,} claim(s)…")
        check(self.cancel)

    def claims(self, done: int) -> None:
        """``done`` claims are read or written: stop here if cancelled."""
        check(self.cancel)
        fraction = READING * done / self.total if self.total else 0.0
        self._say(min(fraction, READING), f"{done:,} of {self.total:,} claim(s)…")

    def each(self, rows: Iterable[T]) -> Iterator[T]:
        """The rows, with a check every ``EVERY`` of them."""
        if self.idle:
            yield from rows
            return
        for done, row in enumerate(rows):
            if done % EVERY == 0:
                self.claims(done)
            yield row

    def writing(self) -> None:
        check(self.cancel)
        self._say(READING, "Writing the file…")

    def _say(self, fraction: float, message: str) -> None:
        if self.progress is not None:
            self.progress(fraction, message)


NO_PACE = Pace()


def pace_for(
    db: Database, session_id: int, claim_filter: ExportFilter, cancel: CancelFn | None, progress: ProgressFn | None
) -> Pace:
    """A pace for one export; counts the claims only when someone watches the progress."""
    if cancel is None and progress is None:
        return NO_PACE
    return Pace(cancel, progress, count_claims(db, session_id, claim_filter) if progress else 0)


def count_claims(db: Database, session_id: int, claim_filter: ExportFilter) -> int:
    """How many claims the filter lets through (the exports' own query, counted)."""
    claim, article = Claim.__table__.c, Article.__table__.c
    with translate_errors(db.location), db.engine.connect() as connection:
        session = query.read_session(connection, session_id)
        counted = (
            select(func.count())
            .select_from(Claim.__table__)
            .join(Article.__table__, article.id == claim.article_id)
            .where(article.session_id == session_id)
        )
        counted = claim_filter.apply(counted, get_scale(session.scale).levels[0].key)
        return int(connection.execute(counted).scalar_one())
