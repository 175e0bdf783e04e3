"""Further kinds of date news text uses (after ``test_date_kinds3``): the American
Election Day, seasons told by tense, decades with an edge, and durations that place
nothing; each read to the span and value a fact-checker would write (see
claim-guidelines.md, "date")."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2024, 2, 20)  # a Tuesday, in winter


def values(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    return {c.text: c.value for c in detect_dates(text, DetectContext(published))}


def test_election_day_is_the_tuesday_after_the_first_monday_of_november_of_an_even_year() -> None:
    assert values("Voters will go to the polls on Election Day.")["Election Day"] == "2024-11-05"
    # told as past, early in an election year: the last one, two years back
    assert values("Turnout was low on Election Day.")["Election Day"] == "2022-11-08"
    # in an odd year the coming one is the next even year's
    assert values("Voters will go to the polls on Election Day.", date(2023, 3, 1))["Election Day"] == "2024-11-05"
    assert values("Election Day 2020 was calm.")["Election Day 2020"] == "2020-11-03"


def test_election_day_takes_the_year_its_sentence_names() -> None:
    assert values("Voters went to the polls on Election Day in 2016.")["Election Day"] == "2016-11-08"
    assert values("Biden won the 2020 race on Election Day.")["Election Day"] == "2020-11-03"
    # an odd year is no federal election's, and another sentence's year is not this one's
    assert values("Turnout was low on Election Day in 2021.")["Election Day"] == "2022-11-08"
    assert values("The law passed in 2016. Turnout was low on Election Day.")["Election Day"] == "2022-11-08"


def test_a_lowercase_election_day_is_no_named_day() -> None:
    assert "election day" not in values("The election day was calm.", date(2024, 11, 20))
