"""A weekday with nothing in its sentence to say it is past: what still places it ahead."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

SUNDAY = date(2025, 2, 16)


def value(text: str, span: str, published: date = SUNDAY) -> str | None:
    return {c.text: c.value for c in detect_dates(text, DetectContext(published))}[span]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # a deadline: "by", "until", "from 6 a.m."
        ("A second low could bring more heavy rain by Wednesday.", "Wednesday", "2025-02-19"),
        ("The line would remain closed until at least Tuesday.", "Tuesday", "2025-02-18"),
        ("We will be back with updates from 6 a.m. Thursday.", "Thursday", "2025-02-20"),
        # an infinitive with no verb before it
        ("5:10 p.m.: Talks to resume Thursday.", "Thursday", "2025-02-20"),
        # a timetable in the present: a team (plural in British use), a bill
        ("Ashcombe host Dunmore Rovers on Wednesday.", "Wednesday", "2025-02-19"),
        ("The bill returns to the Commons for its report stage on Tuesday.", "Tuesday", "2025-02-18"),
        # a line of a forecast or a fixture list
        ("The outlook\n\nMonday: dry, highs of 5C.\n\nTuesday night: rain.", "Tuesday night", "2025-02-18"),
        ("Monday: The storm struck York.", "Monday", "2025-02-10"),
        # and what stays past
        ("The shop was closed until Tuesday.", "Tuesday", "2025-02-11"),
        ("He could not attend on Friday.", "Friday", "2025-02-14"),
        ("The minister resigned on Friday.", "Friday", "2025-02-14"),
    ],
)
def test_a_weekday_is_placed_by_what_its_sentence_says(text: str, span: str, expected: str) -> None:
    assert value(text, span) == expected


def test_a_short_weekday_before_a_day_and_month_names_its_year() -> None:
    fixtures = "Wed 1 Jan: Dunmore Rovers (h)\nSat 11 Jan: Calder Vale (h)"
    assert value(fixtures, "Sat 11 Jan", date(2024, 12, 30)) == "2025-01-11"
    assert value(fixtures, "Wed 1 Jan", date(2024, 12, 30)) == "2025-01-01"


def test_a_fixture_named_first_without_its_weekday_then_with_it_takes_the_weekdays_year() -> None:
    text = ("The County Cup quarter-final follows on 7 January, and the manager has hinted he will "
            "rest regulars.\n\nSat 4 Jan: Halvergate (a)\nTue 7 Jan: Calder Vale (h)")
    found = [(c.text, c.value) for c in detect_dates(text, DetectContext(date(2024, 12, 30)))]
    assert found[0] == ("7 January", "2025-01-07")
    assert found[-1] == ("Tue 7 Jan", "2025-01-07")


def test_until_just_before_a_day_is_a_preposition_not_a_clause() -> None:
    text = "City schools will teach online until at least Jan. 13, the mayor's office said."
    assert value(text, "Jan. 13", date(2025, 1, 6)) == "2025-01-13"


def test_what_is_expected_or_payable_on_a_day_is_to_come() -> None:
    text = "We enrolled our first participant in October, and we expect to finish recruiting by Christmas."
    assert value(text, "Christmas", date(2025, 6, 17)) == "2025-12-25"
    text = "Harlow kept its dividend unchanged at 24 cents a share, payable on Jan. 15."
    assert value(text, "Jan. 15", date(2024, 11, 21)) == "2025-01-15"


def test_this_week_told_as_to_come_on_a_sunday_is_the_week_that_begins() -> None:
    assert value("We will pass both bills this week.", "this week", date(2023, 7, 23)) == "2023-W30"
    assert value("We passed both bills this week.", "this week", date(2023, 7, 23)) == "2023-W29"
