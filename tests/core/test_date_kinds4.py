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


def test_last_and_next_season_are_the_latest_ended_and_the_first_not_begun() -> None:
    october = date(2024, 10, 15)
    assert values("The plant closed this past summer.", october)["this past summer"] == "2024"
    assert values("The plant closed last spring.", october)["last spring"] == "2024"
    assert values("The plant will reopen next spring.", date(2024, 1, 15))["next spring"] == "2024"
    assert values("The plant will reopen next summer.", october)["next summer"] == "2025"
    # the season we are in is not yet "last" nor "next": the one a year away is
    assert values("The plant closed last fall.", october)["last fall"] == "2023"
    assert values("The plant closed this past summer.", date(2024, 7, 15))["this past summer"] == "2023"
    assert values("The plant will reopen next fall.", october)["next fall"] == "2025"
    # winter keeps its plain year offset ("last winter" in February is the one we are in)
    assert values("The plant closed last winter.", date(2024, 2, 15))["last winter"] == "2023"


def test_a_season_by_tense_is_the_year_of_the_nearest_one_the_tense_allows() -> None:
    july = date(2024, 7, 15)
    assert values("The rebels took the town in the fall.", july)["fall"] == "2023"
    assert values("The rebels will take the town in the fall.", july)["fall"] == "2024"
    assert values("The plant should reopen by early summer.", date(2024, 10, 15))["early summer"] == "2025"
    assert values("The army attacked in the spring.", date(2024, 1, 15))["spring"] == "2023"


def test_a_quoted_post_s_yesterday_is_the_day_the_text_gives_the_event_it_names() -> None:
    may = date(2024, 5, 10)
    text = ("The photo is from May 3, while the attack was on May 5.\n\n"
            "“Yesterday the depot near the border was attacked by drones. Two trucks burned,” the post reads.")
    assert values(text, may)["Yesterday"] == "2024-05-05"
    # undated, dated twice differently, or another event: the post's day stays unknown
    assert values("“Yesterday the depot was attacked by drones,” the post reads.", may)["Yesterday"] is None
    text = "The attack was on May 5. Another attack was on May 8.\n\n“Yesterday the depot was attacked,” the post reads."
    assert values(text, may)["Yesterday"] is None
    text = "The attack was on May 5.\n\n“Yesterday the depot was visited by the minister,” the post reads."
    assert values(text, may)["Yesterday"] is None


def test_decades_with_an_edge_are_their_decade() -> None:
    found = values("Prices rose in the early 2010s, fell in the late 1990s and peaked in the mid-2000s.")
    assert (found["early 2010s"], found["late 1990s"], found["mid-2000s"]) == ("201X", "199X", "200X")
    found = values("Emissions grew through the 2010s and 2020s.")
    assert (found["2010s"], found["2020s"]) == ("201X", "202X")


def test_durations_that_measure_are_no_dates() -> None:
    assert values("The first 100 days of the war were the bloodiest.") == {}
    assert values("Pre-war output was higher, and in the years since, it has fallen.") == {}


def test_another_country_s_election_day_has_no_american_day() -> None:
    assert values("Turnout was low on Ukraine's Election Day.")["Election Day"] is None
    assert values("Turnout was low on America's Election Day.")["Election Day"] == "2022-11-08"


def test_an_edge_of_a_season_is_placed_by_its_own_months() -> None:
    july = date(2024, 7, 15)
    # early summer is over by mid-July: to come, it is next year's
    assert values("The plant should reopen by early summer.", july)["early summer"] == "2025"
    # late summer has not come yet: to come, it is this year's; past, last year's
    assert values("The plant should reopen by late summer.", july)["late summer"] == "2024"
    assert values("The plant closed in late summer.", july)["late summer"] == "2023"
    assert values("The plant closed in early summer.", july)["early summer"] == "2024"
