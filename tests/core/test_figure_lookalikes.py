"""Numbers that look like figures but are models, labels, years or parts of another number,
and numbers whose extent a careless reading gets wrong (merged, split, fractions)."""

from __future__ import annotations

import pytest

from workbench.detect.candidate import DetectContext
from workbench.detect.figures import detect_figures

CTX = DetectContext()


def figures(text: str) -> list[tuple[str, object, str | None]]:
    return [(c.text, c.value, c.unit) for c in detect_figures(text, CTX)]


def spans(text: str) -> list[str]:
    return [c.text for c in detect_figures(text, CTX)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The carrier will fly its 777X jets on the new route.",
        "Regulators grounded the 737 Max after the crash.",
        "The airline retired an A380 last spring.",
        "Boats may not enter area 55 of the marine park.",
        "Buses skip route 12 on Sundays.",
        "He graduated with the class of '91 at the academy.",
        "She joined the navy in ’08 as a cadet.",
        "The navy launched a second submarine from the yard.",
        "The doctrine rests on a credible second strike.",
        "Crews work 24/7 at the shipyard.",
    ],
)
def test_models_labels_clipped_years_and_another_are_not_figures(sentence: str) -> None:
    assert spans(sentence) == []


def test_a_second_of_time_and_a_second_time_still_count() -> None:
    assert ("second time", 2, "time") in figures("The depot burned for the second time in May.")
    assert ("second straight week", 2, "week") in figures("Exports fell for a second straight week.")


def test_a_space_grouped_number_stops_before_a_model_number() -> None:
    assert figures("The lessor ordered 300 737 Max jets in March.") == [
        ("300 737 Max jets", 300, "jet")]
    assert figures("The fleet has 120 737-800 planes.")[0][1] == 120
    assert figures("Officials counted 45 000 refugees.") == [("45 000 refugees", 45000, "refugee")]


def test_a_change_by_and_the_level_it_reaches_are_two_figures() -> None:
    assert figures("The index closed down by 40 to 212 points.") == [
        ("40", 40, "point"), ("212 points", 212, "point")]
    # a range without "by" stays one figure
    assert figures("They expect 40 to 60 drones a night.")[0][1] == [40, 60]


def test_a_change_far_from_the_level_it_reaches_is_no_range() -> None:
    assert figures("Silver gained $0.85 to $24.10 an ounce.") == [
        ("$0.85", 0.85, "USD"), ("$24.10 an ounce", 24.1, "USD")]
    # ends alike make a range, verb or not
    assert figures("Fares rose 10 to 15 percent this year.") == [
        ("10 to 15 percent", [0.1, 0.15], "percent")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The 30-year bond fell 9/32 in late trade.", ("9/32", 9 / 32, None)),
        ("About 3/4 of the crews have left.", ("About 3/4 of the crews", 0.75, "crew")),
        ("The long bond was down 1-8/32 at midday.", ("1-8/32", 1.25, None)),
        ("The convoy carried 2 1/2 days of fuel.", ("2 1/2 days", 2.5, "day")),
    ],
)
def test_fractions_are_their_quotient(sentence: str, expected: tuple[str, object, str | None]) -> None:
    assert expected in figures(sentence)


def test_a_fraction_inside_a_model_name_is_not_a_figure() -> None:
    assert spans("Crews fired Kub-131/136 drones at the port.") == []


def test_a_quotation_opening_on_a_number_keeps_the_figure() -> None:
    assert ("40 sailors", 40, "sailor") in figures("‘40 sailors were rescued,’ the captain said.")


def test_plurals_of_nouns_in_ie_keep_the_ie() -> None:
    assert figures("The jets flew 140 sorties over the strait.") == [("140 sorties", 140, "sortie")]
    assert figures("The storm hit 18 coastal counties.") == [("18 coastal counties", 18, "county")]
