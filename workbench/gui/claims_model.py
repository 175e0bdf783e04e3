"""Table model over a list of ``ClaimRecord`` and the proxy that sorts and filters it."""

from __future__ import annotations

import json
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from workbench.domain.scales import Scale
from workbench.domain.written import as_written

if TYPE_CHECKING:
    from workbench.domain.records import ClaimRecord

COLUMNS = ("Kind", "Claim", "Value", "Speaker", "Verdict", "Links", "Prior", "Status", "Review")
KIND, CLAIM, VALUE, SPEAKER, VERDICT, SOURCES, PRIOR, STATUS, REVIEW = range(len(COLUMNS))
PRIOR_MARK = "✓"  # checked before in another session
HEADER_TIPS = {
    SOURCES: "Sources linked to the claim",
    PRIOR: "✓: the same claim was checked before in another session",
    STATUS: "Proposed, accepted or dismissed; ⚑ when a re-check found the article changed here",
    REVIEW: "The team's review: in progress, needs second check, approved (locked); and the assignee",
}
REVIEW_LABELS = {"unstarted": "", "in_progress": "In progress", "needs_second_check": "2nd check", "approved": "✔ Approved"}
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
EXCERPT = 90
FLAGGED = "flagged"  # the status filter's value for claims a re-check flagged
FLAG_COLOUR = "#c0571b"
FLAG_LABELS = {"changed": "⚑ Changed", "gone": "⚑ Gone"}
SOURCE_FLAG_LABEL = "⚑ Source changed"

Index = QModelIndex | QPersistentModelIndex


def format_value(value: Any, unit: str | None = None) -> str:
    value = as_written(value, unit)  # "30 percent", not the stored share 0.3
    if value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = f"{int(value):,}"
    elif isinstance(value, int | float):
        text = f"{value:,}"
    elif isinstance(value, list) and len(value) == 2:
        text = f"{format_value(value[0])}–{format_value(value[1])}"
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False)
    return f"{text} {unit}".strip() if unit and text else text


