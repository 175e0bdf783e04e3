"""The Qt binding must not leak references to None in the calls the reader makes.

PySide6-Essentials 6.12.0 on Python 3.11 dropped one reference to ``None``
per call of ``QTextCursor.setPosition`` and of
``QTextCharFormat.setUnderlineStyle/setUnderlineColor/setProperty``; after
about 10,000 calls the interpreter aborted ("none_dealloc"), which a reviewer
saw as the window vanishing after a few hundred J presses. The calls run in a
subprocess, so a leaking binding fails this test instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import (QColor, QGuiApplication, QTextCharFormat, QTextCursor,
                               QTextDocument, QTextFormat)
    from PySide6.QtWidgets import QApplication, QTextEdit

    app = QApplication([])
    document = QTextDocument()
    document.setPlainText("Belarus could field 90,000 troops. " * 200)
    edit = QTextEdit()
    edit.setDocument(document)
    before = sys.getrefcount(None)
    for i in range(3000):
        cursor = QTextCursor(document)
        cursor.setPosition(i % 500)
        cursor.setPosition(i % 500 + 7, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(200, 0, 0, 40))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor("red"))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        cursor.mergeCharFormat(fmt)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        edit.setExtraSelections([selection])
    print(before - sys.getrefcount(None))
    """
)


def test_reader_text_calls_keep_every_reference_to_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, f"the probe died (a leaking binding aborts the interpreter):\n{done.stderr[-2000:]}"
    lost = int(done.stdout.strip().splitlines()[-1])
    # A few references may move with caches; a leak loses one per call (thousands).
    assert lost < 100, f"{lost} references to None lost in 3,000 rounds of reader calls: the Qt binding leaks"
