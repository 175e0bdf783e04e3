"""CSV: one row per claim, for spreadsheets (the writer is ``export.csv_report``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from workbench.export.csv_report import write_csv
from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome

if TYPE_CHECKING:
    from workbench.export.pace import Pace
    from workbench.storage.database import Database


def write(out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace) -> ExportOutcome:
    return ExportOutcome(write_csv(out, db, session_id, options.claim_filter, bom=options.bom, pace=pace))


FORMAT = ExportFormat(
    name="csv",
    title="CSV",
    label="CSV spreadsheet",
    suffix=".csv",
    write=write,
    options=frozenset({"bom"}),
)
