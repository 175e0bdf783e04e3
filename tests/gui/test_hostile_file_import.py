"""A path typed in the address bar that names a device ends in a clear message, not a hang."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from workbench.storage import sessions as session_store


def test_a_symlink_to_dev_zero_is_refused_in_the_window(qtbot, open_window, seeded_db, tmp_path: Path):
    link = tmp_path / "x.txt"
    link.symlink_to("/dev/zero")
    window = open_window(seeded_db)
    session_id = window.session_id
    articles_before = len(window.articles)

    window.address_bar.setFocus()
    qtbot.keyClicks(window.address_bar, str(link))
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.message_bar.error is not None, timeout=20_000)

    assert "x.txt is not a regular file (it is a character device)" in window.message_bar.text()
    assert window.session_id == session_id and len(window.articles) == articles_before
    assert session_store.get_session(window.db, session_id).article_count == articles_before
