"""Files the window is started with: a double click in a file manager, or "Open With" from the
applications-menu entry (its ``%F``). Articles (.html, .txt) are imported as Open File imports
them; a session file (.json, as ``workbench export --format json`` writes) is added as a new
session and opened."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain.errors import SessionFileError
from workbench.domain.records import SessionSummary
from workbench.gui.deferred import deferred

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow

export_service = deferred("workbench.services.export")


def open_files_once_open(window: MainWindow, paths: Sequence[str]) -> None:
    """At start the database opens in a background job (SessionControl.start): the files wait
    for it. If it cannot be opened, the window already says why, and the files are left."""
    if not paths:
        return
    if window.db is not None:
        open_files(window, paths)
        return
    opening = window.sessions.opening

    def busy_changed(busy: bool) -> None:
        if busy:
            return
        opening.busy_changed.disconnect(busy_changed)
        if window.db is not None and not window.closed:
            open_files(window, paths)

    opening.busy_changed.connect(busy_changed)


def open_files(window: MainWindow, paths: Iterable[str]) -> None:
    for path in paths:
        if Path(path).suffix.lower() == ".json":
            add_session_file(window, path)
        else:
            window.imports.import_source(path)


def add_session_file(window: MainWindow, path: str) -> None:
    db = window.db
    if db is None:
        return  # the window already says why no database is open

    def job(_cancel: object, _progress: object) -> SessionSummary:
        try:
            handle = open(path, "rb")
        except OSError as error:
            raise SessionFileError(
                f"Cannot read {path}: {error.strerror or error}.", "Check the file and open it again."
            ) from None
        with handle:
            return export_service.import_session_file(db, handle)

    def added(summary: SessionSummary) -> None:
        window.sessions.open_session(summary.id)
        window.statusBar().showMessage(
            f"Added the session “{summary.title}”: {summary.article_count} article(s), "
            f"{summary.claim_count} claim(s).", 8000,
        )

    window.start_progress(f"Adding the session from {Path(path).name}…")
    window.jobs.start(job, f"adding the session from {Path(path).name}", on_success=added, on_error=window.report)
