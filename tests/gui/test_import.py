"""Importing articles into the window: a page from a local server, pasted text, errors shown in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.storage import articles as article_store

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Drills begin near the border | Northern Ledger</title>
<meta property="og:title" content="Drills begin near the border">
<meta property="og:site_name" content="Northern Ledger">
<meta name="author" content="Jon Meyer">
<meta property="article:published_time" content="2025-03-12T08:00:00Z">
<script>document.title = "hacked"</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drills begin near the border</h1>
<p>About 28,000 troops and 340 armoured vehicles moved to the northern border on Monday,
the defence ministry said in a statement published on its website.</p>
<p>The exercises will involve two battalions of S-400 air-defence systems and four Iskander-M
launchers, according to the ministry, which said the drills would run until 2 April.</p>
<p>"These exercises are defensive in nature," Defence Minister Aurel Vantis told reporters.</p>
<p>The operation will cost 1.2 billion krona, roughly 4.5% of this year's defence budget,
according to figures published by the parliament's finance committee last week.</p>
</article><footer>Copyright Northern Ledger</footer></body></html>"""


def test_import_a_page_by_address_shows_article_and_claims(qtbot, open_window, db_path, httpserver):
    httpserver.expect_request("/world/drills").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    window = open_window(db_path)
    url = httpserver.url_for("/world/drills")

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.address_bar.hasFocus()
    qtbot.keyClicks(window.address_bar, url)
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)

    shown = window.reader.toPlainText()
    assert "Drills begin near the border" in shown
    assert "340 armoured vehicles" in shown
    assert "Copyright Northern Ledger" not in shown and "hacked" not in shown
    texts = [c.text for c in window.claims_panel.model.claims]
    assert any("28,000 troops" in t for t in texts)
    assert any(t == "S-400" for t in texts)
    assert window.session_id is not None
    assert [a.source for a in article_store.list_articles(window.db, window.session_id)] == [url]
    qtbot.waitUntil(lambda: not window.progress_row.isVisible())  # the job's end arrives after its result


def test_a_missing_page_is_reported_in_the_window(qtbot, open_window, db_path, httpserver):
    httpserver.expect_request("/gone").respond_with_data("Not here", status=404)
    window = open_window(db_path)
    window.address_bar.setText(httpserver.url_for("/gone"))
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=20_000)

    message = window.message_bar.text()
    assert "404" in message or "not found" in message.lower()
    assert window.message_bar.error is not None and window.message_bar.error.hint
    assert window.articles == []
    # The address stays so the reviewer can correct it.
    assert window.address_bar.text().endswith("/gone")


def test_pasted_text_becomes_an_article_with_claims(qtbot, open_window, db_path):
    window = open_window(db_path)
    window.imports.import_text(
        "Ministry sends troops north\n\nAbout 12,000 troops were sent north on Friday, the ministry said."
    )
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=20_000)
    assert window.article is not None and window.article.title == "Ministry sends troops north"
    assert any("12,000 troops" in c.text for c in window.claims_panel.model.claims)


def test_first_run_opens_the_demo_article_with_its_claims(qtbot, open_window, db_path):
    window = open_window(db_path, first_run_demo=True)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 10, timeout=20_000)
    assert window.session_title.startswith("Demo")
    assert "Putin’s Closest Ally Is Preparing for World War III" in window.reader.toPlainText()
    assert "Iskander-M" in window.reader.toPlainText()
    kinds = {c.kind for c in window.claims_panel.model.claims}
    assert {"figure", "equipment", "quote"} <= kinds
    texts = {c.text for c in window.claims_panel.model.claims}
    assert {"around 90,000 troops", "approximately 32,000 troops", "S-400"} <= texts
