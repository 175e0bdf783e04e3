"""Where the keyboard focus goes (workbench/gui/focus.py), driven with real key events.

The review keys (J, K, a digit, A, D) only work on the claims list; in a
text field they are text. So each test presses keys on whatever widget
really has the focus, as a reviewer's keyboard would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QWidget

from tests.factories import DEMO_TEXT
from tests.gui.helpers import (
    claim_with_text,
    search_for_evidence,
    wait_for_details,
    wait_for_writes,
)
from workbench.gui.claim_editor import COMMIT_DELAY_MS
from workbench.services import claim_edits
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    widget = focused()
    assert widget is not None, "no widget has the focus: the key would go nowhere"
    qtbot.keyClick(widget, key, modifiers)


def type_text(qtbot, text: str) -> None:  # noqa: ANN001
    widget = focused()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def test_the_window_starts_on_the_claims_list_so_the_banner_keys_review(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    assert focused() is window.claims_panel.table

    order = window.claims_panel.proxy.claim_ids()
    assert window.claims_panel.current_id() is None  # the focus alone picks no claim
    press(qtbot, Qt.Key.Key_J)
    moved_to = order[0]
    assert window.claims_panel.current_id() == moved_to
    press(qtbot, Qt.Key.Key_2)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, moved_to).verdict == "mostly-true"
    assert all(claim_store.get_claim(window.db, c).verdict is None for c in order if c != moved_to)
    assert window.address_bar.text() == ""  # nothing typed into the address bar


def test_on_first_run_the_banners_keys_review_the_demo_instead_of_typing_into_the_address_bar(
    qtbot, open_window, db_path
):
    window = open_window(db_path, first_run_demo=True)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 10, timeout=20_000)
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())
    assert "Press J and K" in window.message_bar.text()

    type_text(qtbot, "jj2")  # as the banner says: J, J, then a digit
    assert window.address_bar.text() == ""
    second = window.claims_panel.proxy.claim_ids()[1]
    assert window.claims_panel.current_id() == second
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, second).verdict == "mostly-true"


def test_escape_leaves_any_field_for_the_claims_list(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    table = window.claims_panel.table
    editor = window.editor

    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L: the address bar
    assert focused() is window.address_bar
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is table

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: the find bar
    assert focused() is window.find_bar.field
    type_text(qtbot, "S-400")
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is table and not window.find_bar.isVisible()

    for field in (window.claims_panel.search, editor.wording, editor.value, editor.speaker, editor.tags,
                  editor.kind, editor.verdict, editor.rationale):
        field.setFocus()
        assert focused() is field
        press(qtbot, Qt.Key.Key_Escape)
        assert focused() is table, field.objectName() or type(field).__name__

    # What was typed is saved on the way out, and the list's keys work at once.
    editor.rationale.setFocus()
    type_text(qtbot, "Ministry figures")
    press(qtbot, Qt.Key.Key_Escape)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).rationale == "Ministry figures"
    press(qtbot, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "false"


def _when_dialog_opens(qtbot, action) -> None:  # noqa: ANN001
    """Run ``action(dialog)`` once a modal dialog is up (dialogs run their own event loop)."""
    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or QApplication.activeWindow() is not dialog or focused() is None:
            QTimer.singleShot(20, check)  # up, active, and the focus in it, as the reviewer sees it
            return
        try:
            action(dialog)
        finally:
            if dialog.isVisible():  # never leave the test stuck in the dialog's loop
                dialog.reject()

    QTimer.singleShot(0, check)


def _back_in_window(qtbot, window) -> None:  # noqa: ANN001
    # The offscreen platform does not hand activation back when a dialog closes; a window manager does.
    with qtbot.waitActive(window):
        window.activateWindow()


def test_after_a_dialog_the_focus_is_on_the_claims_list_wherever_it_was(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "S-400", "equipment")
    window.select_claim(claim.id)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.address_bar

    seen: list[str] = []
    _when_dialog_opens(qtbot, lambda dialog: (seen.append(dialog.windowTitle()),
                                              qtbot.keyClick(focused(), Qt.Key.Key_Escape)))
    press(qtbot, Qt.Key.Key_F1)  # the shortcuts dialog, closed with Esc
    assert seen == ["Keyboard shortcuts"]
    qtbot.waitUntil(lambda: window.focusWidget() is window.claims_panel.table)
    _back_in_window(qtbot, window)
    assert focused() is window.claims_panel.table
    press(qtbot, Qt.Key.Key_1)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "true"


def test_after_answering_a_conflict_in_the_message_bar_the_focus_is_on_the_claims_list(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    claim_edits.update_claim(window.db, claim.id, {"verdict": "true"}, by="colleague", expected_version=None)
    press(qtbot, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)
    bar = window.message_bar
    keep_mine = next(b for b in bar.findChildren(type(bar.close_button)) if b.text() == "Keep mine")
    assert keep_mine.isVisible()
    keep_mine.setFocus()  # clicked or tabbed to, it has the focus; then it goes away with the bar
    press(qtbot, Qt.Key.Key_Space)
    wait_for_details(qtbot, window)  # "keep mine" writes once the list shows their version
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "false"
    assert focused() is window.claims_panel.table
    press(qtbot, Qt.Key.Key_4)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "mostly-false"


STATEMENT = DEMO_TEXT.replace("Belarus prepares for war", "Ministry statement")


def test_after_quote_passage_the_digits_set_the_verdict_again(qtbot, open_window, seeded_db, tmp_path: Path):
    saved = tmp_path / "statement.txt"
    saved.write_text(STATEMENT, encoding="utf-8")
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.editor.setCurrentIndex(1)
    dialog = search_for_evidence(qtbot, window, str(saved))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    assert len(source_store.list_evidence(window.db, claim.id)) == 1

    qtbot.waitUntil(lambda: window.focusWidget() is window.claims_panel.table)
    _back_in_window(qtbot, window)
    press(qtbot, Qt.Key.Key_5)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "false"


def test_after_an_import_from_the_address_bar_the_focus_is_on_the_claims_list(
    qtbot, open_window, db_path, tmp_path: Path
):
    article = tmp_path / "article.txt"
    article.write_text(DEMO_TEXT, encoding="utf-8")
    window = open_window(db_path)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, str(article))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())

    assert focused() is window.claims_panel.table
    press(qtbot, Qt.Key.Key_J)
    assert window.claims_panel.current_id() is not None
    assert window.address_bar.text() == ""


@pytest.mark.parametrize("field", ["rationale", "wording", "value", "speaker", "tags"])
def test_typing_on_past_an_autosave_stays_in_the_field(qtbot, open_window, seeded_db, field):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "S-400", "equipment")
    window.select_claim(claim.id)
    widget = getattr(window.editor, field)
    widget.setFocus()
    first, more = {"rationale": ("Ministry", " figures"), "wording": ("Two", " divisions"),
                   "value": ("2800", "0"), "speaker": ("Vantis", " aide"), "tags": ("army,", " air")}[field]

    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace what the detector put there
    type_text(qtbot, first)
    qtbot.wait(COMMIT_DELAY_MS + 300)  # the autosave runs
    assert focused() is widget
    type_text(qtbot, more)
    qtbot.wait(COMMIT_DELAY_MS + 300)
    assert focused() is widget

    wait_for_writes(qtbot, window)
    stored = getattr(claim_store.get_claim(window.db, claim.id), field)
    expected = {"rationale": "Ministry figures", "wording": "Two divisions", "value": 28000,
                "speaker": "Vantis aide", "tags": ["air", "army"]}[field]
    assert stored == expected
    assert focused() is widget


def test_typing_a_passage_on_past_its_autosave_stays_in_the_passage(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.attach_link(claim.id, "https://ministry.example/briefing", "Briefing", "Ministry")
    wait_for_details(qtbot, window)  # the claim's sources are read in the background
    window.editor.setCurrentIndex(1)
    window.editor.passage.setFocus()

    type_text(qtbot, "32,000 troops")
    qtbot.wait(COMMIT_DELAY_MS + 300)
    assert focused() is window.editor.passage
    type_text(qtbot, " were deployed")
    qtbot.wait(COMMIT_DELAY_MS + 300)
    assert focused() is window.editor.passage
    wait_for_writes(qtbot, window)
    [link] = source_store.list_evidence(window.db, claim.id)
    assert link.passage == "32,000 troops were deployed"
    assert window.address_bar.text() == ""


def _wheel(widget: QWidget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_does_not_change_a_box_without_the_focus(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "S-400", "equipment")
    window.select_claim(claim.id)
    verdict = window.editor.verdict
    wait_for_writes(qtbot, window)
    history = len(claim_store.claim_history(window.db, claim.id))

    for box in (verdict, window.editor.kind, window.claims_panel.kind_box, window.claims_panel.status_box):
        before = box.currentIndex()
        _wheel(box)
        assert box.currentIndex() == before, box
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not give it the focus either
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict is None
    assert len(claim_store.claim_history(window.db, claim.id)) == history
    assert focused() is window.claims_panel.table

    verdict.setFocus()  # clicked or tabbed to: now the wheel is meant for it
    _wheel(verdict)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict is not None


def test_the_wheel_does_not_change_a_box_of_a_dialog_without_the_focus(qtbot, open_window, seeded_db):
    open_window(seeded_db)
    found: list[tuple[int, int]] = []

    def in_dialog(dialog: QDialog) -> None:
        for box in dialog.findChildren(QComboBox):
            if not box.hasFocus():
                before = box.currentIndex()
                _wheel(box)
                found.append((before, box.currentIndex()))
        dialog.reject()

    _when_dialog_opens(qtbot, in_dialog)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # the export dialog
    assert found and all(before == after for before, after in found)


def test_a_passage_typed_just_before_esc_and_j_is_saved_on_its_own_claim(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.attach_link(claim.id, "https://ministry.example/briefing", "Briefing", "Ministry")
    wait_for_details(qtbot, window)  # the claim's sources are read in the background
    window.editor.setCurrentIndex(1)
    window.editor.passage.setFocus()

    type_text(qtbot, "32,000 troops were deployed")
    press(qtbot, Qt.Key.Key_Escape)  # no pause: the save has not run yet
    press(qtbot, Qt.Key.Key_J)
    assert window.claims_panel.current_id() != claim.id
    wait_for_writes(qtbot, window)
    [link] = source_store.list_evidence(window.db, claim.id)
    assert link.passage == "32,000 troops were deployed"


def test_r_goes_from_the_list_to_the_rationale_and_esc_saves_and_comes_back(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    press(qtbot, Qt.Key.Key_J)
    claim_id = window.claims_panel.current_id()
    press(qtbot, Qt.Key.Key_R)
    assert focused() is window.editor.rationale
    type_text(qtbot, "The ministry says so")
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.claims_panel.table
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim_id).rationale == "The ministry says so"


def test_tab_leaves_the_claims_list_for_the_editor(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not window.claims_panel.table
    assert window.editor.isAncestorOf(focused()) or window.claims_panel.isAncestorOf(focused())
    assert window.claims_panel.current_id() == window.claims_panel.proxy.claim_ids()[0]  # no cell walk


def test_the_paste_dialog_imports_with_ctrl_enter(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    before = len(window.articles)

    def in_dialog(dialog) -> None:  # noqa: ANN001
        editor = dialog.findChild(QWidget, "pasteEditor")
        editor.setFocus()
        editor.setPlainText("Drills near Brest\n\nAbout 4,000 troops took part on Monday.")
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    _when_dialog_opens(qtbot, in_dialog)
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(window.articles) > before or window.session_id is not None
                    and any(a.title == "Drills near Brest" for a in window.articles), timeout=20_000)
    assert any("4,000 troops" in a.text for a in window.articles)
