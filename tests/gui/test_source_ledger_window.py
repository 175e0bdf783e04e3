"""The evidence ledger in the window: a source attached is archived, its archived copy is read in
the reader pane without the network, where the verdict stands is shown, and a source a re-check
flagged marks its claim until the reviewer confirms it (undoably).

Pages come from a loopback server.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from werkzeug import Response

from tests.gui.helpers import claim_with_text, table_text, wait_for_details, wait_for_writes
from tests.integration import ledger_pages as pages
from workbench.gui.claims_model import STATUS
from workbench.services import snapshots as snapshot_service
from workbench.services.source_watch import flagged_citations, recheck_sources
from workbench.storage import sources as source_store
from workbench.storage.sessions import get_session


@pytest.fixture
def site(httpserver):
    """A server whose pages the test changes: path -> (status, content type, body)."""
    pages_by_path = {"/troops": (200, "text/html; charset=utf-8", pages.ORIGINAL)}

    def answer(request):  # noqa: ANN001, ANN202
        status, media, body = pages_by_path.get(request.path, (404, "text/plain", b"no such page"))
        return Response(body, status=status, content_type=media)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(answer)
    return {"pages": pages_by_path, "url": httpserver.url_for, "log": httpserver.log}


def _wait_for_ledger(qtbot, window) -> None:  # noqa: ANN001
    """The archive jobs and the claim's details (with its ledger) are read."""
    qtbot.waitUntil(lambda: not window.ledger.archives.running and not window.ledger.reads.running, timeout=15_000)
    wait_for_details(qtbot, window)


def _add_link(qtbot, window, claim_id: int, url: str) -> None:  # noqa: ANN001
    window.select_claim(claim_id)
    wait_for_details(qtbot, window)
    window.editor.setCurrentIndex(1)
    qtbot.keyClicks(window.editor.link, url)
    qtbot.keyClick(window.editor.link, Qt.Key.Key_Return)
    wait_for_writes(qtbot, window)
    _wait_for_ledger(qtbot, window)


def test_an_attached_source_is_archived_and_read_offline_with_its_passage_highlighted(
    qtbot, open_window, seeded_db, site
):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    url = site["url"]("/troops")
    _add_link(qtbot, window, claim.id, url)

    (link,) = source_store.list_evidence(window.db, claim.id)
    assert link.source.title == "Troop numbers at the border"  # the archived page gave it
    ledger = window.editor.ledger
    assert ledger.link_state.text().startswith("Archived "), ledger.link_state.text()
    window.editor.passage.setPlainText(pages.PASSAGE)
    window.editor.commit_pending()
    wait_for_writes(qtbot, window)
    wait_for_details(qtbot, window)

    # The page is gone from the web: the archived copy still reads, and nothing is fetched for it.
    site["pages"]["/troops"] = (404, "text/plain", b"gone")
    fetched = len(site["log"])
    qtbot.mouseClick(ledger.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reader_stack.currentWidget() is window.archived_view)
    view = window.archived_view
    assert view.highlighted_text() == pages.PASSAGE
    assert "Archived copy" in view.banner_text.text() and url in view.banner_text.text()
    assert "highlighted" in view.banner_text.text()
    assert pages.OTHER in view.text.toPlainText()
    assert len(site["log"]) == fetched

    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert window.reader_stack.currentWidget() is window.reader
    qtbot.mouseClick(ledger.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reader_stack.currentWidget() is window.archived_view)
    window.select_claim(claim_with_text(window, "S-400", "equipment").id)  # another claim: the article again
    assert window.reader_stack.currentWidget() is window.reader
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)

    # Undo takes the link off; the snapshot stays (an archive is never lost), redo puts it back.
    window.undo_stack.undo()  # the passage
    window.undo_stack.undo()  # the link
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id) == []
    window.undo_stack.redo()
    wait_for_writes(qtbot, window)
    _wait_for_ledger(qtbot, window)
    assert [e.source.url for e in source_store.list_evidence(window.db, claim.id)] == [url]


def test_a_source_that_cannot_be_fetched_says_why_and_has_no_copy_to_read(qtbot, open_window, seeded_db, site):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    _add_link(qtbot, window, claim.id, site["url"]("/missing"))

    ledger = window.editor.ledger
    qtbot.waitUntil(lambda: "Not archived" in ledger.link_state.text())
    assert "404" in ledger.link_state.text()
    qtbot.mouseClick(ledger.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.message_bar.isVisible())
    assert "could not be archived" in window.message_bar.label.text()
    assert window.reader_stack.currentWidget() is window.reader


