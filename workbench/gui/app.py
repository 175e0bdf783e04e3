"""The application: QApplication set-up, appearance, and ``main()``.

The appearance follows the system colour scheme (light or dark) and
changes with it while the app runs; the style sheet is a template in
resources/styles with ``@name@`` placeholders filled from the palette.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from workbench import APP_ID, __version__
from workbench.paths import resource

if TYPE_CHECKING:
    import socket

    from workbench.gui.main_window import MainWindow

ORGANISATION = "FactCheckWorkbench"
APPLICATION = "Workbench"

LIGHT = {
    "window": "#f6f7f9", "base": "#ffffff", "alt": "#f1f3f6", "text": "#1f2328",
    "muted": "#5f6672", "border": "#d9dde3", "accent": "#2f5bd3", "accent_text": "#ffffff",
    "reader": "#ffffff", "error_bg": "#fdecea", "error_text": "#8a1c12", "info_bg": "#e8f0fe",
    "info_text": "#1a3a8a", "header": "#eef0f4",
}
DARK = {
    "window": "#1e2024", "base": "#26292e", "alt": "#2b2f35", "text": "#e6e8eb",
    "muted": "#9aa1ab", "border": "#3a3f46", "accent": "#6c8cff", "accent_text": "#0d1117",
    "reader": "#202226", "error_bg": "#4a1f1c", "error_text": "#ffd7d2", "info_bg": "#1f2b4a",
    "info_text": "#d5e0ff", "header": "#2a2d33",
}


def is_dark(app: QGuiApplication) -> bool:
    forced = app.property("workbench_scheme")
    if forced in ("dark", "light"):
        return forced == "dark"
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def colours(app: QGuiApplication | None = None) -> dict[str, str]:
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    return DARK if app is not None and is_dark(app) else LIGHT  # type: ignore[arg-type]


def apply_appearance(app: QApplication, scheme: str | None = None, *, sheet_too: bool = True) -> None:
    """Palette and style sheet for the current (or a forced) colour scheme.

    ``sheet_too=False``: the palette only. The application's start sets the
    style sheet once its window is built (see ``main``): every widget added
    to a window under a style sheet is styled again with its parent, which
    made building the window 70-100 ms slower.
    """
    if scheme is not None:
        app.setProperty("workbench_scheme", scheme)
    c = colours(app)
    sheet = style_sheet(c) if sheet_too else app.styleSheet()
    if sheet_too and app.styleSheet() == sheet:
        return  # the same colours already: restyling every widget again costs ~35 ms at start-up
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"], QPalette.ColorRole.Base: c["base"],
        QPalette.ColorRole.AlternateBase: c["alt"], QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.WindowText: c["text"], QPalette.ColorRole.Button: c["alt"],
        QPalette.ColorRole.ButtonText: c["text"], QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["accent_text"], QPalette.ColorRole.ToolTipBase: c["base"],
        QPalette.ColorRole.ToolTipText: c["text"], QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Link: c["accent"],
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c["muted"]))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c["muted"]))
    app.setPalette(palette)
    if sheet_too:
        app.setStyleSheet(sheet)


def style_sheet(c: dict[str, str]) -> str:
    template = resource("styles", "workbench.qss").read_text(encoding="utf-8")
    for name, value in c.items():
        template = template.replace(f"@{name}@", value)
    return template


def create_application(argv: Sequence[str] | None = None, *, sheet_later: bool = False) -> QApplication:
    """The QApplication with our names (QSettings uses them) and appearance.

    ``sheet_later``: the style sheet is left for the caller to set once its
    window is built (``apply_appearance``), which builds the window faster.
    """
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    # Fusion: the same look everywhere, and it honours our palette. Named on the
    # command line (after any the user gave), Qt makes it without handing the
    # style to Python, whose enums take ~5 ms to build at start-up.
    app = QApplication.instance()
    if app is None:
        app = QApplication([*(argv or sys.argv), "-style", "Fusion"])
    else:
        app.setStyle("Fusion")
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Fact-Check Workbench")
    # The menu entry `workbench install-desktop` writes: a Wayland desktop matches the window to it (its icon, its name).
    app.setDesktopFileName(APP_ID)
    icon = resource("icons", "workbench.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_appearance(app, sheet_too=not sheet_later)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_appearance(app))
    return app


def start_window(db_url: str | None = None, argv: Sequence[str] | None = None,
                 settings: QSettings | None = None, first_run_demo: bool = True) -> tuple[QApplication, MainWindow]:
    """The application and its window, shown as fast as it can be: built before the
    services load and before the style sheet is set; the database opens after."""
    app = create_application(argv, sheet_later=True)
    from workbench.gui.main_window import MainWindow

    window = MainWindow(db_url, settings=settings, first_run_demo=first_run_demo, open_in_background=True)
    apply_appearance(app)  # the style sheet, once the window is built (create_application)
    window.show()
    return app, window


def main(db_url: str | None = None, argv: Sequence[str] | None = None, files: Sequence[str] = ()) -> int:
    """Open the window on ``db_url`` (a SQLite path or URL; None = the default file), with the
    articles or session files in ``files`` opened in it (see opened_files)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("workbench").setLevel(logging.INFO)  # ours; the libraries' notes (alembic's at every start) are not news
    app, window = start_window(db_url, argv, first_run_demo=not files)  # files given: those, not the demo
    # Once the window is up: the file log and the signal handling bring sockets and
    # logging.handlers (some 35 ms), and nothing before this point logs.
    log_to_file()
    quit_on_signals(app)
    from workbench.gui.opened_files import open_files_once_open
    from workbench.gui.workers import jobs_finished

    open_files_once_open(window, files)
    code = app.exec()
    # The window has saved everything and closed its database. A background
    # read still inside one long query (claim memory over a big session)
    # must not hold the quit: the process ends without waiting for it.
    if not jobs_finished(300):
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def log_to_file(path: Path | None = None) -> Path | None:
    """Keep the log in a file too (the user log folder by default): a bug's traceback is
    there for a report when the window says something went wrong. None if it cannot be written."""
    import platformdirs  # here, not on the way to the window (a few ms at start-up)

    path = path or Path(platformdirs.user_log_dir("workbench", appauthor=False)) / "workbench.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import logging.handlers  # imported when the log is opened: not on the way to the window

        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return None  # a read-only home: the log stays on standard error
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


_signal_wakeup: list[object] = []


def quit_on_signals(app: QApplication) -> None:
    """SIGTERM (logging out, ``kill``) and Ctrl+C in the terminal quit as the Quit command does.

    Closing the windows saves the edit in progress and stops the jobs. Python
    runs a signal handler only when the interpreter next gets control, which
    Qt's event loop may not give it for a long time; the signal's byte on a
    socket wakes the loop (``set_wakeup_fd``) so the handler runs at once.
    """
    if threading.current_thread() is not threading.main_thread():
        return  # Python delivers signals to the main thread only
    import socket  # here, not at start-up (see main)

    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: _drain(reader))
    _signal_wakeup.extend((reader, writer, notifier))  # kept open while the app runs

    def close_windows(_signum: int, _frame: object) -> None:
        app.closeAllWindows()

    signal.signal(signal.SIGTERM, close_windows)
    signal.signal(signal.SIGINT, close_windows)


def _drain(reader: socket.socket) -> None:
    try:
        reader.recv(64)
    except OSError:  # nothing left to read: another wake-up took it
        pass
