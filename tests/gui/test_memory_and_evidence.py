"""Claim memory and the evidence finder in the window: a claim checked in another session is
marked, its verdict copied with one key (undoable), and a found passage quoted as a source."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from werkzeug import Response

from tests.factories import make_article
from tests.gui.helpers import (
    claim_with_text,
    search_for_evidence,
    table_text,
    wait_for_details,
    wait_for_writes,
)
from workbench.gui.claims_model import PRIOR, PRIOR_MARK, SOURCES
from workbench.services import claim_edits
from workbench.services.importing import store_extracted
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage import snapshots as snapshot_store
from workbench.storage import sources as source_store
from workbench.storage.database import open_database

RATIONALE = "The ministry's own figure, confirmed by satellite images."
SOURCE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Ministry briefing</title></head>
<body><article><h1>Ministry briefing on the border</h1>
<p>The weather in the capital was mild for the season and markets were calm on Monday.</p>
<p>The ministry confirmed that about 32,000 troops were deployed near the border on Tuesday.</p>
<p>Diplomats said talks on trade would resume next month in a neutral country.</p>
</article></body></html>"""


@pytest.fixture
def two_sessions(db_path: Path) -> tuple[Path, int]:
    """Last week's review with a verdict on "About 32,000 troops"; today's session with the same claim."""
    db = open_database(db_path)
    try:
        old = sessions.create_session(db, "Last week", reviewer="ana")
        store_extracted(db, old.id, make_article(), by="detector")
        prior = next(c for c in claim_store.list_claims(db, session_id=old.id) if c.text == "About 32,000 troops")
        claim_edits.update_claim(db, prior.id, {"verdict": "mostly-true", "rationale": RATIONALE},
                                 by="ana", expected_version=None)
        source = source_store.add_source(db, old.id, "https://ministry.example/briefing", title="Briefing")
        source_store.attach_source(db, prior.id, source.id, by="ana", stance="supports", passage="32,000")
        today = sessions.create_session(db, "Today", reviewer="tester")
        store_extracted(db, today.id, make_article(source="https://other.example/belarus"), by="detector")
    finally:
        db.close()
    return db_path, today.id


def _today(qtbot, open_window, two_sessions):  # noqa: ANN001, ANN202
    path, today = two_sessions
    window = open_window(path)
    window.sessions.open_session(today)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    qtbot.waitUntil(lambda: table_text(window, claim.id, PRIOR) == PRIOR_MARK, timeout=10_000)
    return window, claim


def test_a_claim_checked_before_is_marked_and_its_verdict_copied_with_one_key(qtbot, open_window, two_sessions):
    window, claim = _today(qtbot, open_window, two_sessions)
    others = [c for c in window.claims_panel.model.claims if c.id != claim.id and c.kind == "equipment"]
    assert others and all(table_text(window, c.id, PRIOR) == "" for c in others)  # no verdict elsewhere

    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    panel = window.memory.panel
    assert window.editor.tabText(window.editor.indexOf(window.memory.page)).startswith("Checked before (")
    assert panel.matches[0].session == "Last week" and panel.matches[0].verdict == "Mostly true"

    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_C)
    wait_for_details(qtbot, window)
    wait_for_writes(qtbot, window)
    copied = claim_store.get_claim(window.db, claim.id)
    assert (copied.verdict, copied.rationale) == ("mostly-true", RATIONALE)
    assert table_text(window, claim.id, SOURCES) == "1"
    assert window.editor.rationale.toPlainText() == RATIONALE
    wait_for_writes(qtbot, window)
    notes = [h.note for h in claim_store.claim_history(window.db, claim.id) if h.field == "verdict"]
    assert any("copied from claim" in (note or "") and "Last week" in note for note in notes)

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    undone = claim_store.get_claim(window.db, claim.id)
    assert (undone.verdict, undone.rationale, undone.source_count) == (None, "", 0)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, claim.id).verdict == "mostly-true"
    assert table_text(window, claim.id, SOURCES) == "1"


def test_find_evidence_quotes_the_passage_that_settles_the_claim(qtbot, open_window, two_sessions, httpserver):
    httpserver.expect_request("/briefing").respond_with_data(SOURCE_PAGE, content_type="text/html; charset=utf-8")
    window, claim = _today(qtbot, open_window, two_sessions)
    window.select_claim(claim.id)
    window.editor.setCurrentIndex(1)
    url = httpserver.url_for("/briefing")
    dialog = search_for_evidence(qtbot, window, url)
    assert "32,000 troops were deployed" in dialog.passages[0].text
    assert dialog.stance.currentData() == "supports"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    wait_for_writes(qtbot, window)
    links = source_store.list_evidence(window.db, claim.id)
    assert [(e.source.url, e.stance) for e in links] == [(url, "supports")]
    assert "32,000 troops were deployed" in links[0].passage
    wait_for_details(qtbot, window)
    assert window.editor.passage.toPlainText() == links[0].passage
    with qtbot.waitActive(window):  # the dialog has closed: keys go to the window again
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id) == []


def test_a_source_that_cannot_be_read_is_explained_in_the_dialog(qtbot, open_window, two_sessions, httpserver):
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    window, claim = _today(qtbot, open_window, two_sessions)
    window.select_claim(claim.id)
    qtbot.mouseClick(window.editor.find_evidence_button, Qt.MouseButton.LeftButton)
    dialog = window.memory.evidence_dialog
    dialog.source.setText(httpserver.url_for("/missing"))
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.find_button.isEnabled(), timeout=20_000)
    assert "404" in dialog.status.text() or "not found" in dialog.status.text().lower()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id) == []


def test_a_quoted_source_is_archived_as_the_page_the_passage_was_read_from(qtbot, open_window, two_sessions,
                                                                            httpserver):
    # The page changes after the search: the archive must hold what the reviewer read and quoted,
    # fetched once, not a second fetch of whatever the server says by then.
    served = iter([SOURCE_PAGE, SOURCE_PAGE.replace("about 32,000 troops", "about 45,000 troops")])
    httpserver.expect_request("/briefing").respond_with_handler(
        lambda _request: Response(next(served), content_type="text/html; charset=utf-8"))
    window, claim = _today(qtbot, open_window, two_sessions)
    window.select_claim(claim.id)
    window.editor.setCurrentIndex(1)
    dialog = search_for_evidence(qtbot, window, httpserver.url_for("/briefing"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    wait_for_writes(qtbot, window)
    [link] = source_store.list_evidence(window.db, claim.id)
    qtbot.waitUntil(lambda: snapshot_store.get_snapshot(window.db, link.source.id) is not None, timeout=20_000)
    snapshot = snapshot_store.get_snapshot(window.db, link.source.id)
    assert "about 32,000 troops were deployed" in snapshot.text
    assert snapshot.title == "Ministry briefing" and snapshot.sha256 is not None
    assert len(httpserver.log) == 1  # searched once, archived from that one fetch
