"""The second date set's gold dates follow a text the extractor now cuts differently."""

from __future__ import annotations

from tests.benchmark.dates_eval import _located

GOLD = [
    {"start": 18, "end": 24, "span": "Feb. 9", "before": "at the Oscars on ", "value": "2020-02-09"},
    {"start": 40, "end": 46, "span": "Sunday", "before": "Phoenix said on ", "value": "2020-01-19"},
]
TEXT = "at the Oscars on  Feb. 9 and then Phoenix said on Sunday."


def test_gold_dates_are_found_by_their_context_when_offsets_moved() -> None:
    moved = "Headline\n\n" + TEXT.replace("  Feb.", " Feb.")
    found, lost = _located(moved, GOLD)
    assert lost == 0
    assert [moved[d["start"] : d["end"]] for d in found] == ["Feb. 9", "Sunday"]


def test_a_gold_date_whose_context_is_gone_is_counted_lost_not_misplaced() -> None:
    found, lost = _located("at the Oscars on Feb. 9 and nothing else.", GOLD)
    assert lost == 1
    assert [d["value"] for d in found] == ["2020-02-09"]
