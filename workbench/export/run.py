"""One export by format name, to a file object or a path: what the CLI and the window call.

PDF is not here: it needs Qt, so ``workbench.gui.pdf_export`` prints the
HTML report (the core never imports PySide6).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from workbench.domain.errors import CancelledError, ExportCancelled, ExportError
from workbench.export.claimreview import write_claimreview
from workbench.export.csv_report import write_csv
from workbench.export.destination import export_target, open_partial
from workbench.export.filters import ExportFilter
from workbench.export.json_export import write_session_json
from workbench.export.pace import pace_for
from workbench.export.report_html import write_html
from workbench.services.progress import CancelFn, ProgressFn, check
from workbench.storage.database import Database

TEXT_FORMATS = ("csv", "json", "claimreview", "html")
FORMATS = (*TEXT_FORMATS, "pdf")
SUFFIXES = {"csv": ".csv", "json": ".json", "claimreview": ".jsonld", "html": ".html", "pdf": ".pdf"}


@dataclass(frozen=True)
class ExportOptions:
    format: str
    claim_filter: ExportFilter = field(default_factory=ExportFilter)
    bom: bool = True  # CSV: a byte order mark so spreadsheet programs read UTF-8
    publisher: str | None = None  # ClaimReview: the fact-checking organisation
    review_url: str | None = None  # ClaimReview: where the fact check is published


@dataclass
class ExportOutcome:
    count: int  # claims written
    warnings: list[str] = field(default_factory=list)


def export(
    db: Database,
    session_id: int,
    options: ExportOptions,
    out: TextIO,
    *,
    cancel: CancelFn | None = None,
    progress: ProgressFn | None = None,
) -> ExportOutcome:
    """Write one text format to ``out`` (opened with ``newline=""`` for CSV).

    ``cancel`` is polled every few hundred claims; when it returns True the
    export stops with ``CancelledError``. ``progress(fraction, message)`` says how far it is.
    """
    if options.format not in TEXT_FORMATS:
        raise ExportError(
            f"'{options.format}' is not an export format this can write.",
            "Use one of: " + ", ".join(FORMATS) + ".",
        )
    claim_filter = options.claim_filter
    pace = pace_for(db, session_id, claim_filter, cancel, progress)
    if options.format == "csv":
        return ExportOutcome(write_csv(out, db, session_id, claim_filter, bom=options.bom, pace=pace))
    if options.format == "json":
        document = write_session_json(out, db, session_id, claim_filter, pace=pace)
        return ExportOutcome(sum(len(article["claims"]) for article in document["articles"]))
    if options.format == "claimreview":
        result = write_claimreview(
            out, db, session_id, claim_filter, publisher=options.publisher, review_url=options.review_url,
            pace=pace,
        )
        return ExportOutcome(len(result.reviews), result.warnings)
    return ExportOutcome(write_html(out, db, session_id, claim_filter, pace=pace))


def export_to_path(
    db: Database,
    session_id: int,
    options: ExportOptions,
    path: Path,
    *,
    cancel: CancelFn | None = None,
    progress: ProgressFn | None = None,
) -> ExportOutcome:
    """Write a text format to a file; a failed or cancelled export leaves no half-written file.

    The file appears only when complete (written to ``<name>.part``, then
    renamed), so a cancelled export leaves an older file of that name as it was.
    Only a regular file or a new name is written; a symlink is written through
    and kept (see ``destination``).
    """
    target = export_target(path)
    partial: Path | None = None
    try:
        partial, raw = open_partial(target)
        with io.TextIOWrapper(raw, encoding="utf-8", newline="") as out:
            outcome = export(db, session_id, options, out, cancel=cancel, progress=progress)
        check(cancel)  # the last moment a cancel can still keep the file from appearing
        os.replace(partial, target)
    except OSError as error:
        raise cannot_write(path, error) from None
    except CancelledError:
        raise ExportCancelled(path) from None
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)
    return outcome


def cannot_write(path: Path, error: OSError) -> ExportError:
    return ExportError(
        f"Cannot write {path}: {error.strerror or error}.",
        "Choose a folder you can write to, and check the disk is not full.",
    )
