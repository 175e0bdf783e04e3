"""Exporting a session (to a file, to a stream, as text for printing) and adding one from a
session file: the door the export dialog, the PDF writer and the CLI go through.
The formats and options themselves are in ``services.export_formats``."""

from __future__ import annotations

from workbench.export.destination import export_target, open_partial
from workbench.export.json_import import import_session_file
from workbench.export.run import cannot_write, export, export_text, export_to_path

__all__ = ["cannot_write", "export", "export_target", "export_text", "export_to_path", "import_session_file", "open_partial"]
