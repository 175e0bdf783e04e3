"""An inline message bar: errors and notices in the window, in plain words.

A conflict (another reviewer changed the claim) shows a view of every field
that differs (``conflict_view``) with buttons to keep theirs, mine or a
merge; a question (keep a page with no article
text?) shows one button per answer. Closing the bar while the focus is on one
of its buttons emits ``focus_released``, so the focus rules can put it back on
the claims list (Qt would pass it to the next control, the address bar).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ConflictError, WorkbenchError


class MessageBar(QFrame):
    closed = Signal()
    focus_released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(wordWrap=True)
        self.label.setObjectName("messageText")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QVBoxLayout()  # the message, and below it a conflict's fields
        self.body.addWidget(self.label)
        layout.addLayout(self.body, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.close_button = QPushButton("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button)
        self.error: WorkbenchError | None = None
        self.view: QWidget | None = None
        # Called when a conflict goes unanswered (Dismiss, or another message in its place),
        # so the typed values are kept as unsaved rather than dropped.
        self._unanswered: Callable[[], None] | None = None
        self.hide()

    def show_error(self, error: WorkbenchError) -> None:
        self.error = error
        self._show("error", error.message, error.hint)

    def show_info(self, message: str, hint: str = "") -> None:
        self.error = None
        self._show("info", message, hint)

    def show_conflict(
        self, error: ConflictError, keep_mine: Callable[[], None], keep_theirs: Callable[[], None], *,
        view: QWidget | None = None, merge: Callable[[], None] | None = None,
        unanswered: Callable[[], None] | None = None,
    ) -> None:
        """A conflict: ``view`` shows each differing field (else the fields of the edit are listed)."""
        rows = "" if view is not None else "".join(
            f"<br>• <b>{html.escape(field)}</b>: theirs “{html.escape(_text(theirs))}”, "
            f"yours “{html.escape(_text(mine))}”"
            for field, (theirs, mine) in sorted(error.changes.items())
        )
        self._show("error", html.escape(error.message) + rows, error.hint, rich=True)
        self.error = error
        if view is not None:
            self.view = view
            self.body.addWidget(view)
            view.show()
        if merge is not None:
            self._button("Save choices", merge)
        self._button("Keep mine", keep_mine)
        self._button("Keep theirs", keep_theirs)
        self._unanswered = unanswered

    def show_choice(self, message: str, hint: str, choices: list[tuple[str, Callable[[], None]]]) -> None:
        """A notice that asks: one button per choice, each closing the bar."""
        self.error = None
        self._show("info", message, hint)
        for text, action in choices:
            self._button(text, action)

    def text(self) -> str:
        """What the bar says: its message and, for a conflict, the fields shown below it."""
        shown = getattr(self.view, "text", None)
        return self.label.text() + ("\n" + shown() if callable(shown) else "")

    def dismiss(self) -> None:
        had_focus = self.isAncestorOf(QApplication.focusWidget())
        self.hide()
        self._drop_view()
        self.error = None
        self.closed.emit()
        if had_focus:
            self.focus_released.emit()

    def _drop_view(self) -> None:
        unanswered, self._unanswered = self._unanswered, None
        if unanswered is not None:
            unanswered()
        if self.view is not None:
            self.view.hide()
            self.view.deleteLater()
            self.view = None

    def _show(self, level: str, message: str, hint: str, rich: bool = False) -> None:
        self._drop_view()
        self._clear_buttons()
        escaped = message if rich else html.escape(message)
        hint_html = f"<br><span>{html.escape(hint)}</span>" if hint else ""
        self.label.setText(f"<b>{escaped}</b>{hint_html}")
        self.setProperty("level", level)
        for widget in (self, self.label):  # re-read the style sheet for the new level
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.show()

    def _button(self, text: str, action: Callable[[], None]) -> None:
        button = QPushButton(text)
        button.clicked.connect(lambda: self._answer(action))
        self.buttons.addWidget(button)
        button.show()  # added after the bar is shown: Qt would leave it hidden

    def _answer(self, action: Callable[[], None]) -> None:
        self._unanswered = None  # answered: nothing to keep aside
        self.dismiss()
        action()

    def _clear_buttons(self) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # gone now, though deleted only when the event loop next runs
                item.widget().deleteLater()


def _text(value: object) -> str:
    return "(none)" if value is None else str(value)
