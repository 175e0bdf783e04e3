"""The window's size, place, splitters and zoom, kept in the settings between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.gui.main_window import MainWindow


def restore(window: MainWindow) -> None:
    settings = window.settings
    # The first run fits the screen: on a 1280x720 display a 1400x900 window hides its right edge.
    screen = window.screen().availableGeometry() if window.screen() is not None else None
    window.resize(min(1400, screen.width()) if screen else 1400, min(900, screen.height()) if screen else 900)
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    for splitter, key in ((window.splitter, "window/splitter"), (window.side_splitter, "window/sideSplitter")):
        value = settings.value(key)
        if value is not None:
            splitter.restoreState(value)
    window.reader.zoom = int(settings.value("reader/zoom", 0) or 0)


def save(window: MainWindow) -> None:
    settings = window.settings
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", window.splitter.saveState())
    settings.setValue("window/sideSplitter", window.side_splitter.saveState())
    settings.sync()
