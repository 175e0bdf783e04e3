"""Closing and reopening: the article, selected claim, filters and window layout come back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import claim_with_text


def test_reopening_restores_article_claim_filters_and_verdicts(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    panel = window.claims_panel
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("figure"))
    window.select_claim(claim.id)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_2)
    article_id = window.article.id
    window.splitter.setSizes([500, 900])
    share = window.splitter.sizes()[0] / sum(window.splitter.sizes())
    window.close()

    again = open_window(seeded_db)
    assert again.article is not None and again.article.id == article_id
    assert again.claims_panel.filters()["kind"] == "figure"
    assert {c.kind for c in again.claims_panel.model.claims if again.claims_panel.proxy.claim_ids().count(c.id)} == {"figure"}
    assert again.claims_panel.current_id() == claim.id
    assert again.editor.verdict.currentData() == "mostly-true"
    # The reader keeps its share of the width (pixels depend on the platform's window size).
    assert abs(again.splitter.sizes()[0] / sum(again.splitter.sizes()) - share) < 0.03


def test_filters_narrow_the_table_and_counts(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    panel = window.claims_panel
    total = panel.proxy.rowCount()
    qtbot.keyClicks(panel.search, "S-400")
    qtbot.waitUntil(lambda: panel.proxy.rowCount() < total)
    assert all("S-400" in window.claims_panel.model.claim(
        panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()).text for r in range(panel.proxy.rowCount()))
    assert f"{panel.proxy.rowCount()} of {total} shown" in panel.counts.text()
