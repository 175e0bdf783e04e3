"""How long a story's own year holds, and a day named twice.

A reviewer reads "She returned on December 27" a few sentences after "fitted on December
16, 2010" as 2010's December 27, not the one before publication; and "the Oscars on Feb. 9"
is the same day each time the text names it.
"""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates


def values(text: str, published: date) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]


FITTING = ("The boiler was fitted on December 16, 2010. She had flown to New York the day before. "
           "Her sister stayed at home. The flat stayed cold. Nobody noticed the fumes. "
           "She came back a week later to spend Christmas with her family. "
           "She returned to the flat on December 27.")


def test_a_day_without_a_year_a_few_sentences_after_a_dated_one_stays_in_its_year() -> None:
    found = dict(values(FITTING, date(2012, 4, 17)))
    assert found["Christmas"] == "2010-12-25"
    assert found["December 27"] == "2010-12-27"


def test_the_present_named_in_between_ends_the_story_year() -> None:
    text = ("The treaty was signed on February 26, 2017. Officials praised it. "
            "Last year the deal collapsed. Talks resumed on March 3.")
    assert dict(values(text, date(2024, 5, 10)))["March 3"] == "2024-03-03"
    without_the_present = text.replace("Last year the", "Then the")
    assert dict(values(without_the_present, date(2024, 5, 10)))["March 3"] == "2017-03-03"


def test_a_story_year_does_not_hold_through_a_long_stretch_of_text() -> None:
    filler = " ".join(f"Witness {n} spoke to the court." for n in range(1, 12))
    text = f"The boiler was fitted on December 16, 2010. {filler} She returned on December 27."
    assert dict(values(text, date(2012, 4, 17)))["December 27"] == "2011-12-27"


def test_a_day_named_again_is_the_day_it_was_placed_on_first() -> None:
    text = ("No one could predict what might happen at the Oscars on Feb. 9, the director said. "
            "Several of the contenders at the Oscars on Feb. 9 were not nominated here.")
    assert values(text, date(2020, 1, 19)) == [("Feb. 9", "2020-02-09"), ("Feb. 9", "2020-02-09")]


def test_a_day_named_again_takes_the_year_written_with_it_before() -> None:
    filler = " ".join(f"Witness {n} spoke to the court." for n in range(1, 12))
    text = f"Morales sent an email on December 12, 2017. {filler} The December 12 email named targets."
    assert values(text, date(2020, 5, 14))[-1] == ("December 12", "2017-12-12")


def test_another_year_in_between_ends_the_story_year() -> None:
    text = ("The last strike began on Oct. 2, 1998. Service was cut again in 2011. "
            "An earlier version gave the vote's date as Nov. 4.")
    assert values(text, date(2024, 12, 11))[-1] == ("Nov. 4", "2024-11-04")


def test_a_gap_set_beside_a_day_restates_that_day() -> None:
    text = "The boat sank in 1987. Last Tuesday, 37 years later, the pair finally sat down together."
    assert values(text, date(2024, 2, 11))[-1] == ("37 years later", "2024")
    assert values("He left in 1987. Two years later, he returned.", date(2024, 2, 11))[-1] == ("Two years later", "1989")


def test_a_story_told_on_since_its_date_keeps_its_year_near_publication_too() -> None:
    text = ("The scheme began on Jan. 9, 2023, with an email. Two days later, he replied with a quote. "
            "A second consignment followed on Feb. 24.")
    assert values(text, date(2025, 3, 14))[-1] == ("Feb. 24", "2023-02-24")
    # told on at once, with nothing of the story between, the publication's time stands
    text = "The video was filmed on Feb. 3, 2022. It resurfaced on Feb. 12."
    assert values(text, date(2024, 2, 20))[-1] == ("Feb. 12", "2024-02-12")


