"""Errors a user can meet when exporting or importing."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import WorkbenchError
from workbench.domain.progress import CancelledError


class ExportError(WorkbenchError):
    """An export could not be made (unknown format, missing destination, bad filter)."""


class SessionFileError(WorkbenchError):
    """A session JSON file cannot be imported: corrupt, newer format, or not a session file."""


class ExportCancelled(CancelledError):
    """The reviewer cancelled an export: no file was written, an older file is untouched."""

    def __init__(self, path: Path) -> None:
        WorkbenchError.__init__(
            self,
            "Export cancelled: no file was written.",
            f"{path} was left as it was." if path.exists() else f"Nothing was saved to {path}.",
        )
