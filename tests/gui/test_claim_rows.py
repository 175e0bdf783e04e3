"""Logging, deleting and undoing on a long list change those rows alone.

The article's claims list is not read again, the model inserts or removes
one row (no reset, so the view keeps its place), the highlights change for
that claim only, and the order, filters and selection are what a full
re-read would give.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.factories import long_read, make_article
from tests.gui.helpers import Watch, wait_for_claims, wait_for_details, wait_for_writes
from tests.gui.test_highlights import _colour_at
from workbench.gui.claims_model import CLAIM, VERDICT
from workbench.gui.undo import show_changed_claims
from workbench.services import claim_edits
from workbench.services.claim_edits import DeleteClaim
from workbench.services.edits import apply
from workbench.services.importing import import_text, store_extracted
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage.database import open_database

WORDS = 8_000  # some 700 claims


@pytest.fixture
def long_db(tmp_path: Path) -> Path:
    path = tmp_path / "long.sqlite"
    db = open_database(path)
    try:
        session = sessions.create_session(db, "Long read", reviewer="tester")
        import_text(db, session.id, long_read(WORDS), by="tester", source="a long read")
        for claim in claim_store.list_claims(db, session_id=session.id)[::7]:  # some reviewed, for the Verdict sort
            claim_edits.update_claim(db, claim.id, {"verdict": "false"}, by="tester", expected_version=None)
    finally:
        db.close()
    return path


def _open(qtbot, open_window, path: Path):  # noqa: ANN001, ANN202
    window = open_window(path)
    qtbot.waitUntil(lambda: window.reader.is_ready and not window.reader.painter.busy, timeout=30_000)
    assert window.claims_panel.model.rowCount() > 500
    return window


def _log_span(window, words: str, occurrence: int = 0) -> int:  # noqa: ANN001
    """Select ``words`` in the article (its n-th occurrence) and log them as a claim; returns where they start."""
    text = window.article.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    window.reader.select_span(start, start + len(words))
    window.add_selection_as_claim()
    return start


def _order_after_a_full_read(qtbot, window) -> list[int]:  # noqa: ANN001
    window.reload_claims(window.claims_panel.current_id())
    wait_for_claims(qtbot, window)
    return window.claims_panel.proxy.claim_ids()


def test_a_claim_logged_on_a_long_list_is_one_row_inserted_in_order_and_selected(qtbot, open_window, long_db,
                                                                                   monkeypatch):
    window = _open(qtbot, open_window, long_db)
    panel, document = window.claims_panel, window.reader.document()
    watch = Watch(monkeypatch, window)

    start = _log_span(window, "Part 9")
    wait_for_writes(qtbot, window)

    assert watch.rows_only(inserted=1) and window.claims_settled
    claim = panel.model.claim_by_id(panel.current_id())
    assert claim is not None and claim.start == start and claim.origin == "manual"
    assert window.editor.claim is not None and window.editor.claim.id == claim.id
    shown = panel.proxy.claim_ids()
    row = shown.index(claim.id)
    before, after = (panel.model.claim_by_id(i) for i in (shown[row - 1], shown[row + 1]))
    assert before.start <= claim.start <= after.start  # in reading order, mid-list
    assert window.reader.document() is document  # the article was not written again
    assert window.reader.painter.claim(claim.id) is not None  # highlighted, clickable
    assert f"{len(shown)} shown" in panel.counts.text()

    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert watch.rows_only(inserted=1, removed=1)
    assert panel.model.row_of(claim.id) is None and window.reader.painter.claim(claim.id) is None
    assert panel.current_id() is None  # as after the list read the undo did before

    window.undo_stack.redo()
    wait_for_writes(qtbot, window)
    assert watch.rows_only(inserted=2, removed=1)
    assert panel.current_id() == claim.id and panel.proxy.claim_ids() == shown
    assert _order_after_a_full_read(qtbot, window) == shown


def test_deleting_selects_the_next_claim_and_undo_puts_the_row_back_where_it_was(qtbot, open_window, long_db,
                                                                                 monkeypatch):
    window = _open(qtbot, open_window, long_db)
    panel = window.claims_panel
    shown = panel.proxy.claim_ids()
    window.select_claim(shown[300])
    wait_for_details(qtbot, window)
    watch = Watch(monkeypatch, window)

    window.delete_claim()
    wait_for_writes(qtbot, window)

    assert watch.rows_only(removed=1)
    assert panel.proxy.claim_ids() == shown[:300] + shown[301:]
    assert panel.current_id() == shown[301]  # the next claim in view, as before
    assert window.editor.claim is not None and window.editor.claim.id == shown[301]
    assert window.reader.painter.claim(shown[300]) is None
    assert panel.table.currentIndex().row() == 300

    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert watch.rows_only(removed=1, inserted=1)
    assert panel.proxy.claim_ids() == shown  # back in its own row
    assert panel.current_id() == shown[300] and window.reader.painter.claim(shown[300]) is not None

    window.undo_stack.redo()
    wait_for_writes(qtbot, window)
    assert watch.rows_only(removed=2, inserted=1)
    assert panel.current_id() == shown[301] and panel.model.row_of(shown[300]) is None

    window.select_claim(shown[-1])
    window.delete_claim()  # the last claim in view: the one above it is selected
    wait_for_writes(qtbot, window)
    assert panel.current_id() == shown[-2]
    assert watch.rows_only(removed=3, inserted=1)


@pytest.mark.parametrize(("column", "order"), [
    (CLAIM, Qt.SortOrder.DescendingOrder), (VERDICT, Qt.SortOrder.DescendingOrder),
    (VERDICT, Qt.SortOrder.AscendingOrder),
])
def test_rows_logged_and_brought_back_keep_the_sort_order_the_list_shows(qtbot, open_window, long_db, monkeypatch,
                                                                         column, order):
    window = _open(qtbot, open_window, long_db)
    panel = window.claims_panel
    panel.table.sortByColumn(column, order)
    before = _order_after_a_full_read(qtbot, window)
    assert len({panel.model.data(panel.model.index(0, column)), panel.model.data(panel.model.index(
        panel.model.rowCount() - 1, column))}) == 2, "the sort column tells claims apart"
    watch = Watch(monkeypatch, window)

    _log_span(window, "Part 12")
    wait_for_writes(qtbot, window)
    window.select_claim(before[40])
    window.delete_claim()
    wait_for_writes(qtbot, window)
    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert watch.rows_only(inserted=2, removed=1)

    shown = panel.proxy.claim_ids()
    assert len(shown) == len(before) + 1
    assert shown == _order_after_a_full_read(qtbot, window)


def test_filters_apply_to_a_row_logged_or_brought_back(qtbot, open_window, long_db, monkeypatch):
    window = _open(qtbot, open_window, long_db)
    panel = window.claims_panel
    panel.set_filters({"kind": "figure"})
    figures = panel.proxy.claim_ids()
    total = panel.model.rowCount()
    assert 0 < len(figures) < total
    watch = Watch(monkeypatch, window)

    _log_span(window, "Part 14")  # a statement: the list filtered on figures does not show it
    wait_for_writes(qtbot, window)
    added = max(c.id for c in panel.model.claims)
    assert panel.model.claim_by_id(added).kind != "figure"
    assert panel.proxy.claim_ids() == figures and panel.model.rowCount() == total + 1
    assert f"{len(figures)} of {total + 1} shown" in panel.counts.text()

    window.select_claim(figures[5])
    window.delete_claim()
    wait_for_writes(qtbot, window)
    assert panel.proxy.claim_ids() == figures[:5] + figures[6:] and panel.current_id() == figures[6]
    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert panel.proxy.claim_ids() == figures and panel.current_id() == figures[5]
    assert watch.rows_only(inserted=2, removed=1)

    panel.set_filters({"text": "Part 14"})
    assert added in panel.proxy.claim_ids()


def test_deleting_a_claim_inside_another_shows_the_outer_claims_colour_on_its_words(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    qtbot.waitUntil(lambda: not window.reader.painter.busy)
    claims = window.claims_panel.model.claims
    outer, inner = next((o, i) for o in claims for i in claims
                        if o.id != i.id and o.start <= i.start and i.end <= o.end and o.end - o.start > i.end - i.start)
    window.select_claim(outer.id)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, "2")  # a verdict: the outer claim gets a colour of its own
    wait_for_details(qtbot, window)
    outer_colour = QColor(window.claims_panel.model.colour_of(window.claims_panel.model.claim_by_id(outer.id)))
    inner_colour = _colour_at(window, inner.start)
    assert inner_colour.name() != outer_colour.name()

    window.select_claim(inner.id)
    window.delete_claim()
    wait_for_writes(qtbot, window)
    assert _colour_at(window, inner.start).name() == outer_colour.name()
    window.undo_stack.undo()
    wait_for_writes(qtbot, window)
    assert _colour_at(window, inner.start).name() == inner_colour.name()
    assert window.claims_settled


def test_removing_an_article_not_shown_keeps_the_one_shown_and_its_list(qtbot, open_window, seeded_db, monkeypatch):
    db = open_database(seeded_db)
    try:
        session = sessions.list_sessions(db)[0]
        store_extracted(db, session.id, make_article(title="Second report", source="https://news.example/2"),
                        by="detector")
    finally:
        db.close()
    window = open_window(seeded_db)
    first, second = window.articles
    window.show_article(first.id)
    wait_for_claims(qtbot, window)
    shown = window.claims_panel.proxy.claim_ids()
    watch = Watch(monkeypatch, window)

    window.imports.discard_article(second.id)
    wait_for_writes(qtbot, window)

    assert [a.id for a in window.articles] == [first.id]
    assert window.article is not None and window.article.id == first.id
    assert window.claims_settled and watch.rows_only() and window.claims_panel.proxy.claim_ids() == shown
    assert "Removed “Second report”" in window.message_bar.text()
    window.undo_stack.undo()  # it comes back and is shown, as before
    wait_for_writes(qtbot, window)
    wait_for_claims(qtbot, window)
    assert window.article is not None and window.article.title == "Second report"


def test_queued_deletes_and_restores_stored_later_change_their_rows_alone(qtbot, open_window, long_db, monkeypatch):
    # The path of edits queued while the server was down and stored when it is back (outage_control).
    window = _open(qtbot, open_window, long_db)
    panel = window.claims_panel
    shown = panel.proxy.claim_ids()
    window.select_claim(shown[10])
    watch = Watch(monkeypatch, window)

    deleted = apply(window.db, DeleteClaim(shown[200]), by="tester")
    show_changed_claims(window, deleted, focus=None)
    assert panel.proxy.claim_ids() == shown[:200] + shown[201:] and panel.current_id() == shown[10]
    show_changed_claims(window, apply(window.db, deleted.inverse, by="tester"), focus=None)
    assert panel.proxy.claim_ids() == shown and panel.current_id() == shown[10]
    assert window.reader.painter.claim(shown[200]) is not None
    assert watch.rows_only(removed=1, inserted=1)
