"""File > Export: choose a format, which claims, and where to write; remembers the last folder.

The export runs on a worker thread (a 100,000-claim session takes seconds),
with a progress bar; Cancel stops it and no file is left behind. The worker
gets the Database and ids only and reads through its own connections. The
formats, their suffixes and which options each reads come from the registry in
``workbench.export.formats``. A printed format (PDF) is printed on the worker
too, page by page (``pdf_export``), so Cancel and the progress bar work
while its pages are drawn.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
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
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import CancelledError, ExportCancelled, WorkbenchError
from workbench.domain.progress import CancelFn, ProgressFn
from workbench.domain.scales import Scale, get_scale
from workbench.gui.deferred import deferred
from workbench.gui.workers import Handle, JobRunner

if TYPE_CHECKING:
    from workbench.services.database import Database
    from workbench.services.export_formats import (
        ExportFilter,
        ExportFormat,
        ExportOptions,
        ExportOutcome,
    )

articles_read = deferred("workbench.services.articles_read")
export = deferred("workbench.services.export")
export_formats = deferred("workbench.services.export_formats")
kinds = deferred("workbench.services.kinds")
sessions = deferred("workbench.services.sessions")

LAST_FOLDER = "export/last_folder"
LAST_FORMAT = "export/format"
PUBLISHER = "export/publisher"
STORED_POLL_MS = 50  # how often an export waiting for the last edits looks again


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        session_id: int,
        current_article_id: int | None,
        *,
        settings: QSettings | None = None,
        shown: tuple[str, Scale, str | None] | None = None,
    ) -> None:
        """``shown``: the session's title and scale and the current article's title as the
        window shows them, so that opening the dialog reads nothing on the window's thread;
        read from the database when not given."""
        super().__init__(parent)
        self.setWindowTitle("Export Claims")
        self.db = db
        self.session_id = session_id
        self.settings = settings or getattr(parent, "settings", None) or QSettings()
        if shown is None:
            session = sessions.get_session(db, session_id)
            article = next((a for a in articles_read.list_articles(db, session_id) if a.id == current_article_id),
                           None) if current_article_id is not None else None
            shown = (session.title, get_scale(session.scale), article.display_title if article else None)
        self.session_title, self.scale, article_title = shown
        self.outcome: ExportOutcome | None = None
        self.written: Path | None = None
        self.jobs = _runner(parent)
        self.exporting = False
        self._stop = threading.Event()  # the reviewer pressed Cancel during this export
        self._job_handle: Handle | None = None

        self.format = QComboBox()
        for known in export_formats.formats.FORMATS:
            self.format.addItem(f"{known.label} ({known.suffix})", known.name)
        self.scope = QComboBox()
        self.scope.addItem("The whole session", None)
        if current_article_id is not None and article_title is not None:
            self.scope.addItem(f"Only this article: {article_title[:60]}", current_article_id)
        self.accepted_only = QCheckBox("Only accepted claims")
        self.approved_only = QCheckBox("Only approved claims (verdict signed off)")
        self.verdicts = _checklist([(lv.key, lv.label) for lv in self.scale.levels])
        self.kinds = _checklist([(kind, kinds.kind_label(kind)) for kind in kinds.kind_names()])
        self.bom = QCheckBox("Byte order mark, for spreadsheet programs (recommended)")
        self.bom.setChecked(True)
        self.include_unreviewed = QCheckBox("Include unreviewed and dismissed claims")
        # The organisation is a preference, empty until set: never this computer's login name.
        self.publisher = QLineEdit(str(self.settings.value(PUBLISHER, "") or ""))
        self.publisher.setPlaceholderText("Your organisation, the author of the fact checks")
        self.review_url = QLineEdit()
        self.review_url.setPlaceholderText("https://… the page where the fact check is published")
        # The control for each option a format may read (formats.base.OPTION_NAMES).
        self.option_widgets: dict[str, QWidget] = {
            "bom": self.bom, "publisher": self.publisher, "review_url": self.review_url,
            "include_unreviewed": self.include_unreviewed,
        }
        self.destination = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("exportError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.hide()

        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("Claims:", self.scope)
        form.addRow("", self.accepted_only)
        form.addRow("", self.approved_only)
        form.addRow("Verdicts (none ticked = all):", self.verdicts)
        form.addRow("Kinds (none ticked = all):", self.kinds)
        form.addRow("", self.include_unreviewed)
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
        self.form_widgets = [form.itemAt(i).widget() for i in range(form.count()) if form.itemAt(i).widget()]
        self.form_widgets += [self.destination, browse]
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        remembered = self.format.findData(self.settings.value(LAST_FORMAT, "csv"))
        self.format.setCurrentIndex(max(0, remembered))
        self.format.currentIndexChanged.connect(self._format_changed)
        self.destination.setText(str(self._default_path()))
        self._format_changed()

    # --- choices ------------------------------------------------------------
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _chosen(self) -> ExportFormat:
        return export_formats.formats.find(self.chosen_format())

    def claim_filter(self) -> ExportFilter:
        return export_formats.ExportFilter(
            accepted_only=self.accepted_only.isChecked(),
            verdicts=frozenset(_ticked(self.verdicts)),
            kinds=frozenset(_ticked(self.kinds)),
            article_id=self.scope.currentData(),
            approved_only=self.approved_only.isChecked(),
        )

    def _format_changed(self) -> None:
        self._enable_options()
        current = Path(self.destination.text().strip() or self._default_path())
        self.destination.setText(str(current.with_suffix(self._chosen().suffix)))

    def _enable_options(self) -> None:
        """Only the options the chosen format reads can be changed."""
        reads = self._chosen().options
        for option, widget in self.option_widgets.items():
            widget.setEnabled(option in reads)

    def _default_path(self) -> Path:
        folder = Path(str(self.settings.value(LAST_FOLDER, "") or Path.home()))
        name = re.sub(r"[^\w\- ]+", "", self.session_title).strip() or "claims"
        return folder / f"{name}{self._chosen().suffix}"

    def _browse(self) -> None:
        chosen = self._chosen()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export To", self.destination.text(), f"{chosen.title} (*{chosen.suffix});;All files (*)"
        )
        if path:
            self.destination.setText(path)

    # --- export -------------------------------------------------------------
    def export_now(self) -> None:
        """Start the export on a worker; on success remember the folder and close, else show why."""
        if self.exporting:
            return
        text = self.destination.text().strip()
        if not text:
            self._show_error("Choose where to save the export.")
            return
        path = Path(text).expanduser()
        options = export_formats.ExportOptions(
            self.chosen_format(),
            self.claim_filter(),
            bom=self.bom.isChecked(),
            publisher=self.publisher.text().strip() or None,
            review_url=self.review_url.text().strip() or None,
            include_unreviewed=self.include_unreviewed.isChecked(),
        )
        self._stop.clear()
        self._set_exporting(True)
        self._start_once_stored(options, path, self._chosen().printed)

    def _start_once_stored(self, options: ExportOptions, path: Path, printed: bool) -> None:
        """The export starts once the reviewer's last edits are stored (they are written in the
        background, and the export reads the database): it holds what the window shows."""
        if self._stop.is_set():
            self._failed(CancelledError())
            return
        writer = getattr(self.parent(), "writes", None)
        if writer is not None and writer.busy:
            self._show_status("Storing your last edits first…")
            QTimer.singleShot(STORED_POLL_MS, lambda: self._start_once_stored(options, path, printed))
            return
        self._job_handle = self.jobs.start(
            self._job(options, path, printed),
            f"exporting to {path}",
            on_success=lambda result: self._finished(options, path, printed, result),
            on_error=self._failed,
            on_progress=self._progressed,
        )

    def _job(self, options: ExportOptions, path: Path, printed: bool) -> Any:
        """What the worker runs: plain values in (Database, ids, options), plain values out.

        A printed format is printed in the worker too, page by page (pdf_export):
        the first half of the progress bar is its HTML, the second its pages.
        """
        db, session_id, stop = self.db, self.session_id, self._stop

        def job(cancel: CancelFn, progress: ProgressFn) -> object:
            def stopped() -> bool:
                return stop.is_set() or cancel()

            if not printed:
                return export.export_to_path(db, session_id, options, path, cancel=stopped, progress=progress)
            from workbench.gui.pdf_export import PRINTING_SHARE, write_pdf

            def rendering(fraction: float, message: str) -> None:
                progress(fraction * (1 - PRINTING_SHARE), message)

            def printing(fraction: float, message: str) -> None:
                progress(1 - PRINTING_SHARE + fraction * PRINTING_SHARE, message)

            try:
                html, outcome = export.export_text(db, session_id, options, cancel=stopped, progress=rendering)
            except CancelledError:
                raise ExportCancelled(path) from None
            write_pdf(html, path, cancel=stopped, progress=printing)
            return outcome

        return job

    def _finished(self, options: ExportOptions, path: Path, printed: bool, result: object) -> None:
        assert isinstance(result, export_formats.ExportOutcome)
        self._set_exporting(False)
        self.outcome = result
        self.written = path
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        self.settings.setValue(LAST_FORMAT, options.format)
        if options.publisher:
            self.settings.setValue(PUBLISHER, options.publisher)
        self._tell_window(path)
        self.accept()

    def _failed(self, error: WorkbenchError) -> None:
        self._set_exporting(False)
        if isinstance(error, CancelledError):
            self._show_status(f"{error.message} {error.hint}".strip())
        else:
            self._show_error(f"{error.message} {error.hint}".strip())

    def _progressed(self, fraction: float, message: str) -> None:
        if self.exporting:
            self.progress.setValue(round(fraction * 1000))
            if not self._stop.is_set():
                self._show_status(message)

    def _set_exporting(self, exporting: bool) -> None:
        self.exporting = exporting
        for widget in self.form_widgets:
            widget.setEnabled(not exporting)
        if not exporting:
            self._enable_options()
        self.export_button.setEnabled(not exporting)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(exporting)
        if exporting:
            self.error.hide()
            self._show_status("Starting the export…")

    def reject(self) -> None:
        """Cancel stops a running export (the dialog stays to say so); otherwise it closes."""
        if not self.exporting:
            super().reject()
            return
        self._stop.set()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self._show_status("Cancelling the export…")

    def done(self, result: int) -> None:
        # Closing for any other reason while exporting: stop the worker before the dialog goes.
        if self.exporting and self._job_handle is not None:
            self._stop.set()
            self._job_handle.cancel()
            self.jobs.wait()
        super().done(result)

    def _show_status(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _tell_window(self, path: Path) -> None:
        bar = getattr(self.parent(), "message_bar", None)
        if bar is None or self.outcome is None:
            return
        warnings = " ".join(self.outcome.warnings)
        bar.show_info(f"Exported {self.outcome.count} claim(s) to {path}.", warnings)


def _runner(parent: QWidget | None) -> JobRunner:
    """The window's job runner; a dialog on its own gets one that outlives it.

    Not the dialog's child: the runner deletes its finished jobs' relays
    later, and deleting the dialog must not pull them out from under it.
    """
    jobs = getattr(parent, "jobs", None)
    if isinstance(jobs, JobRunner):
        return jobs
    global _OWN_RUNNER
    if _OWN_RUNNER is None:
        _OWN_RUNNER = JobRunner(QCoreApplication.instance())
    return _OWN_RUNNER


_OWN_RUNNER: JobRunner | None = None


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
