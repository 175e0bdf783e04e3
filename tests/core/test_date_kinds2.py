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


def test_decades_and_centuries_later_count_from_the_story_s_year() -> None:
    found = values("The company was founded in 1998 and went public a decade later.")
    assert found["a decade later"] == "2008"
    assert values("The bridge opened in 1905. A century later it was rebuilt.")["A century later"] == "2005"
    found = values("The dam was built in 2001. Two decades earlier, the valley was farmland.")
    assert found["Two decades earlier"] == "1981"
    # nothing dated before: nothing to count from
    assert values("Two decades later, the war resumed.")["Two decades later"] is None


def test_an_irregular_past_verb_places_a_season_or_quarter_in_the_past() -> None:
    assert values("The army retook the city in the autumn.")["autumn"] == "2023"
    assert values("The economy shrank in the third quarter.")["third quarter"] == "2023"
    assert values("The court upheld the ruling in March.")["March"] == "2023-03"


def test_a_year_that_is_the_subject_of_a_verb_is_a_year() -> None:
    assert values("The report for 2023 shows a rise in deaths.")["2023"] == "2023"
    assert values("2024 marks the tenth anniversary of the annexation.")["2024"] == "2024"
    # a plural noun after the number still counts it
    assert values("About 1500 soldiers died.") == {}


def test_the_month_a_reporting_period_ends_in_is_a_date() -> None:
    assert values("Exports rose 2% in the 12 months to March.")["March"] == "2023-03"
    assert values("Prices rose 3% in the year to May, the ONS said.")["May"] == "2023-05"
    assert values("Officials may decide to march on the capital.") == {}


def test_a_year_at_least_as_early_as_is_a_year() -> None:
    assert values("The photo has circulated online since at least 2015.")["2015"] == "2015"
    assert values("The army has at least 2015 tanks.") == {}


def test_weekdays_and_yesterday_count_from_the_day_a_dateline_gives() -> None:
    text = ("Senate advances aid bill\n\nWASHINGTON, Feb. 9 — The Senate voted on Wednesday to advance "
            "the bill. A final vote is expected on Monday. Yesterday the House met.")
    found = values(text)
    assert (found["Wednesday"], found["Monday"], found["Yesterday"]) == ("2024-02-07", "2024-02-12", "2024-02-08")
    text = "KYIV, Feb. 10 (Reuters) - Russia struck Kharkiv on Thursday, officials said."
    assert values(text)["Thursday"] == "2024-02-08"
    # a day in the story's first sentence is no dateline: the publication still counts
    assert values("On Feb. 9 the Senate voted. On Wednesday it had stalled.")["Wednesday"] == "2024-02-14"


def test_a_weekday_in_a_paper_s_or_a_title_s_name_is_not_a_date() -> None:
    assert values("The Sunday Times reported that the minister had resigned.") == {}
    assert values("The Mail on Sunday said the plan was dropped.") == {}
    assert values("The Friday Prayer leader called for calm.") == {}
    # a name after the day is the sentence's subject, the day still dates it
    assert values("On Friday President Biden signed the bill.")["Friday"] == "2024-02-16"
    assert values("The announcement came on the Monday after the vote.")["Monday"] == "2024-02-19"


def test_a_month_or_day_with_its_year_named_after_it_is_one_date() -> None:
    assert values("The law passed in February of last year.") == {"February of last year": "2023-02"}
    assert values("The talks will resume in April next year.") == {"April next year": "2025-04"}
    assert values("The plant opened on May 3 last year.") == {"May 3 last year": "2023-05-03"}
    assert values("The vote took place on 3 March last year.") == {"3 March last year": "2023-03-03"}
    # a name before the year is no month
    assert values("Theresa May last year said the deal was done.") == {"last year": "2023"}


def test_what_is_expected_on_a_date_is_to_come_even_without_its_verb() -> None:
    found = values("The first tanks arrived in January, with more expected in April.")
    assert (found["January"], found["April"]) == ("2024-01", "2024-04")
    # a verb in the past still places its date there
    assert values("He expected the war to end in April.")["April"] == "2023-04"


def test_an_edge_of_a_season_or_of_next_month_stays_in_the_span() -> None:
    assert values("The drills were held in late summer.")["late summer"] == "2023"
    assert values("Elections are scheduled for the autumn.")["autumn"] == "2024"
    assert values("The vote will take place at the end of next month.")["end of next month"] == "2024-03"
    assert values("The offensive began at the end of last month.")["end of last month"] == "2024-01"
    # "the last month" measures a stretch
    assert values("Prices rose over the last month.") == {}


def test_a_half_named_alone_is_a_half_of_the_year() -> None:
    assert values("Prices are forecast to rise in the second half.")["second half"] == "2024"
    # told as past, the half the article came out in has not ended: last year's
    assert values("Sales fell 4% in the first half, the company said.")["first half"] == "2023"
    # a half of a match or of a film is no date
    assert values("Chelsea scored twice in the second half.") == {}
    assert values("The second half of the film is slow.") == {}


def test_the_turn_of_a_century_is_the_year_it_turned() -> None:
    assert values("The missile was first tested at the turn of the century.")["turn of the century"] == "2000"
    assert values("The city grew fast at the turn of the 20th century.")["turn of the 20th century"] == "1900"


