"""Own the X clipboard with a text until stdin closes: what a browser does after Copy.

Run as ``python -m tests.realx.clipboard_owner CHARS`` on the display; it
puts a text of CHARS characters (the long-read article repeated) on the
clipboard, prints "ready", and serves it to whoever pastes. X has no
clipboard storage of its own: the text lives in this process.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from tests.factories import long_read


def main(chars: int) -> int:
    app = QGuiApplication(sys.argv[:1])
    text = long_read(chars // 6 + 1000)[:chars]
    app.clipboard().setText(text)
    closed = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), closed.set()), daemon=True).start()
    poll = QTimer(interval=50)
    poll.timeout.connect(lambda: closed.is_set() and app.quit())
    poll.start()
    print("ready", len(text), flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1])))
