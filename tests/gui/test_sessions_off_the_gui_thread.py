"""Session commands never wait on the database on the window's thread.

Opening another session, switching to another database file and the session
commands (new, rename, duplicate, delete) read and write in the background:
on a team's server each statement is a round trip, and the window stays
responsive meanwhile. Every statement is recorded with the thread that sent it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy.engine import Engine

from tests.factories import make_article
from tests.gui.helpers import Sent, wait_for_claims
from workbench.gui.session_dialogs import OpenSessionDialog
from workbench.services.importing import store_extracted
from workbench.storage import sessions
from workbench.storage.database import open_database


@pytest.fixture
def sent() -> Iterator[Sent]:
    watching = Sent(Engine)  # every engine: the file switched to opens its own
    yield watching
    watching.stop()


def _second_session(location) -> int:  # noqa: ANN001
    db = open_database(location)
    try:
        other = sessions.create_session(db, "Second desk", reviewer="tester")
        store_extracted(db, other.id, make_article("Officials said 4,000 troops left on Monday."), by="detector")
        return other.id
    finally:
        db.close()


def test_opening_another_session_reads_it_in_the_background(qtbot, open_window, seeded_db, sent):  # noqa: ANN001
    window = open_window(seeded_db)
    border = window.session_id
    other = _second_session(seeded_db)
    sent.statements.clear()

    window.sessions.open_session(other)
    qtbot.waitUntil(lambda: window.session_id == other)
    wait_for_claims(qtbot, window)
    assert "Second desk" in window.windowTitle()
    assert any("4,000 troops" in claim.text for claim in window.claims_panel.model.claims)

    window.sessions.open_session(border)
    qtbot.waitUntil(lambda: window.session_id == border)
    wait_for_claims(qtbot, window)
    assert "Border review" in window.windowTitle()
    assert not any("4,000 troops" in claim.text for claim in window.claims_panel.model.claims)
    assert sent.statements and sent.from_gui() == []


def test_session_commands_write_in_the_background(qtbot, open_window, seeded_db, sent, monkeypatch):  # noqa: ANN001
    window = open_window(seeded_db)
    first = window.session_id
    sent.statements.clear()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Border review, day 2", True))
    window.actions_by_name["rename_session"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Border review, day 2"))

    window.actions_by_name["duplicate_session"].trigger()
    qtbot.waitUntil(lambda: window.session_id not in (None, first))
    wait_for_claims(qtbot, window)
    assert window.claims_panel.model.rowCount() > 0  # the copy holds the article and its claims

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window.actions_by_name["delete_session"].trigger()
    qtbot.waitUntil(lambda: window.session_id == first)  # the copy is gone; the first session opens

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Evening desk", True))
    window.actions_by_name["new_session"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Evening desk"))
    assert sent.from_gui() == []

    db = open_database(seeded_db)
    try:
        titles = {s.id: s.title for s in sessions.list_sessions(db)}
    finally:
        db.close()
    assert titles[first] == "Border review, day 2"
    assert sorted(titles.values()) == ["Border review, day 2", "Evening desk"]  # the copy is gone


def _rows(dialog) -> list[str]:  # noqa: ANN001
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def test_the_open_dialog_lists_searches_and_changes_sessions_in_the_background(
    qtbot, open_window, seeded_db, sent, monkeypatch  # noqa: ANN001
):
    window = open_window(seeded_db)
    _second_session(seeded_db)
    sent.statements.clear()
    dialog = OpenSessionDialog(window.db, window, current=window.session_id, reviewer="Ana Kovac")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: sorted(_rows(dialog)) == ["Border review", "Second desk"])

    qtbot.keyClicks(dialog.search, "second")  # a list asked for at each key: the last one shows
    qtbot.waitUntil(lambda: _rows(dialog) == ["Second desk"])
    dialog.search.clear()
    qtbot.waitUntil(lambda: len(_rows(dialog)) == 2)

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Night desk", True))
    dialog._new()
    qtbot.waitUntil(lambda: "Night desk" in _rows(dialog))
    new = dialog.sessions[dialog.table.currentRow()]
    assert (new.title, new.reviewer) == ("Night desk", "Ana Kovac")  # selected, and whose it is
    night = dialog.selected_id()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog._delete()
    qtbot.waitUntil(lambda: "Night desk" not in _rows(dialog))
    assert dialog.deleted == {night}
    assert sent.from_gui() == []

    dialog.close()
