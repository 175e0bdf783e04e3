"""Figure claims: a number with what it counts, by the claim guidelines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.detect.candidate import DetectContext
from workbench.detect.figures import detect_figures

CTX = DetectContext()


def figures(text: str) -> list[tuple[str, object, str | None]]:
    return [(c.text, c.value, c.unit) for c in detect_figures(text, CTX)]


def spans(text: str) -> list[str]:
    return [c.text for c in detect_figures(text, CTX)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two new divisions of S-400 systems are in service.", ("Two new divisions", 2, "division")),
        ("NATO is deploying around 90,000 troops.", ("around 90,000 troops", 90000, "troop")),
        ("The war will reach the 2-year mark this week.", ("2-year mark", 2, "year")),
        ("Some 3 million people fled.", ("Some 3 million people", 3_000_000, "person")),
        ("It runs about 5,000 kilometres.", ("about 5,000 kilometres", 5000, "kilometre")),
        ("He counted 32 000 troops.", ("32 000 troops", 32000, "troop")),
        ("As many as 300 drones flew.", ("As many as 300 drones", 300, "drone")),
        ("Up to 20 missiles hit.", ("Up to 20 missiles", 20, "missile")),
        ("We saw more than 40 tanks.", ("more than 40 tanks", 40, "tank")),
        ("It killed three of its commanders.", ("three of its commanders", 3, "commander")),
        ("It grounded 30 of Boeing's 787-9 jets.", ("30 of Boeing's 787-9 jets", 30, "jet")),
        ("Twenty-five soldiers and more.", ("Twenty-five soldiers", 25, "soldier")),
        ("They bought a hundred drones.", ("a hundred drones", 100, "drone")),
        ("Over 240 survivors were found.", ("Over 240 survivors", 240, "survivor")),
        ("They sent 14 Leopard 2 tanks.", ("14 Leopard 2 tanks", 14, "tank")),
        ("The quake was magnitude 6.4, officials said.", ("magnitude 6.4", 6.4, "magnitude")),
    ],
)
def test_number_with_its_head_noun_and_approximator(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_determiner_another_stays_outside_the_span() -> None:
    assert spans("Another two divisions are equipped.") == ["two divisions"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Congress approved $1.2 billion in aid.", ("$1.2 billion", 1_200_000_000, "USD")),
        ("Brent traded at $55.12 per barrel.", ("$55.12 per barrel", 55.12, "USD")),
        ("Russia spent 1.5bn roubles.", ("1.5bn roubles", 1_500_000_000, "RUB")),
        ("The EU gave €10m.", ("€10m", 10_000_000, "EUR")),
        ("London paid £3.5 billion.", ("£3.5 billion", 3_500_000_000, "GBP")),
        ("It cost 200 million euros.", ("200 million euros", 200_000_000, "EUR")),
        ("Prices fell 34 cents.", ("34 cents", 0.34, "USD")),
        ("It pays US$5 million.", ("US$5 million", 5_000_000, "USD")),
        ("Aid reached $43B last year.", ("$43B", 43_000_000_000, "USD")),
        ("The fund holds $10-15 billion.", ("$10-15 billion", [10**10, 1.5 * 10**10], "USD")),
    ],
)
def test_money_in_units_with_iso_currency(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turnout was 40% in the capital.", ("40%", 0.4, "percent")),
        ("Less than 5% of voters agreed.", ("Less than 5%", 0.05, "percent")),
        ("Inflation hit 9.59 percent.", ("9.59 percent", 0.0959, "percent")),
        ("Rates rose 0.25 percentage points.", ("0.25 percentage points", 0.0025, "percentage point")),
        ("The index lost 200 points.", ("200 points", 200, "point")),
        ("above the 3 percent level where", ("3 percent level", 0.03, "percent")),
    ],
)
def test_percentages_are_fractions(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Between 10 and 15 troops were hurt.", "About 10-15 troops were hurt.",
     "Some 10 to 15 troops were hurt."],
)
def test_ranges_are_one_figure(sentence: str) -> None:
    found = figures(sentence)
    assert len(found) == 1
    assert found[0][1:] == ([10, 15], "troop")


def test_from_to_is_two_figures_not_a_range() -> None:
    assert [v for _, v, _ in figures("Output rose from 10 to 15 percent.")] == [0.1, 0.15]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 61-year-old man was arrested.", ("61-year-old", 61, "year")),
        ("a nine-year old girl", ("nine-year old", 9, "year")),
        ("Everyone within a 10-km radius left.", ("a 10-km radius", 10, "kilometer")),
        ("It sold 10-year notes.", ("10-year notes", 10, "year")),
        ("in a 17-storey apartment building that fell", ("a 17-storey apartment building", 17, "storey")),
    ],
)
def test_ages_and_compound_measures(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_counting_ordinals_but_not_first_or_names() -> None:
    assert ("seventh straight session", 7, "session") in figures("Stocks fell for a seventh straight session.")
    assert ("second week", 2, "week") in figures("Claims topped 6 million for the second week in a row.")
    assert figures("It was the first straight loss.") == []
    assert figures("The Third Reich fell, and the 36th Combined Arms Army moved.") == []
    assert figures("Fears of a third world war grew.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dozens of people were hurt.", ("Dozens of people", None, "person")),
        ("Hundreds of troops moved.", ("Hundreds of troops", None, "troop")),
        ("It lasted over several months.", ("several months", None, "month")),
        ("There were a handful of deaths.", ("a handful of deaths", None, "death")),
        ("Tens of thousands of people marched.", ("Tens of thousands of people", None, "person")),
        ("Prices hit thousands of dollars per megawatt-hour.",
         ("thousands of dollars per megawatt-hour", None, "USD")),
    ],
)
def test_vague_quantities_have_no_value(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Many people left and most troops stayed; a few returned.",
     "Several said no."],
)
def test_many_most_a_few_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_fractions() -> None:
    found = figures("A third of the budget went on defence; three-quarters of them agreed, "
                    "and half a million people voted.")
    assert ("A third of the budget", pytest.approx(1 / 3), "budget") in found
    assert ("three-quarters", 0.75, None) in found
    assert ("half a million people", 500_000, "person") in found


def test_one_counts_only_with_its_noun() -> None:
    assert figures("No one knows how one defines aid.") == []
    assert ("one hour", 1, "hour") in figures("The convoy waited one hour at the border.")
    assert ("at least one barge", 1, "barge") in figures("It sank at least one barge.")


@pytest.mark.parametrize(
    "sentence",
    [
        # "one" as a determiner or pronoun: nothing a reader could count
        "Raising the levy is one option. Another is a ban.",
        "One account says the ferry left early.",
        "The pilots met in one hangar to plan the raid.",
        "Candidates who stood for one seat may switch.",
        '"It was chaos," said one port worker.',
        "The leak was first noticed by one of the engineers, Anna Berg.",
        # "the two" standing for a pair already named
        "Paris and Rome fell out in June. The two have since traded insults.",
        "Trade between the two nations has grown since 2019.",
    ],
)
def test_one_and_the_two_as_determiners_or_pronouns_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_one_counts_in_a_counted_partitive() -> None:
    assert ("one of its four radars", 1, "radar") in figures("A strike hit one of its four radars.")
    assert ("one of whom", 1, None) in figures("Six sailors, one of whom was hurt, swam ashore.")


def test_partitive_with_no_noun_ends_at_its_whole() -> None:
    found = figures("Twelve ferries sailed. Three of the 12 have sunk.")
    assert ("Three of the 12", 3, None) in found
    assert ("12", 12, None) in found
    assert ("5 out of 8 such drones", 5, "drone") in figures(
        "Crews lost 5 out of 8 such drones.")
    assert ("eight such drones", 8, "drone") in figures("They flew eight such drones.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine received F-16 jets, S-400 systems and Covid-19 vaccines.",
        "World War II ended; the G40 summit met; Air Force One landed.",
        "They backed the two-state solution after the Six-Day War.",
        "Leopard 2 tanks and Challenger 2 tanks arrived.",
        "On January 29, 2024, in 2024 and in the 1990s.",
        "The meeting was at 10:30 and ended at 4 p.m.; trading closed at 0745 GMT.",
        "See page 12 and section 4.",
        "Two years ago they fell.",
        "Putin's Ally Prepares\n\n0\n19\n\nConcerns grew.",
        "The 2024 elections and the 1967 Six-Day War.",
    ],
)
def test_years_dates_names_times_and_debris_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_duration_that_measures_is_a_figure() -> None:
    assert spans("For the past two months, prices rose.") == ["two months"]


def test_bare_four_digit_count_is_a_figure_not_a_year() -> None:
    assert figures("About 1500 troops took part.") == [("About 1500 troops", 1500, "troop")]


def test_lone_number_takes_the_unit_its_clause_names() -> None:
    assert figures("The camp's population is around 40,000.") == [("around 40,000", 40000, "person")]


def test_span_has_no_leading_the_or_trailing_punctuation() -> None:
    text = "The 12 soldiers, and the 40%."
    for c in detect_figures(text, CTX):
        assert not c.text.lower().startswith("the ")
        assert c.text[-1] not in ".,;:"


def test_list_markers_and_handles_are_not_figures() -> None:
    assert figures("Findings:\n1. Iowa matters.\n2. In Washington, support grew.") == []
    assert figures("An investigation by +972 Magazine found it.") == []


def test_glued_units_money_compounds_and_possessive_heads() -> None:
    assert ("150-200km", [150, 200], "kilometer") in figures("They sit within 150-200km of the line.")
    assert ("million-dollar missiles", 1_000_000, "USD") in figures("It fires million-dollar missiles.")
    assert ("two billionaires", 2, "billionaire") in figures("But the two billionaires’ strategy differs.")


def test_a_single_and_about_a_week_count_one() -> None:
    assert ("a single day", 1, "day") in figures("It killed 12 generals in a single day.")
    assert ("about a week", 1, "week") in figures("It went quiet for about a week.")
    assert figures("He left a month ago.") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-%$€£abcdefkmnorst AT\n'’\"")), max_size=60))
def test_never_raises_and_spans_index_the_text_on_numeric_noise(text: str) -> None:
    for c in detect_figures(text, CTX):
        assert text[c.start : c.end] == c.text
        assert c.kind == "figure"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["about", "90,000", "troops", "two", "new", "divisions", "$1.2", "billion", "of", "the",
     "40%", "10-15", "to", "a", "third", "dozens", "several", "months", "S-400", "2024",
     "January", "29,", "61-year-old", "per", "barrel", "one", "hundred", ".", ",", "\n"]),
    max_size=25))
def test_never_raises_and_spans_index_the_text_on_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    for c in detect_figures(text, CTX):
        assert text[c.start : c.end] == c.text
        assert c.start < c.end


def test_compound_measures_run_on_to_what_they_describe() -> None:
    found = figures("Crews fired Russian 203-mm shells and 120mm mortar bombs.")
    assert ("203-mm shells", 203, "millimeter") in found
    assert ("120mm mortar bombs", 120, "millimeter") in found
    assert ("billion-dollar Aegis destroyers", 1_000_000_000, "USD") in figures(
        "Navies risk billion-dollar Aegis destroyers.")


def test_rates_and_repeated_vague_amounts() -> None:
    assert ("3 million tonnes of grain every month", 3_000_000, "tonne") in figures(
        "Ports ship 3 million tonnes of grain every month.")
    assert ("hundreds and hundreds of trucks", None, "truck") in figures(
        "The queue held hundreds and hundreds of trucks.")


@pytest.mark.parametrize(
    "headline",
    [
        "Russia Claims Ukrainian Challenger 2 Tank Was Destroyed Near Robotyne",
        "First Leopard 2 Tanks Arrive In Poland For Training",
        "Moscow Says Su-57 Jets Struck Targets Near Kharkiv",
        "Photos Show Burned Bradley M2 Vehicle Abandoned In Field",
    ],
)
def test_numbers_inside_equipment_names_in_title_case_headlines_are_not_figures(headline: str) -> None:
    assert spans(headline) == []


def test_title_case_headlines_still_count_what_they_count() -> None:
    assert figures("Russia Says It Downed 18 Drones Over Crimea") == [("18 Drones", 18, "drone")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Members of the 51-member Congressional Black Caucus met.",
         ("51-member Congressional Black Caucus", 51, "member")),
        ("The 27-nation European Union agreed.", ("27-nation European Union", 27, "nation")),
        ("Drones filmed 15 incinerated armored personnel carriers.",
         ("15 incinerated armored personnel carriers", 15, "carrier")),
        ("Russia fired 939 Iskanders and Kinzhals at Ukraine.",
         ("939 Iskanders and Kinzhals", 939, "iskander")),
        ("Overnight, Russia launched 128 missiles and drones.",
         ("128 missiles and drones", 128, "missile")),
        ("Kyiv says it shot down 40 drones or missiles on Sunday.",
         ("40 drones or missiles", 40, "drone")),
    ],
)
def test_compound_measures_and_coordinated_heads_run_to_the_last_noun(
    sentence: str, expected: tuple[str, object, str]
) -> None:
    assert expected in figures(sentence)


def test_coordination_stops_at_a_verb_or_another_number() -> None:
    assert spans("They destroyed 12 tanks and 4 trucks.") == ["12 tanks", "4 trucks"]
    assert spans("It killed 5 soldiers and wounded 9 civilians.") == ["5 soldiers", "9 civilians"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bridge was hit for the second time in a month.", ("second time", 2, "time")),
        ("It is the third time this year that the plant lost power.", ("third time", 3, "time")),
        ("Officials reported a threefold increase in desertions.", ("threefold", 3, "time")),
        ("Prices rose twofold over the winter.", ("twofold", 2, "time")),
        ("She became the fourth top-tier candidate to quit.", ("fourth top-tier candidate", 4, "candidate")),
        ("The party finished fourth in the regional vote.", ("fourth", 4, "place")),
        ("The team ended in fifth place after a late collapse.", ("fifth place", 5, "place")),
    ],
)
def test_counting_ordinals_and_multipliers_are_figures(
    sentence: str, expected: tuple[str, object, str]
) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first time the city was hit.",
        "The country is the number one exporter of wheat.",
        "A shell hit the third floor of the building.",
        "Fighting intensified in the second half of the year.",
        "Historians compared it with the Third Reich.",
        "The Second World War ended in Europe in May.",
        "Second, the ministry denied the report.",
    ],
)
def test_ordinals_used_as_names_or_positions_are_not_figures(sentence: str) -> None:
    assert spans(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukrainian forces fought only one engagement near the river.",
         ("one engagement", 1, "engagement")),
        ("Shelling cut the one remaining supply line into the town.",
         ("one remaining supply line", 1, "line")),
        ("She has won a single House endorsement so far.", ("a single House endorsement", 1, "endorsement")),
        ("Just one hospital still operates in the north.", ("one hospital", 1, "hospital")),
    ],
)
def test_one_counting_a_noun_that_matters(sentence: str, expected: tuple[str, object, str]) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "There is one way out of the city.",
        "One version reads differently.",
        "The deal is off, said one official.",
        "They met in one place near the border.",
    ],
)
def test_one_as_a_determiner_stays_out(sentence: str) -> None:
    assert spans(sentence) == []


@pytest.mark.parametrize(
    "text",
    [
        "The energy is given by\na = 0.5 × p × v2\nwhere p is the mass.",
        "The force follows F = 2 * m * g in this model.",
        "Hypothesis 1: The Missiles Were Launched From Belgorod\nThe first test came in May.",
        "Scenario 2: a long war\nThe second option is a ceasefire.",
    ],
)
def test_formulas_and_numbered_headings_are_not_figures(text: str) -> None:
    assert all(c.unit is not None or c.value not in (0.5, 1, 2) for c in detect_figures(text, CTX))
    assert not any(s in {"0.5", "2", "1", "v2"} for s in spans(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Congress approved half the aid Kyiv requested.", ("half the aid", 0.5, "aid")),
        ("Half the residents have left.", ("Half the residents", 0.5, "resident")),
        ("Several of the cities lost power.", ("Several of the cities", None, "city")),
        ("Several of its brigades were pulled back.", ("Several of its brigades", None, "brigade")),
    ],
)
def test_half_the_and_several_of(sentence: str, expected: tuple[str, object, str]) -> None:
    assert expected in figures(sentence)
