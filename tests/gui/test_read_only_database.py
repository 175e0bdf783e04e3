"""A read-only database opens for reading: its session shows, an edit says "read-only", no demo is attempted."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import claim_with_text
from workbench.storage.database import open_database


@pytest.fixture
def read_only(db_path: Path) -> Iterator[Callable[[], None]]:
    """Make ``db_path`` read-only for real (as root, immutable: root ignores permission bits)."""

    def lock() -> None:
        db_path.chmod(0o444)
        if os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(db_path)], capture_output=True).returncode:
            pytest.skip("running as root and this file system cannot make a file immutable")

    yield lock
    subprocess.run(["chattr", "-i", str(db_path)], capture_output=True, check=False)
    db_path.chmod(0o644)


def test_a_read_only_session_shows_and_a_verdict_says_read_only(qtbot, open_window, seeded_db, read_only):
    read_only()
    window = open_window(seeded_db)
    assert "read-only" in window.statusBar().currentMessage()
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: "read-only" in window.message_bar.text())
    assert str(seeded_db) in window.message_bar.text()


def test_an_empty_read_only_database_opens_without_the_demo(qtbot, open_window, db_path, read_only):
    open_database(db_path).close()
    read_only()
    window = open_window(db_path)
    assert window.session_id is None and window.article is None
    assert "read-only" in window.statusBar().currentMessage()
