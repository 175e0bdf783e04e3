"""Every way of adding a source gives it the title and publisher its page states, not its URL twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.helpers import search_for_evidence, wait_for_details, wait_for_writes
from tests.gui.test_memory_and_evidence import _today, two_sessions  # noqa: F401 (a fixture)
from workbench.services import snapshots as snapshot_service
from workbench.storage import claims as claim_store
from workbench.storage import sources as source_store
from workbench.storage.articles import get_article

HTML = "text/html; charset=utf-8"
BRIEFING = """<!doctype html><html><head><meta charset="utf-8">
<title>Ministry briefing | Ministry of Defence</title>
<meta property="og:site_name" content="Ministry of Defence"></head>
<body><article><h1>Ministry briefing on the border</h1>
<p>The weather in the capital was mild for the season and markets were calm on Monday.</p>
<p>The ministry confirmed that about 32,000 troops were deployed near the border on Tuesday.</p>
<p>Diplomats said talks on trade would resume next month in a neutral country.</p>
</article></body></html>"""
REPORT = """<!doctype html><html><head><meta charset="utf-8"><title>Troop report</title>
<meta property="og:site_name" content="Border Watch"></head><body><p>Troops at the border.</p></body></html>"""


def _source(window, url):  # noqa: ANN001, ANN202
    return next(s for s in source_store.list_sources(window.db, window.session_id) if s.url == url)


def test_a_quoted_passage_stores_its_pages_title_and_publisher_without_a_second_fetch(
    qtbot, open_window, two_sessions, httpserver  # noqa: F811
):
    httpserver.expect_request("/briefing").respond_with_data(BRIEFING, content_type=HTML)
    window, claim = _today(qtbot, open_window, two_sessions)
    window.select_claim(claim.id)
    url = httpserver.url_for("/briefing")
    dialog = search_for_evidence(qtbot, window, url)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_for_writes(qtbot, window)

    source = _source(window, url)
    assert (source.title, source.publisher) == ("Ministry briefing | Ministry of Defence", "Ministry of Defence")
    wait_for_details(qtbot, window)
    assert window.editor.source_title.text() == source.title  # the editor shows it, not the URL
    qtbot.waitUntil(lambda: not window.ledger.archives.running)
    qtbot.wait(200)
    # The page searched gave them, and it is archived as it was fetched for the search: one fetch in all.
    assert len(httpserver.log) == 1
    assert snapshot_service.read_snapshot(window.db, source.id).snapshot.title == source.title
    assert not window.jobs.running


def test_reusing_a_source_without_a_title_reads_it(qtbot, open_window, two_sessions, httpserver):  # noqa: F811
    httpserver.expect_request("/report").respond_with_data(REPORT, content_type=HTML)
    window, claim = _today(qtbot, open_window, two_sessions)
    url = httpserver.url_for("/report")
    bare = source_store.add_source(window.db, window.session_id, url)  # as stored before titles were read
    assert bare.title == ""
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    editor = window.editor
    editor.reuse.setCurrentIndex(editor.reuse.findData(bare.id))
    qtbot.mouseClick(editor.reuse_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: _source(window, url).title == "Troop report", timeout=10_000)
    assert _source(window, url).publisher == "Border Watch"
    wait_for_writes(qtbot, window)
    assert [e.source.id for e in source_store.list_evidence(window.db, claim.id)] == [bare.id]


def test_copying_a_prior_verdict_reads_the_titles_its_sources_lacked(
    qtbot, open_window, two_sessions, httpserver  # noqa: F811
):
    httpserver.expect_request("/report").respond_with_data(REPORT, content_type=HTML)
    window, claim = _today(qtbot, open_window, two_sessions)
    url = httpserver.url_for("/report")
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    prior = window.memory.panel.matches[0]
    last_week = get_article(window.db, claim_store.get_claim(window.db, prior.claim_id).article_id).session_id
    untitled = source_store.add_source(window.db, last_week, url)  # the prior review never read its title
    source_store.attach_source(window.db, prior.claim_id, untitled.id, by="ana", stance="supports")

    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, Qt.Key.Key_C)
    wait_for_writes(qtbot, window)
    qtbot.waitUntil(lambda: _source(window, url).title == "Troop report", timeout=10_000)
    assert _source(window, url).publisher == "Border Watch"
    titled = _source(window, "https://ministry.example/briefing")
    assert titled.title == "Briefing"  # a source that had a title keeps it
