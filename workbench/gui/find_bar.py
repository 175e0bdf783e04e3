"""Find in article: a bar under the reader (Ctrl+F), Enter for next, Shift+Enter for previous.

Esc or Close hides the bar and emits ``closed``; the window's focus rules
(``focus``) decide where the focus goes next.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit


class FindBar(QFrame):
    closed = Signal()

    def __init__(self, target: QTextEdit) -> None:
        super().__init__()
        self.setObjectName("findBar")
        self.target = target
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.field = QLineEdit(placeholderText="Find in article")
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setObjectName("muted")
        previous = QPushButton("Previous")
        following = QPushButton("Next")
        close = QPushButton("Close")
        for widget in (self.field, self.status, previous, following, close):
            layout.addWidget(widget, 1 if widget is self.field else 0)
        self.field.returnPressed.connect(lambda: self.find(backward=False))
        self.field.textChanged.connect(lambda _t: self.find(backward=False, from_start=True))
        previous.clicked.connect(lambda: self.find(backward=True))
        following.clicked.connect(lambda: self.find(backward=False))
        close.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        self.show()
        cursor = self.target.textCursor()
        if cursor.hasSelection() and "\u2029" not in cursor.selectedText():
            self.field.setText(cursor.selectedText())
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def find(self, *, backward: bool, from_start: bool = False) -> bool:
        text = self.field.text()
        if not text:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            self.target.moveCursor(QTextCursor.MoveOperation.Start)
        found = self.target.find(text, flags)
        if not found:  # wrap around
            self.target.moveCursor(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            found = self.target.find(text, flags)
        self.status.setText("" if found else "Not found")
        return found

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 (Qt name)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride:
            if event.key() == Qt.Key.Key_Escape:
                event.accept()  # Esc closes this bar before the window's Esc shortcut sees it
                return True
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find(backward=True)
                return True
        return False
