"""A source's archived copy, read where the article is read: the text as it was when the source
was archived, with the quoted passage highlighted, under a banner that says what it is.

Only the stored text is shown, as plain text: nothing is loaded, no link is followed, so a
copy opens without the network, years later. "Back to the article" returns to the reader.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbench.services.snapshots import SnapshotText

PASSAGE_COLOUR = "#ffe08a"


class ArchivedCopyView(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archivedCopy")
        banner = QFrame()
        banner.setObjectName("archivedBanner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 8, 8, 8)
        self.banner_text = QLabel(wordWrap=True)
        self.banner_text.setObjectName("archivedBannerText")
        self.banner_text.setTextFormat(Qt.TextFormat.RichText)
        self.back_button = QPushButton("Back to the article")
        self.back_button.setObjectName("archivedBack")
        self.back_button.clicked.connect(self.back_requested)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.back_button)
        self.text = QTextBrowser()
        self.text.setObjectName("archivedText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.document().setDocumentMargin(36)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(self.text, 1)
        self.passage: tuple[int, int] | None = None  # the highlighted span (text offsets)
        self.source_id: int | None = None

    def show_copy(self, copy: SnapshotText, url: str, claim_id: int | None) -> None:
        snapshot = copy.snapshot
        self.source_id = snapshot.source_id
        fetched = snapshot.fetched_at.astimezone().strftime("%d %b %Y %H:%M")
        span = copy.passages.get(claim_id) if claim_id is not None else None
        if snapshot.text_missing and not snapshot.text:
            note = f"Its text could not be read: {html.escape(snapshot.text_missing)}"
        elif span is not None:
            note = "The quoted passage is highlighted."
        elif claim_id in copy.passages:
            note = "<b>The quoted passage is not in this copy.</b>"
        else:
            note = "No passage is quoted for this claim."
        self.banner_text.setText(
            f"<b>Archived copy</b> of {html.escape(url)}, fetched {fetched}. {note}"
        )
        self.text.setPlainText(snapshot.text)
        self.passage = span
        self.text.setExtraSelections([])
        if span is None:
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            return
        start, end = (_utf16(snapshot.text, offset) for offset in span)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        mark.format = QTextCharFormat()
        mark.format.setBackground(QColor(PASSAGE_COLOUR))
        self.text.setExtraSelections([mark])
        place = QTextCursor(self.text.document())
        place.setPosition(start)
        self.text.setTextCursor(place)
        self.text.ensureCursorVisible()

    def highlighted_text(self) -> str:
        """The words under the highlight (what the reviewer sees marked)."""
        selections = self.text.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""


def reader_stack(reader: QWidget, archived: ArchivedCopyView) -> QStackedWidget:
    """The article reader, and in its place when asked, an archived copy."""
    stack = QStackedWidget()
    stack.setObjectName("readerStack")
    stack.addWidget(reader)
    stack.addWidget(archived)
    archived.back_requested.connect(lambda: stack.setCurrentWidget(reader))
    return stack


def _utf16(text: str, offset: int) -> int:
    """A text offset as Qt counts positions (UTF-16 code units)."""
    return len(text[:offset].encode("utf-16-le")) // 2
