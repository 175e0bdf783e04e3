"""Logging a claim from a selection, clicking highlights, sources on claims."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.factories import DEMO_TEXT
from tests.gui.helpers import claim_with_text, wait_for_details, wait_for_writes
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store

SOURCE_PAGE = """<html><head><title>Ignored tab title</title>
<meta property="og:title" content="Troop numbers near the border, explained">
<meta property="og:site_name" content="Defence Monitor"></head><body><p>Text</p></body></html>"""


def test_selected_text_becomes_a_claim_with_a_guessed_kind(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    start = DEMO_TEXT.index("near the border on Tuesday")
    end = start + len("near the border on Tuesday")
    window.reader.select_span(start, end)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    wait_for_details(qtbot, window)

    wait_for_writes(qtbot, window)
    claim = claim_store.get_claim(window.db, window.claims_panel.current_id())
    assert claim.text == "near the border on Tuesday"
    assert claim.origin == "manual" and claim.created_by == "tester"
    assert window.editor.claim is not None and window.editor.claim.id == claim.id

    window.undo_stack.undo()
    wait_for_details(qtbot, window)
    assert window.claims_panel.model.row_of(claim.id) is None


def test_a_quote_selection_is_guessed_as_a_quote(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    start = DEMO_TEXT.index("We must")
    window.reader.select_span(start, start + len("We must be prepared"))
    window.add_selection_as_claim()
    wait_for_details(qtbot, window)
    wait_for_writes(qtbot, window)
    assert claim_store.get_claim(window.db, window.claims_panel.current_id()).kind == "quote"


def test_clicking_a_highlight_selects_its_claim(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    target = claim_with_text(window, "S-400", "equipment")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.doc_position(target.start + 2))
    point = window.reader.cursorRect(cursor).center()
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    # The innermost claim under the click wins over the sentence around it.
    assert window.claims_panel.current_id() == target.id


def test_selecting_a_claim_scrolls_the_text_to_it(qtbot, open_window, db_path):
    from tests.factories import make_article
    from workbench.services.importing import store_extracted
    from workbench.storage import sessions
    from workbench.storage.database import open_database

    long_text = "\n\n".join(["Nothing to check in this filler paragraph at all."] * 80 + [DEMO_TEXT])
    db = open_database(db_path)
    session = sessions.create_session(db, "Long")
    store_extracted(db, session.id, make_article(long_text), by="detector")
    db.close()
    window = open_window(db_path)
    assert window.reader.verticalScrollBar().value() == 0
    window.select_claim(claim_with_text(window, "S-400", "equipment").id)
    assert window.reader.verticalScrollBar().value() > 0


def test_add_a_source_link_fetches_its_title_and_undo_removes_it(qtbot, open_window, seeded_db, httpserver):
    httpserver.expect_request("/explainer").respond_with_data(SOURCE_PAGE, content_type="text/html")
    window = open_window(seeded_db)
    claim = claim_with_text(window, "About 32,000 troops", "figure")
    window.select_claim(claim.id)
    window.editor.setCurrentIndex(1)
    url = httpserver.url_for("/explainer")
    qtbot.keyClicks(window.editor.link, url)
    qtbot.keyClick(window.editor.link, Qt.Key.Key_Return)

    wait_for_writes(qtbot, window)
    links = source_store.list_evidence(window.db, claim.id)
    assert [link.source.url for link in links] == [url]
    qtbot.waitUntil(lambda: window.editor.sources.count() == 1
                    and "Troop numbers near the border" in window.editor.sources.item(0).text(), timeout=10_000)
    wait_for_writes(qtbot, window)
    source = source_store.list_sources(window.db, window.session_id)[0]
    assert (source.title, source.publisher) == ("Troop numbers near the border, explained", "Defence Monitor")
    assert window.editor.tabText(1) == "Sources (1)"

    # Stance and passage are stored on the link.
    window.editor.stance.setCurrentIndex(window.editor.stance.findData("refutes"))
    window.editor.stance.activated.emit(window.editor.stance.currentIndex())
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id)[0].stance == "refutes"

    window.undo_stack.undo()  # the stance
    window.undo_stack.undo()  # the link
    wait_for_writes(qtbot, window)
    assert source_store.list_evidence(window.db, claim.id) == []
    window.undo_stack.redo()
    wait_for_writes(qtbot, window)
    assert len(source_store.list_evidence(window.db, claim.id)) == 1


def test_a_session_source_can_be_reused_for_another_claim(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    first = claim_with_text(window, "About 32,000 troops", "figure")
    second = claim_with_text(window, "S-400", "equipment")
    wait_for_writes(qtbot, window)
    source = source_store.add_source(window.db, window.session_id, "https://example.org/report", title="Report")
    source_store.attach_source(window.db, first.id, source.id, by="tester")

    window.select_claim(second.id)
    wait_for_details(qtbot, window)
    reuse = window.editor.reuse
    reuse.setCurrentIndex(reuse.findData(source.id))
    qtbot.mouseClick(window.editor.reuse_button, Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)
    assert [link.source.id for link in source_store.list_evidence(window.db, second.id)] == [source.id]
    history = claim_store.claim_history(window.db, second.id)
    assert history[-1].field == "source" and history[-1].new == "https://example.org/report"
