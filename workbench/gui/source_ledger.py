"""The evidence ledger in the claim editor: where the verdict stands (Claim tab), and for the
source link shown in the Sources tab, its archived copy and what the last re-check found.

What is shown comes from ``services.claim_ledger``, read in the background with the claim's
other details (``claim_details``); these widgets only show it, for the claim it was read for,
and ask the window (``ledger_control``) to read a copy or confirm a flagged link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidgetItem, QPushButton, QWidget

from workbench.domain.scales import Scale

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord, EvidenceRecord
    from workbench.gui.claim_editor import ClaimEditor
    from workbench.services.claim_ledger import ClaimLedger, LinkArchive

FLAG = "⚑"


class EditorLedger(QObject):
    """The ledger's widgets in the editor, and the claim ledger they show."""

    read_requested = Signal(object)  # EvidenceRecord: open its archived copy
    confirm_requested = Signal(object)  # EvidenceRecord: keep a flagged link (ConfirmCitation)

    def __init__(self, editor: ClaimEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.ledger: ClaimLedger | None = None
        self.claim: ClaimRecord | None = None
        self.scale: Scale | None = None
        self.link: EvidenceRecord | None = None
        self.archiving: set[int] = set()  # source ids being archived now
        self.standing = QLabel(wordWrap=True)
        self.standing.setObjectName("verdictStanding")
        self.link_state = QLabel(wordWrap=True)
        self.link_state.setObjectName("sourceArchive")
        self.read_button = QPushButton("Read archived copy")
        self.read_button.setObjectName("readArchived")
        self.read_button.setToolTip("The page as it was archived when cited, with the quoted passage; no network")
        self.confirm_button = QPushButton("Confirm source")
        self.confirm_button.setObjectName("confirmSource")
        self.confirm_button.setToolTip("You looked at the changed source and keep it as evidence (undoable)")
        self.read_button.clicked.connect(lambda: self.link is not None and self.read_requested.emit(self.link))
        self.confirm_button.clicked.connect(lambda: self.link is not None and self.confirm_requested.emit(self.link))

    def link_row(self) -> QWidget:
        """The Sources tab's line for the selected link: its archive state and the two actions."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.link_state, 1)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.read_button)
        return row

    # --- showing -----------------------------------------------------------
    def set_ledger(self, ledger: ClaimLedger) -> None:
        """What was read for a claim; shown while that claim is the editor's."""
        self.ledger = ledger
        self.show_claim(self.claim, self.scale)
        self.show_link(self.link)
        self.mark_items()

    def show_claim(self, claim: ClaimRecord | None, scale: Scale | None) -> None:
        self.claim, self.scale = claim, scale
        ledger = self._ledger()
        if claim is None or ledger is None:
            self.standing.hide()
            return
        lines = []
        has_verdict = scale is not None and claim.verdict not in (None, scale.levels[0].key)
        if has_verdict:
            s = ledger.standing
            line = f"{s.describe()}."
            if s.too_few:
                line = (f"{FLAG} {line} <b>Rests on fewer than {s.minimum} independent sources.</b>")
            lines.append(line)
        flagged = ledger.flagged
        if flagged:
            lines.append(f"{FLAG} <b>{len(flagged)} source{' has' if len(flagged) == 1 else 's have'} changed since "
                         "cited</b> (or lost the quoted passage): see the Sources tab.")
        self.standing.setText("<br>".join(lines))  # counts and fixed words only: nothing to escape
        self.standing.setVisible(bool(lines))

    def show_link(self, link: EvidenceRecord | None) -> None:
        self.link = link
        state = self._state(link)
        self.read_button.setEnabled(link is not None)
        self.confirm_button.setVisible(state is not None and state.flagged)
        if link is None:
            self.link_state.setText("")
        elif link.source.id in self.archiving:
            self.link_state.setText("Archiving the page…")
        elif state is None:
            self.link_state.setText("")
        else:
            self.link_state.setText(("⚑ " if state.flagged else "") + state.describe())

    def list_links(self, evidence: list[EvidenceRecord]) -> None:
        """The Sources tab's list: each link's source, stance and publisher."""
        for link in evidence:
            item = QListWidgetItem(self._item_text(link))
            item.setToolTip(link.source.url)
            self.editor.sources.addItem(item)

    def mark_items(self) -> None:
        """A flag on each listed link a re-check flagged (the ledger is read after the list)."""
        for row, link in enumerate(self.editor.evidence):
            item = self.editor.sources.item(row)
            if item is not None and item.text() != self._item_text(link):
                item.setText(self._item_text(link))

    def _item_text(self, link: EvidenceRecord) -> str:
        state = self._state(link)
        flag = f"{FLAG} " if state is not None and state.flagged else ""
        return f"{flag}{link.source.title or link.source.url}\n{link.stance.capitalize()} · " \
               f"{link.source.publisher or link.source.url}"

    def _ledger(self) -> ClaimLedger | None:
        if self.ledger is None or self.claim is None or self.ledger.claim_id != self.claim.id:
            return None
        return self.ledger

    def _state(self, link: EvidenceRecord | None) -> LinkArchive | None:
        ledger = self._ledger()
        return ledger.links.get(link.id) if ledger is not None and link is not None else None
