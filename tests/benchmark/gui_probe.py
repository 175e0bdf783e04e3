"""Run in a fresh process by gui_bench: time to a shown window, and peak memory.

    python -m tests.benchmark.gui_probe STARTED_AT DB_PATH SESSION_ID SETTINGS_DIR
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> None:
    started_at, db_path, session_id, settings_dir = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from tests.benchmark.table import peak_mb
    from workbench.gui.app import create_application
    from workbench.gui.main_window import MainWindow

    app = create_application(["probe"])
    settings = QSettings(os.path.join(settings_dir, "probe.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db_path, settings=settings, first_run_demo=False)
    window.sessions.open_session(session_id)
    window.show()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    shown = time.time() - started_at
    claims = window.claims_panel.proxy.rowCount() if hasattr(window, "claims_panel") else None
    peak = peak_mb()
    print(json.dumps({"shown_s": shown, "peak_mb": peak, "claims_in_view": claims}), flush=True)
    window.close()
    # Measured: leave without interpreter teardown, where PySide6 objects
    # still alive at exit can crash on some versions and hide the result.
    os._exit(0)


if __name__ == "__main__":
    main()
