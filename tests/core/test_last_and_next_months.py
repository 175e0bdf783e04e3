""""last October" written in November is a year back: the month just gone is "last month"."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates


def value(text: str, published: date) -> str | None:
    (found,) = detect_dates(text, DetectContext(published))
    return found.value


def test_last_month_named_just_after_it_is_the_year_before() -> None:
    assert value("She changed her tune last October.", date(2023, 11, 8)) == "2022-10"


def test_last_month_named_further_on_is_this_years() -> None:
    assert value("She changed her tune last September.", date(2023, 11, 8)) == "2023-09"
    assert value("She changed her tune last December.", date(2024, 1, 8)) == "2023-12"


def test_next_month_named_just_before_it_is_the_year_after() -> None:
    assert value("The vote is due next December.", date(2023, 11, 8)) == "2024-12"
    assert value("The vote is due next March.", date(2023, 11, 8)) == "2024-03"


def test_last_month_opening_a_sentence_is_read_as_well() -> None:
    assert value("Last December, the grid held.", date(2024, 12, 19)) == "2023-12"
    assert value("Last July, the House cleared a package.", date(2023, 7, 24)) == "2022-07"


def test_a_day_and_month_with_its_weekday_take_the_weekdays_year() -> None:
    assert value("Sandbags near the depot.\n\nMonday, Aug. 28\n\nA helicopter was due.", date(2024, 3, 17)) == "2023-08-28"


def test_not_required_is_no_past() -> None:
    text = "The PAC files semiannually and is not required to report again until July 31."
    assert value(text, date(2024, 4, 16)) == "2024-07-31"


def test_a_season_before_a_verb_and_a_capitalised_mid_month_are_dates() -> None:
    assert value('"Customers who paused orders in the summer have not come back," she said.',
                 date(2024, 11, 21)) == "2024"
    assert value("Voting ended Mid-May.", date(2024, 11, 21)) == "2024-05"


def test_the_first_or_last_day_of_a_month_is_that_day() -> None:
    found = {c.text: c.value for c in detect_dates(
        "Their only defeat came on the last day of November. The lease ended on the last day of "
        "February 2024.\n\nThe next lease runs from the first day of March.", DetectContext(date(2024, 12, 30)))}
    assert found["last day of November"] == "2024-11-30"
    assert found["last day of February 2024"] == "2024-02-29"
    assert found["first day of March"] == "2025-03-01"


def test_a_day_of_last_december_in_its_sentence_is_that_decembers() -> None:
    text = ("Last December's ice storm, which left 11,000 customers without power on Christmas Eve, "
            "led to a candid report.")
    found = [(c.text, c.value) for c in detect_dates(text, DetectContext(date(2023, 12, 28)))]
    assert found == [("Last December", "2022-12"), ("Christmas Eve", "2022-12-24")]


def dated(text: str, published: date) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]


def test_a_month_named_again_is_the_one_last_named_before() -> None:
    text = ("A raid killed the wrong family last August. The helicopters left after 1 a.m. It was the "
            "second week of August. The adviser said he thought about that August.")
    assert dated(text, date(2021, 8, 28)) == [
        ("last August", "2020-08"), ("second week of August", "2020-W33"), ("that August", "2020-08")]


def test_a_month_named_again_as_to_come_is_not_the_one_gone() -> None:
    text = "Prices fell last August. The board will meet in August."
    assert dated(text, date(2021, 6, 1))[-1] == ("August", "2021-08")


def test_a_months_report_is_of_a_month_gone() -> None:
    text = ("The report is now due on Wednesday. In its October report, the agency forecast that supply "
            "would exceed demand next year.")
    assert dated(text, date(2026, 11, 23))[1] == ("October", "2026-10")


def test_a_week_or_day_of_a_month_with_its_year_is_that_week_or_day() -> None:
    assert value("It fired missiles by the first week of January 2024.", date(2024, 3, 1)) == "2024-W01"
    assert value("Talks ended on the last day of November 2023.", date(2024, 3, 1)) == "2023-11-30"


def test_this_month_named_is_this_years_whatever_the_tense() -> None:
    assert value("The fund has already endorsed 17 candidates in primaries this August.", date(2022, 5, 25)) == "2022-08"


def test_this_year_said_after_a_year_of_the_past_brings_the_present_back() -> None:
    text = ('"In 2019 the state arrived late. This year we had brigades in place in June," she said on '
            "Saturday.")
    assert dated(text, date(2021, 9, 20))[-2] == ("June", "2021-06")
