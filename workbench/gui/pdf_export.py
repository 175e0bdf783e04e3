"""Printed export formats (the PDF report), through Qt's own printing (QTextDocument + QPdfWriter).

The registry in ``workbench.export.formats`` marks such a format ``printed``:
the core renders its HTML, and only the printing into the file happens here.

Works without a display: the CLI calls this too, so when no application
exists one is made, on the offscreen platform if there is no X11 or Wayland
display to talk to.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from workbench.domain.errors import ExportError
from workbench.gui.deferred import deferred

if TYPE_CHECKING:
    from workbench.services.database import Database
    from workbench.services.export_formats import ExportFilter, ExportOptions, ExportOutcome

export = deferred("workbench.services.export")
export_formats = deferred("workbench.services.export_formats")

# Print resolution: fine enough for text, small files.
DPI = 300
MARGIN_MM = 18.0


def ensure_application() -> QGuiApplication:
    """The running application, or a new one (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "workbench"])


def write_pdf(html: str, path: Path, *, title: str = "Claim report") -> None:
    """Print an HTML document to ``path`` (A4); a failure leaves no half-written file."""
    ensure_application()
    target = export.export_target(path)  # a regular file or a new name; a symlink is written through
    partial: Path | None = None
    try:
        partial, handle = export.open_partial(target)  # QPdfWriter fails silently: find out now if we cannot write
        handle.close()
        writer = QPdfWriter(str(partial))
        writer.setTitle(title)
        writer.setCreator("Fact-Check Workbench")
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        document = QTextDocument()
        document.setHtml(html)
        document.print_(writer)
        del writer  # finishes the file
        if partial.stat().st_size == 0:
            raise ExportError(f"Qt could not print the report to {path}.", "Try the HTML format and print it from a browser.")
        os.replace(partial, target)
    except OSError as error:
        raise export.cannot_write(path, error) from None
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def export_printed(db: Database, session_id: int, options: ExportOptions, path: Path) -> ExportOutcome:
    """A printed format (PDF) written to ``path``: its HTML rendered by the core, printed here."""
    html, outcome = export.export_text(db, session_id, options)
    write_pdf(html, path)
    return outcome


def export_pdf(db: Database, session_id: int, path: Path, claim_filter: ExportFilter | None = None) -> int:
    """The session's printable report as a PDF file; returns how many claims it shows."""
    return export_printed(db, session_id, export_formats.ExportOptions("pdf", claim_filter or export_formats.ExportFilter()), path).count
