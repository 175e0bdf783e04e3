"""Every export format, listed in one place (as calibre lists its output plugins in ``builtins.py``).

A format is a module here declaring ``FORMAT = ExportFormat(...)`` (see
``base``). ``export.run``, the CLI's ``--format`` and the export dialog read
``FORMATS`` each time they need it, so adding a format is one new module and one
line below; the order below is the order the dialog and ``--help`` show.
"""

from __future__ import annotations

from workbench.domain.errors import ExportError
from workbench.export.formats import claimreview, csv, html_report, json, pdf_report
from workbench.export.formats.base import ExportFormat

FORMATS: tuple[ExportFormat, ...] = (
    csv.FORMAT,
    json.FORMAT,
    claimreview.FORMAT,
    html_report.FORMAT,
    pdf_report.FORMAT,
)


def names() -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS)


def text_format_names() -> tuple[str, ...]:
    """The formats ``export.run`` writes to a file object itself (all but the printed ones)."""
    return tuple(f.name for f in FORMATS if not f.printed)


def find(name: str) -> ExportFormat:
    """The format called ``name``; an unknown name is an error listing the known ones."""
    for known in FORMATS:
        if known.name == name:
            return known
    raise ExportError(
        f"'{name}' is not an export format this can write.",
        "Use one of: " + ", ".join(names()) + ".",
    )


def accepting(option: str) -> tuple[ExportFormat, ...]:
    """The formats that read ``option`` (a field of ``ExportOptions``)."""
    return tuple(f for f in FORMATS if option in f.options)
