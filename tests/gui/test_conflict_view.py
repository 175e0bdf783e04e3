"""Two reviewers on one database file: a stale edit shows every field that differs, and nothing typed is lost.

The colleague is a second ``Database`` handle on the same SQLite file,
writing behind the window's back as another reviewer's window would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QPushButton

from tests.gui.helpers import claim_with_text, wait_for_details, wait_for_writes
from workbench.services import claim_edits
from workbench.services.edits import apply
from workbench.services.evidence_edits import AttachSource
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store
from workbench.storage.database import Database, open_database

THEIR_RATIONALE = "The ministry confirmed 32,000 troops."
MY_RATIONALE = "Satellite images show far fewer."


@pytest.fixture
def colleague(seeded_db: Path) -> Iterator[Database]:
    db = open_database(seeded_db)
    yield db
    db.close()


def _type_rationale_while_colleague_changes(qtbot, window, colleague: Database,  # noqa: ANN001, ANN202
                                            source: str = ""):
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    if source:  # the colleague adds a source too
        apply(colleague, AttachSource(window.session_id, claim.id, source), by="colleague")
    claim_edits.update_claim(colleague, claim.id, {"verdict": "true", "rationale": THEIR_RATIONALE},
                             by="colleague", expected_version=claim.version)
    rationale = window.editor.rationale
    rationale.setFocus()
    qtbot.waitUntil(rationale.hasFocus)
    qtbot.keyClicks(rationale, MY_RATIONALE)
    window.editor.commit_pending()  # as the pause after typing would
    wait_for_writes(qtbot, window)  # stored (or refused) in the background
    return claim


def _button(bar, text: str) -> QPushButton:  # noqa: ANN001
    return next(b for b in bar.findChildren(QPushButton) if b.text() == text and b.isVisible())


def test_a_stale_edit_shows_every_differing_field_and_the_merge_is_one_version(qtbot, open_window, seeded_db,
                                                                              colleague):
    window = open_window(seeded_db)
    claim = _type_rationale_while_colleague_changes(qtbot, window, colleague, source="https://example.org/ministry")
    bar = window.message_bar
    assert bar.isVisible()
    assert "sources: now https://example.org/ministry, yours (none)" in bar.text()
    # The verdict is listed too, though only the rationale was edited here.
    text = bar.text()
    assert "colleague" in text and "verdict: now True, yours Unreviewed" in text
    assert f"rationale: now {THEIR_RATIONALE}, yours {MY_RATIONALE}" in text
    theirs = claim_store.get_claim(colleague, claim.id)
    assert theirs.rationale == THEIR_RATIONALE  # nothing overwritten while the reviewer decides

    # Theirs for the verdict (the default for a field only they changed), a typed merge for the rationale.
    choice = bar.findChild(QComboBox, "conflictChoice_rationale")
    choice.setCurrentIndex(choice.findData("merged"))
    merged = bar.findChild(QPlainTextEdit, "conflictMerged_rationale")
    assert merged.isVisible() and THEIR_RATIONALE in merged.toPlainText() and MY_RATIONALE in merged.toPlainText()
    merged.setPlainText("The ministry says 32,000; satellite images show fewer.")
    save = _button(bar, "Save choices")
    save.setFocus()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    wait_for_details(qtbot, window)

    stored = claim_store.get_claim(colleague, claim.id)
    assert (stored.verdict, stored.rationale) == ("true", "The ministry says 32,000; satellite images show fewer.")
    assert stored.version == theirs.version + 1  # one write
    assert [link.source.url for link in source_store.list_evidence(colleague, claim.id)] == [
        "https://example.org/ministry"]  # their source kept (the default)
    assert window.editor.rationale.toPlainText() == stored.rationale
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.rationale)  # back where it was
    assert QApplication.focusWidget() is not window.address_bar


def test_keep_mine_writes_my_version_and_the_focus_stays_in_the_field(qtbot, open_window, seeded_db, colleague):
    window = open_window(seeded_db)
    claim = _type_rationale_while_colleague_changes(qtbot, window, colleague)
    qtbot.mouseClick(_button(window.message_bar, "Keep mine"), Qt.MouseButton.LeftButton)
    wait_for_details(qtbot, window)
    stored = claim_store.get_claim(colleague, claim.id)
    assert (stored.verdict, stored.rationale) == (None, MY_RATIONALE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.rationale)


def test_dismiss_keeps_the_typed_text_marked_unsaved_also_after_reselection(qtbot, open_window, seeded_db,
                                                                            colleague):
    window = open_window(seeded_db)
    claim = _type_rationale_while_colleague_changes(qtbot, window, colleague)
    editor = window.editor
    qtbot.mouseClick(window.message_bar.close_button, Qt.MouseButton.LeftButton)

    assert not window.message_bar.isVisible()
    assert editor.rationale.toPlainText() == MY_RATIONALE
    assert editor.rationale.property("unsaved") is True
    assert editor.unsaved_note.isVisible() and "Not saved" in editor.unsaved_note.text()
    assert claim_store.get_claim(colleague, claim.id).rationale == THEIR_RATIONALE
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.rationale)

    other = next(c for c in window.claims_panel.model.claims if c.id != claim.id)
    window.select_claim(other.id)
    wait_for_details(qtbot, window)
    assert editor.rationale.property("unsaved") is not True and not editor.unsaved_note.isVisible()
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    assert editor.rationale.toPlainText() == MY_RATIONALE  # not silently replaced by the stored text
    assert editor.rationale.property("unsaved") is True and editor.unsaved_note.isVisible()
