"""More kinds of date that news text uses (continuing ``test_date_kinds``): days that have
become an event's name, centuries, ranges of weekdays and months, gaps counted in decades;
each read to the span and value a fact-checker would write (see claim-guidelines.md, "date")."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2024, 2, 20)  # a Tuesday


def values(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    return {c.text: c.value for c in detect_dates(text, DetectContext(published))}


def test_a_day_that_names_an_event_is_that_event_s_day_in_its_year() -> None:
    assert values("Rioters stormed the Capitol in the Jan. 6 attack.")["Jan. 6"] == "2021-01-06"
    assert values("The Sept. 11 attacks killed nearly 3,000 people.")["Sept. 11"] == "2001-09-11"
    assert values("The January 6 committee released its report.")["January 6"] == "2021-01-06"
    text = "Since the Oct. 7 Hamas-led attack, talks have stalled."
    assert values(text, date(2025, 11, 2))["Oct. 7"] == "2023-10-07"
    assert values("The Feb. 24 full-scale invasion changed Europe.")["Feb. 24"] == "2022-02-24"
    # the event's name gives the year even when the article's date is unknown
    assert values("He was charged over the Jan. 6 Capitol riot.", None)["Jan. 6"] == "2021-01-06"


def test_the_same_day_without_the_event_s_name_is_read_as_any_day() -> None:
    assert values("On Jan. 6, rioters stormed the Capitol.")["Jan. 6"] == "2024-01-06"
    # a determiner opens another phrase: the noun is not the day's event
    assert values("On Oct. 7 the army attacks the town.")["Oct. 7"] == "2024-10-07"


def test_a_century_is_its_hundred_years() -> None:
    assert values("The region has been contested since the 19th century.")["19th century"] == "18XX"
    assert values("The treaty dates from the early 20th century.")["early 20th century"] == "19XX"
    assert values("The 21st century has seen more wars.")["21st century"] == "20XX"
    assert values("The castle was built in the twelfth century.")["twelfth century"] == "11XX"


def test_a_century_used_as_an_adjective_or_in_a_name_is_not_a_date() -> None:
    assert values("Theirs is a 21st-century army.") == {}
    assert values("He studied the first century of the republic.") == {}
    assert values("The 20th Century Fox studio closed.") == {}


def test_a_range_of_weekdays_runs_forward_within_a_week() -> None:
    found = values("Talks will run Monday through Wednesday.")
    assert (found["Monday"], found["Wednesday"]) == ("2024-02-26", "2024-02-28")
    # told in the past, the range ends at the last such day and starts before it
    found = values("Fighting raged from Monday to Thursday.")
    assert (found["Monday"], found["Thursday"]) == ("2024-02-12", "2024-02-15")
    # the end that names its week holds the start in that week
    found = values("Protests continued from Monday to Thursday last week.")
    assert (found["Monday"], found["Thursday last week"]) == ("2024-02-12", "2024-02-15")
    # a timetable told in the present is to come
    found = values("The exhibition runs from Friday to Sunday.")
    assert (found["Friday"], found["Sunday"]) == ("2024-02-23", "2024-02-25")


def test_two_days_listed_are_each_their_own_day() -> None:
    found = values("Russia attacked on Monday and Thursday.")
    assert (found["Monday"], found["Thursday"]) == ("2024-02-19", "2024-02-15")


def test_a_range_of_months_runs_forward() -> None:
    found = values("Between January and March, exports fell.")
    assert (found["January"], found["March"]) == ("2023-01", "2023-03")
    found = values("Exports fell between March and January.")
    assert (found["March"], found["January"]) == ("2023-03", "2024-01")
    found = values("Sales will rise in January-March.", date(2023, 11, 2))
    assert (found["January"], found["March"]) == ("2024-01", "2024-03")
