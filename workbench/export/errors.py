"""Errors a user can meet when exporting or importing."""

from __future__ import annotations

from workbench.domain.errors import WorkbenchError


class ExportError(WorkbenchError):
    """An export could not be made (unknown format, missing destination, bad filter)."""


class SessionFileError(WorkbenchError):
    """A session JSON file cannot be imported: corrupt, newer format, or not a session file."""
