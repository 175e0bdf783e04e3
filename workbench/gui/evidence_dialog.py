"""Find the passage of a source that settles a claim, and quote it.

The reviewer gives a URL or file; the dialog ranks the source's passages
(``workbench.evidence.finder``) in the background, lists the best with the
matching words highlighted and possible contradictions marked, and on OK
hands back the chosen passage and stance with ``passage_chosen``. The
window stores it (add_source + attach_source) so undo stays in one place,
with the source's title and publisher from ``result`` (the page searched).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.kinds import Stance

if TYPE_CHECKING:
    from workbench.services.evidence import EvidenceResult, Passage

# Runs the search: (source) -> result; the window passes one that uses its JobRunner.
Search = Callable[[str, Callable[["EvidenceResult"], None], Callable[[WorkbenchError], None]], None]
HIGHLIGHT = "#fff59d"


class EvidenceDialog(QDialog):
    passage_chosen = Signal(str, str, str)  # source, passage, stance

    def __init__(self, claim_text: str, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find Evidence")
        self.search = search
        self.passages: list[Passage] = []
        self.source_used = ""
        self.result: EvidenceResult | None = None  # the last search's, passages and the page's details

        self.source = QLineEdit()
        self.source.setPlaceholderText("https://… or a .html/.txt file")
        self.source.returnPressed.connect(self.find)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.find_button = QPushButton("Find Passages")
        self.find_button.clicked.connect(self.find)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(browse)
        row.addWidget(self.find_button)

        self.status = QLabel(f"Claim: {claim_text}")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.preview = QTextBrowser()
        self.stance = QComboBox()
        for stance in Stance:
            self.stance.addItem(stance.value.capitalize(), stance.value)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Quote Passage")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Stance:", self.stance)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def find(self) -> None:
        source = self.source.text().strip()
        if not source:
            self.status.setText("Type a link or choose a file first.")
            return
        self.find_button.setEnabled(False)
        self.status.setText(f"Reading {source}…")
        self.search(source, self.show_result, self.show_error)

    def show_result(self, result: EvidenceResult) -> None:
        self.find_button.setEnabled(True)
        self.result = result
        self.source_used = result.source
        self.passages = list(result.passages)
        self.list.clear()
        for passage in self.passages:
            mark = "\u26a0 possible contradiction \u2014 " if passage.conflict else ""
            item = QListWidgetItem(f"{passage.score:.2f}  {mark}{passage.text}")
            item.setToolTip("Matched: " + ", ".join(passage.matched))
            self.list.addItem(item)
        if self.passages:
            self.status.setText(f"{len(self.passages)} passages, best first. Pick one to quote.")
            self.list.setCurrentRow(0)
        else:
            self.status.setText("No passage of this source mentions what the claim says.")
            self.preview.clear()
        self._update_ok()

    def show_error(self, error: WorkbenchError) -> None:
        self.find_button.setEnabled(True)
        self.result = None
        self.status.setText(f"{error.message} {error.hint}".strip())
        self.passages = []
        self.list.clear()
        self.preview.clear()
        self._update_ok()

    def chosen(self) -> Passage | None:
        row = self.list.currentRow()
        return self.passages[row] if 0 <= row < len(self.passages) else None

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.passages):
            passage = self.passages[row]
            self.preview.setHtml(highlighted_html(passage))
            # A different number for the same thing most likely refutes the claim.
            stance = Stance.REFUTES if passage.conflict else Stance.SUPPORTS
            self.stance.setCurrentIndex(self.stance.findData(stance.value))
        self._update_ok()

    def _accept(self) -> None:
        passage = self.chosen()
        if passage is None:
            return
        self.passage_chosen.emit(self.source_used, passage.text, str(self.stance.currentData()))
        self.accept()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Source file", "", "Pages and text (*.html *.htm *.txt)")
        if path:
            self.source.setText(path)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)


def highlighted_html(passage: Passage) -> str:
    """The passage with its matched words on a yellow background (spans index the source)."""
    parts = []
    position = passage.start
    for start, end in passage.spans:
        start, end = max(start, position), min(end, passage.end)
        if start >= end:
            continue
        parts.append(html.escape(passage.text[position - passage.start : start - passage.start]))
        word = html.escape(passage.text[start - passage.start : end - passage.start])
        parts.append(f'<span style="background-color:{HIGHLIGHT}"><b>{word}</b></span>')
        position = end
    parts.append(html.escape(passage.text[position - passage.start :]))
    return "<p>" + "".join(parts) + "</p>"

