"""Core modules the window imports when it first uses them, not when it starts.

The services bring SQLAlchemy, the detectors and the page parsers with them
(about half a second). The window's modules name them through ``deferred``,
so the window can be built and painted first; the start-up job then imports
them off the GUI thread (``session_control.start``), and a module some use
needs before that is imported there and then.

Only ``workbench.services`` modules are deferred this way: the GUI talks to
the core through the service layer alone (a test reads these names to hold
that rule, as import-linter holds it for the import statements).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class Deferred:
    """A module imported on its first attribute look-up."""

    __slots__ = ("_name", "_module")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<deferred {self._name}{'' if self._module is None else ' (imported)'}>"


def deferred(name: str) -> Any:
    """``name`` (a service module), imported when one of its attributes is first used."""
    return Deferred(name)
