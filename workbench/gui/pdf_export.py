"""Printed export formats (the PDF report), through Qt's own printing (QTextDocument + QPdfWriter).

The registry in ``workbench.export.formats`` marks such a format ``printed``:
the core renders its HTML, and only the printing into the file happens here.

The pages are drawn one by one (``QTextDocument.drawContents``) rather than by
``QTextDocument.print_``, which prints the whole document in one call: page
by page, a Cancel stops the printing and the progress moves with it. It runs
in the export's background job (a QThreadPool thread: QPainter may paint on
a PDF writer off the GUI thread), never on the GUI thread.

Works without a display: the CLI calls this too, so when no application
exists one is made, on the offscreen platform if there is no X11 or Wayland
display to talk to.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from workbench.domain.errors import CancelledError, ExportCancelled, ExportError
from workbench.domain.progress import CancelFn, ProgressFn
from workbench.gui.deferred import deferred

if TYPE_CHECKING:
    from workbench.services.database import Database
    from workbench.services.export_formats import ExportFilter, ExportOptions, ExportOutcome

export = deferred("workbench.services.export")
export_formats = deferred("workbench.services.export_formats")

# Print resolution: fine enough for text, small files.
DPI = 300
MARGIN_MM = 18.0
FOOTER_MM = 8.0  # the page number's band at the foot of each page
# The share of a PDF export's progress bar the printing takes (the HTML before it takes the rest).
PRINTING_SHARE = 0.5


def ensure_application() -> QGuiApplication:
    """The running application, or a new one (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "workbench"])


def write_pdf(html: str, path: Path, *, title: str = "Claim report", cancel: CancelFn | None = None,
              progress: ProgressFn | None = None) -> None:
    """Print an HTML document to ``path`` (A4, numbered pages); a failure or a cancel leaves no
    half-written file. ``progress`` gets the fraction of pages printed."""
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
        _print_pages(html, writer, cancel or (lambda: False), progress)
        del writer  # finishes the file
        if partial.stat().st_size == 0:
            raise ExportError(f"Qt could not print the report to {path}.", "Try the HTML format and print it from a browser.")
        os.replace(partial, target)
    except CancelledError:
        raise ExportCancelled(path) from None
    except OSError as error:
        raise export.cannot_write(path, error) from None
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def _print_pages(html: str, writer: QPdfWriter, cancel: CancelFn, progress: ProgressFn | None) -> None:
    """Lay ``html`` out in pages of the writer's printable area and draw them, each with its number."""
    document = QTextDocument()
    try:
        _draw_pages(document, html, writer, cancel, progress)
    finally:
        # Destroyed here, in the thread that made it: an exception's traceback would
        # otherwise keep it until the error reaches the GUI thread (its timers belong here).
        shiboken6.delete(document)


def _draw_pages(document: QTextDocument, html: str, writer: QPdfWriter, cancel: CancelFn,
                progress: ProgressFn | None) -> None:
    document.setHtml(html)
    if cancel():
        raise CancelledError()
    document.documentLayout().setPaintDevice(writer)  # measured in the writer's dots, as print_ does
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_MM / 25.4 * writer.resolution()
    body = QSizeF(area.width(), area.height() - footer)
    document.setPageSize(body)
    pages = document.pageCount()
    font = QFont(document.defaultFont())
    painter = QPainter(writer)
    try:
        painter.setFont(font)
        for page in range(pages):
            if cancel():
                raise CancelledError()
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.drawText(QRectF(0, body.height(), body.width(), footer),
                             int(Qt.AlignmentFlag.AlignCenter), f"{page + 1} / {pages}")
            if progress is not None and (page % 10 == 9 or page + 1 == pages):
                progress((page + 1) / pages, f"Printing the PDF: page {page + 1:,} of {pages:,}…")
    finally:
        painter.end()


def export_printed(db: Database, session_id: int, options: ExportOptions, path: Path) -> ExportOutcome:
    """A printed format (PDF) written to ``path``: its HTML rendered by the core, printed here."""
    html, outcome = export.export_text(db, session_id, options)
    write_pdf(html, path)
    return outcome


def export_pdf(db: Database, session_id: int, path: Path, claim_filter: ExportFilter | None = None) -> int:
    """The session's printable report as a PDF file; returns how many claims it shows."""
    return export_printed(db, session_id, export_formats.ExportOptions("pdf", claim_filter or export_formats.ExportFilter()), path).count
