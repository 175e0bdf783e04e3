"""Fact-Check Workbench: a desktop tool for newsroom fact-checkers.

The core (domain, storage, ingest, detect, export, services) never imports
PySide6; only ``workbench.gui`` does.
"""

__version__ = "0.1.0"
# The desktop entry's id (desktop_entry.py); the window names it at start, without that module.
APP_ID = "factcheck-workbench"
