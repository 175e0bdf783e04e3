"""Claim colours in the article: the innermost claim shows, a reviewed claim wins a tie, edits repaint in place."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor

from tests.gui.helpers import wait_for_details
from workbench.gui.highlight_spans import Segment, SpanIndex, segments


def test_the_innermost_claim_colours_its_words_and_the_outer_one_the_rest():
    outer, inner = (0, 100, 1, 1), (10, 20, 2, 1)
    assert segments([outer, inner]) == [Segment(0, 10, 1), Segment(10, 20, 2), Segment(20, 100, 1)]


def test_of_two_claims_on_the_same_words_the_reviewed_one_shows():
    unreviewed, reviewed = (5, 16, 3, 1), (5, 16, 9, 0)
    assert segments([unreviewed, reviewed]) == [Segment(5, 16, 9)]


def test_a_repaint_of_a_range_keeps_the_outer_claim_longer_than_the_inner_one():
    # Clipped to the range, the outer claim would look as short as the inner one.
    spans = [(0, 100, 1, 1), (40, 50, 2, 1)]
    assert segments(spans, 40, 50) == [Segment(40, 50, 2)]
    assert segments(spans, 45, 60) == [Segment(45, 50, 2), Segment(50, 60, 1)]
    assert segments([(40, 50, 2, 1)], 30, 60) == [Segment(30, 40, None), Segment(40, 50, 2), Segment(50, 60, None)]


def test_claims_overlapping_a_range_are_found_without_a_full_scan():
    index = SpanIndex([(0, 100, 1, 1), (40, 50, 2, 1), (200, 210, 3, 1)])
    assert {s[2] for s in index.overlapping(45, 46)} == {1, 2}
    assert {s[2] for s in index.overlapping(150, 205)} == {3}


def test_a_claim_logged_or_deleted_changes_the_index_as_a_rebuilt_one_would():
    index = SpanIndex([(0, 100, 1, 1), (40, 50, 2, 1), (200, 210, 3, 1)])
    index.add((45, 400, 4, 0))  # longer than any before: found from far past its start
    index.discard(2, 40)
    rebuilt = SpanIndex([(0, 100, 1, 1), (200, 210, 3, 1), (45, 400, 4, 0)])
    for lo, hi in ((45, 46), (150, 151), (205, 206), (399, 400), (400, 401)):
        assert sorted(index.overlapping(lo, hi)) == sorted(rebuilt.overlapping(lo, hi))
    assert {s[2] for s in index.overlapping(45, 46)} == {1, 4}


def _colour_at(window, offset: int) -> QColor:  # noqa: ANN001
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.doc_position(offset) + 1)  # the format of the character before
    return cursor.charFormat().background().color()


def test_a_verdict_on_a_claim_inside_another_colours_it_in_the_article(qtbot, open_window, seeded_db):
    window = open_window(seeded_db)
    qtbot.waitUntil(lambda: not window.reader.painter.busy)
    claims = window.claims_panel.model.claims
    nested = [(o, i) for o in claims for i in claims
              if o.id != i.id and o.start <= i.start and i.end <= o.end and o.end - o.start > i.end - i.start]
    assert nested, "the test article has a claim inside another"
    outer, inner = nested[0]
    window.select_claim(inner.id)
    window.claims_panel.table.setFocus()
    qtbot.keyClick(window.claims_panel.table, "2")
    wait_for_details(qtbot, window)
    reviewed = window.claims_panel.model.claim_by_id(inner.id)
    colour = window.claims_panel.model.colour_of(reviewed)
    assert _colour_at(window, inner.start).name() == QColor(colour).name()
    # Moving on to the outer claim and past it leaves the inner claim's colour in place.
    window.select_claim(outer.id)
    window.claims_panel.move(1)
    wait_for_details(qtbot, window)
    assert _colour_at(window, inner.start).name() == QColor(colour).name()
    assert _colour_at(window, outer.start).name() != QColor(colour).name() or outer.start == inner.start
