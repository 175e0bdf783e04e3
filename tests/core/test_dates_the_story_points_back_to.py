"""Dates that point back at the story's own: "that same day", "the 10th of that month",
"the week prior"."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2020, 5, 14)


def values(text: str, published: date = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]


def test_that_same_day_is_the_day_the_story_last_gave() -> None:
    text = "On April 11, 2019, police raided the embassy. That same day, he was charged."
    assert values(text)[-1] == ("That same day", "2019-04-11")
    assert values("The raid came on March 3, 2019, and the arrest on the same day.")[-1] == ("same day", "2019-03-03")


def test_the_nth_of_that_month_is_a_day_of_the_month_the_story_is_in() -> None:
    text = ("In December 2017, he was summoned to Las Vegas. He met his team twice and flew home. "
            "The plan was drawn up in secret. On the 10th of that month, he sent the emails.")
    assert values(text)[-1] == ("10th of that month", "2017-12-10")


def test_that_month_is_the_month_the_story_is_in() -> None:
    assert values("Talks began in June 2021. In that month, prices rose.")[-1] == ("that month", "2021-06")


def test_that_day_with_no_day_in_the_story_is_not_proposed() -> None:
    assert values("That day will come, she said.") == []


def test_the_week_prior_is_the_week_before_the_storys_week() -> None:
    text = "Cases rose to 20.4 this week, up from 15.6 in the week prior."
    assert values(text, date(2020, 10, 1)) == [("this week", "2020-W40"), ("week prior", "2020-W39")]
    assert values("Cases rose in the week prior to the vote.", date(2020, 10, 1)) == []


def test_that_season_that_year_and_that_march_take_the_storys_year() -> None:
    assert values("He was arrested in June 2023 and released on bond that summer.")[-1] == ("that summer", "2023")
    assert values("The siege began in April 1992. Photos from that first winter survive.")[-1] == (
        "that first winter", "1992")
    assert values("He was rescued on 23 January 1987. She wrote to him that March.")[-1] == ("that March", "1987-03")


def test_the_end_of_that_month_is_the_month_the_story_is_in() -> None:
    text = "The scheme began on Jan. 9, 2023. By the end of that month, the first shipment had left."
    assert values(text)[-1] == ("end of that month", "2023-01")


def test_the_that_of_a_clause_is_no_time() -> None:
    assert values("Spring came early in 2023. She said that spring is her favourite season.") == [
        ("2023", "2023")]
    assert values("The medal came on Dec. 12, 2023. She said that day: it was hers.")[-1] == ("that day", "2023-12-12")


SECTIONS = ("Five days at the garrison\n\n"
            "Sunday, Aug. 27\n\n"
            "The fighters had cut the road two days earlier, a driver turned back that Friday said. "
            "The garrison was not warned. By noon on Sunday, the wall had been breached.\n\n"
            "Tuesday, Aug. 29\n\n"
            "Help came in the form of a single drone strike. Residents hid in their homes. "
            "Videos posted by the attackers on Tuesday afternoon show fighters in the market. "
            "Two soldiers who tried to reach a well that night were killed.\n\n"
            "The army returned in January. Officials said on Wednesday that the town was secure.")


def test_a_weekday_under_a_heading_day_falls_in_the_headings_week() -> None:
    found = values(SECTIONS, date(2024, 3, 17))
    assert ("Sunday", "2023-08-27") in found
    assert ("Tuesday afternoon", "2023-08-29") in found
    assert ("that night", "2023-08-29") in found
    assert ("Wednesday", "2024-03-13") in found  # after the sections: the reporting week


def test_the_following_weekday_counts_from_the_day_just_listed() -> None:
    text = ('"We play on New Year\'s Day, then again on Saturday, then it\'s the cup the following Tuesday," '
            "the manager said on Sunday evening.")
    found = values(text, date(2024, 12, 30))
    assert ("Saturday", "2025-01-04") in found
    assert ("following Tuesday", "2025-01-07") in found


def test_the_previous_year_counts_from_the_year_its_sentence_wrote_out() -> None:
    text = ("Provisional figures for 2025, released by the department on Friday, show burglaries "
            "roughly flat compared with the previous year.")
    assert values(text, date(2026, 1, 8))[-1] == ("previous year", "2024")


def test_the_week_a_weekday_falls_in_is_the_week_of_the_day_given_with_its_weekday() -> None:
    text = ("Friday, July 28: Last votes before the House leaves until Sept. 12.\n\n"
            "The Senate returns Tuesday and stays through Aug. 4.")
    assert ("Tuesday", "2023-07-25") in values(text, date(2023, 7, 24))


def test_that_year_frames_the_parts_of_a_year_its_sentence_names() -> None:
    text = ("The army resumed testing in March 2022. It fired 40 missiles that year, more than half of "
            "them in the third quarter and in a burst between late September and early November.")
    found = dict(values(text, date(2023, 11, 2)))
    assert found["third quarter"] == "2022"
    assert found["late September"] == "2022-09"
    assert found["early November"] == "2022-11"
