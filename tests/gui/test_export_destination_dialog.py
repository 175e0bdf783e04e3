"""File > Export refuses a device, FIFO or folder as the destination and says so in the dialog."""

from __future__ import annotations

import os
import stat
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


def _export_to(qtbot, db, review, settings: QSettings, kind: str, destination: Path) -> ExportDialog:  # noqa: ANN001
    dialog = ExportDialog(None, db, review.session_id, None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData(kind))
    dialog.destination.setText(str(destination))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.exporting and not dialog.jobs.running, timeout=20_000)
    return dialog


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_a_fifo_or_a_folder_is_refused_in_the_dialog(qtbot, review_db, settings: QSettings, tmp_path: Path, kind):
    db, review = review_db
    fifo = tmp_path / f"pipe.{kind}"
    os.mkfifo(fifo)
    folder = tmp_path / f"folder.{kind}"
    folder.mkdir()
    for destination, what in ((fifo, "a pipe (FIFO)"), (folder, "a folder")):
        dialog = _export_to(qtbot, db, review, settings, kind, destination)
        assert dialog.isVisible() and dialog.error.isVisible()
        assert f"Cannot export to {destination}: it is {what}" in dialog.error.text()
        dialog.close()
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and folder.is_dir() and not any(folder.iterdir())
    assert not list(tmp_path.glob("*.part"))
    assert settings.value(LAST_FOLDER) is None


def test_a_pdf_through_a_symlink_keeps_the_link(qtbot, review_db, settings: QSettings, tmp_path: Path):
    db, review = review_db
    real = tmp_path / "real.pdf"
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    dialog = _export_to(qtbot, db, review, settings, "pdf", link)
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF-")
