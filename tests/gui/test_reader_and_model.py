"""The reader renders text safely; the claims model obeys Qt's model rules."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from tests.factories import make_article
from workbench.domain.scales import get_scale
from workbench.gui.claims_model import COLUMNS, ClaimsFilterProxy, ClaimsTableModel
from workbench.gui.help_dialogs import about_text
from workbench.services.importing import store_extracted
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage.database import open_database

HOSTILE = (
    "Markup stays text\n\n"
    '<img src="http://tracker.example/pixel.png"> <script>alert(1)</script> 5,000 troops arrived.\n\n'
    "A line with an emoji \U0001F600 before 7,000 soldiers."
)


def test_markup_in_articles_is_shown_as_text_and_nothing_is_loaded(qtbot, open_window, db_path):
    db = open_database(db_path)
    session = sessions.create_session(db, "Hostile")
    store_extracted(db, session.id, make_article(HOSTILE, title="Markup stays text"), by="detector")
    db.close()
    window = open_window(db_path)
    shown = window.reader.toPlainText()
    assert '<img src="http://tracker.example/pixel.png">' in shown
    assert "<script>alert(1)</script>" in shown
    assert window.reader.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                      QUrl("http://tracker.example/pixel.png")) is None
    assert "<img" not in window.reader.document().toHtml().replace("&lt;img", "")

    # Offsets after an emoji (two UTF-16 units) still land on the claim's words.
    text = window.article.text
    start = text.index("7,000 soldiers")
    window.reader.select_span(start, start + len("7,000 soldiers"))
    assert window.reader.textCursor().selectedText() == "7,000 soldiers"
    assert window.reader.selected_span() == (start, start + len("7,000 soldiers"))


def test_claims_model_passes_qt_model_checks(qtmodeltester, seeded_db):
    db = open_database(seeded_db)
    try:
        claims = claim_store.list_claims(db, session_id=sessions.list_sessions(db)[0].id)
    finally:
        db.close()
    model = ClaimsTableModel(get_scale("default"))
    model.set_claims(claims)
    qtmodeltester.check(model, force_py=True)
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(kind="figure")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == sum(c.kind == "figure" for c in claims) > 0
    assert proxy.verdict_counts() == {"unreviewed": proxy.rowCount()}


def test_a_row_inserted_or_removed_keeps_the_model_valid_and_the_order_a_full_read_gives(qtmodeltester, seeded_db):
    db = open_database(seeded_db)
    try:
        claims = claim_store.list_claims(db, session_id=sessions.list_sessions(db)[0].id)
    finally:
        db.close()
    model = ClaimsTableModel(get_scale("default"))
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(kind="figure")
    model.set_claims(claims)
    qtmodeltester.check(model, force_py=True)  # it follows the resets, inserts and removals below
    for column in range(len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            model.set_claims(claims)
            full = [c.id for c in model.claims]
            model.set_claims(claims[:3] + claims[5:])
            model.insert_claim(claims[4])
            model.insert_claim(claims[3])
            assert [c.id for c in model.claims] == full, (COLUMNS[column], order)
            assert all(model.row_of(c.id) == row for row, c in enumerate(model.claims))
            model.remove_claim(claims[3].id)
            assert [c.id for c in model.claims] == [i for i in full if i != claims[3].id]
            assert all(model.row_of(c.id) == row for row, c in enumerate(model.claims))
            assert proxy.claim_ids() == [c.id for c in model.claims if c.kind == "figure"]


def test_about_names_the_versions():
    import PySide6
    import sqlalchemy

    text = about_text()
    assert PySide6.__version__ in text and sqlalchemy.__version__ in text and "Python" in text
