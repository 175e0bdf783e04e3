"""The export formats and their options: what a command line or a dialog offers, before
any export runs (light to import: the CLI builds its parser from it at every start)."""

from __future__ import annotations

from workbench.export import formats
from workbench.export.filters import ExportFilter
from workbench.export.formats.base import ExportFormat, ExportOptions, ExportOutcome

__all__ = ["ExportFilter", "ExportFormat", "ExportOptions", "ExportOutcome", "formats"]
