"""The undo stack's commands adapt the edit services: what a reviewer sees after edit, undo and redo."""

from __future__ import annotations

from tests.gui.helpers import (
    claim_with_text,
    table_text,
    wait_for_claims,
    wait_for_details,
    wait_for_writes,
)
from workbench.gui.claims_model import SOURCES
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store
from workbench.storage.models import Source


def test_a_linked_source_shows_in_the_claims_row_at_once_without_reading_the_list_again(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)

    window.attach_link(claim.id, "https://ministry.example/troops", "Troops", "Ministry")
    wait_for_writes(qtbot, window)

    assert table_text(window, claim.id, SOURCES) == "1"
    assert window.claims_settled  # only the row was replaced: no list read under way
    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert table_text(window, claim.id, SOURCES) in ("", "0")
    window.undo_stack.redo()
    wait_for_writes(qtbot, window)
    assert table_text(window, claim.id, SOURCES) == "1"


def test_undoing_a_delete_brings_the_claim_back_with_its_sources(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    for n in range(3):
        source = source_store.add_source(window.db, window.session_id, f"https://ministry.example/{n}")
        source_store.attach_source(window.db, claim.id, source.id, by="tester", stance="refutes")
    window.reload_claims(claim.id)
    wait_for_details(qtbot, window)

    window.delete_claim()
    wait_for_claims(qtbot, window)
    assert window.claims_panel.model.row_of(claim.id) is None

    window.undo_stack.undo()
    wait_for_claims(qtbot, window)
    assert table_text(window, claim.id, SOURCES) == "3"
    assert {e.stance for e in source_store.list_evidence(window.db, claim.id)} == {"refutes"}


def test_an_undo_that_cannot_be_done_is_reported_and_leaves_no_half_restored_claim(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    sources = []
    for n in range(3):
        sources.append(source_store.add_source(window.db, window.session_id, f"https://ministry.example/{n}"))
        source_store.attach_source(window.db, claim.id, sources[-1].id, by="tester")
    window.reload_claims(claim.id)
    wait_for_details(qtbot, window)
    window.delete_claim()
    wait_for_claims(qtbot, window)
    with window.db.session() as session:  # another reviewer removes a source the claim had
        session.delete(session.get(Source, sources[2].id))

    window.undo_stack.undo()
    wait_for_writes(qtbot, window)

    assert window.message_bar.isVisible() and "deleted since" in window.message_bar.text()
    assert window.undo_stack.count() == 0  # the failed command is dropped
    assert all(c.id != claim.id for c in claim_store.list_claims(window.db, session_id=window.session_id))
