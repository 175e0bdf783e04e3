"""A claim in a web page's headline is shown and highlighted like any other."""

from __future__ import annotations

from pathlib import Path

from tests.gui.helpers import claims_in_table, wait_for_details
from workbench.domain.articles import HEADLINE_TAG
from workbench.ingest.extract import extract_html
from workbench.services.importing import store_extracted
from workbench.storage import sessions
from workbench.storage.database import open_database

PAGE = b"""<html><head><title>Bridge to cost $9 billion, council says</title></head><body>
<article><h1>Bridge to cost $9 billion, council says</h1>
<p>The council said on Tuesday that the new bridge would cost $8.8 billion, up 12% on last year's plan.</p>
<p>Work on the 2-kilometre span is to start in March 2025, the council said in a statement to reporters.</p>
<p>Officials expect about 40,000 vehicles a day to cross it once it opens, easing traffic downtown.</p>
</article></body></html>"""


def test_a_headline_claim_is_selected_and_highlighted_in_the_reader(qtbot, open_window, tmp_path: Path):
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    try:
        session = sessions.create_session(db, "Bridge desk", reviewer="tester")
        store_extracted(db, session.id, extract_html(PAGE, url="https://news.example/bridge"), by="detector")
    finally:
        db.close()
    window = open_window(path)
    headline = [c for c in claims_in_table(window) if HEADLINE_TAG in (c.tags or "") and "9 billion" in c.text]
    assert headline, [(c.text, c.tags) for c in claims_in_table(window)]
    claim = headline[0]
    window.select_claim(claim.id)
    wait_for_details(qtbot, window)
    reader = window.reader
    qtbot.waitUntil(lambda: reader.is_ready)
    [(start, end)] = reader.doc_ranges(claim.start, claim.end)  # placed in the header, once
    assert reader.toPlainText()[start:end] == claim.text
    assert reader.toPlainText().count("Bridge to cost $9 billion") == 1
    assert reader.claim_at(reader.cursorRect(_cursor_at(reader, start + 1)).center()) == claim.id


def _cursor_at(reader, position: int):  # noqa: ANN001, ANN202
    cursor = reader.textCursor()
    cursor.setPosition(position)
    return cursor
