"""One export by format name, to a file object or a path: what the CLI and the window call.

The formats are looked up in ``workbench.export.formats``. A printed format
(PDF) is not finished here: it needs Qt, so ``workbench.gui.pdf_export`` prints
the HTML that ``export_text`` renders for it (the core never imports PySide6).
"""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from workbench.domain.errors import CancelledError, ExportCancelled, ExportError
from workbench.domain.progress import CancelFn, ProgressFn, check
from workbench.export import formats
from workbench.export.destination import export_target, open_partial
from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome
from workbench.export.pace import pace_for
from workbench.storage.database import Database

# The formats written as text, as registered when this module was imported (for loops over them).
TEXT_FORMATS = formats.text_format_names()


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
    chosen = formats.find(options.format)
    if chosen.printed:
        raise ExportError(
            f"'{chosen.name}' is printed by Qt, not written as text.",
            "Export it with workbench.gui.pdf_export, as the window and `workbench export --out` do.",
        )
    return _write(chosen, db, session_id, options, out, cancel, progress)


def export_text(
    db: Database,
    session_id: int,
    options: ExportOptions,
    *,
    cancel: CancelFn | None = None,
    progress: ProgressFn | None = None,
) -> tuple[str, ExportOutcome]:
    """Any format's text in memory: for a printed format, the HTML that Qt then prints."""
    out = io.StringIO()
    outcome = _write(formats.find(options.format), db, session_id, options, out, cancel, progress)
    return out.getvalue(), outcome


def _write(
    chosen: ExportFormat,
    db: Database,
    session_id: int,
    options: ExportOptions,
    out: TextIO,
    cancel: CancelFn | None,
    progress: ProgressFn | None,
) -> ExportOutcome:
    options = replace(options, claim_filter=options.claims_for(chosen))
    pace = pace_for(db, session_id, options.claim_filter, cancel, progress)
    return chosen.write(out, db, session_id, options, pace)


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
