"""Export runs off the GUI thread: the dialog stays responsive, shows progress, and Cancel leaves no file."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from tests.benchmark.export_bench import build_database
from workbench.export import run
from workbench.gui import export_dialog
from workbench.gui.export_dialog import ExportDialog
from workbench.services import export as export_service

CLAIMS = 300


@pytest.fixture
def big_session(tmp_path: Path):
    db, session_id = build_database(tmp_path / "big.sqlite", claims=CLAIMS, articles=3)
    yield db, session_id
    db.close()


class Gate:
    """Holds the export at its first progress report until the test lets it go.

    The export itself is the real one; the gate only fixes the order of
    events, so the test needs no sleeps. If the export ran on the GUI thread,
    nothing could open the gate and it would give up (recorded as a timeout).
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.events: list[str] = []

        def gated(db, session_id, options, path, *, cancel, progress):  # noqa: ANN001, ANN202
            try:
                return run.export_to_path(db, session_id, options, path, cancel=cancel,
                                          progress=self.held(progress))
            finally:
                self.events.append("export ended")

        def gated_text(db, session_id, options, *, cancel, progress):  # noqa: ANN001, ANN202
            return run.export_text(db, session_id, options, cancel=cancel, progress=self.held(progress))

        monkeypatch.setattr(export_service, "export_to_path", gated)  # what the dialog runs
        monkeypatch.setattr(export_service, "export_text", gated_text)

    def held(self, progress):  # noqa: ANN001, ANN201
        def first_waits(fraction: float, message: str) -> None:
            if not self.open.is_set() and not self.open.wait(10):
                self.events.append("gate timed out")
            progress(fraction, message)

        return first_waits


def _dialog(qtbot, db, session_id: int, settings: QSettings, target: Path) -> ExportDialog:  # noqa: ANN001
    dialog = ExportDialog(None, db, session_id, None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.destination.setText(str(target))
    return dialog


def test_the_dialog_stays_responsive_while_exporting_and_the_file_parses(
    qtbot, big_session, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db, session_id = big_session
    target = tmp_path / "claims.csv"
    gate = Gate(monkeypatch)
    dialog = _dialog(qtbot, db, session_id, settings, target)
    seen: dict[str, object] = {}

    def tick() -> None:  # runs on the GUI thread's event loop, during the export
        seen.update(progress=dialog.progress.isVisible(), export_enabled=dialog.export_button.isEnabled(),
                    cancel_enabled=dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled(),
                    ended=list(gate.events))
        gate.events.append("timer fired")
        gate.open.set()

    QTimer.singleShot(0, tick)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == ExportDialog.DialogCode.Accepted, timeout=20_000)

    assert gate.events == ["timer fired", "export ended"]  # the timer fired while the export was held
    assert seen == {"progress": True, "export_enabled": False, "cancel_enabled": True, "ended": []}
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")))
    assert len(rows) == CLAIMS and rows[0]["session"] == "Benchmark desk"
    assert dialog.outcome is not None and dialog.outcome.count == CLAIMS


def test_cancel_stops_the_export_and_leaves_no_file(
    qtbot, big_session, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db, session_id = big_session
    target = tmp_path / "claims.csv"
    gate = Gate(monkeypatch)
    dialog = _dialog(qtbot, db, session_id, settings, target)

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Cancelling" in dialog.status.text()
    gate.open.set()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=20_000)

    assert dialog.isVisible() and not dialog.progress.isVisible()
    assert dialog.status.text().startswith("Export cancelled: no file was written.")
    assert not dialog.error.isVisible()
    assert list(tmp_path.glob("claims.csv*")) == []  # neither the file nor its .part
    assert settings.value(export_dialog.LAST_FOLDER) is None
    assert dialog.export_button.isEnabled()  # ready to export again

    # A second press of Cancel, with nothing running, closes the dialog.
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == ExportDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_pdf_report_is_read_off_the_gui_thread_and_cancel_stops_it(
    qtbot, big_session, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db, session_id = big_session
    target = tmp_path / "report.pdf"
    gate = Gate(monkeypatch)
    dialog = _dialog(qtbot, db, session_id, settings, target)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.destination.setText(str(target))

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    gate.open.set()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=20_000)
    assert dialog.status.text().startswith("Export cancelled: no file was written.")
    assert list(tmp_path.glob("report.pdf*")) == []

    dialog.include_unreviewed.setChecked(True)  # every claim, so the report is long
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # again, to the end
    qtbot.waitUntil(lambda: dialog.result() == ExportDialog.DialogCode.Accepted, timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF-")
    assert dialog.outcome is not None and dialog.outcome.count == CLAIMS
    assert "gate timed out" not in gate.events


def test_cancel_while_the_pdf_is_printed_stops_it_and_leaves_no_file(
    qtbot, big_session, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The PDF's pages are printed in the background too: the dialog answers Cancel while they are drawn."""
    from workbench.gui import pdf_export

    db, session_id = big_session
    target = tmp_path / "report.pdf"
    printing = threading.Event()
    go_on = threading.Event()
    print_pages = pdf_export._print_pages

    def held(html, writer, cancel, progress):  # noqa: ANN001, ANN202
        def first_page_waits(fraction: float, message: str) -> None:
            printing.set()
            go_on.wait(10)
            progress(fraction, message)

        return print_pages(html, writer, cancel, first_page_waits)

    monkeypatch.setattr(pdf_export, "_print_pages", held)
    dialog = _dialog(qtbot, db, session_id, settings, target)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.include_unreviewed.setChecked(True)  # every claim: pages to print
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(printing.is_set, timeout=20_000)  # the pages are being drawn, in the background

    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Cancelling" in dialog.status.text()  # the window answered at once
    go_on.set()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=20_000)
    assert dialog.status.text().startswith("Export cancelled: no file was written.")
    assert list(tmp_path.glob("report.pdf*")) == []
