"""Finding a quoted passage on a source's page, as a reviewer would by eye."""

from __future__ import annotations

from workbench.recheck.passages import find_passage, passage_on_page

PAGE = "The agency said \u201cexports fell by 12\u00a0per cent\u201d in March.\n\nIt gave no reason."


def test_whitespace_quotes_and_case_do_not_hide_a_passage():
    assert passage_on_page('"Exports fell by 12 per cent"', PAGE) is True
    assert passage_on_page("exports  fell by\n12 per cent", PAGE) is True


def test_a_changed_or_missing_passage_is_not_found():
    assert passage_on_page("exports fell by 21 per cent", PAGE) is False
    assert passage_on_page("imports rose", PAGE) is False


def test_nothing_quoted_is_nothing_to_look_for():
    assert passage_on_page("  ", PAGE) is None
    assert find_passage("", PAGE) is None


def test_the_passage_is_placed_in_the_page_for_highlighting():
    start, end = find_passage("Exports fell by 12 per cent", PAGE)
    assert PAGE[start:end] == "exports fell by 12\u00a0per cent"
    assert find_passage("no such words", PAGE) is None
