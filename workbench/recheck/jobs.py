"""Re-check jobs for the GUI's worker pool: ``job(cancel, progress) -> result``.

Each job only holds ids and the database handle; every storage call opens
its own session, so the job can run on a worker thread. Results are plain
records (``RecheckResult``), safe to send back through a signal.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.domain.progress import CancelFn, ProgressFn
from workbench.recheck.service import Loader, RecheckResult, recheck_article, recheck_session
from workbench.storage.database import Database

RecheckJob = Callable[[CancelFn, ProgressFn], list[RecheckResult]]


def recheck_article_job(db: Database, article_id: int, *, by: str, loader: Loader | None = None) -> RecheckJob:
    """Re-check one article; the result is a one-item list, like the session job's."""

    def job(cancel: CancelFn, progress: ProgressFn) -> list[RecheckResult]:
        return [recheck_article(db, article_id, by=by, cancel=cancel, progress=progress, loader=loader)]

    return job


def recheck_session_job(
    db: Database,
    session_id: int,
    *,
    by: str,
    article_ids: list[int] | None = None,
    loader: Loader | None = None,
) -> RecheckJob:
    """Re-check every article of a session (a cancel keeps the articles already done)."""

    def job(cancel: CancelFn, progress: ProgressFn) -> list[RecheckResult]:
        return recheck_session(
            db, session_id, by=by, article_ids=article_ids, cancel=cancel, progress=progress, loader=loader
        )

    return job
