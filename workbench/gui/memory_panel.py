"""The "checked before" panel: reviewed claims of other sessions that say the same thing.

The panel shows what ``workbench.memory.lookup.find_prior`` returns for the
current claim (score, verdict, session, wording; rationale and sources in
the tooltip) and asks for a copy with ``copy_requested(prior_claim_id)``:
the window does the copy (``copy_prior``) so undo and conflicts stay in one
place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbench.services.memory import Match


COPY_KEY = "Ctrl+Shift+M"
COLUMNS = ("Score", "Verdict", "Session", "Claim")


class MemoryPanel(QWidget):
    copy_requested = Signal(int)  # the prior claim's id
    checked_before_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[Match] = []
        self.summary = QLabel("Select a claim to see whether it was checked before.")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(lambda *_: self.copy_selected())
        self.tree.itemSelectionChanged.connect(self._update_button)
        self.copy_button = QPushButton("Copy verdict, rationale and sources")
        self.copy_button.setToolTip(f"Copy the selected prior verdict onto this claim ({COPY_KEY})")
        self.copy_button.clicked.connect(self.copy_selected)
        self.copy_action = QAction("Copy Prior Verdict", self)
        self.copy_action.setShortcut(QKeySequence(COPY_KEY))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.copy_action.triggered.connect(self.copy_selected)
        self.addAction(self.copy_action)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_button()

    def show_matches(self, matches: list[Match]) -> None:
        """Matches for the current claim, best first (as ``find_prior`` returns them)."""
        self.matches = list(matches)
        self.tree.clear()
        for match in self.matches:
            item = QTreeWidgetItem(
                [f"{match.score:.2f}", match.verdict, match.session, match.text]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, match.claim_id)
            item.setToolTip(3, _tooltip(match))
            self.tree.addTopLevelItem(item)
        if self.matches:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            best = self.matches[0]
            self.summary.setText(
                f"Checked before: {len(self.matches)} reviewed claim(s) say the same thing; "
                f"best: {best.verdict} in \u201c{best.session}\u201d."
            )
        else:
            self.summary.setText("Not checked before in another session.")
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self._update_button()
        self.checked_before_changed.emit(bool(self.matches))

    def clear(self) -> None:
        self.show_matches([])

    def selected_claim_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def copy_selected(self) -> None:
        claim_id = self.selected_claim_id()
        if claim_id is not None:
            self.copy_requested.emit(claim_id)

    def _update_button(self) -> None:
        enabled = self.selected_claim_id() is not None
        self.copy_button.setEnabled(enabled)
        self.copy_action.setEnabled(enabled)


def _tooltip(match: Match) -> str:
    lines = [f"{match.reason}, reviewed {match.reviewed_at:%Y-%m-%d}"]
    if match.rationale:
        lines.append(f"Rationale: {match.rationale}")
    lines += [f"{s.stance}: {s.url}" for s in match.sources]
    return "\n".join(lines)
