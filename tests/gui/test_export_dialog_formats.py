"""The export dialog lists the formats from the registry and greys out the options a format does not read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from tests import tally_format
from tests.export_session import build_review
from workbench.export import formats
from workbench.export.formats.base import OPTION_NAMES
from workbench.gui.export_dialog import LAST_FORMAT, ExportDialog
from workbench.storage.database import open_database


@pytest.fixture
def review_db(tmp_path: Path):
    db = open_database(tmp_path / "review.sqlite")
    review = build_review(db)
    yield db, review
    db.close()


def _dialog(qtbot, db, session_id: int, settings: QSettings) -> ExportDialog:  # noqa: ANN001
    dialog = ExportDialog(None, db, session_id, None, settings=settings)
    qtbot.addWidget(dialog)
    return dialog


def _export(qtbot, dialog: ExportDialog) -> None:  # noqa: ANN001
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.exporting and not dialog.jobs.running, timeout=20_000)


def _listed(dialog: ExportDialog) -> list[tuple[str, str]]:
    return [(dialog.format.itemData(i), dialog.format.itemText(i)) for i in range(dialog.format.count())]


def test_the_list_and_the_option_controls_follow_the_registry(qtbot, review_db, settings: QSettings):
    db, review = review_db
    dialog = _dialog(qtbot, db, review.session_id, settings)
    assert [key for key, _label in _listed(dialog)] == ["csv", "json", "claimreview", "html", "pdf"]
    assert ("json", "Session JSON, to move the review to another machine (.json)") in _listed(dialog)
    assert set(dialog.option_widgets) == OPTION_NAMES  # every option a format may read has a control


def test_a_registered_format_is_offered_and_exported_through(
    qtbot, review_db, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, tally_format.FORMAT))  # the one registry line
    db, review = review_db
    dialog = _dialog(qtbot, db, review.session_id, settings)
    assert _listed(dialog)[-1] == ("tally", "Tally of claim ids (.tally)")

    dialog.format.setCurrentIndex(dialog.format.findData("tally"))
    assert dialog.destination.text().endswith(".tally")
    assert dialog.publisher.isEnabled()  # the tally reads the publisher, and nothing else
    assert not dialog.bom.isEnabled() and not dialog.review_url.isEnabled()
    dialog.publisher.setText("Desk")
    dialog.accepted_only.setChecked(True)
    dialog.destination.setText(str(tmp_path / "claims.tally"))
    _export(qtbot, dialog)

    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert (tmp_path / "claims.tally").read_text(encoding="utf-8") == f"Desk\t{review.troops}\nDesk\t{review.quote}\n"
    assert dialog.outcome is not None and dialog.outcome.warnings == ["tallies are not reviewed"]
    assert settings.value(LAST_FORMAT) == "tally"


def test_a_registered_printed_format_is_printed_to_pdf(
    qtbot, review_db, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, tally_format.POSTER))
    db, review = review_db
    dialog = _dialog(qtbot, db, review.session_id, settings)
    dialog.format.setCurrentIndex(dialog.format.findData("poster"))
    dialog.destination.setText(str(tmp_path / "poster.pdf"))
    _export(qtbot, dialog)
    assert (tmp_path / "poster.pdf").read_bytes().startswith(b"%PDF-")
    assert dialog.outcome is not None and dialog.outcome.count == 1
