"""Articles in and out of a session: a page with no article text (keep or discard),
removing an article (Ctrl+Z brings it back), and the first real article leaving the demo alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.factories import make_article
from tests.gui.helpers import wait_for_writes
from workbench.services import claim_edits
from workbench.services.importing import store_extracted
from workbench.storage import articles as article_store
from workbench.storage import claims as claim_store
from workbench.storage import sessions as session_store
from workbench.storage import sources as source_store
from workbench.storage.database import open_database

LISTING = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "directory_listing.html"
PASTED = "Ministry sends troops north\n\nAbout 12,000 troops were sent north on Friday, the ministry said."


def switcher_titles(window) -> list[str]:  # noqa: ANN001
    return [window.article_switcher.itemText(i) for i in range(window.article_switcher.count())]


def message_button(window, text: str) -> QPushButton:  # noqa: ANN001
    return next(b for b in window.message_bar.findChildren(QPushButton) if b.text() == text and b.isVisible())


def import_listing(qtbot, window, httpserver) -> str:  # noqa: ANN001
    httpserver.expect_request("/reports/").respond_with_data(LISTING.read_bytes(), content_type="text/html")
    url = httpserver.url_for("/reports/")
    window.address_bar.setFocus()
    qtbot.keyClicks(window.address_bar, url)
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "no article text" in window.message_bar.text(), timeout=20_000)
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())
    return url


def test_a_list_of_files_is_reported_and_discard_takes_it_out(qtbot, open_window, seeded_db, httpserver):
    window = open_window(seeded_db)
    url = import_listing(qtbot, window, httpserver)

    assert window.message_bar.isVisible()
    assert "This page has no article text (a list of files)" in window.message_bar.text()
    assert "Index of /reports" in switcher_titles(window)[-1]
    qtbot.mouseClick(message_button(window, "Discard"), Qt.MouseButton.LeftButton)

    wait_for_writes(qtbot, window)
    assert url not in [a.source for a in article_store.list_articles(window.db, window.session_id)]
    assert not any("Index of" in title for title in switcher_titles(window))
    assert window.article is not None and window.article.title == "Belarus prepares for war"


def test_keep_leaves_the_page_in_the_session(qtbot, open_window, seeded_db, httpserver):
    window = open_window(seeded_db)
    url = import_listing(qtbot, window, httpserver)

    qtbot.mouseClick(message_button(window, "Keep"), Qt.MouseButton.LeftButton)

    assert not window.message_bar.isVisible()
    wait_for_writes(qtbot, window)
    assert [a.source for a in article_store.list_articles(window.db, window.session_id)][-1] == url
    assert "Index of /reports" in window.article.display_title


def _reviewed_session(db_path: Path) -> None:
    """Add to the seeded session a second article; give the first a verdict and a source."""
    db = open_database(db_path)
    try:
        session_id = session_store.session_ids(db)[0]
        first = article_store.list_articles(db, session_id)[0]
        store_extracted(db, session_id, make_article(title="Second report", source="https://news.example/2"), by="detector")
        claim = claim_store.list_claims(db, article_id=first.id)[0]
        claim_edits.update_claim(db, claim.id, {"verdict": "false"}, by="tester", expected_version=claim.version)
        source = source_store.add_source(db, session_id, "https://ministry.example/figures", title="Figures")
        source_store.attach_source(db, claim.id, source.id, by="tester", stance="refutes")
    finally:
        db.close()


def _review_state(window, article_id: int, history_rows: int | None = None) -> list[tuple]:  # noqa: ANN001
    """Each claim as the reviewer reads it, its history (the first ``history_rows`` rows) and its sources.

    The version and "last updated" are left out: removing and bringing back
    an article are edits, which move them on.
    """
    db = window.db
    return [
        (dataclasses.replace(claim, version=0, updated_at=None, updated_by=""),
         claim_store.claim_history(db, claim.id)[:history_rows], source_store.list_evidence(db, claim.id))
        for claim in claim_store.list_claims(db, article_id=article_id)
    ]


def test_remove_an_article_then_ctrl_z_brings_it_back_and_redo_removes_it_again(qtbot, open_window, seeded_db):
    _reviewed_session(seeded_db)
    window = open_window(seeded_db)
    window.show_article(window.articles[0].id)
    article = window.article
    assert article is not None and article.title == "Belarus prepares for war"
    before = _review_state(window, article.id)
    assert any(claim.verdict == "false" and evidence for claim, _history, evidence in before)
    article_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Article")
    assert window.actions_by_name["remove_article"] in article_menu.actions()

    window.actions_by_name["remove_article"].trigger()

    wait_for_writes(qtbot, window)
    assert [a.title for a in article_store.list_articles(window.db, window.session_id)] == ["Second report"]
    assert claim_store.list_claims(window.db, article_id=article.id) == []
    assert switcher_titles(window) == ["Second report"]
    assert window.article is not None and window.article.title == "Second report"
    assert "Removed “Belarus prepares for war”" in window.message_bar.text()
    assert "Ctrl+Z brings it back with its reviewed claim." in window.message_bar.text()

    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    wait_for_writes(qtbot, window)
    assert [a.title for a in article_store.list_articles(window.db, window.session_id)] == [
        "Belarus prepares for war", "Second report"]
    # Claims, verdicts, history and sources as they were; the history only grew (removed, then restored).
    assert _review_state(window, article.id, history_rows=-2) == before
    assert {tuple(h.field for h in claim_store.claim_history(window.db, claim.id)[-2:])
            for claim, _history, _evidence in before} == {("deleted", "restored")}
    assert window.article is not None and window.article.id == article.id
    assert len(switcher_titles(window)) == 2

    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_for_writes(qtbot, window)
    assert [a.title for a in article_store.list_articles(window.db, window.session_id)] == ["Second report"]


def test_the_first_real_article_starts_a_session_of_its_own_and_leaves_the_demo(qtbot, open_window, db_path, tmp_path):
    window = open_window(db_path, first_run_demo=True)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 10, timeout=20_000)
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())
    demo_id = window.session_id
    wait_for_writes(qtbot, window)
    demo_before = session_store.get_session(window.db, demo_id)
    wait_for_writes(qtbot, window)
    demo_articles = article_store.list_articles(window.db, demo_id)

    window.imports.import_text(PASTED)
    qtbot.waitUntil(lambda: window.article is not None and window.article.title == "Ministry sends troops north",
                    timeout=20_000)

    new_id = window.session_id
    assert new_id != demo_id
    assert window.session_title == "Ministry sends troops north"
    assert window.windowTitle().startswith("Ministry sends troops north")
    wait_for_writes(qtbot, window)
    assert [a.title for a in article_store.list_articles(window.db, new_id)] == ["Ministry sends troops north"]
    assert article_store.list_articles(window.db, demo_id) == demo_articles
    wait_for_writes(qtbot, window)
    demo_after = session_store.get_session(window.db, demo_id)
    assert (demo_after.title, demo_after.updated_at, demo_after.claim_count) == (
        demo_before.title, demo_before.updated_at, demo_before.claim_count)

    # The next article joins the reviewer's session, not another new one.
    page = tmp_path / "second.txt"
    page.write_text("Drills end early\n\nThe drills ended on Sunday after 9 days, officials said.", encoding="utf-8")
    window.imports.import_source(str(page))
    qtbot.waitUntil(lambda: len(window.articles) == 2, timeout=20_000)
    assert window.session_id == new_id
    wait_for_writes(qtbot, window)
    assert len(session_store.session_ids(window.db)) == 2
    assert window.session_title == "Ministry sends troops north"


def test_a_failed_first_import_leaves_no_empty_session_and_the_demo_stays_open(qtbot, open_window, db_path, httpserver):
    httpserver.expect_request("/gone").respond_with_data("Not here", status=404)
    window = open_window(db_path, first_run_demo=True)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 10, timeout=20_000)
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())
    demo_id = window.session_id

    window.address_bar.setFocus()
    qtbot.keyClicks(window.address_bar, httpserver.url_for("/gone"))
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.message_bar.error is not None, timeout=20_000)

    assert "404" in window.message_bar.text() or "not found" in window.message_bar.text().lower()
    # The session open before comes back, read off the GUI thread.
    qtbot.waitUntil(lambda: window.session_id == demo_id and window.session_title.startswith("Demo"))
    wait_for_writes(qtbot, window)
    assert session_store.session_ids(window.db) == [demo_id]
    assert window.address_bar.text().endswith("/gone")  # to correct it
