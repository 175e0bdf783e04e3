"""Figures without a plain number core: a unit-first speed, a fraction of one unit,
and a duration that measures, unlike one that places an event (a date only)."""

from __future__ import annotations

import pytest

from workbench.detect.candidate import DetectContext
from workbench.detect.figures import detect_figures

CTX = DetectContext()


def figures(text: str) -> list[tuple[str, object, str | None]]:
    return [(c.text, c.value, c.unit) for c in detect_figures(text, CTX)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The glide vehicle reached Mach 6-plus in the test.", ("Mach 6-plus", 6, "Mach")),
        ("The drone cruises at Mach 0.8 over the sea.", ("Mach 0.8", 0.8, "Mach")),
        ("The shell missed the hull by a fraction of an inch.", ("a fraction of an inch", None, "inch")),
    ],
)
def test_unit_first_speeds_and_fractions_of_a_unit(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_a_fraction_of_something_uncounted_is_not_a_figure() -> None:
    assert figures("The refit cost a fraction of the price of a new hull.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister quit a week before the budget vote.",
        "The strike came one day after the talks.",
        "He left about three months before the election.",
        "The bridge reopened 18 years after the war.",
    ],
)
def test_a_duration_placing_an_event_after_another_is_a_date_not_a_figure(sentence: str) -> None:
    # the guidelines: "a duration that places an event is a date only"
    assert figures(sentence) == []


def test_one_unit_that_measures_before_an_event_is_still_a_figure() -> None:
    assert ("a day", 1, "day") in figures("The talks lasted for a day before collapsing.")


def test_a_duration_back_from_today_stays_a_date_only() -> None:
    assert figures("The pier collapsed two years ago.") == []
    assert figures("The pier collapsed a day later.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The video claims nine colonels died in a day.", ("a day", 1, "day")),
        ("Repairs may take a month or more.", ("a month or more", 1, "month")),
        ("The captain was suspended for a year.", ("a year", 1, "year")),
    ],
)
def test_one_unit_of_time_that_measures_a_span_is_a_figure(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_one_unit_of_time_as_a_rate_or_a_possessive_is_not_a_span() -> None:
    assert figures("The crews drill twice a week.") == [("twice", 2, "time")]
    assert figures("Come back in a week's time.") == []
