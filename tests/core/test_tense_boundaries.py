"""What sets a date's tense stays in its own sentence, and a name is not a verb."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2020, 10, 2)


def values(text: str) -> list[str | None]:
    return [c.value for c in detect_dates(text, DetectContext(PUBLISHED))]


def test_a_caption_above_without_a_full_stop_lends_no_tense() -> None:
    text = "Students returned home (Wales Online)\n\nForecast for November 5 - foggy and frosty"
    assert values(text) == ["2020-11-05"]


def test_a_capitalised_past_form_in_a_name_is_not_a_past_tense() -> None:
    assert values("Met Office national forecast for November 5 - foggy") == ["2020-11-05"]
    assert values("A forecast from the Met Office for November 5") == ["2020-11-05"]


def test_a_past_verb_still_sets_the_tense() -> None:
    assert values("Ministers met on November 5 to discuss it.") == ["2019-11-05"]
