"""A story's weekdays and weekends: a weekday named again, one given with its part of the
day before the date, the week of a story given its weekday long ago, headings ("Friday, 8.50
p.m."), "A year ago, on a Friday evening", and the weekend a story or a deadline runs to."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates


def values(text: str, published: date) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]



def test_a_weekday_named_again_just_after_is_the_same_day() -> None:
    text = ('The trawler sailed on Tuesday 20 January 1987. The skipper told his wife: "We\'ll be home '
            'by Friday." They were not home by Friday.')
    assert values(text, date(2024, 2, 11))[-2:] == [("Friday", "1987-01-23"), ("Friday", "1987-01-23")]


def test_a_weekday_named_again_with_a_word_of_its_own_is_not_the_same_day() -> None:
    text = "The talks ended on Friday. They resume next Friday."
    assert values(text, date(2024, 2, 11))[-1] == ("next Friday", "2024-02-16")


def test_a_weekday_with_its_part_of_day_before_the_date_is_one_date() -> None:
    text = 'The bridge never came. On Monday night, Oct. 23, the first order to withdraw arrived.'
    assert values(text, date(2024, 3, 23)) == [("Monday night, Oct. 23", "2023-10-23")]


def test_a_story_given_its_weekday_long_ago_goes_on_in_that_week() -> None:
    text = ("The strike was approved on the afternoon of Wednesday, Aug. 12. The helicopters left after "
            "midnight. By sunrise on Thursday, four people in the house were dead.")
    assert values(text, date(2021, 8, 28))[-1] == ("Thursday", "2020-08-13")


def test_a_weekday_in_the_reporting_of_a_story_long_ago_is_the_reportings() -> None:
    text = ("The strike was approved on the afternoon of Wednesday, Aug. 12. The command said on "
            "Thursday that its review was closed.")
    assert values(text, date(2021, 8, 28))[-1] == ("Thursday", "2021-08-26")


def test_a_weekday_after_a_gap_back_is_that_weekday_back_then() -> None:
    text = ("A year ago, on a Friday evening, the ferry left the harbour. The wind rose after dark. "
            "Most of the crew stayed below.\n\nOn Saturday morning the search began.")
    found = values(text, date(2021, 2, 19))
    assert found[1:] == [("Friday evening", "2020-02-21"), ("Saturday morning", "2020-02-22")]


def test_a_weekday_heading_in_a_story_long_ago_is_a_day_of_its_week() -> None:
    text = ("A year ago, on a Friday evening, the ferry left the harbour.\n\nFriday, 6.15 p.m.\n\n"
            "The forecast warned of a gale. The captain decided to sail.\n\nSaturday, 12.25 a.m.\n\n"
            "The ferry turned over.")
    found = values(text, date(2021, 2, 19))
    assert ("Friday", "2020-02-21") in found and ("Saturday", "2020-02-22") in found


def test_a_day_with_its_weekday_falls_in_a_year_the_text_writes() -> None:
    text = ("On the morning of Monday 10 February 2014 the river was lapping at the step. Ten years on, "
            "the shop is dry. The river peaked early on Tuesday 11 February.")
    assert values(text, date(2024, 2, 10))[-1] == ("Tuesday 11 February", "2014-02-11")


def test_a_day_with_its_weekday_last_year_is_not_moved_to_an_older_year_written() -> None:
    text = ("The city had not lost power like this since the 2003 blackout. The heat built from Thursday, "
            "July 17, and the grid failed days later.")
    assert ("Thursday, July 17", "2025-07-17") in values(text, date(2026, 1, 17))


def test_a_heading_of_two_weekdays_is_of_the_storys_week() -> None:
    text = ("The heat built from Thursday, July 17, when the operator flagged a fault.\n\n"
            "Saturday and Sunday\n\nDemand broke the city's record.")
    found = values(text, date(2026, 1, 17))
    assert ("Saturday", "2025-07-19") in found and ("Sunday", "2025-07-20") in found


def test_the_weekend_of_a_story_long_ago_follows_its_last_day() -> None:
    text = ("The first boats crossed on Tuesday, Oct. 17. Boats that tried to reach them on Friday night, "
            "Oct. 20, were sunk. By the weekend, 14 of the 61 were dead or missing.")
    assert values(text, date(2024, 3, 23))[-1] == ("weekend", "2023-W42")


def test_a_weekend_a_deadline_runs_to_is_the_coming_one() -> None:
    text = "The plant said it expected output to resume by the weekend."
    assert values(text, date(2025, 10, 15))[-1] == ("weekend", "2025-W42")


def test_since_the_weekend_in_a_story_is_the_weekend_before_its_day() -> None:
    text = ('A midwife described Monday, Nov. 13. "We had no running water since the weekend," she said.')
    assert values(text, date(2024, 1, 16))[-1] == ("weekend", "2023-W45")


def test_a_story_that_steps_back_a_day_stays_in_its_week() -> None:
    text = ("A year ago, on a Friday evening, the ferry left the harbour. It sank before dawn.\n\n"
            "Her mother waited at the harbour until Sunday evening. On Saturday the coastguard had told "
            "her there was hope.")
    found = values(text, date(2021, 2, 19))
    assert found[-2:] == [("Sunday evening", "2020-02-23"), ("Saturday", "2020-02-22")]


def test_what_a_story_ran_to_by_a_weekday_is_after_the_day_it_gave() -> None:
    text = ("The first shells struck just after 5 a.m. on Monday, Oct. 14. By Wednesday night, the last "
            "defenders had pulled back across the bridge.")
    assert values(text, date(2025, 6, 12))[-1] == ("Wednesday night", "2024-10-16")
