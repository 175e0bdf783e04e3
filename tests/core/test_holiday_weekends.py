"""A holiday's weekend is a week, and a holiday greeting is not a date."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2013, 11, 27)  # the day before Thanksgiving


def values(text: str) -> dict[str, str | None]:
    return {c.text: c.value for c in detect_dates(text, DetectContext(PUBLISHED))}


def test_a_thursday_holidays_weekend_is_the_same_week() -> None:
    found = values("43 million are expected to travel over the Thanksgiving holiday weekend.")
    assert found["Thanksgiving holiday weekend"] == "2013-W48"  # Thu 28 Nov, Sat 30 Nov


def test_a_monday_holidays_weekend_is_the_week_before_the_monday() -> None:
    found = values("Crowds filled the beaches over Memorial Day weekend 2014.")
    assert found["Memorial Day weekend 2014"] == "2014-W21"  # Sat 24 May; the Monday is 26 May, W22


def test_the_holiday_alone_is_still_its_day() -> None:
    assert values("Forecasters see smooth sailing into Thanksgiving.")["Thanksgiving"] == "2013-11-28"


def test_a_holiday_greeting_is_not_a_date() -> None:
    assert values("So far, so good! Happy Thanksgiving!!!") == {}
    assert values("Merry Christmas from all of us.") == {}


def test_a_holiday_set_beside_a_day_is_that_day() -> None:
    text = "The ship is to be launched at Callao on July 28, Peru's Independence Day."
    found = [(c.text, c.value) for c in detect_dates(text, DetectContext(date(2023, 1, 10)))]
    assert found == [("July 28", "2023-07-28"), ("Independence Day", "2023-07-28")]


def test_a_week_of_a_month_is_an_iso_week() -> None:
    def found(text: str, published: date) -> list[tuple[str, str | None]]:
        return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]

    assert found("Looking ahead, the first full week of January brings jobs data.", date(2023, 12, 29)) == [
        ("first full week of January", "2024-W01")]
    assert found("Cancel nothing for the first weekend of August.", date(2023, 7, 24)) == [
        ("first weekend of August", "2023-W31")]
    assert found("A plan on the desk by the first week of July.", date(2024, 6, 12)) == [
        ("first week of July", "2024-W27")]


def test_cyber_monday_is_the_monday_after_thanksgiving_not_a_weekday() -> None:
    text = ("Shoppers came out in force between Thanksgiving and Cyber Monday, the chief executive said, "
            "but that January sales were hurt by storms.")
    found = {c.text: c.value for c in detect_dates(text, DetectContext(date(2024, 3, 5)))}
    assert found["Cyber Monday"] == "2023-11-27"
    assert found["January"] == "2024-01"  # "but that January sales": a clause's "that", not "that January"


def test_a_holiday_this_week_is_this_weeks_whatever_the_tense() -> None:
    found = {c.text: c.value for c in detect_dates(
        "Trading is expected to thin later this week, with U.S. markets closed for Thanksgiving on Thursday.",
        DetectContext(date(2026, 11, 23)))}
    assert found["Thanksgiving"] == "2026-11-26" and found["Thursday"] == "2026-11-26"
    found = {c.text: c.value for c in detect_dates(
        "Hospital says records will return next week after Christmas Eve cyberattack",
        DetectContext(date(2023, 12, 28)))}
    assert found["Christmas Eve"] == "2023-12-24"
