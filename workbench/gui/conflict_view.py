"""The fields of a conflict side by side: theirs, mine, and which to keep (or a merged text).

One row per field that differs between the claim as stored now and this
reviewer's version of it (``services.conflict_merge``), including the fields
the reviewer did not touch: keeping "my" verdict beside a colleague's
rationale arguing the opposite is a choice to make with both in view. Text
fields can be merged by typing; the source links are shown so the choice is
informed, and kept as they are now unless the reviewer keeps theirs.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from workbench.services.conflict_merge import ClaimConflict, FieldConflict


MINE, THEIRS, MERGED = "mine", "theirs", "merged"


class ConflictView(QWidget):
    def __init__(self, conflict: ClaimConflict, describe: Callable[[str, Any], str]) -> None:
        super().__init__()
        self.setObjectName("conflictView")
        self.conflict = conflict
        self.choices: dict[str, QComboBox] = {}
        self.merged: dict[str, QPlainTextEdit] = {}
        self.sources_choice: QComboBox | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        who = conflict.by or "them"
        for column, title in enumerate(("", f"Now (by {who})", "Yours", "Keep")):
            grid.addWidget(_label(f"<b>{html.escape(title)}</b>"), 0, column)
        self._texts: list[str] = []
        row = 1
        for field in conflict.fields:
            self._texts.append(f"{field.field}: now {describe(field.field, field.theirs)}, "
                               f"yours {describe(field.field, field.mine)}")
            grid.addWidget(_label(f"<b>{html.escape(field.field.capitalize())}</b>"), row, 0)
            grid.addWidget(_label(html.escape(describe(field.field, field.theirs))), row, 1)
            grid.addWidget(_label(html.escape(describe(field.field, field.mine))), row, 2)
            grid.addWidget(self._choice(field), row, 3)
            if field.mergeable:
                grid.addWidget(self._merged(field), row + 1, 1, 1, 3)
                row += 1
            row += 1
        if conflict.sources_differ:
            self._texts.append(f"sources: now {', '.join(conflict.sources_theirs) or '(none)'}, "
                               f"yours {', '.join(conflict.sources_mine or ()) or '(none)'}")
            grid.addWidget(_label("<b>Sources</b>"), row, 0)
            grid.addWidget(_label(_links(conflict.sources_theirs)), row, 1)
            grid.addWidget(_label(_links(conflict.sources_mine or ())), row, 2)
            self.sources_choice = QComboBox()
            self.sources_choice.setObjectName("conflictChoice_sources")
            self.sources_choice.addItem("Theirs", THEIRS)
            self.sources_choice.addItem("Yours", MINE)
            grid.addWidget(self.sources_choice, row, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def text(self) -> str:
        """The rows as plain text: field, now, yours."""
        return "\n".join(self._texts)

    def _choice(self, field: FieldConflict) -> QComboBox:
        box = QComboBox()
        box.setObjectName(f"conflictChoice_{field.field}")
        box.addItem("Yours", MINE)
        box.addItem("Theirs", THEIRS)
        if field.mergeable:
            box.addItem("Merged text…", MERGED)
        # Yours where you made the edit; theirs where only they changed the field.
        box.setCurrentIndex(box.findData(MINE if field.edited else THEIRS))
        box.currentIndexChanged.connect(lambda _i, name=field.field: self._choice_changed(name))
        self.choices[field.field] = box
        return box

    def _merged(self, field: FieldConflict) -> QPlainTextEdit:
        # A start for the merge: both texts, theirs first.
        parts = [str(v) for v in (field.theirs, field.mine) if v]
        edit = QPlainTextEdit("\n\n".join(parts))
        edit.setObjectName(f"conflictMerged_{field.field}")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        edit.textChanged.connect(lambda name=field.field: self.choose(name, MERGED))
        edit.hide()
        self.merged[field.field] = edit
        return edit

    def _choice_changed(self, name: str) -> None:
        if name in self.merged:
            self.merged[name].setVisible(self.choices[name].currentData() == MERGED)

    def choose(self, name: str, side: str) -> None:
        box = self.choices[name]
        box.setCurrentIndex(max(0, box.findData(side)))

    def choose_all(self, side: str) -> None:
        for name in self.choices:
            self.choose(name, side)
        if self.sources_choice is not None:
            self.sources_choice.setCurrentIndex(self.sources_choice.findData(side))

    def keeps_my_links(self) -> bool:
        return self.sources_choice is not None and self.sources_choice.currentData() == MINE

    def chosen(self) -> dict[str, Any]:
        """Each field's value as the reviewer chose it."""
        values = {}
        for field in self.conflict.fields:
            side = self.choices[field.field].currentData()
            if side == MERGED:
                values[field.field] = self.merged[field.field].toPlainText()
            else:
                values[field.field] = field.mine if side == MINE else field.theirs
        return values


def _label(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _links(urls: tuple[str, ...]) -> str:
    return "<br>".join(html.escape(url) for url in urls) or "(none)"
