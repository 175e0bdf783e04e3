"""What sets a date's tense stays in its own sentence, and a name is not a verb."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2020, 10, 2)


def values(text: str) -> list[str | None]:
    return [c.value for c in detect_dates(text, DetectContext(PUBLISHED))]


def test_a_caption_above_without_a_full_stop_lends_no_tense() -> None:
    text = "Students returned home (Wales Online)\n\nForecast for November 5 - foggy and frosty"
    assert values(text) == ["2020-11-05"]


def test_a_capitalised_past_form_in_a_name_is_not_a_past_tense() -> None:
    assert values("Met Office national forecast for November 5 - foggy") == ["2020-11-05"]
    assert values("A forecast from the Met Office for November 5") == ["2020-11-05"]


def test_a_past_verb_still_sets_the_tense() -> None:
    assert values("Ministers met on November 5 to discuss it.") == ["2019-11-05"]


def test_an_ed_adjective_after_a_determiner_is_not_a_past_tense() -> None:
    text = "Crowded Senate field set for March 3 primary as candidates brace for a packed spring"
    found = [c.value for c in detect_dates(text, DetectContext(date(2026, 1, 13)))]
    assert found[0] == "2026-03-03"


def test_a_day_a_thing_is_set_for_in_the_present_is_to_come() -> None:
    found = [c.value for c in detect_dates("The general election is Nov. 3.", DetectContext(date(2026, 1, 13)))]
    assert found == ["2026-11-03"]
    found = [c.value for c in detect_dates("The election was Nov. 3.", DetectContext(date(2026, 1, 13)))]
    assert found == ["2025-11-03"]
    found = [c.value for c in detect_dates("The likely dates are 16 February and mid-April.",
                                           DetectContext(date(2026, 12, 9)))]
    assert found == ["2027-02-16", "2027-04"]


def test_an_abbreviation_or_a_dated_dot_ends_no_sentence() -> None:
    text = "Ministers are due to meet at the U.S. air base in Ramstein, Germany, on Thursday to talk."
    found = [c.value for c in detect_dates(text, DetectContext(date(2025, 1, 6)))]
    assert found == ["2025-01-09"]


def test_a_verb_coordinated_after_the_span_does_not_set_its_tense() -> None:
    text = "Marchenko said Ukraine had imported record volumes in December and expected to keep buying."
    found = [c.value for c in detect_dates(text, DetectContext(date(2025, 1, 6)))]
    assert found == ["2024-12"]


def test_a_month_of_this_year_ends_the_year_a_paragraph_opened() -> None:
    text = ("In 2022, the video appeared with another claim, and it resurfaced in January of this year "
            "as footage of a strike. Reuters debunked a similar video in October.")
    found = [c.value for c in detect_dates(text, DetectContext(date(2024, 12, 3)))]
    assert found[-1] == "2024-10"
    # nor does a month told with its year carry its year months on
    text = ("In July 2022 it was shared with a claim, and it resurfaced in January of this year. "
            "Reuters debunked a similar video in October.")
    found = [c.value for c in detect_dates(text, DetectContext(date(2024, 12, 3)))]
    assert found[-1] == "2024-10"


def test_taking_office_on_a_day_is_a_timetable() -> None:
    text = "It is one of the last gatherings before the new U.S. administration takes office on Jan. 20."
    found = [c.value for c in detect_dates(text, DetectContext(date(2025, 1, 6)))]
    assert found == ["2025-01-20"]


def test_we_planned_is_a_past_not_a_plan_to_come() -> None:
    text = '"The year was harder than we planned for in the spring," the chief executive said.'
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 11, 21)))] == ["2024"]


def test_a_date_in_a_since_clause_is_no_story_date() -> None:
    text = ("The run began last November, when Harlow cut its guidance for the first time since Ferreira "
            "took over in February 2023. The company trimmed its forecast again in May.")
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 11, 21)))][-1] == "2024-05"


def test_the_half_a_text_comes_out_late_in_is_told_as_past_already() -> None:
    text = "The second half of the year was harder than the first."
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 11, 21)))][0] == "2024"
    # early in the half, a half told as past is the year before's
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 8, 2)))][0] == "2023"


def test_a_timeline_line_tells_no_tense_by_its_present() -> None:
    text = "Timeline\nNov. 19: A pause collapses after six hours.\nDec. 25: The water station stops pumping after its fuel runs out."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 2, 3)))] == ["2024-11-19", "2024-12-25"]


def test_a_quotation_s_tense_is_not_the_narrations() -> None:
    text = 'A Dec. 28 Facebook post shows a photo of him next to the text: "We will be in Pskov by summer."'
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 1, 3)))][0] == "2024-12-28"


def test_what_people_expect_before_a_day_is_to_come() -> None:
    text = "Party operatives said they expect at least two more announcements before Christmas."
    assert [c.value for c in detect_dates(text, DetectContext(date(2023, 12, 5)))] == ["2023-12-25"]


def test_a_capitalised_since_opening_a_sentence_still_tells_the_past() -> None:
    text = "Since October 7, more than 20,000 babies have been born in Gaza."
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 2, 12)))] == ["2023-10-07"]


def test_what_could_happen_by_a_day_is_to_come_and_what_could_not_is_past() -> None:
    assert values("Forecasters said a second low could bring more rain by November 5.") == ["2020-11-05"]
    assert values("The minister could not attend on September 25.") == ["2020-09-25"]
    assert values("The minister could have attended on November 5.") == ["2019-11-05"]


def test_a_where_clause_keeps_its_own_tense() -> None:
    text = ("The UK could see rates as high as in American universities, where by 25 September "
            "1,300 colleges had reported cases.")
    assert values(text) == ["2020-09-25"]


def test_a_participle_just_before_a_deadline_tells_no_tense() -> None:
    text = "Markets price three rate cuts next year, with the first fully priced by March."
    assert [c.value for c in detect_dates(text, DetectContext(date(2023, 12, 29)))] == ["2024", "2024-03"]
    assert values("The merger was completed by March.") == ["2020-03"]
    text = "The first cut is now fully priced only by June."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 2, 7)))] == ["2025-06"]


def test_a_relative_clause_set_off_by_commas_tells_no_tense_to_the_date_after_it() -> None:
    text = ("The mayor is expected to name a successor to Chief Hale, who retired in October after "
            "31 years, by the end of January.")
    assert [c.value for c in detect_dates(text, DetectContext(date(2023, 12, 29)))][-1] == "2024-01"
    assert values("Chief Hale, who joined in 1990, retired on September 3.")[-1] == "2020-09-03"


def test_the_day_a_thing_is_put_off_to_is_to_come() -> None:
    text = ("The council on Tuesday postponed a vote on the rate increase until Oct. 7, after two members "
            "said they had not received the study.")
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 9, 18)))][-1] == "2025-10-07"
    assert values("The judge adjourned the hearing to Oct. 7.") == ["2020-10-07"]
    assert values("The judge adjourned the hearing on Sept. 7.") == ["2020-09-07"]


def test_what_was_planned_over_a_season_was_planned_then_and_what_was_scheduled_for_a_day_is_to_come() -> None:
    assert values("The crossing was planned over the summer, officers said.") == ["2020"]
    assert values("The vote was scheduled for Oct. 7.") == ["2020-10-07"]


def test_the_day_a_warning_is_issued_for_is_to_come() -> None:
    text = "Yellow warnings for rain have been issued for Wednesday and Thursday."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 2, 14)))] == ["2025-02-19", "2025-02-20"]
    text = "Officials warned that Russia was stockpiling missiles for an attack timed to New Year's Eve."
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 12, 19)))] == ["2024-12-31"]
    text = "The warning issued on Wednesday was lifted."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 2, 14)))] == ["2025-02-12"]


def test_a_months_figures_are_of_a_month_gone_whatever_the_tense() -> None:
    text = "The February estimate will be revised when the department releases new data."
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 3, 22)))] == ["2024-02"]
    text = "Looking ahead, the consumer price index for January, due on Wednesday, will be watched."
    assert {c.text: c.value for c in detect_dates(text, DetectContext(date(2025, 2, 7)))}["January"] == "2025-01"
    text = "The February vote will be held after the recess."
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 3, 22)))] == ["2025-02"]


def test_a_date_that_is_the_subject_of_a_present_progressive_is_the_present_one() -> None:
    text = '"February is running ahead of plan, but we are not going to build a year on it," she said.'
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 3, 5)))] == ["2024-02"]
    assert values("Leaders are meeting on November 5.") == ["2020-11-05"]


def test_a_timelines_entries_take_the_tense_of_the_line_that_introduces_it() -> None:
    text = ("A timeline compiled by doctors shows how quickly the system came apart:\n\n"
            "Oct. 17: The maternity unit stops admitting patients.\nNov. 11: The hospital is evacuated.")
    assert [c.value for c in detect_dates(text, DetectContext(date(2024, 3, 8)))] == ["2023-10-17", "2023-11-11"]
    text = ("How the race has unfolded:\n\nOct. 17, 2023: She launches her campaign.\n"
            "April 15: First-quarter reports due.\nJuly 15: Second-quarter reports due.")
    assert {c.text: c.value for c in detect_dates(text, DetectContext(date(2024, 4, 16)))}["July 15"] == "2024-07-15"


def test_a_whole_quotation_between_a_verb_and_a_date_leaves_both_in_the_narration() -> None:
    text = 'She said Germany would deliver "every barrel we promised in 2022" before Christmas.'
    assert {c.text: c.value for c in detect_dates(text, DetectContext(date(2024, 4, 13)))}["Christmas"] == "2024-12-25"


def test_planned_after_a_past_verb_is_an_adjective_not_a_timetable() -> None:
    text = "Washington paused planned duties on Canadian goods for 30 days late on Monday."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 2, 7)))] == ["2025-02-03"]
    text = "The planned strike on Monday will shut the network."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 2, 7)))] == ["2025-02-10"]


def test_a_deadline_someone_has_or_had_until_is_to_come() -> None:
    text = "The MP who organised the letter said the Government had until Friday to offer concessions."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 1, 16)))] == ["2025-01-17"]
    text = "The firm has until Monday to respond."
    assert [c.value for c in detect_dates(text, DetectContext(date(2025, 1, 16)))] == ["2025-01-20"]


def test_followed_by_lists_what_comes_next_and_tells_no_past() -> None:
    text = "Nebraska and West Virginia vote on Oct. 14, followed by Georgia and Oregon on Oct. 21."
    assert values(text)[-1] == "2020-10-21"


def test_the_last_of_a_series_tells_no_past() -> None:
    text = '"We will review everything after the last primary in November," he said.'
    assert values(text) == ["2020-11"]


def test_between_now_and_a_month_is_a_span_ahead() -> None:
    assert values("The party has endorsed in 31 more races between now and December.") == ["2020-12"]


def test_ahead_of_the_named_day_is_to_come() -> None:
    text = "She has made the figure the centrepiece of her campaign ahead of the Oct. 19 primary."
    assert values(text) == ["2020-10-19"]


def test_what_remains_open_until_a_day_and_what_comes_ahead_of_a_meeting_are_to_come() -> None:
    assert values("The window remains open until October 20, and the coach admitted he could lose players.") == [
        "2020-10-20"]
    assert values("Parents made a final appeal ahead of a meeting on Oct. 15.") == ["2020-10-15"]
    assert values('"Let\'s see him on Oct. 10," said a fan.') == ["2020-10-10"]


def test_a_titles_dot_does_not_end_the_sentence_that_tells_the_tense() -> None:
    text = ("The logs show that on Dec. 23, the garrison commander, Col. Teodor Hallik, filed a written "
            "request for two more companies.")
    assert values(text) == ["2019-12-23"]


def test_since_before_another_date_tells_no_past_of_a_deadline() -> None:
    assert values("The agency said it must provide a record of inspections since 2019 by Oct. 31.") == [
        "2019", "2020-10-31"]
