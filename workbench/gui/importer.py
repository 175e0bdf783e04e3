"""Import jobs the window runs in the background: URL or file, pasted text, demo article.

Each job is ``job(cancel, progress) -> ImportResult`` over the core's
``services.importing``; the window's worker pool runs it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from workbench.domain.progress import CancelFn, ProgressFn
from workbench.gui.deferred import deferred

if TYPE_CHECKING:
    from workbench.services.database import Database
    from workbench.services.importing import ImportResult

importing = deferred("workbench.services.importing")

Job = Callable[[CancelFn, ProgressFn], "ImportResult"]

__all__ = ["ImportResult", "demo_job", "import_source_job", "import_text_job"]


def import_source_job(db: Database, session_id: int | None, source: str, by: str, *, name_session: str | None = None,
                      new_session: str | None = None) -> Job:
    """``new_session`` (``session_id`` None): the import makes its session, with this makeshift title."""
    def job(cancel: CancelFn, progress: ProgressFn) -> ImportResult:
        return importing.import_source(
            db, session_id, source, by=by, cancel=cancel, progress=progress, name_session=name_session,
            new_session=new_session,
        )

    return job


def import_text_job(
    db: Database, session_id: int | None, text: str, by: str, source: str = "pasted text", *,
    name_session: str | None = None, new_session: str | None = None,
) -> Job:
    def job(cancel: CancelFn, progress: ProgressFn) -> ImportResult:
        return importing.import_text(
            db, session_id, text, by=by, source=source, cancel=cancel, progress=progress, name_session=name_session,
            new_session=new_session,
        )

    return job


def demo_job(db: Database, session_id: int, by: str) -> Job:
    """The demo article with its headline, byline and date as metadata, and its claims."""

    def job(cancel: CancelFn, progress: ProgressFn) -> ImportResult:
        from workbench.services.demo import demo_article  # ingest is heavy: not at start-up

        return importing.store_extracted(db, session_id, demo_article(), by=by, cancel=cancel, progress=progress)

    return job
