"""Year ranges, ordinal weekdays of a month, year-end and other kinds of date news text uses,
each read to the value a fact-checker would write (see claim-guidelines.md, "date")."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2024, 3, 20)  # a Wednesday


def values(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    return {c.text: c.value for c in detect_dates(text, DetectContext(published))}


def test_each_year_of_a_dashed_range_is_a_date() -> None:
    # as "from 2019 to 2021": two dates, each its year
    assert values("The drought lasted 2014-2015.") == {"2014": "2014", "2015": "2015"}
    assert values("The project ran during 2019–2020.") == {"2019": "2019", "2020": "2020"}


def test_a_season_named_by_its_two_years_is_its_first_year() -> None:
    # the guidelines say a season is its year; one that spans two begins in the first
    assert values("The club struggled in the 2022-23 season.") == {"2022-23": "2022"}
    assert values("Output fell 3% in 2019–20.") == {"2019–20": "2019"}
    assert values("The 2023/24 budget was cut.") == {"2023/24": "2023"}
    assert values("Gas ran short in the winter of 2022-23.") == {"winter of 2022-23": "2022"}


def test_years_that_run_backwards_are_no_range() -> None:
    assert values("See the 2015-2014 list.") == {}
    assert values("See the 2014-13 list.") == {}
    assert values("See the 2024/2023 list.") == {}


def test_a_part_of_a_day_opening_a_sentence_is_a_date() -> None:
    assert values("Last night the shelling was heavy.") == {"Last night": "2024-03-19"}
    assert values("This morning we found the bodies.") == {"This morning": "2024-03-20"}


def test_an_ordinal_weekday_of_a_month_is_that_day() -> None:
    assert values("Polls opened on the first Monday of March.") == {"first Monday of March": "2024-03-04"}
    assert values("The rally will be held on the last Friday in May.") == {"last Friday in May": "2024-05-31"}
    # found in the nearest year the tense allows, or in the year written
    assert values("The vote took place on the second Tuesday in November.") == {
        "second Tuesday in November": "2023-11-14"}
    assert values("The fair opens on the third Sunday of October 2025.") == {
        "third Sunday of October 2025": "2025-10-19"}


def test_the_end_or_middle_of_the_year_said_short_is_a_date() -> None:
    assert values("The firm will break even by year-end.") == {"year-end": "2024"}
    assert values("The firm will break even by the year's end.") == {"year's end": "2024"}
    assert values("By mid-year the plan was dead.") == {"mid-year": "2024"}
    assert values("The cut was agreed at year end 2023.") == {"year end 2023": "2023"}
    # used as an adjective it places nothing
    assert values("Staff got year-end bonuses.") == {}
    assert values("A mid-year review found gaps.") == {}


def test_may_is_a_month_after_a_scheduling_verb() -> None:
    assert values("The rally is set for May.") == {"May": "2024-05"}
    assert values("The vote is scheduled for March.") == {"March": "2024-03"}
    assert values("There were calls for May to resign.") == {}


def test_a_timetable_that_ends_in_the_present_tense_is_still_to_come() -> None:
    assert values("The strike began Monday and ends Friday.") == {
        "Monday": "2024-03-18", "Friday": "2024-03-22"}
    assert values("The truce runs out on Sunday.") == {"Sunday": "2024-03-24"}
    assert values("The strike ended Friday.") == {"Friday": "2024-03-15"}


def test_a_weekday_some_weeks_ago_is_that_day() -> None:
    # American: the Sunday before last when said on a Wednesday
    assert values("He was arrested a week ago Sunday.") == {"a week ago Sunday": "2024-03-10"}
    assert values("He was arrested Sunday a week ago.") == {"Sunday a week ago": "2024-03-10"}
    assert values("He was arrested two weeks ago Tuesday.") == {"two weeks ago Tuesday": "2024-03-05"}
    assert values("He left a week ago. Sunday was calm.") == {"a week ago": "2024-W11", "Sunday": "2024-03-17"}


def test_a_decade_in_words_is_its_decade() -> None:
    assert values("The case dates back to the Nineties.") == {"Nineties": "199X"}
    assert values("It was built in the mid-Eighties.") == {"mid-Eighties": "198X"}
    assert values("Sales boomed in the early nineties.") == {"early nineties": "199X"}
    # degrees and ages are not decades
    assert values("Highs will be in the mid-nineties.") == {}
    assert values("She is in her nineties.") == {}


def test_9_11_is_the_day_of_the_attacks() -> None:
    # the guidelines date "September 11, 2001" before "attacks"; "9/11" names the same day
    assert values("The 9/11 attacks changed the country.") == {"9/11": "2001-09-11"}
    assert values("Since 9/11, airports have changed.") == {"9/11": "2001-09-11"}
    assert values("He scored 9/11 from the line.") == {}


def test_a_quotation_after_its_dated_attribution_counts_from_that_day() -> None:
    found = values('On Monday, he said: "We were attacked yesterday."')
    assert found == {"Monday": "2024-03-18", "yesterday": "2024-03-17"}
    found = values('He told reporters on Monday: "Last night the shelling was heavy."')
    assert found == {"Monday": "2024-03-18", "Last night": "2024-03-17"}
    # a day in an earlier sentence is not the day the words were said
    found = values('On Monday police came. He said: "We were attacked yesterday."')
    assert found["yesterday"] == "2024-03-19"


def test_a_range_that_writes_its_year_at_the_end_starts_in_that_year() -> None:
    assert values("The summit ran Feb. 28-March 2, 2023.") == {
        "Feb. 28": "2023-02-28", "March 2, 2023": "2023-03-02"}
    assert values("The summit ran from 28 February to 2 March 2023.") == {
        "28 February": "2023-02-28", "2 March 2023": "2023-03-02"}
    assert values("Prices rose from May to June 2022.") == {"May": "2022-05", "June 2022": "2022-06"}
    # a start in a later month than the end's lies in the year before
    assert values("The summit ran Dec. 30-Jan. 2, 2024.") == {
        "Dec. 30": "2023-12-30", "Jan. 2, 2024": "2024-01-02"}
    # without a year the ends are placed as any day is
    assert values("The festival runs March 30-April 1.") == {
        "March 30": "2024-03-30", "April 1": "2024-04-01"}


def test_a_weekday_of_the_week_named_after_it_is_that_day() -> None:
    assert values("The rebels attacked on Tuesday last week.") == {"Tuesday last week": "2024-03-12"}
    assert values("The rebels attacked on Tuesday of last week.") == {"Tuesday of last week": "2024-03-12"}
    assert values("The vote is on Friday next week.") == {"Friday next week": "2024-03-29"}
    found = values("The rebels attacked on Tuesday. Last week was calm.")
    assert found == {"Tuesday": "2024-03-19", "Last week": "2024-W11"}


def test_the_next_few_days_are_a_date_to_come_as_the_coming_days_are() -> None:
    assert values("Talks will resume in the next few days.") == {"next few days": None}
    assert values("He will stay for the next few days.") == {}


def test_a_month_far_off_with_no_tense_takes_the_publication_year() -> None:
    # the guidelines: the publication year unless the text makes clear it is past or future
    assert values("The election is in November.") == {"November": "2024-11"}
    assert values("Voters head to the polls in November.") == {"November": "2024-11"}
    assert values("The plant opened in November.") == {"November": "2023-11"}
    # a month close across the turn of the year is still the near one
    assert values("The January report is out.", date(2024, 12, 20)) == {"January": "2025-01"}


def test_a_day_something_is_set_for_is_the_one_to_come() -> None:
    assert values("The vote is on Friday.") == {"Friday": "2024-03-22"}
    assert values("The deadline is Friday.") == {"Friday": "2024-03-22"}
    assert values("The vote was on Friday.") == {"Friday": "2024-03-15"}
    assert values("Today is Wednesday.")["Wednesday"] == "2024-03-20"


def test_march_or_may_ending_a_range_of_months_is_a_month() -> None:
    assert values("The firm hired staff between January and March.") == {
        "January": "2024-01", "March": "2024-03"}
    assert values("The firm hired staff in January-March.") == {"January": "2024-01", "March": "2024-03"}
    assert values("He and May went home.") == {}


def test_a_fiscal_year_named_by_two_years_or_two_digits() -> None:
    assert values("Revenue fell in FY2023-24.") == {"FY2023-24": "2023"}
    assert values("Revenue fell in the financial year 2022/23.") == {"financial year 2022/23": "2022"}
    assert values("Revenue fell in FY24.") == {"FY24": "2024"}


def test_a_month_told_by_a_second_verb_after_a_year_is_in_that_year() -> None:
    assert values("He was arrested in 2019 and fled in August.") == {"2019": "2019", "August": "2019-08"}
    # a year in passing, or a verb still to come, leaves the month to publication
    assert values("The firm, founded in 2009, said in January it would grow.")["January"] == "2024-01"
    assert values("The law passed in 2019 and will be reviewed in August.")["August"] == "2024-08"
