"""The printable report as PDF: the HTML report, printed by Qt.

Why a flag and not a PDF writer here: the core never imports Qt, and Qt's
printing must run on the GUI thread. So this format's writer is the HTML
report's (Qt-free, run on a worker, cancellable like any other export) and
``printed=True`` tells the caller that ``workbench.gui.pdf_export`` prints that
HTML into the file, the one step that needs Qt. The format is still declared
here, with the others, so the CLI's choices and the dialog's list both come from
the one registry; no import path to GUI code hides in the core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome
from workbench.export.report_html import write_html

if TYPE_CHECKING:
    from workbench.export.pace import Pace
    from workbench.storage.database import Database


def write(out: TextIO, db: Database, session_id: int, options: ExportOptions, pace: Pace) -> ExportOutcome:
    # No claim anchors: Qt prints a document with thousands of them in quadratic time.
    return ExportOutcome(write_html(out, db, session_id, options.claim_filter, pace=pace, anchors=False))


FORMAT = ExportFormat(
    name="pdf",
    title="PDF",
    label="Printable report, PDF",
    suffix=".pdf",
    write=write,
    options=frozenset({"include_unreviewed"}),
    printed=True,
)
