"""The real application, for the quit test: ``python quit_driver.py DB URL``.

Opens the window as the ``workbench`` command does (``workbench.gui.app.main``),
types URL in the address bar, presses Enter and prints ``fetching`` once the
import is under way. The test then quits it from outside, as a logout would.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workbench.gui.app import create_application, main
from workbench.gui.main_window import MainWindow

MARK = "--- the import starts here ---"


def import_when_ready(url: str) -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or windows[0].session_id is None:
        QTimer.singleShot(20, lambda: import_when_ready(url))
        return
    window = windows[0]
    print(MARK, file=sys.stderr, flush=True)  # what start-up printed is above; quitting must add nothing
    window.address_bar.setFocus()
    QTest.keyClicks(window.address_bar, url)
    QTest.keyClick(window.address_bar, Qt.Key.Key_Return)
    print("fetching" if window.jobs.running else "not started", flush=True)


if __name__ == "__main__":
    db_url, page_url = sys.argv[1], sys.argv[2]
    create_application([sys.argv[0]])
    QTimer.singleShot(0, lambda: import_when_ready(page_url))
    sys.exit(main(db_url=db_url, argv=[sys.argv[0]]))
