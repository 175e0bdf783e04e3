"""File > Export: the "Only approved claims" box limits the export to signed-off claims."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from tests.export_session import build_review
from workbench.gui.export_dialog import ExportDialog
from workbench.services.edits import apply
from workbench.services.review_edits import SetReviewState
from workbench.storage.database import open_database


def test_only_approved_claims_are_exported_when_ticked(qtbot, settings: QSettings, tmp_path: Path):
    db = open_database(tmp_path / "review.sqlite")
    try:
        review = build_review(db)
        apply(db, SetReviewState(review.prices, "approved"), by="ed")
        dialog = ExportDialog(None, db, review.session_id, review.article_id, settings=settings)
        qtbot.addWidget(dialog)
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        dialog.approved_only.setChecked(True)
        dialog.destination.setText(str(tmp_path / "approved.csv"))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.exporting and not dialog.jobs.running, timeout=20_000)
        text = (tmp_path / "approved.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [(int(row["claim id"]), row["review state"]) for row in rows] == [(review.prices, "approved")]
    finally:
        db.close()
