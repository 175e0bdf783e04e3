"""The article reader: our stored plain text and blocks, with claim highlights.

Safety: the document is built from the stored plain text with a text
cursor, never from the page's HTML, so no markup, script, style or remote
image can reach it; ``loadResource`` returns nothing and links are not
followed.

Offsets: claims index the article's plain text (Python ``str`` indices).
The document holds the headline and metadata first, then each block, so
each block remembers where it starts in the document; positions inside a
block are converted to UTF-16 units, which is what Qt counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from workbench.storage.records import ArticleRecord, ClaimRecord

READER_WIDTH = 760  # a comfortable line length, in pixels, at zoom 0


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


def _utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


class ArticleReader(QTextBrowser):
    claim_clicked = Signal(int)
    add_selection_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(36)
        self.placed: list[Placed] = []
        self.article: ArticleRecord | None = None
        self.claims: list[ClaimRecord] = []
        self.colours: dict[int, str] = {}
        self.selected_id: int | None = None
        self.zoom = 0
        self.context_actions: list = []

    # --- safety -----------------------------------------------------------
    def loadResource(self, _type: int, _name: QUrl) -> object:  # noqa: N802 (Qt name)
        return None  # nothing is ever loaded: no images, no style sheets, no network

    def setSource(self, *_args: object) -> None:  # noqa: N802 (Qt name)
        return None  # a link in a document never navigates the reader

    # --- content ----------------------------------------------------------
    def show_article(self, article: ArticleRecord | None) -> None:
        self.article = article
        self.placed = []
        self.claims = []
        self.selected_id = None
        document = QTextDocument(self)
        document.setDocumentMargin(36)
        document.setDefaultFont(self.font())
        self.setDocument(document)
        if article is None:
            return
        cursor = QTextCursor(document)
        self._write_header(cursor, article)
        for block in self._blocks(article):
            if block.get("kind") == "title" and _same(article.text[block["start"]:block["end"]], article.title):
                continue  # already shown as the headline
            self._write_block(cursor, article.text, block)
        self.moveCursor(QTextCursor.MoveOperation.Start)

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

    def _write_header(self, cursor: QTextCursor, article: ArticleRecord) -> None:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(10)
        cursor.setBlockFormat(fmt)
        title = QTextCharFormat()
        title.setFontPointSize(self._size(20))
        title.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(article.display_title, title)
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
        self.placed.append(Placed(block["start"], block["end"], cursor.position(), part))
        # Newlines inside a block would become new document blocks; a line
        # separator keeps the same count of positions on one block.
        cursor.insertText(part.replace("\n", "\u2028"), char)

    def _size(self, points: float) -> float:
        return max(6.0, points + self.zoom)

    # --- highlights -------------------------------------------------------
    def set_claims(self, claims: list[ClaimRecord], colours: dict[int, str]) -> None:
        self.claims = claims
        self.colours = colours
        self._paint()

    def select_claim(self, claim_id: int | None, scroll: bool = True) -> None:
        self.selected_id = claim_id
        self._paint()
        claim = next((c for c in self.claims if c.id == claim_id), None)
        if claim is not None and scroll:
            self.scroll_to_offset(claim.start)

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

    def _paint(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        # Longer spans first, so shorter (nested) ones are painted on top.
        for claim in sorted(self.claims, key=lambda c: -(c.end - c.start)):
            if claim.status == "dismissed":
                continue
            colour = QColor(self.colours.get(claim.id, "#9aa0a6"))
            selected = claim.id == self.selected_id
            reviewed = claim.verdict is not None
            for start, end in self._doc_ranges(claim.start, claim.end):
                selections.append(_highlight(self.document(), start, end, colour, selected, reviewed))
        self.setExtraSelections(selections)

    def _doc_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        ranges = []
        for block in self.placed:
            lo, hi = max(start, block.start), min(end, block.end)
            if lo < hi:
                ranges.append((block.to_doc(lo), block.to_doc(hi)))
        return ranges

    # --- positions --------------------------------------------------------
    def doc_position(self, offset: int) -> int | None:
        for block in self.placed:
            if block.start <= offset <= block.end:
                return block.to_doc(offset)
        return None

    def text_offset(self, doc_pos: int) -> int | None:
        for block in self.placed:
            if block.doc_start <= doc_pos <= block.doc_start + _utf16_len(block.text):
                return block.to_text(doc_pos)
        return None

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
        hits = [c for c in self.claims if c.start <= offset < c.end and c.status != "dismissed"]
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
        self.claims, self.colours, self.selected_id = keep
        self._paint()
        self.verticalScrollBar().setValue(value)


def _highlight(
    document: QTextDocument, start: int, end: int, colour: QColor, selected: bool, reviewed: bool
) -> QTextEdit.ExtraSelection:
    # Translucent backgrounds add up where spans overlap, and the underline
    # in the verdict colour keeps each span's own colour readable.
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    fmt = QTextCharFormat()
    # Unreviewed claims are only a faint wash, so verdict colours stand out;
    # the selected claim is the strongest mark on the page.
    background = QColor(colour)
    background.setAlpha(150 if selected else (70 if reviewed else 26))
    fmt.setBackground(background)
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.SingleUnderline if reviewed or selected
        else QTextCharFormat.UnderlineStyle.DotLine
    )
    fmt.setUnderlineColor(colour)
    fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
    selection.format = fmt
    return selection


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
