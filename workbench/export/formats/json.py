"""Session JSON: the whole review, to move it to another machine (``workbench import-session`` reads it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome
from workbench.export.json_export import write_session_json

if TYPE_CHECKING:
    from workbench.export.pace import Pace
    from workbench.storage.database import Database


def write(out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace) -> ExportOutcome:
    document = write_session_json(out, db, session_id, options.claim_filter, pace=pace)
    return ExportOutcome(sum(len(article["claims"]) for article in document["articles"]))


FORMAT = ExportFormat(
    name="json",
    title="JSON",
    label="Session JSON, to move the review to another machine",
    suffix=".json",
    write=write,
)
