"""File > Export: choose a format, which claims, and where to write; remembers the last folder."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
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
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.kinds import ClaimKind
from workbench.domain.scales import get_scale
from workbench.export.filters import ExportFilter
from workbench.export.run import SUFFIXES, ExportOptions, ExportOutcome, export_to_path
from workbench.storage.articles import list_articles
from workbench.storage.database import Database
from workbench.storage.sessions import get_session

FORMAT_LABELS = (
    ("csv", "CSV spreadsheet (.csv)"),
    ("json", "Session JSON, to move the review to another machine (.json)"),
    ("claimreview", "ClaimReview JSON-LD for the web team (.jsonld)"),
    ("html", "Printable report, HTML (.html)"),
    ("pdf", "Printable report, PDF (.pdf)"),
)
LAST_FOLDER = "export/last_folder"
LAST_FORMAT = "export/format"
PUBLISHER = "export/publisher"


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        session_id: int,
        current_article_id: int | None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Claims")
        self.db = db
        self.session_id = session_id
        self.settings = settings or getattr(parent, "settings", None) or QSettings()
        session = get_session(db, session_id)
        self.session_title = session.title
        self.scale = get_scale(session.scale)
        self.outcome: ExportOutcome | None = None
        self.written: Path | None = None

        self.format = QComboBox()
        for key, label in FORMAT_LABELS:
            self.format.addItem(label, key)
        self.scope = QComboBox()
        self.scope.addItem("The whole session", None)
        if current_article_id is not None:
            article = next((a for a in list_articles(db, session_id) if a.id == current_article_id), None)
            if article is not None:
                self.scope.addItem(f"Only this article: {article.display_title[:60]}", article.id)
        self.accepted_only = QCheckBox("Only accepted claims")
        self.verdicts = _checklist([(lv.key, lv.label) for lv in self.scale.levels])
        self.kinds = _checklist([(k.value, k.value.capitalize()) for k in ClaimKind])
        self.bom = QCheckBox("Byte order mark, for spreadsheet programs (recommended)")
        self.bom.setChecked(True)
        self.publisher = QLineEdit(str(self.settings.value(PUBLISHER, "") or session.reviewer))
        self.publisher.setPlaceholderText("Your organisation, the author of the fact checks")
        self.review_url = QLineEdit()
        self.review_url.setPlaceholderText("https://… the page where the fact check is published")
        self.destination = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("exportError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("Claims:", self.scope)
        form.addRow("", self.accepted_only)
        form.addRow("Verdicts (none ticked = all):", self.verdicts)
        form.addRow("Kinds (none ticked = all):", self.kinds)
        form.addRow("", self.bom)
        form.addRow("Publisher:", self.publisher)
        form.addRow("Review URL:", self.review_url)
        row = QHBoxLayout()
        row.addWidget(self.destination, 1)
        row.addWidget(browse)
        form.addRow("Save to:", row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export_now)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        remembered = self.format.findData(self.settings.value(LAST_FORMAT, "csv"))
        self.format.setCurrentIndex(max(0, remembered))
        self.format.currentIndexChanged.connect(self._format_changed)
        self.destination.setText(str(self._default_path()))
        self._format_changed()

    # --- choices ------------------------------------------------------------
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def claim_filter(self) -> ExportFilter:
        return ExportFilter(
            accepted_only=self.accepted_only.isChecked(),
            verdicts=frozenset(_ticked(self.verdicts)),
            kinds=frozenset(_ticked(self.kinds)),
            article_id=self.scope.currentData(),
        )

    def _format_changed(self) -> None:
        kind = self.chosen_format()
        self.bom.setEnabled(kind == "csv")
        self.publisher.setEnabled(kind == "claimreview")
        self.review_url.setEnabled(kind == "claimreview")
        current = Path(self.destination.text().strip() or self._default_path())
        self.destination.setText(str(current.with_suffix(SUFFIXES[kind])))

    def _default_path(self) -> Path:
        folder = Path(str(self.settings.value(LAST_FOLDER, "") or Path.home()))
        name = re.sub(r"[^\w\- ]+", "", self.session_title).strip() or "claims"
        return folder / f"{name}{SUFFIXES[self.chosen_format()]}"

    def _browse(self) -> None:
        kind = self.chosen_format()
        suffix = SUFFIXES[kind]
        path, _ = QFileDialog.getSaveFileName(
            self, "Export To", self.destination.text(), f"{kind.upper()} (*{suffix});;All files (*)"
        )
        if path:
            self.destination.setText(path)

    # --- export -------------------------------------------------------------
    def export_now(self) -> None:
        """Write the export; on success remember the folder and close, else show why."""
        text = self.destination.text().strip()
        if not text:
            self._show_error("Choose where to save the export.")
            return
        path = Path(text).expanduser()
        options = ExportOptions(
            self.chosen_format(),
            self.claim_filter(),
            bom=self.bom.isChecked(),
            publisher=self.publisher.text().strip() or None,
            review_url=self.review_url.text().strip() or None,
        )
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.outcome = self._write(options, path)
        except WorkbenchError as error:
            self._show_error(f"{error.message} {error.hint}".strip())
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.written = path
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        self.settings.setValue(LAST_FORMAT, options.format)
        if options.publisher:
            self.settings.setValue(PUBLISHER, options.publisher)
        self._tell_window(path)
        self.accept()

    def _write(self, options: ExportOptions, path: Path) -> ExportOutcome:
        if options.format == "pdf":
            from workbench.gui.pdf_export import export_pdf

            return ExportOutcome(export_pdf(self.db, self.session_id, path, options.claim_filter))
        return export_to_path(self.db, self.session_id, options, path)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _tell_window(self, path: Path) -> None:
        bar = getattr(self.parent(), "message_bar", None)
        if bar is None or self.outcome is None:
            return
        warnings = " ".join(self.outcome.warnings)
        bar.show_info(f"Exported {self.outcome.count} claim(s) to {path}.", warnings)


def _checklist(items: list[tuple[str, str]]) -> QListWidget:
    widget = QListWidget()
    for key, label in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(widget.sizeHintForRow(0) * min(len(items), 4) + 6)
    return widget


def _ticked(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]
