"""Files the window is started with (a double click in a file manager, the menu entry's %F)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.factories import DEMO_TEXT
from workbench import desktop_entry
from workbench.cli import main as cli_main
from workbench.gui.main_window import MainWindow
from workbench.gui.opened_files import open_files, open_files_once_open
from workbench.storage import sessions


def test_an_article_file_is_imported_into_a_new_session(qtbot, open_window, db_path, tmp_path: Path):
    article = tmp_path / "belarus report.txt"
    article.write_text(DEMO_TEXT, encoding="utf-8")
    window = open_window(db_path)

    open_files(window, [str(article)])
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)
    assert "Belarus" in window.reader.toPlainText()
    assert [a.source for a in window.articles] == [str(article)]
    assert window.session_title == "Belarus prepares for war"  # a new session, named after the article
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())


def test_files_given_at_start_wait_for_the_database_the_window_opens_in_the_background(
    qtbot, settings, db_path, tmp_path: Path
):
    # As `workbench article.txt` starts: the window is shown first, the database opens after.
    article = tmp_path / "belarus report.txt"
    article.write_text(DEMO_TEXT, encoding="utf-8")
    window = MainWindow(str(db_path), settings=settings, reviewer="tester", open_in_background=True)
    qtbot.addWidget(window)
    window.show()
    open_files_once_open(window, [str(article)])
    assert window.db is None  # still opening: the file waits for it

    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)
    assert [a.source for a in window.articles] == [str(article)]
    assert [s.title for s in sessions.list_sessions(window.db)] == ["Belarus prepares for war"]
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())
    window.close()
    window.jobs.wait()


def test_a_session_file_is_added_and_opened(qtbot, open_window, seeded_db, tmp_path: Path):
    exported = tmp_path / "border review.json"
    assert cli_main(["export", "1", "--db", str(seeded_db), "--format", "json", "--out", str(exported)]) == 0
    other_db = tmp_path / "colleague.sqlite"
    window = open_window(other_db)

    open_files(window, [str(exported)])
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)
    [summary] = sessions.list_sessions(window.db)
    assert window.session_id == summary.id
    assert window.session_title == "Border review"
    assert "Belarus" in window.reader.toPlainText()
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())


def test_a_session_file_that_cannot_be_read_is_said_in_the_window(qtbot, open_window, db_path, tmp_path: Path):
    window = open_window(db_path)
    open_files(window, [str(tmp_path / "gone.json")])
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=10_000)
    assert "Cannot read" in window.message_bar.text() and "gone.json" in window.message_bar.text()
    assert sessions.list_sessions(window.db) == []


def test_the_application_names_the_menu_entry_its_windows_belong_to(tmp_path: Path):
    # A Wayland desktop shows the window with the entry's name and icon only if the app names it.
    # In its own process: create_application styles the one QApplication the other tests share.
    code = "from workbench.gui.app import create_application; print(create_application(['wb']).desktopFileName())"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == desktop_entry.desktop_files(tmp_path).entry.stem