def test_dates_listed_together_share_a_year() -> None:
    text = ("A large motor was ground-tested on 15 December 2022. The first flight came on 12 February, "
            "with further flights on 7 May and on 19 August.")
    assert values(text, date(2024, 12, 9))[-2:] == [("7 May", "2023-05-07"), ("19 August", "2023-08-19")]
    text = "It will hold an investor day in New York on Feb. 11 and its annual meeting in March."
    assert values(text, date(2024, 11, 21)) == [("Feb. 11", "2025-02-11"), ("March", "2025-03")]


def test_a_season_told_in_the_past_of_a_dated_story_is_the_storys() -> None:
    text = ("A glide-vehicle flight followed on 5 January 2022. Officials initially dismissed it. "
            "By the spring, the Joint Chiefs had revised their assessment.")
    assert values(text, date(2024, 12, 9))[-1] == ("spring", "2022")


def test_the_present_named_as_an_aside_in_the_story_sentence_keeps_the_story_year() -> None:
    text = ("The scheme began on Jan. 9, 2023. Two days later he replied with a quote. "
            "A second consignment followed on Feb. 24, a date the prosecutor called fitting last month. "
            "The scheme unravelled on the evening of March 2.")
    found = dict(values(text, date(2025, 3, 14)))
    assert found["last month"] == "2025-02"
    assert found["March 2"] == "2023-03-02"


def test_a_day_just_before_the_dated_one_stays_in_the_storys_year() -> None:
    text = ("The clip matches a video uploaded on Aug. 23, 2019. A local paper reported that a water "
            "main had flooded the terminal on the evening of Aug. 22. The gates reopened two days later.")
    found = dict(values(text, date(2024, 1, 9)))
    assert found["Aug. 22"] == "2019-08-22"
    assert found["two days later"] == "2019-08-24"


def test_this_holiday_is_the_present_ones_even_inside_a_dated_story() -> None:
    text = ("On Nov. 20, 2022, a fact-check rated false a post about holiday travelers. "
            "Two days later it was shared again.\n\n"
            "So what happened this Thanksgiving?\n\nTrains were delayed on Nov. 22.")
    found = dict(values(text, date(2023, 12, 14)))
    assert found["Thanksgiving"] == "2023-11-23"
    assert found["Nov. 22"] == "2023-11-22"


def test_a_later_month_told_in_the_past_stays_in_the_storys_year() -> None:
    text = ("On March 9, 2022, the army tested the missile for the first time; two days later it fired a "
            "second round. By December, the country had conducted eleven tests that year.")
    found = dict(values(text, date(2025, 1, 13)))
    assert found["December"] == "2022-12"
    assert found["that year"] == "2022"


def test_a_later_month_of_the_storys_year_is_never_after_publication_when_told_in_the_past() -> None:
    text = ("On Feb. 1, 2025, the station ran out of fuel. Two days later it stopped pumping. "
            "Its last delivery had come on Dec. 25.")
    assert dict(values(text, date(2025, 2, 5)))["Dec. 25"] == "2024-12-25"


def test_a_month_coordinated_after_a_dated_month_follows_it() -> None:
    text = "The team posted a preprint in November 2023 and had it accepted in March after review."
    assert dict(values(text, date(2024, 6, 12)))["March"] == "2024-03"
    # not after publication
    assert dict(values(text, date(2024, 1, 12)))["March"] == "2023-03"


def test_a_quarter_in_the_sentence_of_a_written_year_is_that_years() -> None:
    text = "Much of the 2024 decline came in the first quarter, the police said."
    assert dict(values(text, date(2026, 1, 8)))["first quarter"] == "2024"
    # but not a year at an edge, nor one told in the future
    text = "Sales have fallen since 2019, and they fell again in the first quarter."
    assert dict(values(text, date(2026, 1, 8)))["first quarter"] == "2025"
    text = "After a weak 2024, a decision is expected in the second quarter."
    assert dict(values(text, date(2026, 1, 8)))["second quarter"] == "2026"


def test_a_year_in_a_relative_clause_frames_only_that_clause() -> None:
    text = ("Head coach Marta Solberg, who was hired in August 2022, said the turnaround began after "
            "a loss on the Fourth of July.")
    assert values(text, date(2024, 12, 8))[-1] == ("Fourth of July", "2024-07-04")


