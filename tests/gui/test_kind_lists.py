"""The window's kind pickers list the kinds the registry holds: a kind added as a spec shows up."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from tests.rumour_kind import RUMOUR_TEXT, rumour_review, rumours_known
from workbench.domain.scales import get_scale
from workbench.gui.claim_editor import ClaimEditor
from workbench.gui.claims_panel import ClaimsPanel
from workbench.gui.export_dialog import ExportDialog
from workbench.storage.database import open_database


def _combo_kinds(box) -> list[str]:  # noqa: ANN001
    return [box.itemData(i) for i in range(box.count()) if box.itemData(i)]


def test_pickers_list_a_kind_added_as_a_spec_and_the_dialog_filters_by_it(qtbot, settings: QSettings, tmp_path: Path):
    db = open_database(tmp_path / "review.sqlite")
    try:
        with rumours_known():
            session_id, article_id = rumour_review(db)
            panel, editor = ClaimsPanel(get_scale("default")), ClaimEditor()
            dialog = ExportDialog(None, db, session_id, article_id, settings=settings)
            for widget in (panel, editor, dialog):
                qtbot.addWidget(widget)
            assert _combo_kinds(panel.kind_box)[-1] == "rumour"
            assert panel.kind_box.itemText(panel.kind_box.count() - 1) == "Rumour"
            assert _combo_kinds(editor.kind)[-1] == "rumour"

            ticked = next(dialog.kinds.item(i) for i in range(dialog.kinds.count())
                          if dialog.kinds.item(i).data(Qt.ItemDataRole.UserRole) == "rumour")
            ticked.setCheckState(Qt.CheckState.Checked)
            dialog.format.setCurrentIndex(dialog.format.findData("csv"))
            dialog.destination.setText(str(tmp_path / "rumours.csv"))
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not dialog.exporting and not dialog.jobs.running, timeout=20_000)
        rows = list(csv.DictReader(io.StringIO((tmp_path / "rumours.csv").read_text(encoding="utf-8-sig"), newline="")))
        assert [(row["kind"], row["quoted span"]) for row in rows] == [("rumour", RUMOUR_TEXT)]

        # Without the rumour kind installed, a new picker does not offer it.
        later = ClaimsPanel(get_scale("default"))
        qtbot.addWidget(later)
        assert "rumour" not in _combo_kinds(later.kind_box)
    finally:
        db.close()
