"""Exporting a session (to a file, to a stream, as text for printing) and adding one from a
session file: the door the export dialog, the PDF writer and the CLI go through.
The formats and options themselves are in ``services.export_formats``."""

from __future__ import annotations

from typing import IO, Any

from sqlalchemy import Connection

from workbench.domain.records import SessionSummary
from workbench.export import json_import
from workbench.export.destination import export_target, open_partial
from workbench.export.run import cannot_write, export, export_text, export_to_path
from workbench.memory import indexing
from workbench.storage.database import Database

__all__ = [
    "cannot_write", "export", "export_target", "export_text", "export_to_path", "import_session",
    "import_session_file", "open_partial",
]


def import_session_file(db: Database, file: IO[str] | IO[bytes], *, title: str | None = None) -> SessionSummary:
    """Add a session from a session file: its rows and their claim-memory index in one transaction."""
    return json_import.import_session_file(db, file, title=title, index=_index_imported)


def import_session(db: Database, data: dict[str, Any], *, title: str | None = None) -> SessionSummary:
    """Add a session from a session document already read (the same checks and transaction)."""
    return json_import.import_session(db, data, title=title, index=_index_imported)


def _index_imported(connection: Connection, claims: list[tuple[Any, ...]]) -> None:
    # New claims: nothing to replace. Looked up at each call, so it is one place to fail in tests.
    indexing.write_index(connection, claims, replace=False)