def test_a_year_outside_a_relative_clause_still_frames_its_sentence() -> None:
    text = "In August 2022 the coach, who had just arrived, lost heavily on the Fourth of July."
    assert values(text, date(2024, 12, 8))[-1] == ("Fourth of July", "2022-07-04")


def test_a_year_in_one_reported_clause_does_not_frame_the_next() -> None:
    text = ('The ministry said the ceremony would now take place "in the first half of 2022" and that '
            "the crew would continue training ashore over Christmas.")
    assert values(text, date(2021, 11, 3))[-1] == ("Christmas", "2021-12-25")


DIARY = ("By that November, the bridgehead had shrunk to a row of cellars. A medic kept a diary. "
         'On Nov. 8 she wrote that the wounded were waiting "two, three days" for evacuation. '
         'On Nov. 14: "No boat tonight. No boat last night."')


def test_a_day_told_after_a_story_day_in_its_paragraph_keeps_its_year() -> None:
    found = values(DIARY, date(2025, 3, 11))
    assert ("Nov. 14", "2024-11-14") in found
    assert ("tonight", "2024-11-14") in found and ("last night", "2024-11-13") in found


def test_a_day_near_publication_is_not_pulled_into_a_story() -> None:
    text = "The ship sailed on Nov. 8, 2023. It returned on Nov. 14."
    assert values(text, date(2023, 11, 20))[-1] == ("Nov. 14", "2023-11-14")


def test_a_week_told_after_a_story_day_is_placed_without_failing() -> None:
    text = ("The ward's register opens on Oct. 2, 2023, with a column headed notes. Until October, the "
            "notes were about birth weights. By the first week of November, they were about fuel.")
    assert values(text, date(2024, 1, 16))[-1] == ("first week of November", "2023-W44")


def test_a_future_told_from_a_story_day_long_past_stays_in_the_story() -> None:
    text = ("The plan was approved at a staff meeting on Sept. 12. Two companies would cross the river "
            "on the night of Oct. 16 and hold the far bank.")
    assert values(text, date(2024, 3, 23))[-1] == ("Oct. 16", "2023-10-16")


def test_a_future_told_from_the_present_is_still_to_come() -> None:
    text = "The plan was approved at a staff meeting on Sept. 12. Two companies will cross on Oct. 16."
    assert values(text, date(2024, 3, 23))[-1] == ("Oct. 16", "2024-10-16")


def test_a_month_of_that_year_is_in_the_year_the_story_is_in() -> None:
    text = "Everything changed in 2014. After the annexation of Crimea in March of that year, orders came."
    assert values(text, date(2021, 6, 7))[-1] == ("March of that year", "2014-03")


def test_months_that_spell_out_a_year_just_given_are_of_that_year() -> None:
    text = ("Emissions rose by 2%. Unusually cold weather in early 2018, with January and February well "
            "below normal, drove up heating demand.")
    assert values(text, date(2019, 11, 22))[-2:] == [("January", "2018-01"), ("February", "2018-02")]


def test_a_past_counted_back_from_a_day_to_come_counts_from_the_reporting() -> None:
    text = ("Traders look to the group's meeting on Dec. 1. Brent was down 64 cents, "
            "after rising 1.2% in the previous session.")
    assert values(text, date(2026, 11, 23))[-1] == ("previous session", "2026-11-20")


def test_a_when_clause_after_a_year_is_in_that_year() -> None:
    text = ("Brent remains far below the levels of 2022, when the invasion of Ukraine pushed it above $139 "
            "in March.")
    assert values(text, date(2026, 11, 23))[-1] == ("March", "2022-03")


def test_a_year_earlier_compares_with_the_quarter_whose_results_are_told() -> None:
    text = ("Nordhaven reports fourth-quarter results next week, on Wednesday. Analysts expect its "
            "quarterly profit to fall about 30% from a year earlier.")
    assert values(text, date(2025, 2, 7))[-1] == ("a year earlier", "2023")


