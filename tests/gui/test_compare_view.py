"""The comparison view: edits highlighted in both texts, metadata listed, claims linked."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTreeWidgetItem, QTreeWidgetItemIterator

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.records import ClaimDraft
from workbench.gui.compare_view import DELETED, INSERTED, CompareView
from workbench.recheck import service
from workbench.services import claim_edits
from workbench.storage import articles
from workbench.storage.sessions import create_session

NEW_TEXT = DEMO_TEXT.replace("32,000", "30,000").replace(
    "Two new divisions", "Officials gave no timetable.\n\nTwo new divisions"
)


def _comparison(db):
    session = create_session(db, "Compare")
    article = articles.add_article(db, session.id, make_article())
    start = DEMO_TEXT.index("About 32,000 troops")
    figure = claim_edits.add_claim(db, article.id, ClaimDraft("figure", start, start + 19), by="ana")
    start = DEMO_TEXT.index("S-400 systems")
    systems = claim_edits.add_claim(db, article.id, ClaimDraft("equipment", start, start + 13), by="ana")
    edited = make_article(NEW_TEXT, title="Belarus prepares for drills")
    edited = replace(edited, provenance=replace(edited.provenance, raw=NEW_TEXT.encode()))
    service.recheck_article(db, article.id, by="ana", loader=lambda *_a, **_k: edited)
    return service.comparison(db, article.id), figure.id, systems.id


def _all_items(view: CompareView) -> list[QTreeWidgetItem]:
    items, iterator = [], QTreeWidgetItemIterator(view.claims_list)
    while iterator.value() is not None:
        items.append(iterator.value())
        iterator += 1
    return items


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
    labels = [item.text(0) for item in _all_items(view)]
    assert any(f"#{figure_id} changed" in label and "30,000" in label for label in labels)
    assert any(f"#{systems_id} moved" in label for label in labels)


def test_clicking_a_claim_selects_it(qtbot, sqlite_db):
    comparison, figure_id, _ = _comparison(sqlite_db)
    view = CompareView()
    qtbot.addWidget(view)
    view.show_comparison(comparison)
    item = view.claim_item(figure_id)
    assert item is not None

    with qtbot.waitSignal(view.claim_selected) as signal:
        view.claims_list.itemClicked.emit(item, 0)

    assert signal.args == [figure_id]
    assert view.old_view.textCursor().selectedText() == "About 32,000 troops"
    assert view.new_view.textCursor().selectedText() == "About 30,000 troops"


# --- what needs the reviewer first; closing like a dialog ------------------------

WORDS = ["officials said", "near the border", "Two new divisions", "are in service", "Belarus prepares"]


def _mostly_unchanged(db):
    """A re-check where one figure changed and one quote went, among five claims whose words stayed."""
    session = create_session(db, "Compare")
    article = articles.add_article(db, session.id, make_article())

    def claim(words: str, kind: str = "statement") -> int:
        start = DEMO_TEXT.index(words)
        return claim_edits.add_claim(db, article.id, ClaimDraft(kind, start, start + len(words)), by="ana").id

    kept = [claim(words) for words in WORDS]
    figure = claim("About 32,000 troops", "figure")
    quote = claim("We must be prepared as much as possible", "quote")
    quote_paragraph = DEMO_TEXT[DEMO_TEXT.index("\u201cWe must") : DEMO_TEXT.index("Two new")]
    new_text = DEMO_TEXT.replace("32,000", "30,000").replace(quote_paragraph, "")
    edited = make_article(new_text)
    edited = replace(edited, provenance=replace(edited.provenance, raw=new_text.encode()))
    service.recheck_article(db, article.id, by="ana", loader=lambda *_a, **_k: edited)
    return service.comparison(db, article.id), figure, quote, kept


def _shown(qtbot, view: CompareView) -> None:  # noqa: ANN001
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()


def test_claims_to_review_come_first_and_unchanged_ones_are_folded(qtbot, sqlite_db):
    comparison, figure, quote, kept = _mostly_unchanged(sqlite_db)
    view = CompareView()
    _shown(qtbot, view)
    view.show_comparison(comparison)

    tree = view.claims_list
    top = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [item.data(0, Qt.ItemDataRole.UserRole) for item in top] == [figure, quote, None]
    assert "changed" in top[0].text(0) and "gone" in top[1].text(0)
    group = top[2]
    assert group.text(0) == f"Unchanged ({len(kept)})"
    assert not group.isExpanded()
    assert sorted(group.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(group.childCount())) == sorted(kept)
    visible = [item for item in _all_items(view) if tree.visualItemRect(item).height() > 0]
    assert len(visible) == 3  # two claims to review and the folded row
    assert "2 to review" in view.claims_heading.text() and f"{len(kept)} unchanged" in view.claims_heading.text()

    # A click on the folded row opens it; selecting an unchanged claim from the window opens it too.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(group).center())
    assert group.isExpanded()
    group.setExpanded(False)
    view.select_claim(kept[0])
    assert group.isExpanded() and tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == kept[0]


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)],
)
def test_escape_and_ctrl_w_close_the_window(qtbot, sqlite_db, key, modifier):
    comparison, *_ = _mostly_unchanged(sqlite_db)
    view = CompareView()
    _shown(qtbot, view)
    view.show_comparison(comparison)
    for focus in (view.claims_list, view.new_view):
        view.show()
        with qtbot.waitActive(view):
            view.activateWindow()
        focus.setFocus()
        qtbot.waitUntil(lambda focus=focus: view.focusWidget() is focus, timeout=2000)
        qtbot.keyClick(view.focusWidget(), key, modifier)
        assert not view.isVisible()


def test_the_close_button_closes_the_window(qtbot, sqlite_db):
    comparison, *_ = _mostly_unchanged(sqlite_db)
    view = CompareView()
    _shown(qtbot, view)
    view.show_comparison(comparison)
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert not view.isVisible()
