"""Two versions of an article side by side: what the publisher changed, and which claims it touches.

The view shows plain data from ``workbench.recheck.service.comparison``
(a ``Comparison``): deletions are struck through on a red ground in the old
text, insertions on a green ground in the new text, each claim underlined in
the colour of its re-anchoring outcome. Clicking a claim, in the list or in
either text, emits ``claim_selected(claim_id)``.

The list puts first what the reviewer must answer (changed and gone claims),
then the ones already answered; claims whose words did not change are folded
away under one "Unchanged (n)" row. Esc, Ctrl+W and the Close button close it.

Offsets in the comparison index Python strings; Qt counts UTF-16 units, so
every position is converted before it touches the document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbench.services.recheck import ClaimChange, Comparison


DELETED = QColor("#f8d0d0")
INSERTED = QColor("#cdeccd")
OUTCOME_COLOURS = {
    "unchanged": QColor("#5f6368"),
    "moved": QColor("#1a73e8"),
    "changed": QColor("#e37400"),
    "gone": QColor("#c5221f"),
    "accepted": QColor("#188038"),
    "kept": QColor("#5f6368"),
}
CLAIM_ID = QTextFormat.Property.UserProperty
FIELD_LABELS = {"title": "Title", "published": "Published", "authors": "Authors", "site_name": "Site"}
TO_REVIEW = ("changed", "gone")  # the reviewer must answer these: listed first
ANSWERED = ("accepted", "kept")
# Anything else kept its words (perhaps in another place): folded away.


class CompareView(QWidget):
    """Old text | new text, metadata changes above, affected claims below."""

    claim_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.metadata_list = QListWidget()
        self.metadata_list.setMaximumHeight(90)
        self.old_view = self._text_pane()
        self.new_view = self._text_pane()
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(self.old_view)
        panes.addWidget(self.new_view)
        self.claims_heading = QLabel("Claims affected (click to select):")
        self.claims_list = QTreeWidget()
        self.claims_list.setHeaderHidden(True)
        self.claims_list.setRootIsDecorated(True)
        self.claims_list.setMaximumHeight(200)
        self.claims_list.itemActivated.connect(self._claim_item_chosen)
        self.claims_list.itemClicked.connect(self._claim_item_chosen)
        self.unchanged_group: QTreeWidgetItem | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.metadata_list)
        layout.addWidget(panes, 1)
        layout.addWidget(self.claims_heading)
        layout.addWidget(self.claims_list)
        layout.addWidget(buttons)
        # A window of its own, closed as a dialog is: Esc, and Ctrl+W as a tab or document.
        close = QAction("Close", self)
        close.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")])
        close.triggered.connect(self.close)
        self.addAction(close)
        self._comparison: Comparison | None = None

    # --- filling ----------------------------------------------------------

    def show_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        changed = len(comparison.changes)
        self.heading.setText(
            f"Version {comparison.old_number} \u2192 version {comparison.new_number}: "
            f"{changed} change{'s' if changed != 1 else ''} in the text"
        )
        self._fill_metadata(comparison)
        self._fill_text(self.old_view, comparison.old_text)
        self._fill_text(self.new_view, comparison.new_text)
        for change in comparison.changes:
            if change.old_end > change.old_start:
                self._paint(self.old_view, comparison.old_text, change.old_start, change.old_end, _deleted())
            if change.new_end > change.new_start:
                self._paint(self.new_view, comparison.new_text, change.new_start, change.new_end, _inserted())
        self._fill_claims(comparison)

    def clear(self) -> None:
        self._comparison = None
        self.heading.clear()
        self.metadata_list.clear()
        self.old_view.clear()
        self.new_view.clear()
        self.claims_list.clear()
        self.unchanged_group = None

    def select_claim(self, claim_id: int) -> None:
        """Show a claim in both texts (used by the list and by the window)."""
        claim = self._claim(claim_id)
        if claim is None or self._comparison is None:
            return
        self._reveal(self.old_view, self._comparison.old_text, claim.old_start, claim.old_end)
        if claim.new_start is not None and claim.new_end is not None:
            self._reveal(self.new_view, self._comparison.new_text, claim.new_start, claim.new_end)
        item = self.claim_item(claim_id)
        if item is not None:
            if item.parent() is not None:
                item.parent().setExpanded(True)
            self.claims_list.setCurrentItem(item)

    def claim_item(self, claim_id: int) -> QTreeWidgetItem | None:
        iterator = QTreeWidgetItemIterator(self.claims_list)
        while (item := iterator.value()) is not None:
            if item.data(0, Qt.ItemDataRole.UserRole) == claim_id:
                return item
            iterator += 1
        return None

    def _fill_metadata(self, comparison: Comparison) -> None:
        self.metadata_list.clear()
        if not comparison.metadata_changes:
            self.metadata_list.addItem("Title, date and authors unchanged.")
        for name, (old, new) in comparison.metadata_changes.items():
            self.metadata_list.addItem(f"{FIELD_LABELS.get(name, name)}: {_show(old)} \u2192 {_show(new)}")

    def _fill_claims(self, comparison: Comparison) -> None:
        self.claims_list.clear()
        self.unchanged_group = None
        for claim in comparison.claims:
            self._paint(self.old_view, comparison.old_text, claim.old_start, claim.old_end, _claim_format(claim))
            if claim.new_start is not None and claim.new_end is not None:
                self._paint(self.new_view, comparison.new_text, claim.new_start, claim.new_end, _claim_format(claim))
        in_order = sorted(comparison.claims, key=lambda c: c.old_start)
        to_review = [c for c in in_order if c.outcome in TO_REVIEW]
        answered = [c for c in in_order if c.outcome in ANSWERED]
        unchanged = [c for c in in_order if c.outcome not in TO_REVIEW + ANSWERED]
        for claim in to_review + answered:
            self.claims_list.addTopLevelItem(_claim_item(claim))
        if unchanged:
            self.unchanged_group = QTreeWidgetItem([f"Unchanged ({len(unchanged)})"])
            self.unchanged_group.setToolTip(0, "Claims whose words are the same in the new version (some moved).")
            self.claims_list.addTopLevelItem(self.unchanged_group)
            self.unchanged_group.addChildren([_claim_item(claim) for claim in unchanged])
            self.unchanged_group.setExpanded(False)
        parts = [f"{len(to_review)} to review"] + ([f"{len(answered)} answered"] if answered else [])
        self.claims_heading.setText(f"Claims: {', '.join(parts)}, {len(unchanged)} unchanged (click to select):")
        if to_review:
            self.claims_list.setCurrentItem(self.claims_list.topLevelItem(0))

    # --- text panes -------------------------------------------------------

    def _text_pane(self) -> QTextBrowser:
        pane = QTextBrowser()
        pane.setOpenLinks(False)
        pane.setReadOnly(True)
        pane.viewport().installEventFilter(self)
        return pane

    @staticmethod
    def _fill_text(pane: QTextBrowser, text: str) -> None:
        # Plain text through a cursor: nothing from the page is ever read as markup.
        pane.clear()
        QTextCursor(pane.document()).insertText(text)

    @staticmethod
    def _paint(pane: QTextBrowser, text: str, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor = QTextCursor(pane.document())
        cursor.setPosition(_utf16(text, start))
        cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    @staticmethod
    def _reveal(pane: QTextBrowser, text: str, start: int, end: int) -> None:
        cursor = QTextCursor(pane.document())
        cursor.setPosition(_utf16(text, start))
        cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.ensureCursorVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            for pane in (self.old_view, self.new_view):
                if watched is pane.viewport():
                    claim_id = pane.cursorForPosition(event.position().toPoint()).charFormat().property(CLAIM_ID)
                    if isinstance(claim_id, int):
                        self._choose(claim_id)
        return super().eventFilter(watched, event)

    # --- claims -----------------------------------------------------------

    def _claim_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        claim_id = item.data(0, Qt.ItemDataRole.UserRole)
        if claim_id is None:  # the "Unchanged" row: a click opens or folds it
            item.setExpanded(not item.isExpanded())
            return
        self._choose(int(claim_id))

    def _choose(self, claim_id: int) -> None:
        self.select_claim(claim_id)
        self.claim_selected.emit(claim_id)

    def _claim(self, claim_id: int) -> ClaimChange | None:
        if self._comparison is None:
            return None
        return next((c for c in self._comparison.claims if c.claim_id == claim_id), None)


def _claim_item(claim: ClaimChange) -> QTreeWidgetItem:
    item = QTreeWidgetItem([_claim_label(claim)])
    item.setData(0, Qt.ItemDataRole.UserRole, claim.claim_id)
    item.setForeground(0, OUTCOME_COLOURS.get(claim.outcome, QColor("black")))
    return item


def _deleted() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(DELETED)
    fmt.setFontStrikeOut(True)
    return fmt


def _inserted() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(INSERTED)
    return fmt


def _claim_format(claim: ClaimChange) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(OUTCOME_COLOURS.get(claim.outcome, QColor("black")))
    fmt.setProperty(CLAIM_ID, claim.claim_id)
    return fmt


def _claim_label(claim: ClaimChange) -> str:
    head = f"#{claim.claim_id} {claim.outcome} ({claim.confidence:.0%})"
    if claim.outcome == "changed":
        return f"{head}: \u201c{claim.old_text}\u201d \u2192 \u201c{claim.new_text}\u201d \u2014 review"
    if claim.outcome == "gone":
        return f"{head}: \u201c{claim.old_text}\u201d no longer in the article \u2014 review"
    return f"{head}: \u201c{claim.old_text}\u201d"


def _show(value: object) -> str:
    if value is None or value == []:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _utf16(text: str, offset: int) -> int:
    """Qt position of a Python string offset (characters beyond U+FFFF count twice)."""
    head = text[:offset]
    return len(head) + sum(1 for ch in head if ord(ch) > 0xFFFF)
