"""Parts the claim editor is built from: a compact text box, the banner of a claim
the re-check moved, and how a typed value is read."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord, HistoryRecord



def parse_value(text: str) -> Any:
    """What the reviewer typed as a value: a number, a [low, high] range, or text."""
    text = text.strip()
    if not text:
        return None
    plain = text.replace(",", "").replace("\u202f", "").replace(" ", "")
    for convert in (int, float):
        try:
            return convert(plain)
        except ValueError:
            pass
    for dash in ("–", "-"):
        low, _, high = plain.partition(dash)
        if low and high:
            try:
                return [float(low) if "." in low else int(low), float(high) if "." in high else int(high)]
            except ValueError:
                break
    try:
        return json.loads(text)
    except ValueError:
        return text


class NoteEdit(QPlainTextEdit):
    """A text box a few lines tall by nature (Tab moves on), so the form around it stays compact."""

    def __init__(self, lines: int, placeholder: str) -> None:
        super().__init__(placeholderText=placeholder)
        self.lines = lines
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        margin = 2 * (self.frameWidth() + int(self.document().documentMargin()))
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * self.lines + margin)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class WarningBanner(QFrame):
    """A warning over the editor's form: a text and two answers, hidden until there is news."""

    def __init__(self, name: str, text_name: str, answers: tuple[QPushButton, QPushButton]) -> None:
        super().__init__()
        self.setObjectName(name)
        # Translucent orange reads as a warning on the light and the dark appearance alike.
        self.setStyleSheet(
            f"#{name} {{ background: rgba(230, 120, 30, 0.13); border: 1px solid rgba(200, 100, 20, 0.55);"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.text = QLabel(wordWrap=True)
        self.text.setObjectName(text_name)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for answer in answers:
            buttons.addWidget(answer)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()


class ReanchorBanner(WarningBanner):
    """The article changed where a claim was: what it said, what it says now, and the two answers."""

    def __init__(self) -> None:
        self.accept_button = QPushButton("Accept new text")
        self.accept_button.setObjectName("reanchorAccept")
        self.keep_button = QPushButton("Keep old version")
        self.keep_button.setObjectName("reanchorKeep")
        super().__init__("reanchorBanner", "reanchorText", (self.accept_button, self.keep_button))

    def show_for(self, claim: ClaimRecord | None) -> None:
        self.setVisible(claim is not None and claim.flagged)
        if claim is None or not claim.flagged:
            return
        detail = claim.anchor_detail or {}
        was = html.escape(detail.get("old_text") or claim.text)
        if claim.anchor_outcome == "gone":
            now = "Its words are gone from the new text: select where it is now and accept, or keep the old version."
            self.accept_button.setText("Accept selection")
        else:
            now = f"Now: <b>“{html.escape(detail.get('new_text') or '')}”</b>"
            self.accept_button.setText("Accept new text")
        confidence = claim.anchor_confidence
        sure = f" (match {confidence:.0%})" if confidence is not None and claim.anchor_outcome == "changed" else ""
        self.text.setText(
            f"<b>The article changed here{sure}.</b> The verdict stays until you decide.<br>"
            f"Was: “{was}”<br>{now}"
        )


class HistoryView(QTreeWidget):
    """The claim's history, newest first: when, who, what, from, to."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("historyView")
        self.setHeaderLabels(["When", "Who", "What", "From", "To"])
        self.setRootIsDecorated(False)
        self.setColumnWidth(0, 130)

    def fill(self, history: list[HistoryRecord]) -> None:
        self.clear()
        for row in reversed(history):
            when = row.at.astimezone().strftime("%d %b %H:%M")
            what = row.field + (f" ({row.note})" if row.note else "")
            self.addTopLevelItem(QTreeWidgetItem([when, row.by, what, _short(row.old), _short(row.new)]))


def _short(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"