class ClaimsTableModel(QAbstractTableModel):
    def __init__(self, scale: Scale, parent: Any = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.claims: list[ClaimRecord] = []
        self.prior: dict[int, tuple[int, str]] = {}  # claim id -> (matches, best prior verdict)
        # Claims whose cited sources a re-check found changed or without the quoted passage.
        self.source_flags: frozenset[int] = frozenset()
        self.flags_generation = 0  # the filter's cached answers hold for one set of flags
        self._haystacks: dict[int, str] = {}
        self._rows: dict[int, int] = {}  # claim id -> row: J and K ask once per press
        # The model keeps its rows in the order shown; the proxy only filters.
        # Sorting 20,000 rows through a proxy asks Python for two cells per
        # comparison (seconds); sorting the list here takes milliseconds.
        self.sort_column = CLAIM
        self.sort_order = Qt.SortOrder.AscendingOrder

    # --- contents ---------------------------------------------------------
    def set_claims(self, claims: list[ClaimRecord], scale: Scale | None = None) -> None:
        self.beginResetModel()
        if scale is not None:
            self.scale = scale
        self.claims = self._ordered(claims)
        self._rows = {c.id: row for row, c in enumerate(self.claims)}
        self._haystacks: dict[int, str] = {}
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.claims[i.row()].id if 0 <= i.row() < len(self.claims) else None for i in old]
        self.claims = self._ordered(self.claims)
        self._rows = {c.id: row for row, c in enumerate(self.claims)}
        new = [self.index(self._rows[claim_id], i.column()) if claim_id is not None else QModelIndex()
               for i, claim_id in zip(old, ids, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _ordered(self, claims: list[ClaimRecord]) -> list[ClaimRecord]:
        column = self.sort_column
        if column == CLAIM:  # reading order, the usual case: no per-row Python call
            return sorted(claims, key=attrgetter("article_id", "start", "end"),
                          reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

        def key(claim: ClaimRecord) -> tuple[int, Any]:
            value = self._sort_key(claim, column)
            return (1, value) if isinstance(value, str) else (0, value)  # numbers before words

        try:
            return sorted(claims, key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        except TypeError:  # mixed keys (a verdict from another scale): order by the words shown
            return sorted(claims, key=lambda c: self._display(c, column).casefold(),
                          reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def insert_claim(self, claim: ClaimRecord) -> None:
        """One claim more (logged, or back from a delete), at its place in the order shown.

        Its row is inserted alone, so a view keeps its selection and scroll
        and a 20,000-row list is not read again; a claim already shown is
        replaced instead.
        """
        if claim.id in self._rows:
            self.replace_claim(claim)
            return
        row = self._place_of(claim)
        self.beginInsertRows(QModelIndex(), row, row)
        self.claims.insert(row, claim)
        self._renumber(row)
        self.endInsertRows()

    def remove_claim(self, claim_id: int) -> None:
        """One claim less (deleted): its row goes alone; the others keep their place."""
        row = self._rows.get(claim_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.claims[row]
        del self._rows[claim_id]
        self._haystacks.pop(claim_id, None)
        self._renumber(row)
        self.endRemoveRows()

    def _renumber(self, first: int) -> None:
        for row in range(first, len(self.claims)):
            self._rows[self.claims[row].id] = row

    def _place_of(self, claim: ClaimRecord) -> int:
        """The row where ``_ordered`` would put ``claim``: a binary search, a few keys read.

        Of rows that sort equal, reading order (then the oldest claim) comes
        first, as in the list read from the database, so an undone delete
        comes back to the row it left.
        """
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        column = self.sort_column

        def key(c: ClaimRecord) -> Any:
            if column == CLAIM:
                return (c.article_id, c.start, c.end)
            value = self._sort_key(c, column)
            return (1, value) if isinstance(value, str) else (0, value)

        def before(c: ClaimRecord, wanted: Any) -> bool:  # does row ``c`` come before the new claim?
            mine = key(c)
            if mine != wanted:
                return (mine > wanted) if descending else (mine < wanted)
            return _reading_order(c) < _reading_order(claim)

        try:
            wanted = key(claim)
            return _bisect(self.claims, lambda c: before(c, wanted))
        except TypeError:  # mixed keys (a verdict from another scale): ordered by the words shown
            words = self._display(claim, column).casefold()

            def before_in_words(c: ClaimRecord) -> bool:
                mine = self._display(c, column).casefold()
                return (mine > words) if descending else (mine < words)
            return _bisect(self.claims, before_in_words)

    def replace_claim(self, claim: ClaimRecord) -> None:
        row = self.row_of(claim.id)
        if row is None:
            return
        self.claims[row] = claim
        self._haystacks.pop(claim.id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_prior(self, prior: dict[int, tuple[int, str]]) -> None:
        """Which claims were checked before in another session (from claim memory)."""
        if prior == self.prior:
            return
        self.prior = dict(prior)
        if self.claims:
            self.dataChanged.emit(self.index(0, PRIOR), self.index(len(self.claims) - 1, PRIOR))

    def set_source_flags(self, claim_ids: frozenset[int]) -> None:
        """Which claims have a cited source flagged by a re-check of sources (source_watch)."""
        if claim_ids == self.source_flags:
            return
        self.source_flags = claim_ids
        self.flags_generation += 1
        if self.claims:
            self.dataChanged.emit(self.index(0, STATUS), self.index(len(self.claims) - 1, STATUS))

    def needs_review(self, claim: ClaimRecord) -> bool:
        """Flagged by a re-check: the article changed under the claim, or a source it cites did."""
        return claim.flagged or claim.id in self.source_flags

    def row_of(self, claim_id: int) -> int | None:
        return self._rows.get(claim_id)

    def claim_by_id(self, claim_id: int | None) -> ClaimRecord | None:
        row = self._rows.get(claim_id) if claim_id is not None else None
        return self.claims[row] if row is not None else None

    def claim(self, row: int) -> ClaimRecord:
        return self.claims[row]

    def haystack(self, row: int) -> str:
        """The claim's searchable words, folded once: filtering runs on every keystroke."""
        claim = self.claims[row]
        found = self._haystacks.get(claim.id)
        if found is None:
            found = self._haystacks[claim.id] = " ".join(
                str(part or "")
                for part in (claim.text, claim.wording, claim.speaker, claim.rationale, *claim.tags)
            ).casefold()
        return found

    def colour_of(self, claim: ClaimRecord) -> str:
        return self._level(claim).colour

    # --- Qt model API -----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.claims)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return HEADER_TIPS.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.claims):
            return None
        claim = self.claims[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(claim, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(claim, column)
        if role == SORT_ROLE:
            return self._sort_key(claim, column)
        if role == CLAIM_ID_ROLE:
            return claim.id
        if role == Qt.ItemDataRole.DecorationRole and column == VERDICT:
            return QColor(self.colour_of(claim))
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and self.needs_review(claim):
            return QBrush(QColor(FLAG_COLOUR))
        if role == Qt.ItemDataRole.ForegroundRole and claim.status == "dismissed":
            return QBrush(QColor("#8b9098"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SOURCES, PRIOR):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _display(self, claim: ClaimRecord, column: int) -> str:
        if column == KIND:
            return claim.kind.capitalize()
        if column == CLAIM:
            text = " ".join(claim.display_text.split())
            return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
        if column == VALUE:
            return format_value(claim.value, claim.unit)
        if column == SPEAKER:
            return claim.speaker or ""
        if column == VERDICT:
            return self._level(claim).label
        if column == SOURCES:
            return str(claim.source_count) if claim.source_count else ""
        if column == PRIOR:
            return PRIOR_MARK if claim.id in self.prior else ""
        if column == STATUS:
            if not claim.flagged and claim.id in self.source_flags:
                return SOURCE_FLAG_LABEL
            return FLAG_LABELS.get(claim.anchor_outcome or "", claim.status.capitalize())
        if column == REVIEW:
            return REVIEW_LABELS.get(claim.review_state, claim.review_state)
        return ""

    def _tooltip(self, claim: ClaimRecord, column: int) -> str | None:
        if column == CLAIM:
            return claim.display_text
        if column == VALUE:
            return format_value(claim.value, claim.unit) or None
        if column == REVIEW:
            state = claim.review_state.replace("_", " ").capitalize()
            return f"{state}; assigned to {claim.assignee}" if claim.assignee else state
        if column == PRIOR and claim.id in self.prior:
            verdict = self.prior[claim.id][1]
            label = self.scale.level(verdict).label if verdict in {lv.key for lv in self.scale.levels} else verdict
            return f"Checked before in another session: {label}. See the Checked before tab; press C to copy it."
        if column == STATUS and claim.flagged:
            detail = claim.anchor_detail or {}
            was, now = detail.get("old_text") or claim.text, detail.get("new_text")
            change = f"Now: “{now}”" if now else "Its words are gone from the new text."
            return (f"{claim.status.capitalize()}. The article changed here since this claim was made.\n"
                    f"Was: “{was}”\n{change}\nAccept the new text or keep the old one in the editor.")
        if column == STATUS and claim.id in self.source_flags:
            return (f"{claim.status.capitalize()}. A source this claim cites changed, or lost the quoted passage, "
                    "since it was cited.\nRead its archived copy in the Sources tab and confirm it, or replace it.")
        return None

    def _sort_key(self, claim: ClaimRecord, column: int) -> Any:
        if column == CLAIM:
            return (claim.article_id, claim.start, claim.end)
        if column == VERDICT:
            return self._level(claim).digit
        if column == SOURCES:
            return claim.source_count
        if column == STATUS:
            return (not self.needs_review(claim), claim.status)
        if column == REVIEW:
            return list(REVIEW_LABELS).index(claim.review_state) if claim.review_state in REVIEW_LABELS else 0
        if column == PRIOR:
            return claim.id not in self.prior
        if column == VALUE and isinstance(claim.value, int | float):
            return float(claim.value)
        return self._display(claim, column).casefold()

    def _level(self, claim: ClaimRecord):  # noqa: ANN202 (a scale Level)
        try:
            return self.scale.level(claim.verdict)
        except Exception:  # a verdict from another scale: show it as unreviewed
            return self.scale.levels[0]


def _reading_order(claim: ClaimRecord) -> tuple[int, int, int, int]:
    """The order the database lists an article's claims in (``list_claims``)."""
    return (claim.article_id, claim.start, -claim.end, claim.id)


def _bisect(claims: list[ClaimRecord], before: Callable[[ClaimRecord], bool]) -> int:
    """The first row that does not come ``before`` the new claim (rows are in order)."""
    lo, hi = 0, len(claims)
    while lo < hi:
        mid = (lo + hi) // 2
        if before(claims[mid]):
            lo = mid + 1
        else:
            hi = mid
    return lo


class ClaimsFilterProxy(QSortFilterProxyModel):
    """Filters by kind, verdict, status and free text; the source model keeps the sort order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.verdict = ""  # a level key; "unreviewed" matches claims with no verdict
        self.status = ""
        self.review = ""  # a review state (kinds.ReviewState value)
        self.text = ""
        # Row -> accepted, for the current filters and contents: the view and
        # the verdict counts ask the same question once per keystroke.
        self._accepted: dict[int, tuple[ClaimRecord, bool, int]] = {}
        self._words: list[str] = []
        self._model: ClaimsTableModel | None = None  # kept: asking Qt for it per row is slow

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 (Qt name)
        super().setSourceModel(model)
        self._model = model
        for signal in (model.modelReset, model.dataChanged, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._forget)

    def _forget(self, *_args: Any) -> None:
        self._accepted.clear()

    def set_filters(self, *, kind: str = "", verdict: str = "", status: str = "", text: str = "",
                    review: str = "") -> None:
        self.beginFilterChange()
        self.kind, self.verdict, self.status, self.text = kind, verdict, status, text.strip()
        self.review = review
        self._words = self.text.casefold().split()
        self._accepted.clear()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filters(self) -> dict[str, str]:
        return {"kind": self.kind, "verdict": self.verdict, "status": self.status, "text": self.text,
                "review": self.review}

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        # Keyed on the record too: Qt re-filters on a reset or dataChanged
        # before our own slot on the same signal could clear the cache.
        if not (self.kind or self.status or self.verdict or self.review or self._words):
            return True  # no filter: asked once per row on every reset, so answer at once
        model = self._model
        assert model is not None
        claim = model.claims[row]
        known = self._accepted.get(row)
        if known is None or known[0] is not claim or known[2] != model.flags_generation:
            known = self._accepted[row] = (claim, self._accepts(model, claim, row), model.flags_generation)
        return known[1]

    def _accepts(self, model: ClaimsTableModel, claim: ClaimRecord, row: int) -> bool:
        if self.kind and claim.kind != self.kind:
            return False
        if self.status == FLAGGED:
            if not model.needs_review(claim):
                return False
        elif self.status and claim.status != self.status:
            return False
        if self.verdict and model._level(claim).key != self.verdict:
            return False
        if self.review and claim.review_state != self.review:
            return False
        if self._words:
            haystack = model.haystack(row)
            return all(word in haystack for word in self._words)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model orders its rows (fast, in Python); the proxy keeps that order."""
        if self._model is not None:
            self._model.sort(column, order)

    def neighbour(self, claim_id: int) -> int | None:
        """The claim shown after this one, or before it if it is the last: the one to select once it is deleted.

        None when it is the only one, or not in view (filtered out).
        """
        model = self._model
        row = model.row_of(claim_id) if model is not None else None
        if model is None or row is None:
            return None
        shown = self.mapFromSource(model.index(row, 0)).row()
        if shown < 0:
            return None
        other = shown + 1 if shown + 1 < self.rowCount() else shown - 1
        return self.index(other, 0).data(CLAIM_ID_ROLE) if other >= 0 else None

    def claim_ids(self) -> list[int]:
        return [self.index(row, 0).data(CLAIM_ID_ROLE) for row in range(self.rowCount())]

    def verdict_counts(self) -> dict[str, int]:
        model = self.sourceModel()
        assert isinstance(model, ClaimsTableModel)
        # The same test as the view, on plain data: asking Qt to map every
        # visible row back costs more than the filtering itself.
        counts: dict[str, int] = {}
        root = QModelIndex()
        unfiltered = not (self.kind or self.status or self.verdict or self.review or self._words)
        for row, claim in enumerate(model.claims):
            if unfiltered or self.filterAcceptsRow(row, root):
                key = model._level(claim).key
                counts[key] = counts.get(key, 0) + 1
        return counts
