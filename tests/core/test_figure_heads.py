"""A figure's span runs over modifiers and names to the counted noun, whose singular is
the unit: capitalised names, joined adjectives and hyphenated origins do not stop it."""

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
        ("Four Marine Corps helicopter pilots were hurt.",
         ("Four Marine Corps helicopter pilots", 4, "pilot")),
        ("Poland ordered 96 M1 Abrams tanks.", ("96 M1 Abrams tanks", 96, "tank")),
        ("Seven Israel Defense Forces reservists were wounded.",
         ("Seven Israel Defense Forces reservists", 7, "reservist")),
        ("Nearly 9,000 Canadian and Dutch soldiers took part.",
         ("Nearly 9,000 Canadian and Dutch soldiers", 9000, "soldier")),
        ("Some 30 small and medium shipyards closed.", ("Some 30 small and medium shipyards", 30, "shipyard")),
        ("The navy took delivery of eight U.S.-built patrol boats.",
         ("eight U.S.-built patrol boats", 8, "boat")),
        ("Two People's Liberation Army Navy frigates sailed by.",
         ("Two People's Liberation Army Navy frigates", 2, "frigate")),
    ],
)
def test_the_span_runs_to_the_counted_noun(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_a_capitalised_plural_before_a_verb_is_the_head() -> None:
    assert figures("Over 60 House Democrats voted against it.") == [
        ("Over 60 House Democrats", 60, "democrat")]


def test_and_before_a_number_or_after_a_plural_joins_no_modifiers() -> None:
    assert figures("Shelling left 4 dead and 11 wounded.") == [
        ("4 dead", 4, "dead"), ("11 wounded", 11, "wounded")]
    assert figures("It killed 5 sailors and wounded 9 civilians.") == [
        ("5 sailors", 5, "sailor"), ("9 civilians", 9, "civilian")]


@pytest.mark.parametrize(
    ("sentence", "number", "unit"),
    [
        ("In the post, 12.5k casualties turned into 21.5k.", "21.5k", "casualty"),
        ("Claims of 300 tanks lost became 900 by evening.", "900", "tank"),
        ("Among the 14 ports that closed in May, nine are on the coast.", "nine", "port"),
        ("Of the 20 ships that left the harbour, three sank.", "three", "ship"),
    ],
)
def test_a_bare_number_counts_what_the_figure_it_follows_counts(sentence: str, number: str, unit: str) -> None:
    assert (number, unit) in [(text, u) for text, _value, u in figures(sentence)]


def test_a_bare_number_after_an_unrelated_figure_gets_no_unit() -> None:
    found = figures("The army has 14 ports, and 9 is the number officials cite.")
    assert ("9", 9, None) in found


def test_a_plural_in_an_all_capitals_headline_is_a_word_not_an_acronym() -> None:
    assert figures("BREAKING: THREE FERRIES SINK IN STORM") == [("THREE FERRIES", 3, "ferry")]
    assert ("12 ATACMS", 12, "ATACMS") in figures("Kyiv received 12 ATACMS in the spring.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 4,000-strong brigade crossed the river.", ("A 4,000-strong brigade", 4000, "brigade")),
        ("The 30-mile-long column stopped.", ("30-mile-long column", 30, "mile")),
        ("Sappers dug a 3-metre-deep ditch.", ("a 3-metre-deep ditch", 3, "metre")),
    ],
)
def test_compound_measures_with_a_dimension_or_a_strength(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)

