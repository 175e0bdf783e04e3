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

from workbench.export.formats import html_report
from workbench.export.formats.base import ExportFormat

FORMAT = ExportFormat(
    name="pdf",
    title="PDF",
    label="Printable report, PDF",
    suffix=".pdf",
    write=html_report.write,
    printed=True,
)
