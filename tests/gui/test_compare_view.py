"""The comparison view: edits highlighted in both texts, metadata listed, claims linked."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.factories import DEMO_TEXT, make_article
from workbench.gui.compare_view import DELETED, INSERTED, CompareView
from workbench.recheck import service
from workbench.storage import articles, claims
from workbench.storage.records import ClaimDraft
from workbench.storage.sessions import create_session

NEW_TEXT = DEMO_TEXT.replace("32,000", "30,000").replace(
    "Two new divisions", "Officials gave no timetable.\n\nTwo new divisions"
)


def _comparison(db):
    session = create_session(db, "Compare")
    article = articles.add_article(db, session.id, make_article())
    start = DEMO_TEXT.index("About 32,000 troops")
    figure = claims.add_claim(db, article.id, ClaimDraft("figure", start, start + 19), by="ana")
    start = DEMO_TEXT.index("S-400 systems")
    systems = claims.add_claim(db, article.id, ClaimDraft("equipment", start, start + 13), by="ana")
    edited = make_article(NEW_TEXT, title="Belarus prepares for drills")
    edited = replace(edited, provenance=replace(edited.provenance, raw=NEW_TEXT.encode()))
    service.recheck_article(db, article.id, by="ana", loader=lambda *_a, **_k: edited)
    return service.comparison(db, article.id), figure.id, systems.id


def _format_at(view_pane, position: int):
    cursor = QTextCursor(view_pane.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_edits_are_highlighted_on_both_sides(qtbot, sqlite_db):
    comparison, figure_id, systems_id = _comparison(sqlite_db)
    view = CompareView()
    qtbot.addWidget(view)
    view.show_comparison(comparison)

    assert view.old_view.toPlainText() == DEMO_TEXT
    assert view.new_view.toPlainText() == NEW_TEXT
    old_fmt = _format_at(view.old_view, DEMO_TEXT.index("32,000"))
    assert old_fmt.background().color() == DELETED and old_fmt.fontStrikeOut()
    new_fmt = _format_at(view.new_view, NEW_TEXT.index("30,000"))
    assert new_fmt.background().color() == INSERTED
    inserted = _format_at(view.new_view, NEW_TEXT.index("no timetable"))
    assert inserted.background().color() == INSERTED
    untouched = _format_at(view.new_view, NEW_TEXT.index("officials said"))
    assert untouched.background().color() != INSERTED

    metadata = [view.metadata_list.item(i).text() for i in range(view.metadata_list.count())]
    assert metadata == ["Title: Belarus prepares for war \u2192 Belarus prepares for drills"]
    labels = [view.claims_list.item(i).text() for i in range(view.claims_list.count())]
    assert any(f"#{figure_id} changed" in label and "30,000" in label for label in labels)
    assert any(f"#{systems_id} moved" in label for label in labels)


def test_clicking_a_claim_selects_it(qtbot, sqlite_db):
    comparison, figure_id, _ = _comparison(sqlite_db)
    view = CompareView()
    qtbot.addWidget(view)
    view.show_comparison(comparison)
    row = next(
        i for i in range(view.claims_list.count())
        if view.claims_list.item(i).data(Qt.ItemDataRole.UserRole) == figure_id
    )
    item = view.claims_list.item(row)

    with qtbot.waitSignal(view.claim_selected) as signal:
        view.claims_list.itemClicked.emit(item)

    assert signal.args == [figure_id]
    assert view.old_view.textCursor().selectedText() == "About 32,000 troops"
    assert view.new_view.textCursor().selectedText() == "About 30,000 troops"
