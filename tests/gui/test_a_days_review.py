"""One process, one long article, a reviewer's day of keys: the window must hold.

The first version crashed ("Fatal Python error: none_dealloc") after about
200 J presses on the demo and 11 on a 10,000-word article: the Qt binding
lost a reference to ``None`` on every highlight call, and the reader
repainted every claim on each key. Here every key goes to whatever widget
has the focus, as a keyboard would send it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.factories import long_read
from tests.gui.helpers import wait_for_details
from workbench.services.importing import import_text
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage.database import open_database

PRESSES = 5_000


def _press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def _current_row(window) -> int:  # noqa: ANN001
    return window.claims_panel.table.currentIndex().row()


@pytest.mark.slow
def test_a_days_review_of_a_long_article_by_keyboard(qtbot, open_window, tmp_path: Path):
    db_path = tmp_path / "review.sqlite"
    db = open_database(db_path)
    session = sessions.create_session(db, "Long read", reviewer="tester")
    text = long_read(10_000)
    assert len(text.split()) >= 10_000
    import_text(db, session.id, text, by="tester", source="a long read")
    db.close()

    window = open_window(db_path)
    qtbot.waitUntil(lambda: window.reader.is_ready and not window.reader.painter.busy, timeout=30_000)
    claims = window.claims_panel.proxy.rowCount()
    assert claims > 500
    assert QApplication.focusWidget() is window.claims_panel.table  # the review keys work at once
    none_before = sys.getrefcount(None)

    for _ in range(PRESSES):
        _press(qtbot, Qt.Key.Key_J)
    assert _current_row(window) == min(PRESSES, claims) - 1  # the last claim in view
    for _ in range(PRESSES):
        _press(qtbot, Qt.Key.Key_K)
    assert _current_row(window) == 0
    assert window.isVisible()

    # Verdicts by digit on the first three claims, a typed rationale on the third.
    ids = window.claims_panel.proxy.claim_ids()[:3]
    _press(qtbot, Qt.Key.Key_2)
    _press(qtbot, Qt.Key.Key_J)
    _press(qtbot, Qt.Key.Key_5)
    _press(qtbot, Qt.Key.Key_J)
    _press(qtbot, Qt.Key.Key_1)
    wait_for_details(qtbot, window)
    window.editor.setCurrentIndex(0)
    window.editor.rationale.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Ministry figures say 32,000")
    _press(qtbot, Qt.Key.Key_Escape)  # saves what was typed and returns to the list
    assert QApplication.focusWidget() is window.claims_panel.table
    wait_for_details(qtbot, window)

    def verdicts() -> list[str | None]:
        return [claim_store.get_claim(window.db, claim_id).verdict for claim_id in ids]

    expected = [window.scale.by_digit(digit).key for digit in (2, 5, 1)]
    assert verdicts() == expected
    assert claim_store.get_claim(window.db, ids[2]).rationale == "Ministry figures say 32,000"

    # Undo the rationale and the last verdict; redo both.
    set_levels = expected
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_details(qtbot, window)
    assert claim_store.get_claim(window.db, ids[2]).rationale == ""
    assert verdicts() == [set_levels[0], set_levels[1], None]
    _press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_for_details(qtbot, window)
    assert verdicts() == set_levels
    assert claim_store.get_claim(window.db, ids[2]).rationale == "Ministry figures say 32,000"

    # Thousands of highlight calls later, the interpreter still holds its references to None.
    assert none_before - sys.getrefcount(None) < 1_000
    assert window.isVisible()

