"""Dates a text places against its own story rather than against the publication date.

A phrase that counts from a named event ("a day before the merger"), a month or weekday
without a year, and "yesterday" inside a quoted post all depend on where the story is
in time; the publication date is the answer only when the text gives nothing nearer.
"""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2024, 2, 20)  # a Tuesday


def values(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    return {c.text: c.value for c in detect_dates(text, DetectContext(published))}


def test_a_gap_before_an_event_set_beside_a_date_is_that_date() -> None:
    found = values("The shell company was registered on Nov. 3, a day before the merger.")
    assert found["a day before the merger"] == "2023-11-03"
    found = values("The files moved at dawn on Jan. 12 — about six hours before the raid began.")
    assert found["about six hours before the raid"] == "2024-01-12"


def test_a_gap_finer_than_the_year_the_sentence_gave_stays_in_that_year() -> None:
    found = values("In 2005, the mayor quit just two weeks before the ballot in his town.")
    assert found["two weeks before the ballot"] == "2005"


def test_a_gap_from_an_event_with_no_date_in_its_sentence_stays_unresolved() -> None:
    found = values("Trading resumed on March 3, 2023. The bank failed two days after the audit.")
    assert found["two days after the audit"] is None
    # a gap as long as the period the sentence gave may leave it: no guess
    found = values("In 2005, the mayor quit two years before the ballot.")
    assert found["two years before the ballot"] is None


def test_a_month_without_a_year_takes_the_year_its_sentence_gave() -> None:
    found = values("After a quiet winter of 2009, the firm hired again in mid-June and grew.")
    assert found["mid-June"] == "2009-06"
    # with no year in its sentence, the publication date still places it
    found = values("The firm was founded in 2009. It hired again in mid-June.")
    assert found["mid-June"] == "2023-06"


def test_a_bare_weekday_after_a_day_given_with_its_weekday_falls_in_that_week() -> None:
    text = ("Staff heard the news on Jan. 10, a Wednesday. "
            "\u201cI first learnt of it late Monday night,\u201d the deputy said.")
    assert values(text)["late Monday night"] == "2024-01-08"


def test_a_bare_weekday_after_an_old_date_without_its_weekday_counts_from_publication() -> None:
    text = "The treaty was signed on January 9, 2024. The minister spoke about it on Tuesday."
    assert values(text)["Tuesday"] == "2024-02-20"


def test_yesterday_in_a_quoted_post_is_not_the_day_before_publication() -> None:
    found = values("\u201cYesterday the depot burned to the ground,\u201d the post reads.")
    assert found["Yesterday"] is None
    found = values("\u201cThey shelled the port yesterday,\u201d she tweeted.")
    assert found["yesterday"] is None
    # spoken words reported on the day keep the publication date
    found = values("\u201cThey shelled the port yesterday,\u201d the mayor said.")
    assert found["yesterday"] == "2024-02-19"


def test_a_year_that_only_bounds_a_stretch_does_not_date_a_later_month() -> None:
    found = values("No ferry had sunk here since 2013, and the last scare was in November.")
    assert found["November"] == "2023-11"


def test_a_month_followed_by_next_or_last_year_falls_in_that_year() -> None:
    # published in February 2024: the nearest April would be 2024's; the year named after a
    # month is part of its date, as in "the summer of 2004"
    assert values("The drill will begin in April next year.")["April next year"] == "2025-04"
    assert values("The depot opened on March 3 of last year.")["March 3 of last year"] == "2023-03-03"
    assert values("The depot will open in April.")["April"] == "2024-04"


def test_a_relative_day_in_a_quotation_counts_from_the_day_it_was_said() -> None:
    # published on Tuesday 2024-02-20; the words were said on Sunday the 18th
    found = values("\u201cWe will hold the line tomorrow,\u201d the commander said on Sunday.")
    assert found["tomorrow"] == "2024-02-19"
    found = values("\u201cThe depot burned yesterday,\u201d she wrote in a post on Feb. 12.")
    assert found["yesterday"] == "2024-02-11"
    # a day named inside the quotation itself is no attribution
    found = values("\u201cOn Friday we lost power, and today it is back,\u201d he said.")
    assert found["today"] == "2024-02-20"


def test_the_previous_session_of_a_monday_is_the_friday_before() -> None:
    found = values("Stocks fell on Monday, Feb. 19, after gains in the previous session.")
    assert found["previous session"] == "2024-02-16"
    found = values("Stocks rose on Friday, Feb. 16, and slid in the next session.")
    assert found["next session"] == "2024-02-19"


def test_last_june_counts_from_publication_whatever_year_the_sentence_gave() -> None:
    found = values("The ban was introduced in March 2022 and lifted last June.")
    assert found["last June"] == "2023-06"
    assert values("The ban was introduced in March 2022 and lifted in June.")["June"] == "2022-06"


def test_a_quarter_whose_results_are_reported_has_ended() -> None:
    # published in February: the fourth quarter reported is last year's, even in the future tense
    found = values("The bank will report fourth-quarter earnings on Thursday.")
    assert found["fourth-quarter"] == "2023"
    assert values("Fourth-quarter profit rose 10%.")["Fourth-quarter"] == "2023"
    assert values("The bank expects growth in the fourth quarter.")["fourth quarter"] == "2024"


def test_a_capitalised_word_ending_in_ed_is_no_past_tense() -> None:
    # "the Fed" does not make a coming meeting a past one
    assert values("The Fed meets on March 19-20.")["March 19-20"] == "2024-03"
    assert values("Ministers need a decision by March 28.")["March 28"] == "2024-03-28"


def test_a_year_in_passing_does_not_date_a_month_later_in_its_sentence() -> None:
    found = values("The company, founded in 2009, said in January that it would expand.")
    assert found["January"] == "2024-01"
    found = values("In 2009, the company expanded in January and shrank in June.")
    assert (found["January"], found["June"]) == ("2009-01", "2009-06")


def test_a_gap_before_an_event_dated_right_after_it_counts_from_that_day() -> None:
    assert values("The bid was filed a day before the Jan. 15 deadline.")["a day before"] == "2024-01-14"
    found = values("Three weeks before the referendum on Sept. 18, polls tightened.")
    assert found["Three weeks before the referendum"] == "2023-W35"  # the week of Aug. 28


def test_a_gap_before_an_event_the_text_dates_elsewhere_counts_from_that_day() -> None:
    text = ("The mayor quit 36 hours before the nomination deadline in the county. "
            "Candidates had until noon on Feb. 9 to file; the nomination deadline at noon on Feb. 9 passed quietly.")
    assert values(text)["36 hours before the nomination deadline"] == "2024-02-08"
    text = "The ballot was held on Feb. 4. Two days after the ballot, the count began."
    assert values(text)["Two days after the ballot"] == "2024-02-06"


def test_an_event_the_text_dates_twice_differently_is_left_open() -> None:
    text = ("The first summit was on Feb. 2 and the second summit on Feb. 9. "
            "A day before the summit, the ministers met.")
    assert values(text)["A day before the summit"] is None


def test_a_month_opening_a_sentence_after_its_preposition_is_a_date() -> None:
    assert values("In May, the army retreated.")["May"] == "2023-05"
    assert values("In the spring, talks resumed.")["spring"] == "2023"


def test_a_yearless_date_just_after_a_dated_one_is_placed_near_it() -> None:
    found = values("The video was filmed on Dec. 3, 2021, in the east. On Dec. 5, shelling resumed.")
    assert found["Dec. 5"] == "2021-12-05"
    # carried on: each month follows the story, not the publication date
    found = values("The army crossed the border in August 2021. By September, it had stalled. "
                   "It withdrew in October.")
    assert found["September"] == "2021-09"
    assert found["October"] == "2021-10"


def test_a_yearless_date_far_from_the_story_or_near_publication_keeps_the_publication_year() -> None:
    # months away from the dated day: the story has moved on
    found = values("The video was filmed on May 3, 2021. It went viral on Oct. 2.")
    assert found["Oct. 2"] == "2023-10-02"
    # within a month of publication: the publication's own time
    found = values("The video was filmed on Feb. 3, 2022. It resurfaced on Feb. 12.")
    assert found["Feb. 12"] == "2024-02-12"
    # a year in passing sets no story date
    found = values("The company was founded in 2009. In January, it hired a new chief.")
    assert found["January"] == "2024-01"


def test_the_following_or_previous_weekday_counts_from_the_story_day() -> None:
    found = values("He was arrested on March 3, 2021. The following Monday he was freed.")
    assert found["following Monday"] == "2021-03-08"
    found = values("He was freed on Friday, March 5, 2021. The previous Monday he had been arrested.")
    assert found["previous Monday"] == "2021-03-01"
    # with no day given, the next such weekday after publication
    assert values("The vote is set for the following Monday.")["following Monday"] == "2024-02-26"


def test_a_yearless_date_before_the_story_date_keeps_the_publication_year() -> None:
    found = values("Drones used in November 2021 were made abroad. An Oct. 13 report said so.")
    assert found["Oct. 13"] == "2023-10-13"


def test_a_quarters_revenue_in_its_own_first_month_is_this_quarters() -> None:
    # in October the fourth quarter has just begun: its revenue is a forecast, not last year's
    found = {c.text: c.value for c in detect_dates(
        '"Our base case is a hit of 1% to 2% to fourth-quarter revenue," said the analyst.',
        DetectContext(date(2025, 10, 15)))}
    assert found["fourth-quarter"] == "2025"
