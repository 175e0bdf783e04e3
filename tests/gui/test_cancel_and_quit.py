"""Cancel and quit while a page is being fetched from a server that never answers."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from tests.integration.slow_server import SlowServer
from workbench.storage import sessions as session_store


def test_cancel_frees_the_window_at_once_and_says_so(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    with SlowServer("silent") as server:
        window.address_bar.setFocus()
        qtbot.keyClicks(window.address_bar, server.url)
        qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
        assert server.connected.wait(10)
        assert window.progress_row.isVisible()

        clicked = time.monotonic()
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.progress_row.isVisible() and window.message_bar.isVisible(), timeout=1000)
        assert time.monotonic() - clicked < 1.5  # the server would have held it 30 s
        assert window.message_bar.property("level") == "info"
        assert "Cancelled importing" in window.message_bar.text() and server.url in window.message_bar.text()
        assert window.jobs.wait(1500)  # the worker thread has ended too
    qtbot.wait(100)  # nothing late from the cancelled job reaches the window
    assert window.message_bar.property("level") == "info" and not window.progress_row.isVisible()


def test_a_cancelled_first_import_leaves_no_empty_session_behind(qtbot, open_window, db_path):
    window = open_window(db_path)  # a new database: the import makes a session of its own
    with SlowServer("silent") as server:
        window.imports.import_source(server.url)
        assert server.connected.wait(10)
        # The session is made with the article, in the import's own transaction: none while it fetches.
        assert window.session_id is None and session_store.session_ids(window.db) == []
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        assert window.session_id is None and session_store.session_ids(window.db) == []
        assert window.message_bar.property("level") == "info" and "Cancelled importing" in window.message_bar.text()
        assert window.jobs.wait(1500)


def test_quit_during_a_fetch_closes_the_window_at_once(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    with SlowServer("silent") as server:
        window.imports.import_source(server.url)
        assert server.connected.wait(10)
        started = time.monotonic()
        # File > Quit (Ctrl+Q on a desktop; the offscreen platform binds no key to the standard Quit)
        window.actions_by_name["quit"].trigger()
        assert not window.isVisible()
        assert time.monotonic() - started < 1.0  # the server would have held the fetch 30 s
        assert window.jobs.wait(1500)
