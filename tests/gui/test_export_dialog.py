"""File > Export dialog: format, filters, destination, and the remembered folder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.export_session import build_review
from workbench.gui.export_dialog import LAST_FOLDER, ExportDialog
from workbench.storage.database import open_database


@pytest.fixture
def review_db(tmp_path: Path):
    db = open_database(tmp_path / "review.sqlite")
    review = build_review(db)
    yield db, review
    db.close()


def _export(qtbot, dialog: ExportDialog) -> None:  # noqa: ANN001
    """Press Export and wait for the background export to end."""
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.exporting and not dialog.jobs.running, timeout=20_000)


def _tick(widget, key: str) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            item.setCheckState(Qt.CheckState.Checked)


def test_exports_filtered_csv_and_remembers_the_folder(qtbot, review_db, settings: QSettings, tmp_path: Path):
    db, review = review_db
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = ExportDialog(None, db, review.session_id, review.article_id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.scope.setCurrentIndex(dialog.scope.findData(review.article_id))
    _tick(dialog.kinds, "figure")
    _tick(dialog.kinds, "quote")
    dialog.accepted_only.setChecked(True)
    dialog.bom.setChecked(False)
    dialog.destination.setText(str(folder / "claims.csv"))
    _export(qtbot, dialog)

    assert dialog.result() == ExportDialog.DialogCode.Accepted
    data = (folder / "claims.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert {int(row["claim id"]) for row in rows} == {review.troops, review.quote}
    assert settings.value(LAST_FOLDER) == str(folder)

    again = ExportDialog(None, db, review.session_id, None, settings=settings)
    qtbot.addWidget(again)
    assert Path(again.destination.text()).parent == folder
    assert again.destination.text().endswith(".csv")
    again.format.setCurrentIndex(again.format.findData("pdf"))
    assert again.destination.text().endswith(".pdf")
    assert again.scope.count() == 1  # no current article: whole session only


def test_claimreview_with_publisher_and_verdict_filter(qtbot, review_db, settings: QSettings, tmp_path: Path):
    db, review = review_db
    dialog = ExportDialog(None, db, review.session_id, review.article_id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("claimreview"))
    assert dialog.publisher.isEnabled() and not dialog.bom.isEnabled()
    dialog.publisher.setText("Example Fact Check")
    _tick(dialog.verdicts, "false")
    dialog.destination.setText(str(tmp_path / "reviews.jsonld"))
    _export(qtbot, dialog)
    items = json.loads((tmp_path / "reviews.jsonld").read_text(encoding="utf-8"))
    assert [item["reviewRating"]["alternateName"] for item in items] == ["False"]
    assert items[0]["author"]["name"] == "Example Fact Check"


def test_pdf_from_the_dialog(qtbot, review_db, settings: QSettings, tmp_path: Path):
    db, review = review_db
    dialog = ExportDialog(None, db, review.session_id, None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.destination.setText(str(tmp_path / "report.pdf"))
    assert dialog.include_unreviewed.isEnabled() and not dialog.include_unreviewed.isChecked()
    _export(qtbot, dialog)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
    # The report shows findings: the unreviewed claim and the dismissed one are left out.
    assert dialog.outcome is not None and dialog.outcome.count == 3


def test_an_unwritable_destination_is_shown_in_the_dialog(qtbot, review_db, settings: QSettings, tmp_path: Path):
    db, review = review_db
    dialog = ExportDialog(None, db, review.session_id, None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.destination.setText(str(tmp_path / "missing" / "claims.csv"))
    _export(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Cannot write" in dialog.error.text()
    assert settings.value(LAST_FOLDER) is None
