"""Run in a fresh process by startup_bench: the time a window takes to be shown.

    python -m tests.benchmark.startup_probe floor
    python -m tests.benchmark.startup_probe workbench DB_PATH SETTINGS_DIR

Prints one JSON line of wall-clock times (``time.time()``), which the parent
subtracts from the moment it started the process:
- ``floor``: a bare PySide6 window with a splitter of two text panes, shown;
- ``workbench``: the application started as ``workbench-gui`` starts it (the
  database opened after the window is shown), the time the window is shown and
  the time its session's claims are listed.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _floor() -> dict[str, float]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextEdit

    app = QApplication(["floor"])
    window = QMainWindow()
    splitter = QSplitter()
    splitter.addWidget(QTextEdit())
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    window.show()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    return {"shown": time.time()}


def _workbench(db_path: str, settings_dir: str) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from workbench.gui.app import start_window

    settings = QSettings(os.path.join(settings_dir, "probe.ini"), QSettings.Format.IniFormat)
    app, window = start_window(db_path, ["probe"], settings=settings)  # as workbench-gui starts it
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    shown = time.time()
    deadline = shown + 30
    while window.claims_panel.proxy.rowCount() == 0 and time.time() < deadline:
        app.processEvents()
        time.sleep(0.002)
    return {"shown": shown, "claims": time.time(), "rows": window.claims_panel.proxy.rowCount()}


def main() -> None:
    mode = sys.argv[1]
    result = _floor() if mode == "floor" else _workbench(sys.argv[2], sys.argv[3])
    print(json.dumps(result), flush=True)
    os._exit(0)  # measured: no interpreter teardown


if __name__ == "__main__":
    main()
