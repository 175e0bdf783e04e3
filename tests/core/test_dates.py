"""Date claims: spans by the claim guidelines, values resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

TUESDAY = date(2024, 2, 20)  # the demo article's publication day, ISO week 8


def dates(text: str, published: date | None = TUESDAY) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It happened on January 29, 2024, in St. Petersburg.", ("January 29, 2024", "2024-01-29")),
        ("The ISO form 2022-02-24 is used.", ("2022-02-24", "2022-02-24")),
        ("The invasion began in February 2022.", ("February 2022", "2022-02")),
        ("Elections were held in 2022.", ("2022", "2022")),
        ("It is the largest since the 1990s.", ("1990s", "199X")),
        ("It was built in the early 1990s.", ("early 1990s", "199X")),
        ("It was popular in the '90s.", ("'90s", "199X")),
        ("He met them on 5 May 2023.", ("5 May 2023", "2023-05-05")),
        ("The 1967 Six-Day War changed borders.", ("1967", "1967")),
        ("The September 11, 2001 attacks.", ("September 11, 2001", "2001-09-11")),
        ("Profits fell in fiscal year 2022.", ("fiscal year 2022", "2022")),
        ("The funds cover the 2023 fiscal year.", ("2023 fiscal year", "2023")),
        ("Sales fell in Q3 2024.", ("Q3 2024", "2024")),
        ("Sales fell in the third quarter of 2023.", ("third quarter of 2023", "2023")),
        ("It rained in summer 2023.", ("summer 2023", "2023")),
        ("Prices will peak by the end of 2025.", ("end of 2025", "2025")),
        ("Prices rose in mid-2022.", ("mid-2022", "2022")),
    ],
)
def test_absolute_dates(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in dates(sentence)


def test_day_ranges_are_one_date_of_their_month() -> None:
    assert dates("From 1-24 October, the data shows it.", date(2025, 11, 18)) == [
        ("1-24 October", "2025-10")
    ]
    assert dates("It ran October 1-24, 2025.") == [("October 1-24, 2025", "2025-10")]


def test_approximate_year_after_a_temporal_preposition_is_still_a_year() -> None:
    assert dates("Rates fell since around 2024.") == [("2024", "2024")]


def test_weekday_with_date_is_one_date_and_the_weekday_picks_the_year() -> None:
    assert dates("On Tuesday, November 19, he met them.") == [("Tuesday, November 19", "2024-11-19")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Belarus' leader said on Tuesday that talks failed.", ("Tuesday", "2024-02-20")),
        ("The talks will resume on Friday.", ("Friday", "2024-02-23")),
        ("He spoke late Thursday.", ("late Thursday", "2024-02-15")),
        ("He spoke on Tuesday night.", ("Tuesday night", "2024-02-20")),
        ("He spoke late on Monday.", ("Monday", "2024-02-19")),
        ("Last month, Minsk signed deals.", ("Last month", "2024-01")),
        ("The war reaches two years later this week.", ("later this week", "2024-W08")),
        ("A strike happened earlier this week.", ("earlier this week", "2024-W08")),
        ("This year is different.", ("This year", "2024")),
        ("It fell two years ago.", ("two years ago", "2022")),
        ("It fell a week ago.", ("a week ago", "2024-W07")),
        ("Markets rose today.", ("today", "2024-02-20")),
        ("Prices rose this month.", ("this month", "2024-02")),
        ("Talks follow in the coming weeks.", ("coming weeks", None)),
        ("Profits fell last year.", ("last year", "2023")),
        ("Prices will fall next year.", ("next year", "2025")),
        ("He left last Tuesday.", ("last Tuesday", "2024-02-13")),
        ("He left yesterday.", ("yesterday", "2024-02-19")),
        ("The ceasefire ends by the end of this year.", ("end of this year", "2024")),
    ],
)
def test_relative_dates_resolve_against_publication(sentence: str, expected: tuple) -> None:
    assert expected in dates(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is happening now and currently, overnight, since then.",
        "At the time, earlier in the day, nobody knew.",
        "World War II ended.",
        "The fighting lasted for two years.",
        "The meeting was at 10:30 a.m.",
        "About 1500 troops took part.",
        "She may go. They march on.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert dates(sentence) == []


def test_preposition_is_never_in_the_span() -> None:
    for text, _ in dates("It began in February 2022, on Tuesday, since 2014."):
        assert not text.lower().startswith(("in ", "on ", "since "))


# --- month and year ends ----------------------------------------------------------


def test_day_without_year_in_early_january_is_last_year_when_past() -> None:
    assert dates("The ceasefire was signed on December 28.", date(2024, 1, 3)) == [
        ("December 28", "2023-12-28")
    ]


def test_day_without_year_in_late_december_is_next_year_when_future() -> None:
    assert dates("The summit will open on January 5.", date(2023, 12, 29)) == [
        ("January 5", "2024-01-05")
    ]


def test_relative_dates_across_the_new_year() -> None:
    published = date(2024, 1, 3)  # a Wednesday in ISO week 2024-W01
    found = dict(dates("Last month was cold, last week too, this week less; "
                       "he said on Friday that last year was hard.", published))
    assert found["Last month"] == "2023-12"
    assert found["last week"] == "2023-W52"
    assert found["this week"] == "2024-W01"
    assert found["Friday"] == "2023-12-29"
    assert found["last year"] == "2023"


def test_iso_week_53_and_week_1_of_the_next_iso_year() -> None:
    assert dates("Markets closed this week.", date(2020, 12, 31)) == [("this week", "2020-W53")]
    assert dates("Markets reopen next week.", date(2020, 12, 31)) == [("next week", "2021-W01")]
    # 30 December 2024 already belongs to ISO week 1 of 2025
    assert dates("Markets closed this week.", date(2024, 12, 30)) == [("this week", "2025-W01")]


def test_month_arithmetic_at_month_ends() -> None:
    assert dates("Prices fell last month.", date(2024, 3, 31)) == [("last month", "2024-02")]
    assert dates("Prices fell a month ago.", date(2024, 3, 31)) == [("a month ago", "2024-02")]
    assert dates("Prices will rise next month.", date(2023, 12, 31)) == [("next month", "2024-01")]
    assert dates("He will visit tomorrow.", date(2020, 12, 31)) == [("tomorrow", "2021-01-01")]
    assert dates("They will meet on Saturday.", date(2020, 12, 31)) == [("Saturday", "2021-01-02")]


def test_relative_dates_have_no_value_without_a_publication_date() -> None:
    found = dict(dates("Last month and on Tuesday, but also on January 29, 2024.", None))
    assert found == {"Last month": None, "Tuesday": None, "January 29, 2024": "2024-01-29"}


def test_impossible_day_is_spotted_without_a_value() -> None:
    assert dates("It happened on February 30, 2023.") == [("February 30, 2023", None)]


_PIECES = list("0123456789 ,.-/'’") + [
    "May", "Tuesday", "last", "week", "ago", "two", "the", "1990s", "early", "end of", "January",
    "Feb.", "this", "year", "next", "quarter", "Q3", " ", " ", "2024", "29", "will", "said",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_never_raises_and_spans_index_the_text(text: str) -> None:
    for published in (None, date(2024, 12, 30), date(2021, 1, 1)):
        for c in detect_dates(text, DetectContext(published)):
            assert text[c.start : c.end] == c.text
            assert c.kind == "date"


def test_demo_article_figures_and_dates_match_their_gold() -> None:
    import json

    from tests.demo_gold import demo_gold, demo_text
    from workbench.detect.figures import detect_figures

    text, gold = demo_text(), demo_gold()
    ctx = DetectContext(date.fromisoformat(gold["published"]))
    expected = {(c["kind"], c["start"], c["end"], json.dumps(c.get("value")), c.get("unit"))
                for c in gold["claims"] if c["kind"] in {"figure", "date"}}
    found = {(c.kind, c.start, c.end, json.dumps(c.value), c.unit if c.kind == "figure" else None)
             for c in detect_figures(text, ctx) + detect_dates(text, ctx)}
    assert found == expected


def test_a_duration_before_an_event_keeps_the_event_in_its_span() -> None:
    found = dates("The bridge closed two days after the spring floods and reopened later.")
    assert ("two days after the spring floods", None) in found
    found = dates("The ministry spoke about six hours before Kyiv responded.")
    assert ("about six hours before Kyiv responded", None) in found


def test_hours_later_and_the_year_before_count_from_the_story_date() -> None:
    text = ("The ferry sank on March 3, 2023. Divers found it four hours later. "
            "Exports rose 5 percent in 2021, after falling the year before. "
            "Shares slid on Friday, after gains in the previous session.")
    found = dict(dates(text))
    assert found["four hours later"] == "2023-03-03"
    assert found["year before"] == "2020"
    assert found["previous session"] == "2024-02-15"  # the Friday before publication, minus one


def test_the_following_year_follows_the_year_the_text_gave() -> None:
    found = dict(dates("The plant opened in 2019. Output doubled the following year."))
    assert found["following year"] == "2020"
    assert dates("Nothing happened the following year.", None) == [("following year", None)]


def test_hours_and_minutes_ago_are_dates_left_unresolved_not_a_crash():
    # Found by the fuzz run: "3 hours ago" on a page with a publication date raised KeyError.
    from workbench.services.importing import detect_drafts

    for text in ("The blast was heard 3 hours ago near the border.", "It happened five minutes ago, police said."):
        dates = [d for d in detect_drafts(text, "2024-02-20") if d.kind == "date"]
        assert dates and all(d.value is None for d in dates)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He left with the class of '87 and never came back.", ("'87", "1987")),
        ("She has commanded the ship since ’19 without a break.", ("’19", "2019")),
    ],
)
def test_a_clipped_year_is_a_year(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in dates(sentence)


def test_an_opening_quotation_mark_before_a_number_is_no_clipped_year() -> None:
    assert dates("‘40 sailors were rescued,’ the captain said.") == []


def test_a_weekday_in_apposition_takes_the_day_just_given() -> None:
    # published on a Tuesday, so a bare "Friday" alone would be 2024-02-16
    found = dates("The crew was told on Feb. 2, a Friday, that the ship would sail.")
    assert ("Feb. 2", "2024-02-02") in found
    assert ("Friday", "2024-02-02") in found


def test_two_seasons_share_the_year_that_follows_them() -> None:
    assert dates("The frigate was refitted in the spring and summer of 2021.") == [
        ("spring and summer of 2021", "2021")]


def test_a_day_range_written_with_to_or_and_is_one_date_of_its_month() -> None:
    # "ran" is past, and March 2024 is still to come on 20 February 2024: last year's March
    assert dates("The drill ran from 3 to 7 March.") == [("3 to 7 March", "2023-03")]
    assert dates("The drill ran between 3 and 7 March.") == [("3 and 7 March", "2023-03")]
    assert dates("The drill takes place between 3 and 7 March.") == [("3 and 7 March", "2024-03")]
    assert dates("The summit runs March 14 to 15, 2025.") == [("March 14 to 15, 2025", "2025-03")]
    # a change in percent or a count after the second number is no range of days
    assert ("March 3 to 5", "2023-03") not in dates("Prices rose from March 3 to 5 percent.")
    assert dates("On March 4 to 6 soldiers died.") == [("March 4", "2023-03-04")]


WEDNESDAY = date(2024, 1, 10)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the verb of the date's own clause decides, not one of the reported clause after it
        ("The agency said in a statement on Tuesday evening that it would reply.", ("Tuesday evening", "2024-01-09")),
        ("The court ruled on Monday that the ban would stand.", ("Monday", "2024-01-08")),
        # a clause opened before a fronted date has its own verb after the date
        ("He said that on Friday the troops will withdraw.", ("Friday", "2024-01-12")),
        # a relative clause closed by a comma keeps its verb
        ("The mayor, who resigned on Friday, will be replaced.", ("Friday", "2024-01-05")),
        ("Police said the man, arrested on Friday, will appear in court.", ("Friday", "2024-01-05")),
        # no verb in the date's clause: the sentence's
        ("On Friday, the minister will resign.", ("Friday", "2024-01-12")),
        # an arrangement, and "from that day on"
        ("Ministers are meeting on Friday to discuss the budget.", ("Friday", "2024-01-12")),
        ("Starting Monday, the new fares apply.", ("Monday", "2024-01-15")),
        ("The ministry was meeting on Friday when the news came.", ("Friday", "2024-01-05")),
    ],
)
def test_a_weekday_follows_the_tense_of_its_own_clause(sentence: str, expected: tuple[str, str]) -> None:
    assert dates(sentence, WEDNESDAY) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jan. 8-9 saw heavy shelling.", ("Jan. 8-9", "2024-01")),  # days past, not next year's
        ("Sales fell in January, the first figures show.", ("January", "2024-01")),  # the month under way
        ("Sales fell in December, the first figures show.", ("December", "2023-12")),
    ],
)
def test_a_month_is_placed_by_its_days_and_the_current_month_is_this_years(
        sentence: str, expected: tuple[str, str]) -> None:
    assert dates(sentence, WEDNESDAY) == [expected]
