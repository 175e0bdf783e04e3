"""The claims panel: filters, the claims table, and counts per verdict in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.kinds import ClaimStatus, ReviewState
from workbench.domain.scales import Scale
from workbench.gui.claims_model import (
    CLAIM,
    CLAIM_ID_ROLE,
    FLAGGED,
    KIND,
    PRIOR,
    REVIEW,
    SOURCES,
    SPEAKER,
    STATUS,
    VALUE,
    VERDICT,
    ClaimsFilterProxy,
    ClaimsTableModel,
)
from workbench.gui.kind_boxes import fill_kinds

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord
    pass



class ClaimsPanel(QWidget):
    claim_selected = Signal(object)  # claim id or None
    filters_changed = Signal()

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsTableModel(scale, self)
        self.proxy = ClaimsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._quiet = False

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title_row = QHBoxLayout()
        title = QLabel("Claims")
        title.setObjectName("sectionTitle")
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        title_row.addWidget(title)
        title_row.addStretch(1)
        title_row.addWidget(self.counts)
        layout.addLayout(title_row)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.search = QLineEdit(placeholderText="Filter claims…", clearButtonEnabled=True)
        self.search.setObjectName("claimFilter")
        self.kind_box = QComboBox()
        fill_kinds(self.kind_box, first="All kinds")
        self.verdict_box = QComboBox()
        self.status_box = QComboBox()
        self.status_box.addItem("Any status", "")
        for status in ClaimStatus:
            self.status_box.addItem(status.value.capitalize(), status.value)
        self.status_box.addItem("⚑ Changed by re-check", FLAGGED)
        self.review_box = QComboBox()
        self.review_box.setObjectName("reviewFilter")
        self.review_box.addItem("Any review", "")
        for state in ReviewState:
            self.review_box.addItem(state.value.replace("_", " ").capitalize(), state.value)
        filters.addWidget(self.search, 2)
        for box in (self.kind_box, self.verdict_box, self.status_box, self.review_box):
            filters.addWidget(box, 1)
            box.currentIndexChanged.connect(self._filters_edited)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._filters_edited)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        layout.addLayout(filters)

        self.table = QTableView()
        self.table.setObjectName("claimsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CLAIM, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the editor (focus rule 6)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CLAIM, QHeaderView.ResizeMode.Stretch)
        for column, width in ((KIND, 94), (VALUE, 112), (SPEAKER, 104), (VERDICT, 124), (SOURCES, 48), (PRIOR, 46),
                              (STATUS, 90), (REVIEW, 88)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout.addWidget(self.table, 1)
        self.set_scale(self.model.scale)

    # --- contents ---------------------------------------------------------
    def set_scale(self, scale: Scale) -> None:
        self._quiet = True
        current = self.verdict_box.currentData()
        self.verdict_box.clear()
        self.verdict_box.addItem("All verdicts", "")
        for level in scale.levels:
            self.verdict_box.addItem(f"{level.label}", level.key)
        index = self.verdict_box.findData(current)
        self.verdict_box.setCurrentIndex(max(0, index))
        self.model.scale = scale
        self._quiet = False

    def set_claims(self, claims: list[ClaimRecord], select: int | None) -> None:
        self._quiet = True
        self.model.set_claims(claims)
        self._quiet = False
        self.update_counts()
        self.select(select)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(CLAIM_ID_ROLE) if index.isValid() else None

    def select(self, claim_id: int | None) -> None:
        row = self.model.row_of(claim_id) if claim_id is not None else None
        selection = self.table.selectionModel()
        if row is None:
            self.table.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            self.claim_selected.emit(None)
            return
        index = self.proxy.mapFromSource(self.model.index(row, CLAIM))
        if not index.isValid():  # filtered out: show it anyway by clearing nothing, select none
            self.claim_selected.emit(claim_id)
            return
        if index == self.table.currentIndex():
            self.claim_selected.emit(claim_id)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def move(self, step: int) -> None:
        """Select the next (step 1) or previous (step -1) claim in view."""
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.table.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else rows - 1)
        row = max(0, min(row, rows - 1))
        self.select(self.proxy.index(row, CLAIM).data(CLAIM_ID_ROLE))

    # --- filters ----------------------------------------------------------
    def filters(self) -> dict[str, str]:
        return self.proxy.filters()

    def set_filters(self, filters: dict[str, str]) -> None:
        self._quiet = True
        self.search.setText(filters.get("text", ""))
        for box, key in ((self.kind_box, "kind"), (self.verdict_box, "verdict"), (self.status_box, "status"),
                         (self.review_box, "review")):
            box.setCurrentIndex(max(0, box.findData(filters.get(key, ""))))
        self._quiet = False
        self._apply_filters()

    def _filters_edited(self, *_args: object) -> None:
        if self._quiet:
            return
        self._apply_filters()
        self.filters_changed.emit()

    def _apply_filters(self) -> None:
        keep = self.current_id()
        self.proxy.set_filters(
            kind=self.kind_box.currentData() or "",
            verdict=self.verdict_box.currentData() or "",
            status=self.status_box.currentData() or "",
            review=self.review_box.currentData() or "",
            text=self.search.text(),
        )
        self.update_counts()
        if keep is not None and self.model.row_of(keep) is not None:
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(keep) or 0, CLAIM))
            if index.isValid():
                self.table.scrollTo(index)

    def update_counts(self) -> None:
        counts = self.proxy.verdict_counts()
        parts = []
        for level in self.model.scale.levels:
            if counts.get(level.key):
                parts.append(
                    f'<span style="color:{level.colour}">●</span> {level.label} {counts[level.key]}'
                )
        # The Review column takes room from the claim's words: shown once the team reviews here.
        in_review = any(c.review_state != ReviewState.UNSTARTED or c.assignee for c in self.model.claims)
        self.table.setColumnHidden(REVIEW, not (in_review or self.review_box.currentData()))
        total = self.proxy.rowCount()
        shown = f"{total} of {self.model.rowCount()}" if total != self.model.rowCount() else str(total)
        self.counts.setText(f"{shown} shown&nbsp;&nbsp;" + "&nbsp;&nbsp;".join(parts))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self.claim_selected.emit(current.data(CLAIM_ID_ROLE) if current.isValid() else None)
