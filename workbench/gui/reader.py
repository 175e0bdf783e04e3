"""The article reader: our stored plain text and blocks, with claim highlights.

Safety: the document is built from the stored plain text with a text
cursor, never from the page's HTML, so no markup, script, style or remote
image can reach it; ``loadResource`` returns nothing and links are not
followed.

Offsets: claims index the article's plain text (Python ``str`` indices).
The document holds the headline and metadata first, then each block, so
each block remembers where it starts in the document; positions inside a
block are converted to UTF-16 units, which is what Qt counts.

Responsiveness: a long article is written into the document, and its
highlights painted, in slices of a few milliseconds on a zero timer, so the
window answers keys and scrolling while a 5 MB text opens. Claim colours
live in the document (painted once, repainted only where a claim changed);
the current claim is the only extra selection, so moving between claims
repaints two claims, never all of them.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from workbench.gui.reader_paint import HighlightPainter, selection_format

if TYPE_CHECKING:
    from workbench.domain.records import ArticleRecord, ClaimRecord

READER_WIDTH = 760  # a comfortable line length, in pixels, at zoom 0
SLICE_SECONDS = 0.012  # one slice of writing or painting; input is handled between slices


@dataclass(frozen=True, slots=True)
class Placed:
    """One block of the article text and where it sits in the document."""

    start: int  # in the article text
    end: int
    doc_start: int  # in the document (UTF-16 units)
    text: str

    def to_doc(self, offset: int) -> int:
        return self.doc_start + _utf16_len(self.text[: offset - self.start])

    def to_text(self, doc_pos: int) -> int:
        units = doc_pos - self.doc_start
        if self.text.isascii():
            return self.start + units
        count = 0
        for index, char in enumerate(self.text):
            if count >= units:
                return self.start + index
            count += 2 if ord(char) > 0xFFFF else 1
        return self.end

    @property
    def doc_end(self) -> int:
        return self.doc_start + _utf16_len(self.text)


def _utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


class ArticleReader(QTextBrowser):
    claim_clicked = Signal(int)
    add_selection_requested = Signal()
    ready = Signal()  # the whole article is in the document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(36)
        self.placed: list[Placed] = []
        self._starts: list[int] = []  # placed block starts, for bisect
        self._doc_starts: list[int] = []
        self.article: ArticleRecord | None = None
        self.colours: dict[int, str] = {}
        self.selected_id: int | None = None
        self.zoom = 0
        self.context_actions: list = []
        self.painter = HighlightPainter(self)
        self._waiting: list[Callable[[], None]] = []
        self._blocks_left: list[dict] = []
        self._cursor: QTextCursor | None = None
        self._writer = QTimer(self, interval=0)
        self._writer.timeout.connect(self._write_slice)

    # --- safety -----------------------------------------------------------
    def loadResource(self, _type: int, _name: QUrl) -> object:  # noqa: N802 (Qt name)
        return None  # nothing is ever loaded: no images, no style sheets, no network

    def setSource(self, *_args: object) -> None:  # noqa: N802 (Qt name)
        return None  # a link in a document never navigates the reader

    # --- content ----------------------------------------------------------
    def show_article(self, article: ArticleRecord | None) -> None:
        self._writer.stop()
        self.painter.reset()
        self._waiting = []
        self.article = article
        self.placed, self._starts, self._doc_starts = [], [], []
        self.selected_id = None
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)  # highlights are formats: no undo history of them
        document.setDocumentMargin(36)
        document.setDefaultFont(self.font())
        self.setDocument(document)
        self.setExtraSelections([])
        if article is None:
            self._blocks_left = []
            return
        self._cursor = QTextCursor(document)
        blocks = self._blocks(article)
        # A text that opens with its headline (pasted text, web pages) shows it once, as the
        # header, placed like any block so that claims in the headline are highlighted there.
        opening = blocks[0] if blocks else None
        headline = opening if opening is not None and opening.get("kind") == "title" and _same(
            article.text[opening["start"]:opening["end"]], article.title) else None
        self._write_header(self._cursor, article, headline)
        self._blocks_left = [block for block in reversed(blocks) if block is not headline]
        # reversed: the next block is popped off the end
        self._write_slice()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    @property
    def is_ready(self) -> bool:
        """The whole article is in the document."""
        return not self._blocks_left

    def when_ready(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the whole article is in the document (now, if it is)."""
        if self.is_ready:
            action()
        else:
            self._waiting.append(action)

    def _write_slice(self) -> None:
        assert self.article is not None and self._cursor is not None
        deadline = time.perf_counter() + SLICE_SECONDS
        text = self.article.text
        while self._blocks_left and time.perf_counter() < deadline:
            self._write_block(self._cursor, text, self._blocks_left.pop())
        if self._blocks_left:
            self._writer.start()
            return
        self._writer.stop()
        self._cursor = None
        waiting, self._waiting = self._waiting, []
        self.painter.document_ready()
        for action in waiting:
            action()
        self.ready.emit()

    def _blocks(self, article: ArticleRecord) -> list[dict]:
        blocks = [b for b in article.structure if 0 <= b["start"] < b["end"] <= len(article.text)]
        if blocks:
            return sorted(blocks, key=lambda b: b["start"])
        # No structure stored: paragraphs are separated by blank lines.
        found, offset = [], 0
        for part in article.text.split("\n\n"):
            if part.strip():
                found.append({"kind": "paragraph", "start": offset, "end": offset + len(part)})
            offset += len(part) + 2
        return found
    def _write_header(self, cursor: QTextCursor, article: ArticleRecord, headline: dict | None) -> None:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(10)
        cursor.setBlockFormat(fmt)
        title = QTextCharFormat()
        title.setFontPointSize(self._size(20))
        title.setFontWeight(QFont.Weight.Bold)
        if headline is None:
            cursor.insertText(article.display_title, title)
        else:
            self._place(cursor, article.text, headline)
            cursor.insertText(article.text[headline["start"]:headline["end"]].replace("\n", "\u2028"), title)
        meta = [", ".join(article.authors), _date(article.published), article.site_name]
        line = "  ·  ".join(part for part in meta if part)
        if line:
            muted = QTextCharFormat()
            muted.setForeground(QColor(self.palette().placeholderText().color()))
            muted.setFontPointSize(self._size(10))
            block = QTextBlockFormat()
            block.setBottomMargin(18)
            cursor.insertBlock(block, muted)
            cursor.insertText(line, muted)
        self._first_body = True

    def _write_block(self, cursor: QTextCursor, text: str, block: dict) -> None:
        kind = block.get("kind", "paragraph")
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(12)
        fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        char = QTextCharFormat()
        char.setFontPointSize(self._size(12))
        if kind == "heading":
            char.setFontWeight(QFont.Weight.DemiBold)
            char.setFontPointSize(self._size(14))
            fmt.setTopMargin(8)
        elif kind == "quote":
            fmt.setLeftMargin(28)
            char.setFontItalic(True)
        elif kind == "list_item":
            fmt.setLeftMargin(20)
        cursor.insertBlock(fmt, char)
        part = text[block["start"] : block["end"]]
        if kind == "list_item":
            cursor.insertText("•  ", char)
        self._place(cursor, text, block)
        # Newlines inside a block would become new document blocks; a line
        # separator keeps the same count of positions on one block.
        cursor.insertText(part.replace("\n", "\u2028"), char)

    def _place(self, cursor: QTextCursor, text: str, block: dict) -> None:
        """Remember where a block's text starts in the document (it is inserted next)."""
        placed = Placed(block["start"], block["end"], cursor.position(), text[block["start"] : block["end"]])
        self.placed.append(placed)
        self._starts.append(placed.start)
        self._doc_starts.append(placed.doc_start)

    def _size(self, points: float) -> float:
        return max(6.0, points + self.zoom)

    # --- highlights -------------------------------------------------------
    @property
    def claims(self) -> list[ClaimRecord]:
        """The claims shown (highlighted, or dismissed and only clickable)."""
        return self.painter.shown()

    def set_claims(self, claims: list[ClaimRecord], colours: dict[int, str]) -> None:
        """Show these claims; only those whose place, colour or state changed are repainted."""
        self.colours = colours
        self.painter.set_claims(claims, colours)
        if self.selected_id is not None and not any(c.id == self.selected_id for c in claims):
            self.selected_id = None
        self._mark_selected()

    def update_claim(self, claim: ClaimRecord, colour: str) -> None:
        """One claim changed (a verdict, a status) or logged: repaint it alone, the others are not read."""
        self.colours[claim.id] = colour
        self.painter.put(claim, colour)
        if claim.id == self.selected_id:
            self._mark_selected()

    def remove_claims(self, claim_ids: set[int] | frozenset[int]) -> None:
        """Claims deleted: their highlights alone go (the words beneath show their other claims)."""
        self.painter.drop(claim_ids)
        for claim_id in claim_ids:
            self.colours.pop(claim_id, None)
        if self.selected_id in claim_ids:
            self.selected_id = None
            self._mark_selected()

    def select_claim(self, claim_id: int | None, scroll: bool = True) -> None:
        self.selected_id = claim_id
        self._mark_selected()
        claim = self.painter.claim(claim_id)
        if claim is not None and scroll:
            start = claim.start
            self.when_ready(lambda: self.scroll_to_offset(start) if self.selected_id == claim_id else None)

    def _mark_selected(self) -> None:
        claim = self.painter.claim(self.selected_id)
        if claim is None or claim.status == "dismissed":
            self.setExtraSelections([])
            return
        colour = QColor(self.colours.get(claim.id, "#9aa0a6"))
        selections = []
        for start, end in self.doc_ranges(claim.start, claim.end):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = selection_format(colour)
            selections.append(selection)
        self.setExtraSelections(selections)

    def scroll_to_offset(self, offset: int) -> None:
        pos = self.doc_position(offset)
        if pos is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        # Centre the claim unless it is already comfortably in view.
        if rect.top() < 40 or rect.bottom() > self.viewport().height() - 40:
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def doc_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """The document ranges (one per block) that show article text ``[start, end)``."""
        ranges = []
        index = max(0, bisect_right(self._starts, start) - 1)
        while index < len(self.placed) and self.placed[index].start < end:
            block = self.placed[index]
            lo, hi = max(start, block.start), min(end, block.end)
            if lo < hi:
                ranges.append((block.to_doc(lo), block.to_doc(hi)))
            index += 1
        return ranges

    # --- positions --------------------------------------------------------
    def doc_position(self, offset: int) -> int | None:
        index = bisect_right(self._starts, offset) - 1
        for block in self.placed[max(0, index - 1): index + 1]:
            if block.start <= offset <= block.end:
                return block.to_doc(offset)
        return None

    def text_offset(self, doc_pos: int) -> int | None:
        index = bisect_right(self._doc_starts, doc_pos) - 1
        if index < 0:
            return None
        block = self.placed[index]
        return block.to_text(doc_pos) if doc_pos <= block.doc_end else None

    def selected_span(self) -> tuple[int, int] | None:
        """The article-text span of the reader's selection, trimmed of spaces."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.article is None:
            return None
        start = self.text_offset(cursor.selectionStart())
        end = self.text_offset(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select article text programmatically (used by find and tests)."""
        lo, hi = self.doc_position(start), self.doc_position(end)
        if lo is None or hi is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def claim_at(self, point: QPoint) -> int | None:
        offset = self.text_offset(self.cursorForPosition(point).position())
        if offset is None:
            return None
        hits = [c for c in self.painter.claims_at(offset) if c.status != "dismissed"]
        # The innermost (shortest) claim wins, so nested claims stay clickable.
        hits.sort(key=lambda c: (c.end - c.start, c.id != self.selected_id))
        return hits[0].id if hits else None

    # --- interaction ------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            claim_id = self.claim_at(event.position().toPoint())
            if claim_id is not None:
                self.claim_clicked.emit(claim_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt name)
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(event.globalPos())

    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(-6, min(zoom, 16))
        keep = (self.claims, self.colours, self.selected_id)
        value = self.verticalScrollBar().value()
        self.show_article(self.article)
        claims, colours, selected = keep
        self.set_claims(claims, colours)
        self.selected_id = selected
        self._mark_selected()
        self.when_ready(lambda: self.verticalScrollBar().setValue(value))


def _same(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.split()) == " ".join(b.split())


def _date(published: str | None) -> str:
    if not published:
        return ""
    from datetime import date

    try:
        return date.fromisoformat(published[:10]).strftime("%-d %B %Y")
    except ValueError:
        return published