def test_a_year_earlier_after_a_month_of_its_own_sentence_counts_from_that_month() -> None:
    text = ("Output will stay flat through the first quarter of 2027. Imports in October fell 4% from "
            "a year earlier.")
    assert values(text, date(2026, 11, 23))[-1] == ("a year earlier", "2025")


def test_the_same_month_last_year_is_the_months_a_year_back() -> None:
    text = "In January the ward registered 461 births, compared with 1,034 in the same month last year."
    assert values(text, date(2025, 4, 14)) == [("January", "2025-01"), ("same month last year", "2024-01")]
    text = "Deaths rose to 1,500 in July, compared with 1,104 in the same period last year."
    assert values(text, date(2019, 8, 14))[-1] == ("same period last year", "2018-07")


def test_the_same_period_last_year_does_not_move_the_story_a_year_back() -> None:
    text = ("Emissions in the third quarter of 2019 were 2% above the same period last year, driven by a "
            "hot July.")
    assert values(text, date(2019, 11, 22))[-1] == ("July", "2019-07")


def test_a_quarter_in_a_timeline_entry_is_of_its_entrys_year() -> None:
    text = ("How the money race has unfolded:\n\nOct. 17, 2023: Hale launches her campaign.\n"
            "March 31: First-quarter fundraising period closes.\nApril 15: First-quarter reports due.\n")
    found = values(text, date(2024, 4, 16))
    assert found[-2:] == [("April 15", "2024-04-15"), ("First-quarter", "2024")]


def test_months_listed_before_a_written_year_are_that_years() -> None:
    text = "Several states pushed their spring primaries into June, July or August 2020."
    assert values(text, date(2022, 5, 25)) == [("June", "2020-06"), ("July", "2020-07"), ("August 2020", "2020-08")]
    text = "The ban was lifted in June and reimposed in August 2020."
    assert values(text, date(2022, 5, 25))[0] == ("June", "2021-06")  # not a list: a clause of its own


def test_a_day_of_that_year_is_in_the_year_the_story_is_in() -> None:
    text = "The first intercept came in late 2019. In a test on November 14 of that year, it failed."
    assert values(text, date(2026, 1, 27))[1:] == [("November 14", "2019-11-14"), ("that year", "2019")]


def test_a_year_in_a_since_clause_does_not_date_the_quarter_after_it() -> None:
    text = ("Shares fell 14 percent on Thursday, their steepest drop since the company went public in 2014, "
            "after it reported weaker third-quarter sales.")
    assert values(text, date(2019, 11, 7))[-1] == ("third-quarter", "2019")


def test_a_corrections_day_is_the_reportings_not_the_storys() -> None:
    text = ("The video was filmed on September 18, 2019, during an exercise, and first uploaded that day.\n\n"
            "Correction, October 17: An earlier version of this article misstated the exercise's end.")
    assert values(text, date(2024, 10, 17))[-1] == ("October 17", "2024-10-17")


def test_a_day_later_in_the_sentence_of_a_dated_day_keeps_its_year() -> None:
    text = ("Prosecutors said she began moving funds on Jan. 9, 2018, less than a month after the county "
            "received the grant, and made the last transfer on Oct. 22.")
    assert values(text, date(2024, 3, 14))[-1] == ("Oct. 22", "2018-10-22")


def test_a_sentence_that_goes_on_to_this_year_leaves_the_year_it_began_in() -> None:
    text = ("Another version resurfaced in the autumn of 2022 and again early this year, during the "
            "protests over the draft law in early March.")
    assert values(text, date(2023, 7, 17))[-1] == ("early March", "2023-03")


def test_the_same_period_last_year_after_another_years_date_is_last_year() -> None:
    text = ("Passenger numbers have not recovered since 2019. The airline carried 24 million passengers "
            "in the quarter, up 7% from the same period last year.")
    assert values(text, date(2024, 7, 25))[-1] == ("same period last year", "2023")
