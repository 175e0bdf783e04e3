"""Edits are stored on a background writer, in order: a slow database never holds the window.

The slow database is real: another connection holds a write transaction on
the SQLite file, so the window's writer waits on the lock (as it would on a
server far away) until the test lets it go.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from tests.gui.helpers import claim_with_text, wait_for_details, wait_for_writes
from workbench.domain.errors import ConflictError
from workbench.gui import edit_writer
from workbench.services import claim_edits, kept_edits
from workbench.services.edits import apply
from workbench.storage import claims as claim_store

HELD_S = 1.5  # how long the other connection holds the database; the busy timeout is longer


@contextmanager
def database_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection in a write transaction: the window's writes wait for it to end."""
    other = sqlite3.connect(path, timeout=10, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def _on_claim(qtbot, open_window, seeded_db):  # noqa: ANN001, ANN202
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    window.claims_panel.table.setFocus()
    return window, claim


def _verdict_key(window, digit: int) -> str:  # noqa: ANN001
    level = window.scale.by_digit(digit)
    assert level is not None
    return level.key


def _shown_verdict(window, claim_id: int) -> str | None:  # noqa: ANN001
    model = window.claims_panel.model
    return model.claim(model.row_of(claim_id)).verdict


def _marked(window) -> bool:  # noqa: ANN001
    return bool(window.editor.verdict.property("unsaved"))


def test_a_verdict_key_on_a_busy_database_returns_at_once_shows_the_value_saving_then_stores_it(
        qtbot, open_window, seeded_db):
    window, claim = _on_claim(qtbot, open_window, seeded_db)
    false = _verdict_key(window, 5)
    assert claim.verdict != false
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    with database_held(seeded_db):
        began = time.monotonic()
        qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
        pressed_in = time.monotonic() - began
        assert pressed_in < 0.5  # the key press did not wait for the held database
        assert _shown_verdict(window, claim.id) == false  # the row shows it at once...
        assert window.editor.verdict.currentData() == false and _marked(window)  # ...marked as not saved yet
        assert window.writes.busy
        ticks.clear()
        qtbot.wait(int(HELD_S * 1000))
        assert len(ticks) >= 0.5 * HELD_S / 0.020  # the window kept working while the write waited
        assert claim_store.get_claim(window.db, claim.id).verdict == claim.verdict  # not stored yet
        assert _marked(window)
    timer.stop()

    wait_for_writes(qtbot, window)
    stored = claim_store.get_claim(window.db, claim.id)
    assert stored.verdict == false
    assert _shown_verdict(window, claim.id) == false and not _marked(window)
    assert window.claims_panel.model.claim(window.claims_panel.model.row_of(claim.id)).version == stored.version
    assert window.undo_stack.count() == 1


def test_undo_pressed_while_the_edit_is_on_its_way_ends_with_the_original_value_stored(
        qtbot, open_window, seeded_db):
    window, claim = _on_claim(qtbot, open_window, seeded_db)
    false = _verdict_key(window, 5)

    with database_held(seeded_db):
        qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
        window.undo_stack.undo()  # before the edit is stored
        assert _shown_verdict(window, claim.id) == claim.verdict
        qtbot.wait(200)

    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == claim.verdict
    assert _shown_verdict(window, claim.id) == claim.verdict and not _marked(window)
    history = [(h.field, h.new) for h in claim_store.claim_history(window.db, claim.id) if h.field == "verdict"]
    assert [new for _field, new in history][-2:] == [false, claim.verdict]  # stored, then undone: in that order
    assert window.message_bar.isHidden()  # the undo was no conflict with the edit it followed

    window.undo_stack.redo()
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == false


def test_three_quick_edits_are_stored_in_the_order_made(qtbot, open_window, seeded_db):
    window, claim = _on_claim(qtbot, open_window, seeded_db)
    keys = [Qt.Key.Key_5, Qt.Key.Key_1, Qt.Key.Key_3]
    wanted = [_verdict_key(window, digit) for digit in (5, 1, 3)]

    with database_held(seeded_db):
        for key in keys:
            qtbot.keyClick(window.claims_panel.table, key)
        assert _shown_verdict(window, claim.id) == wanted[-1] and _marked(window)
        qtbot.wait(200)

    wait_for_writes(qtbot, window)
    stored = [h.new for h in claim_store.claim_history(window.db, claim.id) if h.field == "verdict"]
    assert stored[-3:] == wanted
    assert claim_store.get_claim(window.db, claim.id).verdict == wanted[-1]
    assert window.message_bar.isHidden()  # one's own quick edits are no conflict with each other
    assert window.undo_stack.count() == 3
    for _ in wanted:
        window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == claim.verdict


def test_a_conflict_met_in_the_background_is_shown_and_the_edit_leaves_the_undo_stack(
        qtbot, open_window, seeded_db):
    window, claim = _on_claim(qtbot, open_window, seeded_db)
    window.live.close()  # the window must not learn of the colleague's change before its edit
    apply(window.db, claim_edits.EditClaim(claim.id, {"verdict": _verdict_key(window, 1)},
                                           expected_version=claim.version), by="colleague")

    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)

    assert isinstance(window.message_bar.error, ConflictError) and window.message_bar.isVisible()
    assert claim_store.get_claim(window.db, claim.id).verdict == _verdict_key(window, 1)  # nothing overwritten
    assert window.undo_stack.count() == 0
    assert not _marked(window)


def test_closing_with_an_edit_still_on_its_way_keeps_it_for_the_next_window(
        qtbot, open_window, seeded_db, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(edit_writer, "CLOSE_WAIT_MS", 200)
    window, claim = _on_claim(qtbot, open_window, seeded_db)
    kept = kept_edits.path_for(window.db, window.reviewer)
    # Where the reviewer is, saved on closing, waits for the database by design: not what is measured here.
    monkeypatch.setattr(window.sessions, "save_ui_state", lambda: None)

    with database_held(seeded_db):
        qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_5)
        began = time.monotonic()
        window.close()
        assert time.monotonic() - began < 1.0  # closing waits only a moment
        assert kept.exists()
        waiting = kept_edits.read(kept)
    assert len(waiting) == 1 and getattr(waiting[0], "claim_id", None) == claim.id


def test_typing_on_while_the_first_words_are_on_their_way_is_still_one_undo_step(qtbot, open_window, seeded_db):
    window, claim = _on_claim(qtbot, open_window, seeded_db)
    rationale = window.editor.rationale
    window.editor.setCurrentIndex(0)
    rationale.setFocus()

    with database_held(seeded_db):
        qtbot.keyClicks(rationale, "Ministry")
        window.editor.commit_pending()
        qtbot.keyClicks(rationale, " figures")
        window.editor.commit_pending()
        assert window.undo_stack.count() == 1  # merged, though neither is stored yet
        assert rationale.property("unsaved") is True
        window.undo_stack.undo()  # all the typing, before any of it is stored
        assert rationale.toPlainText() == ""
        qtbot.wait(200)

    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).rationale == ""
    assert window.message_bar.isHidden()
    window.undo_stack.redo()
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).rationale == "Ministry figures"
    assert rationale.toPlainText() == "Ministry figures" and rationale.property("unsaved") is not True
