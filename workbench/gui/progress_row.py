"""The row under the message bar that shows the window's running job: what it does,
how far it is, and Cancel. It is visible while the job runner is busy."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from workbench.gui.workers import JobRunner


class ProgressRow(QFrame):
    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(240)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(jobs.cancel_by_reviewer)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.hide()
        jobs.busy_changed.connect(self.setVisible)

    def start(self, message: str) -> None:
        """A job begins: what it does, from nought."""
        self.bar.setValue(0)
        self.label.setText(message)

    def show_progress(self, fraction: float, message: str) -> None:
        """How far the job is (its ``progress`` callback, on the GUI thread)."""
        self.bar.setValue(int(fraction * 100))
        self.label.setText(message)
