"""Kinds of date that news text uses beyond plain calendar dates: holidays and named days,
fortnights, "a year ago today", European numeric dates, "on the 7th"; each read to the value
a fact-checker would write (see claim-guidelines.md, "date")."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2024, 3, 20)  # a Wednesday


def values(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    return {c.text: c.value for c in detect_dates(text, DetectContext(published))}


def test_a_holiday_is_its_day_in_the_nearest_year_the_tense_allows() -> None:
    assert values("The market stayed open on Christmas Day.")["Christmas Day"] == "2023-12-25"
    assert values("The treaty must be signed by New Year's Eve.")["New Year's Eve"] == "2024-12-31"
    assert values("The parade will be held on Victory Day.")["Victory Day"] == "2024-05-09"
    assert values("Shops reopened on Boxing Day.")["Boxing Day"] == "2023-12-26"
    assert values("Believers marked Orthodox Christmas.")["Orthodox Christmas"] == "2024-01-07"


def test_a_holiday_that_moves_is_found_in_its_year() -> None:
    # Easter 2024 fell on 31 March, eleven days after publication: a past tense means 2023's
    assert values("Crowds gathered on Easter Sunday.")["Easter Sunday"] == "2023-04-09"
    assert values("Families will gather at Easter.")["Easter"] == "2024-03-31"
    # the fourth Thursday of November
    assert values("Families met at Thanksgiving.")["Thanksgiving"] == "2023-11-23"
    assert values("The strike began on Orthodox Easter in 2023.")["Orthodox Easter"] == "2023-04-16"


def test_a_holiday_with_a_year_or_in_a_sentence_that_gave_one_takes_that_year() -> None:
    assert values("Troops were home by Christmas 2022.")["Christmas 2022"] == "2022-12-25"
    found = values("In 2019, the family met at Easter and again at Christmas.")
    assert found["Easter"] == "2019-04-21"
    assert found["Christmas"] == "2019-12-25"
    assert values("The vote is set for Easter next year.")["Easter"] == "2025-04-20"


def test_independence_day_is_the_day_of_the_country_it_belongs_to() -> None:
    assert values("Ukraine's Independence Day passed quietly.")["Independence Day"] == "2023-08-24"
    assert values("Fireworks were lit on Independence Day.")["Independence Day"] == "2023-07-04"
    text = "Kyiv stayed dark. Ukrainian troops held the line on Independence Day, as Ukraine hoped."
    assert values(text)["Independence Day"] == "2023-08-24"


def test_a_holiday_used_as_an_adjective_is_not_a_date() -> None:
    assert "Christmas" not in values("They bought a Christmas tree.")
    assert "Thanksgiving" not in values("The Thanksgiving dinner was cold.")
    # a holiday period still places
    assert values("Fighting paused over the Christmas holidays.")["Christmas"] == "2023-12-25"
