"""A local file as evidence: Find evidence… on a saved statement, quote it, open it, undo it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.helpers import (
    claim_with_text,
    search_for_evidence,
    wait_for_details,
    wait_for_writes,
)
from workbench.storage import sources as source_store

STATEMENT = """Ministry statement on the border

The weather in the capital was mild for the season and markets were calm on Monday.

The ministry confirmed that about 32,000 troops were deployed near the border on Tuesday.

Diplomats said talks on trade would resume next month in a neutral country.
"""


class _Opened(QObject):
    """Stands in for the system viewer: Qt hands it the file:// URLs the window opens."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


def test_a_passage_of_a_local_file_is_quoted_as_the_claims_source(qtbot, open_window, seeded_db, tmp_path: Path):
    saved = tmp_path / "saved statements" / "ministry statement.txt"
    saved.parent.mkdir()
    saved.write_text(STATEMENT, encoding="utf-8")
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.editor.setCurrentIndex(1)  # the Sources tab
    dialog = search_for_evidence(qtbot, window, str(saved))
    assert "32,000 troops were deployed" in dialog.passages[0].text
    assert dialog.stance.currentData() == "supports"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert "could not" not in window.message_bar.text().lower()
    wait_for_details(qtbot, window)
    sources_list = window.editor.sources
    assert sources_list.count() == 1
    shown = sources_list.item(0).text()
    assert "ministry statement.txt" in shown and "Supports" in shown
    assert sources_list.item(0).toolTip() == saved.resolve().as_uri()
    assert "32,000 troops were deployed" in window.editor.passage.toPlainText()
    assert window.editor.stance.currentData() == "supports"
    assert window.editor.open_button.text() == "Open file"

    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        qtbot.mouseClick(window.editor.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == [str(saved.resolve())]

    with qtbot.waitActive(window):  # the dialog has closed: keys go to the window again
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id) == []
    wait_for_details(qtbot, window)
    assert window.editor.sources.count() == 0


def test_a_link_that_is_neither_web_nor_file_is_refused_in_plain_words(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.editor.setCurrentIndex(1)
    qtbot.keyClicks(window.editor.link, "javascript:alert(1)")
    qtbot.keyClick(window.editor.link, Qt.Key.Key_Return)
    wait_for_writes(qtbot, window)
    assert "not a web link or a file" in window.message_bar.text()
    assert source_store.list_evidence(window.db, claim.id) == []
