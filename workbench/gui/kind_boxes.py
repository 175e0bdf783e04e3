"""The kind pickers (the list's filter, the editor's kind): filled before and after the registry loads.

The window is built before the kind registry is imported (it brings the
detectors, see ``deferred``): the pickers start with the kinds the domain
knows on its own, and the window fills them again from the registry once the
services are loaded, so a kind added as a spec shows too. The current choice
is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from workbench.domain.kinds import known_kinds


def kind_label(name: str) -> str:
    """How a kind reads in a picker: "Figure"."""
    return name.capitalize()


def fill_kinds(box: QComboBox, names: Iterable[str] | None = None, *, first: str | None = None) -> None:
    """``box`` lists ``names`` (the kinds known so far), after an optional ``first`` item ("All kinds")."""
    current = box.currentData()
    box.blockSignals(True)
    try:
        box.clear()
        if first is not None:
            box.addItem(first, "")
        for name in names if names is not None else known_kinds():
            box.addItem(kind_label(name), name)
        box.setCurrentIndex(max(0, box.findData(current)))
    finally:
        box.blockSignals(False)
