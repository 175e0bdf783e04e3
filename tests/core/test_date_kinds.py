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
    # a name that calls itself a day still dates what it qualifies
    assert values("Troops marched in the Victory Day parade.")["Victory Day"] == "2023-05-09"
    assert values("The Good Friday agreement was signed.") == {}


def test_a_holiday_of_another_calendar_is_not_read_as_ours() -> None:
    assert "New Year" not in values("Shops closed for the Lunar New Year holiday.")


def test_a_fortnight_is_two_weeks() -> None:
    assert values("He left a fortnight ago.")["a fortnight ago"] == "2024-W10"
    text = "He was arrested on March 3. A fortnight later he fled."
    assert values(text)["A fortnight later"] == "2024-W11"


def test_a_time_to_come_counted_from_publication_is_a_date() -> None:
    assert values("She will return in a fortnight.")["a fortnight"] == "2024-W14"
    assert values("Officials will decide in two weeks' time.")["two weeks' time"] == "2024-W14"
    assert values("The plant is to reopen in three months.")["three months"] == "2024-06"
    # a stretch that measures how fast something happened places nothing
    assert values("Prices rose 5% in two weeks.") == {}


def test_two_units_away_from_publication() -> None:
    assert values("They met the week before last.")["week before last"] == "2024-W10"
    assert values("The vote comes the day after tomorrow.")["day after tomorrow"] == "2024-03-22"
    assert values("The firm was founded the year before last.")["year before last"] == "2022"
    # "last" belongs to what follows it here: no claim that the week is two weeks back
    assert "week before last" not in values("The week before last year's election was calm.")


def test_a_part_of_the_next_day_counts_from_the_story_date() -> None:
    found = values("He was arrested on March 3. The next morning he was released.")
    assert found["next morning"] == "2024-03-04"
    found = values("He was arrested on March 3. The night before, he had fled.")
    assert found["night before"] == "2024-03-02"


def test_ago_with_the_same_day_or_month_keeps_that_precision() -> None:
    assert values("The town was flooded 20 years ago this month.")["20 years ago this month"] == "2004-03"
    assert values("The town was flooded a year ago today.")["a year ago today"] == "2023-03-20"
    # "this time last year": the month a year back, which the words pin down
    assert values("This time last year the town was flooded.")["This time last year"] == "2023-03"


def test_a_numeric_date_with_dots_is_day_month_year() -> None:
    assert values("The meeting took place on 07.03.2024.")["07.03.2024"] == "2024-03-07"


def test_a_slashed_date_follows_the_order_the_text_writes_its_days_in() -> None:
    assert values("The meeting took place on 7/3/2024.")["7/3/2024"] == "2024-07-03"
    text = "The first meeting was on 2 March. A second took place on 9/3/2024."
    assert values(text)["9/3/2024"] == "2024-03-09"
    text = "A report dated 25/2/2024 was cited. The vote was on 4/3/2024."
    assert values(text)["4/3/2024"] == "2024-03-04"
    text = "The first meeting was on March 2. A second took place on 9/3/2024."
    assert values(text)["9/3/2024"] == "2024-09-03"


def test_an_ordinal_day_alone_is_a_day_of_the_month_the_story_is_in() -> None:
    assert values("The meeting took place on the 7th.")["7th"] == "2024-03-07"
    assert values("Payments are due by the 25th.")["25th"] == "2024-03-25"
    # past tense, a day after publication's: the month before
    assert values("The meeting took place on the 28th.")["28th"] == "2024-02-28"
    assert values("In January, talks broke down on the 7th.")["7th"] == "2024-01-07"
    assert values("He fell on the 7th floor.") == {}


def test_the_week_or_weekend_of_a_day_is_its_iso_week() -> None:
    assert values("The storm hit on the weekend of March 9.")["weekend of March 9"] == "2024-W10"


def test_this_past_week_or_weekend_is_the_last_one() -> None:
    assert values("Rebels attacked this past weekend.")["this past weekend"] == "2024-W11"
    assert values("Prices rose this past week.")["this past week"] == "2024-W11"
    assert values("It happened over the past weekend.")["past weekend"] == "2024-W11"
    # "the past week" measures a stretch (a figure), it does not place
    assert values("It happened over the past week.") == {}


def test_an_edge_of_a_year_joined_by_a_hyphen_is_that_year() -> None:
    assert values("The plant will open by end-2024.")["end-2024"] == "2024"


def test_what_is_awaited_or_timetabled_in_the_present_is_to_come() -> None:
    assert values("Elections are expected in November.")["November"] == "2024-11"
    assert values("A hearing is set for Jan. 15.")["Jan. 15"] == "2025-01-15"
    assert values("A hearing was set for Jan. 15.")["Jan. 15"] == "2024-01-15"
    assert values("The embargo begins Dec. 5.")["Dec. 5"] == "2024-12-05"
    assert values("The strike enters its third week on Monday.")["Monday"] == "2024-03-25"
    assert values("The plan must be ready by Friday.")["Friday"] == "2024-03-22"


