"""The window's modules name the core modules they import late; those are services only.

import-linter holds the layers for import statements; a module named in a
string (``gui.deferred``) is invisible to it, so this test holds the same
rule for those names: the GUI reaches the core through the service layer.
"""

from __future__ import annotations

import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "workbench" / "gui"
DEFERRED = re.compile(r"""deferred\(\s*["']([\w.]+)["']\s*\)""")


def test_the_window_defers_only_service_modules_and_each_exists():
    import importlib.util

    named = {name for path in GUI.glob("*.py") for name in DEFERRED.findall(path.read_text(encoding="utf-8"))}
    assert named, "the window defers its service imports (gui/deferred.py)"
    outside = sorted(name for name in named if not name.startswith("workbench.services."))
    assert outside == []
    missing = sorted(name for name in named if importlib.util.find_spec(name) is None)
    assert missing == []