def test_a_verdict_on_one_publisher_is_marked_as_resting_on_too_few_sources(qtbot, open_window, seeded_db, site):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    _add_link(qtbot, window, claim.id, site["url"]("/troops"))
    standing = window.editor.ledger.standing
    assert standing.isHidden()  # no verdict yet: nothing stands

    window.editor.stance.setCurrentIndex(window.editor.stance.findData("supports"))
    window.editor.stance.activated.emit(window.editor.stance.currentIndex())
    window.change_claim(claim.id, {"verdict": window.scale.levels[-1].key})
    wait_for_writes(qtbot, window)
    window.show_claim(window.claims_panel.model.claim_by_id(claim.id))
    _wait_for_ledger(qtbot, window)
    assert not standing.isHidden()
    assert "Supports 1 · Refutes 0 · Context 0" in standing.text()
    assert "1 independent publisher" in standing.text()
    assert "fewer than 2 independent sources" in standing.text()


def test_a_source_changed_since_cited_flags_its_claim_until_confirmed(qtbot, open_window, seeded_db, site):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    session = get_session(window.db, window.session_id)
    snapshot_service.cite_source(window.db, session, claim.id, site["url"]("/troops"), by="ana",
                                 stance="supports", passage=pages.PASSAGE)
    site["pages"]["/troops"] = (200, "text/html; charset=utf-8", pages.CHANGED)
    recheck_sources(window.db, window.session_id, by="ana")
    assert claim.id in flagged_citations(window.db, window.session_id)

    window.reload_claims(claim.id)
    qtbot.waitUntil(lambda: table_text(window, claim.id, STATUS) == "⚑ Source changed", timeout=10_000)
    window.select_claim(claim.id)
    _wait_for_ledger(qtbot, window)
    ledger = window.editor.ledger
    assert not ledger.confirm_button.isHidden()
    assert "changed since it was cited" in ledger.link_state.text()
    assert "no longer on the page" in ledger.link_state.text()
    assert window.editor.sources.item(0).text().startswith("⚑")
    assert "1 source has changed" in ledger.standing.text()

    qtbot.mouseClick(ledger.confirm_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    _wait_for_ledger(qtbot, window)
    assert flagged_citations(window.db, window.session_id) == {}
    qtbot.waitUntil(lambda: table_text(window, claim.id, STATUS) != "⚑ Source changed")
    assert ledger.confirm_button.isHidden()

    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    _wait_for_ledger(qtbot, window)
    assert claim.id in flagged_citations(window.db, window.session_id)
    qtbot.waitUntil(lambda: table_text(window, claim.id, STATUS) == "⚑ Source changed")


def test_re_check_sources_from_the_menu_flags_a_changed_source_and_names_one_that_failed(
    qtbot, open_window, seeded_db, site
):
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    other = claim_with_text(window, "S-400", "equipment")
    session = get_session(window.db, window.session_id)
    snapshot_service.cite_source(window.db, session, claim.id, site["url"]("/troops"), by="ana",
                                 stance="supports", passage=pages.PASSAGE)
    site["pages"]["/missiles"] = (200, "text/html; charset=utf-8", pages.ORIGINAL)
    snapshot_service.cite_source(window.db, session, other.id, site["url"]("/missiles"), by="ana",
                                 stance="context", passage=pages.OTHER)
    site["pages"]["/troops"] = (200, "text/html; charset=utf-8", pages.REMOVED)  # the passage is gone
    site["pages"]["/missiles"] = (503, "text/plain", b"down for maintenance")
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)

    window.actions_by_name["recheck_sources"].trigger()
    qtbot.waitUntil(lambda: not window.jobs.running, timeout=20_000)

    qtbot.waitUntil(lambda: table_text(window, claim.id, STATUS) == "⚑ Source changed", timeout=10_000)
    assert table_text(window, other.id, STATUS) != "⚑ Source changed"  # a failed fetch flags nothing
    message = window.message_bar.text()
    assert "1 source(s) could not be fetched again" in message and "/missiles" in message
    assert "503" in message
    assert "2 source(s): 1 changed, 1 failed, 1 quoted passage(s) no longer found" in window.statusBar().currentMessage()
    # the failed source keeps the copy archived when it was cited
    _wait_for_ledger(qtbot, window)
    window.select_claim(other.id)
    _wait_for_ledger(qtbot, window)
    qtbot.mouseClick(window.editor.ledger.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reader_stack.currentWidget() is window.archived_view)
    assert pages.OTHER in window.archived_view.text.toPlainText()