def test_a_season_after_a_preposition_without_the_is_a_date() -> None:
    assert values("The offensive began in summer.")["summer"] == "2023"
    assert values("Prices will fall in summer.")["summer"] == "2024"
    assert values("Reports of the deal surfaced in midsummer.")["midsummer"] == "2023"
    # a verb, not a season
    assert values("They expect prices to fall sharply.") == {}


def test_a_half_of_the_year_is_the_year_the_tense_places_it_in() -> None:
    assert values("Fighting eased in the second half of the year.")["second half of the year"] == "2023"
    assert values("Sales will rise in the second half of the year.")["second half of the year"] == "2024"


def test_an_irregular_past_verb_places_a_yearless_day_in_the_past() -> None:
    found = values("The talks ran from June 30 through July 2.")
    assert found["June 30"] == "2023-06-30"
    assert found["July 2"] == "2023-07-02"
    assert values("Thousands fled on May 4.")["May 4"] == "2023-05-04"


def test_a_weekday_with_its_day_in_brackets_is_that_day() -> None:
    assert values("The summit was held on Thursday (March 7).")["Thursday"] == "2024-03-07"
    # brackets that name another weekday's day say nothing of this one
    assert values("The summit was held on Thursday (March 8).")["Thursday"] == "2024-03-14"


def test_a_gap_past_the_end_of_the_calendar_is_left_open() -> None:
    assert values("Officials will decide in 99999999 weeks' time.")["99999999 weeks' time"] is None
    found = values("It began on March 3, 2024. 99999999 weeks later it ended.")
    assert found["99999999 weeks later"] is None
    assert values("The vote is the week before last.", date(1, 1, 2))["week before last"] is None


def test_the_weekend_of_two_days_is_their_week() -> None:
    text = "The ministry reported 120 attacks over the weekend of March 2-3."
    assert values(text)["weekend of March 2-3"] == "2024-W09"


def test_a_day_ahead_of_which_something_happens_is_to_come() -> None:
    assert values("The stakes are high ahead of Tuesday's debate.")["Tuesday"] == "2024-03-26"


def test_a_participle_after_is_is_no_past_tense() -> None:
    # "when he is confronted" is a present passive: the nearest March 3 stays this year's
    text = "The outcome of the March 3 primaries could turn on how he responds when he is confronted."
    assert values(text)["March 3"] == "2024-03-03"


def test_super_tuesday_falls_in_an_american_election_year() -> None:
    assert values("Voters went to the polls on Super Tuesday.")["Super Tuesday"] == "2024-03-05"
    # named as an adjective, it is no date, and its weekday is not last Tuesday
    assert values("Bloomberg can mitigate that in the Super Tuesday states.") == {}
    assert values("They prayed on Good Friday morning.")["Good Friday"] == "2023-04-07"


def test_years_after_an_event_dated_in_the_same_clause_count_from_its_date() -> None:
    text = ("Version 5.2 was released on November 5, 2019. This milestone comes nearly 11 years "
            "after Python 3.0 was first released on December 3, 2008.")
    assert values(text)["nearly 11 years after"] == "2019"
    text = "Version 3.5 came in September 2015, almost 7 years after Python 3 came out in December 2008."
    assert values(text)["almost 7 years after"] == "2015"


def test_what_might_happen_or_is_forecast_is_to_come() -> None:
    text = "He said no-one could predict what might happen at the ceremony on April 2."
    assert values(text)["April 2"] == "2024-04-02"
    text = "Frost was reported on Tuesday, and Thursday is forecast to be even colder."
    assert values(text)["Thursday"] == "2024-03-21"


def test_a_slashed_date_that_reads_as_the_publication_day_is_that_day() -> None:
    # the text writes its days first, but one reading of the slashed date is the day it came out
    text = "Posted 06/11/2024. The raid came on 8 June, and the image dates from 7 June."
    assert values(text, date(2024, 6, 11))["06/11/2024"] == "2024-06-11"
    assert values(text, date(2024, 11, 6))["06/11/2024"] == "2024-11-06"


def test_a_season_that_is_the_subject_of_its_sentence_is_a_date() -> None:
    assert values("For its partners, the summer is likely to be uncomfortable.")["summer"] == "2024"
    assert values("The summer was hot.")["summer"] == "2023"
    # an object that is endured, not a time that places
    assert values("They survived the winter.") == {}


def test_a_stretch_into_the_year_counts_from_its_first_day() -> None:
    assert values("Just a week into the new year, emissions fell.")["a week into the new year"] == "2024-W02"
    assert values("Three months into 2023, sales fell.")["Three months into 2023"] == "2023-04"
    # an event with no date of its own places nothing
    assert values("Two months into the war, troops withdrew.") == {}
