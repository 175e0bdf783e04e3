"""The printable report as HTML, to read in a browser or print from it."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome
from workbench.export.report_html import write_html

if TYPE_CHECKING:
    from workbench.export.pace import Pace
    from workbench.storage.database import Database


def write(out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace) -> ExportOutcome:
    return ExportOutcome(write_html(out, db, session_id, options.claim_filter, pace=pace))


FORMAT = ExportFormat(
    name="html",
    title="HTML",
    label="Printable report, HTML",
    suffix=".html",
    write=write,
    options=frozenset({"include_unreviewed"}),
)
