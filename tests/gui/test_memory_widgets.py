"""The claim-memory panel and the evidence dialog, driven as a reviewer would."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from workbench.domain.errors import FetchError
from workbench.evidence.finder import EvidenceResult
from workbench.evidence.rank import claim_facts, rank_passages
from workbench.gui.evidence_dialog import EvidenceDialog, highlighted_html
from workbench.gui.memory_panel import MemoryPanel
from workbench.memory.lookup import Match, PriorSource

SOURCE = (
    "Wheat prices rose this week.\n\n"
    "Only 30,000 troops were stationed near Brest, the ministry said.\n\n"
    "About 32 000 soldiers took part in exercises near Brest."
)


def _match(claim_id: int, score: float, verdict: str) -> Match:
    return Match(
        claim_id=claim_id, session_id=1, session="Last week", text="32,000 troops", kind="figure",
        verdict=verdict, rationale="Ministry figures", reviewed_at=datetime(2024, 3, 1, tzinfo=UTC),
        score=score, reason="same value", sources=[PriorSource("https://mod.example", "", "supports", "")],
    )


def test_memory_panel_lists_matches_and_copies_the_chosen_one(qtbot):
    panel = MemoryPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.checked_before_changed) as marker:
        panel.show_matches([_match(7, 0.95, "true"), _match(9, 0.6, "false")])
    assert marker.args == [True]
    assert panel.tree.topLevelItemCount() == 2
    assert [panel.tree.topLevelItem(0).text(c) for c in range(3)] == ["0.95", "true", "Last week"]
    assert "Ministry figures" in panel.tree.topLevelItem(0).toolTip(3)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    with qtbot.waitSignal(panel.copy_requested) as copied:
        qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert copied.args == [9]
    panel.clear()
    assert not panel.copy_button.isEnabled() and "Not checked before" in panel.summary.text()


def test_evidence_dialog_ranks_highlights_and_quotes_the_passage(qtbot):
    def search(source, done, fail):
        facts = claim_facts("32,000 troops near Brest", kind="figure", value=32000, unit="troop")
        done(EvidenceResult(1, source, rank_passages(facts, SOURCE)))

    dialog = EvidenceDialog("32,000 troops near Brest", search)
    qtbot.addWidget(dialog)
    dialog.source.setText("https://mod.example/report")
    dialog.find()
    assert dialog.list.count() >= 2
    assert dialog.list.item(0).text().split("  ", 1)[1].startswith("About 32 000 soldiers")
    assert "#fff59d" in dialog.preview.toHtml()  # the matched words are highlighted
    assert "<b>About 32 000 soldiers</b>" in highlighted_html(dialog.passages[0])
    assert dialog.stance.currentData() == "supports"
    conflict_row = next(i for i, p in enumerate(dialog.passages) if p.conflict)
    dialog.list.setCurrentRow(conflict_row)
    assert "possible contradiction" in dialog.list.item(conflict_row).text()
    assert dialog.stance.currentData() == "refutes"
    with qtbot.waitSignal(dialog.passage_chosen) as chosen:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert chosen.args == ["https://mod.example/report", dialog.passages[conflict_row].text, "refutes"]


def test_evidence_dialog_shows_a_fetch_error_and_offers_nothing_to_quote(qtbot):
    def search(source, done, fail):
        fail(FetchError("Could not reach mod.example.", "Check the address."))

    dialog = EvidenceDialog("32,000 troops", search)
    qtbot.addWidget(dialog)
    dialog.source.setText("https://mod.example/report")
    dialog.find()
    assert "Could not reach" in dialog.status.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
