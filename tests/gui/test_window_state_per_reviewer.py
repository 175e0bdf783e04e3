"""Two reviewers on one database each get back their own place: claim, filters, article."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from tests.gui.helpers import claim_with_text
from workbench.gui.main_window import MainWindow


def _window(qtbot, location: Path, settings: QSettings, reviewer: str) -> MainWindow:  # noqa: ANN001
    window = MainWindow(str(location), settings=settings, reviewer=reviewer)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.waitUntil(lambda: window.claims_settled)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.jobs.wait()


def test_a_colleague_closing_the_session_does_not_move_my_place(qtbot, seeded_db, tmp_path):
    ana_settings = QSettings(str(tmp_path / "ana.ini"), QSettings.Format.IniFormat)
    ben_settings = QSettings(str(tmp_path / "ben.ini"), QSettings.Format.IniFormat)

    ana = _window(qtbot, seeded_db, ana_settings, "Ana")
    troops = claim_with_text(ana, "About 32,000 troops", "figure")
    panel = ana.claims_panel
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("figure"))
    ana.select_claim(troops.id)
    _close(ana)

    ben = _window(qtbot, seeded_db, ben_settings, "Ben")
    assert ben.claims_panel.filters()["kind"] != "figure"  # Ana's filter is hers
    other = next(c for c in ben.claims_panel.model.claims if c.id != troops.id)
    ben.select_claim(other.id)
    _close(ben)

    again = _window(qtbot, seeded_db, ana_settings, "Ana")
    try:
        assert again.claims_panel.current_id() == troops.id
        assert again.claims_panel.filters()["kind"] == "figure"
    finally:
        _close(again)