def test_this_or_next_decade_and_its_end_are_its_ten_years() -> None:
    assert values("Emissions must halve by the end of the decade.")["end of the decade"] == "202X"
    assert values("Russia plans to modernise its fleet this decade.")["this decade"] == "202X"
    assert values("The project will finish next decade.")["next decade"] == "203X"
    # "over the last decade" measures a stretch
    assert values("Emissions fell over the last decade.") == {}


def test_a_time_back_without_a_count_is_a_date_left_open() -> None:
    assert values("The deal was signed days ago.") == {"days ago": None}
    assert values("It happened 20 days ago.") == {"20 days ago": "2024-01-31"}


def test_a_visit_told_in_the_present_with_its_weekday_is_to_come() -> None:
    assert values("The president visits Kyiv on Thursday.")["Thursday"] == "2024-02-22"
    assert values("The president visited Kyiv on Thursday.")["Thursday"] == "2024-02-15"


def test_numeric_dates_written_year_first_with_dashes_or_a_short_year() -> None:
    assert values("The notice was dated 2024/02/12.")["2024/02/12"] == "2024-02-12"
    # dashes and a two-digit year follow the order the text writes its days in, as slashes do
    text = "The raid came on 8 February. The notice was dated 12-02-2024."
    assert values(text)["12-02-2024"] == "2024-02-12"
    text = "The raid came on 8 February. The video, posted on 12/02/24, went viral."
    assert values(text)["12/02/24"] == "2024-02-12"
    assert values("The video, posted on 2/12/24, went viral.")["2/12/24"] == "2024-02-12"
    # a score or a range of numbers is no date
    assert values("The vote split 12-02-20.") == {}


def test_a_participle_with_its_agent_after_a_date_tells_no_tense() -> None:
    text = "The team will face Cuba on June 2 followed by an away game in Haiti."
    assert values(text)["June 2"] == "2024-06-02"
    assert values("Talks hosted by Qatar in March failed.")["March"] == "2023-03"


def test_the_next_year_joined_to_another_word_is_no_date() -> None:
    assert values("Patches ship for a month after the next year-month release.") == {}
    assert values("The deal collapsed the next year.")["next year"] is None


def test_a_stretch_after_the_story_s_day_measures_and_a_phone_number_is_no_year() -> None:
    assert values("She stayed for the next year or longer.") == {}
    assert values("Over the following month, prices fell.") == {}
    assert values("He was arrested on Feb. 3. The next day he fled.")["next day"] == "2024-02-04"
    assert values("Please call 0800 1971 329 for help.") == {}


def test_a_weekday_that_owns_a_holiday_is_the_holiday_s_day() -> None:
    text = "Official data is due on Thursday, delayed by Monday's Presidents Day holiday."
    found = values(text)
    assert (found["Thursday"], found["Monday"], found["Presidents Day"]) == ("2024-02-22", "2024-02-19", "2024-02-19")


def test_later_or_earlier_than_something_is_a_comparison() -> None:
    assert values("The data is due a day later than usual.") == {}
    assert values("He was arrested on Feb. 3. A day later he fled.")["A day later"] == "2024-02-04"


def test_an_edge_joined_by_a_hyphen_and_a_year_that_owns_a_quarter() -> None:
    assert values("The plant will open in late-2025.")["late-2025"] == "2025"
    assert values("Prices peaked in late-March.")["late-March"] == "2023-03"
    assert values("Sales in 2023's first quarter rose.")["first quarter"] == "2023"
    assert values("Sales in 2023's first quarter rose.", None)["first quarter"] == "2023"


def test_a_week_or_weekday_in_a_quotation_counts_from_the_day_it_was_said() -> None:
    assert values('"This week has been hard," she said last Friday.')["This week"] == "2024-W07"
    found = values('"We will strike on Friday," he said on Sunday, Feb. 11.')
    assert found["Friday"] == "2024-02-16"
    # with no day of saying given, the publication's week
    assert values('"This week has been hard," she said.')["This week"] == "2024-W08"
    # a day in a clause of its own is not when the words were said
    text = '"It was late on Tuesday," said King, who resigned on Feb. 9.'
    assert values(text)["Tuesday"] == "2024-02-20"


def test_the_coming_weekday_or_weekend_and_a_month_s_end() -> None:
    assert values("The vote is this coming Sunday.")["this coming Sunday"] == "2024-02-25"
    assert values("Crowds are expected over the coming weekend.")["coming weekend"] == "2024-W08"
    assert values("A decision is expected by month's end.")["month's end"] == "2024-02"
    assert values("The cut takes effect at month-end.")["month-end"] == "2024-02"
    # an adjective before a noun places nothing
    assert values("They paid month-end bonuses.") == {}


def test_the_first_or_last_days_weeks_or_months_of_a_year_or_month() -> None:
    assert values("The deal was struck in the last days of 2023.")["last days of 2023"] == "2023"
    assert values("Fighting eased in the first months of 2023.")["first months of 2023"] == "2023"
    assert values("In the first weeks of January, prices rose.")["first weeks of January"] == "2024-01"
    assert values("The jet was delivered in the first half of 2023.")["first half of 2023"] == "2023"
