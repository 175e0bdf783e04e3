"""A date no rule can place leaves that one date without a value; the text's other dates,
and its other claims, are still proposed."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.detect import date_story
from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates


def test_a_rule_failing_on_one_date_leaves_the_others_placed(monkeypatch: pytest.MonkeyPatch) -> None:
    placing = date_story.StoryDates.place

    def failing_on_march(self: date_story.StoryDates, spot, published):  # type: ignore[no-untyped-def]
        if self.text[spot.start : spot.end] == "March 3":
            raise ValueError("a rule that cannot place this date")
        return placing(self, spot, published)

    monkeypatch.setattr(date_story.StoryDates, "place", failing_on_march)
    found = detect_dates("The talks began on March 3 and ended on Friday.", DetectContext(date(2024, 3, 11)))
    assert [(c.text, c.value) for c in found] == [("March 3", None), ("Friday", "2024-03-08")]
