"""Every figure and date rule of the claim guidelines, in wire-style news sentences.

Each rule and example of /work/shared/claim-guidelines.md (figure, date and
their edge cases) is embedded in several sentences the detector has not been
tuned on; the exact span, value and unit are asserted.
"""

from __future__ import annotations

from datetime import date

import pytest

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates
from workbench.detect.figures import detect_figures

TUESDAY = date(2024, 2, 20)  # a Tuesday in ISO week 8


def _norm(value: object) -> object:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def figures(text: str) -> list[tuple[str, object, str | None]]:
    return [(c.text, _norm(c.value), c.unit) for c in detect_figures(text, DetectContext(TUESDAY))]


def dates(text: str, published: date | None = TUESDAY) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]


def figure_spans(text: str) -> list[str]:
    return [t for t, _, _ in figures(text)]


def date_spans(text: str) -> list[str]:
    return [t for t, _ in dates(text)]


# --- figure: span, value, unit -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("NATO said 90,000 troops would take part in the drills.", ("90,000 troops", 90000, "troop")),
        ("Moscow sent 32,000 troops to the border, officials said.", ("32,000 troops", 32000, "troop")),
        ("Two new divisions will be formed next year, Shoigu said.", ("Two new divisions", 2, "division")),
        ("The army created three new armoured brigades in the west.",
         ("three new armoured brigades", 3, "brigade")),
        ("As the war passed the 2-year mark, Kyiv asked for shells.", ("2-year mark", 2, "year")),
        ("Congress approved $1.2 billion in aid on Thursday.", ("$1.2 billion", 1_200_000_000, "USD")),
        ("Support for the plan fell to 40% in the latest poll.", ("40%", 0.4, "percent")),
        ("The U.N. says 3 million people have fled the fighting.", ("3 million people", 3_000_000, "person")),
        ("The pipeline runs about 5,000 kilometres across Siberia.",
         ("about 5,000 kilometres", 5000, "kilometre")),
        ("Rescuers pulled 14 survivors from the rubble overnight.", ("14 survivors", 14, "survivor")),
        ("The storm destroyed 1,240 homes along the coast.", ("1,240 homes", 1240, "home")),
    ],
)
def test_number_with_head_noun_and_adjectives(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two soldiers were killed when the convoy was hit.", ("Two soldiers", 2, "soldier")),
        ("Police arrested eleven protesters outside parliament.", ("eleven protesters", 11, "protester")),
        ("Dozens of people were injured in the blast, police said.", ("Dozens of people", None, "person")),
        ("Russia has lost a third of its tanks, analysts estimate.",
         ("a third of its tanks", round(1 / 3, 9), "tank")),
        ("Half a million people lost power after the strike.", ("Half a million people", 500_000, "person")),
        ("The exercise involves approximately 32,000 troops.",
         ("approximately 32,000 troops", 32000, "troop")),
        ("The alliance will deploy around 90,000 troops by May.", ("around 90,000 troops", 90000, "troop")),
        ("Twenty-three miners were trapped underground.", ("Twenty-three miners", 23, "miner")),
        ("The ministry ordered a dozen helicopters from Airbus.", ("a dozen helicopters", 12, "helicopter")),
        ("Tens of thousands of people marched in Tbilisi.",
         ("Tens of thousands of people", None, "person")),
    ],
)
def test_numbers_in_words_and_approximators(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Elections will be held in 2024, the commission said.",
        "The attack took place on January 29, officials said.",
        "It was the worst fighting since World War II.",
        "Belarus hosts S-400 batteries near the border.",
        "Kyiv wants more F-16 jets, Zelenskiy said.",
        "The Covid-19 pandemic hit tourism hard.",
        "He compared the regime to the Third Reich.",
        "The rule is set out on page 12 of the report.",
        "Section 5 of the treaty covers nuclear arms.",
        "The sirens sounded at 10:30 in the capital.",
        "The blast was heard at 3 p.m. local time.",
        "Air raid alerts began at 0400 GMT.",
        "The G40 summit opened in Rome.",
        "He flew to Kyiv aboard Air Force One.",
        "The two-state solution remains the goal, he said.",
        "The Six-Day War redrew the region's borders.",
        "She came first in the race, the number one seed.",
        "Many people fled, and most homes were damaged; a few stayed behind.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


# --- figure edge cases ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The quake killed about 150 people in the province.", ("about 150 people", 150, "person")),
        ("Nearly 200 civilians were evacuated from the town.", ("Nearly 200 civilians", 200, "civilian")),
        ("Some 500 prisoners were swapped on Wednesday.", ("Some 500 prisoners", 500, "prisoner")),
        ("Russia launched more than 1,000 drones in January.",
         ("more than 1,000 drones", 1000, "drone")),
        ("Less than 5% of the aid has arrived.", ("Less than 5%", 0.05, "percent")),
        ("As many as 60 people may have died, officials said.", ("As many as 60 people", 60, "person")),
        ("The strike killed three of its commanders, the IDF said.",
         ("three of its commanders", 3, "commander")),
        ("Regulators grounded 30 of Boeing's 787-9 jets.", ("30 of Boeing's 787-9 jets", 30, "jet")),
        ("Brent crude settled at $55.12 per barrel.", ("$55.12 per barrel", 55.12, "USD")),
        ("Diesel cost €1.80 a litre in Berlin.", ("€1.80 a litre", 1.8, "EUR")),
    ],
)
def test_approximators_partitives_rates(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The camp's population is around 40,000, aid groups say.", ("around 40,000", 40000, "person")),
        ("The death toll rose to 1,203 on Sunday.", ("1,203", 1203, "person")),
        ("The number of troops there is about 4,000.", ("about 4,000", 4000, "troop")),
        ("The index closed at 16,500 on Friday.", ("16,500", 16500, None)),
    ],
)
def test_lone_number_unit_from_its_clause(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 61-year-old man was detained, police said.", ("61-year-old", 61, "year")),
        ("The victim, a 24-year-old student, died in hospital.", ("24-year-old", 24, "year")),
        ("Yields on 10-year notes rose to 4.3%.", ("10-year notes", 10, "year")),
        ("Police sealed off a 10-km radius around the plant.", ("a 10-km radius", 10, "kilometer")),
        ("Stocks fell for a seventh straight session.", ("seventh straight session", 7, "session")),
        ("Unemployment claims rose for a second straight week.", ("second straight week", 2, "week")),
        ("It was the third consecutive month of decline.", ("third consecutive month", 3, "month")),
    ],
)
def test_ages_compounds_and_counting_ordinals(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_first_and_names_with_numbers_are_not_figures() -> None:
    assert figures("It was the first straight loss for the team.") == []
    assert figures("The country remains the number one exporter.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hundreds of troops crossed the river at night.", ("Hundreds of troops", None, "troop")),
        ("Talks dragged on over several months.", ("several months", None, "month")),
        ("There were a handful of deaths in the north.", ("a handful of deaths", None, "death")),
        ("Thousands of residents fled the flooding.", ("Thousands of residents", None, "resident")),
        ("Officials said 10 to 15 troops were wounded.", ("10 to 15 troops", [10, 15], "troop")),
        ("Between 10-15 troops remained at the post.", ("10-15 troops", [10, 15], "troop")),
        ("Witnesses said 20-30 drones flew over the city.", ("20-30 drones", [20, 30], "drone")),
    ],
)
def test_vague_quantities_and_ranges(sentence: str, expected: tuple) -> None:
    found = figures(sentence)
    assert expected in found or (expected[0].startswith("10-15") and
                                 ("Between 10-15 troops", [10, 15], "troop") in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The EU pledged €50 billion for Ukraine.", ("€50 billion", 50_000_000_000, "EUR")),
        ("Britain will spend £2.5bn on shells.", ("£2.5bn", 2_500_000_000, "GBP")),
        ("The budget allots 10.8 trillion roubles to defence.",
         ("10.8 trillion roubles", 10_800_000_000_000, "RUB")),
        ("Kyiv raised 25 billion hryvnias from bonds.", ("25 billion hryvnias", 25_000_000_000, "UAH")),
        ("The yen deal was worth ¥500 billion.", ("¥500 billion", 500_000_000_000, "JPY")),
        ("It costs $3m per launcher.", ("$3m per launcher", 3_000_000, "USD")),
        ("Growth slowed to 2.5 percent in the fourth quarter.", ("2.5 percent", 0.025, "percent")),
        ("The rate was cut by half a percentage point.",
         ("half a percentage point", 0.005, "percentage point")),
        ("The central bank raised rates by 2 percentage points.",
         ("2 percentage points", 0.02, "percentage point")),
        ("The Dow fell 500 points, or 1.3%.", ("500 points", 500, "point")),
    ],
)
def test_money_and_percentages(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_duration_that_places_is_a_date_and_one_that_measures_is_a_figure() -> None:
    placed = "The ceasefire collapsed two years ago, the UN said."
    assert figures(placed) == []
    assert dates(placed) == [("two years ago", "2022")]
    measured = "Prices have risen for the past two months, data showed."
    assert figures(measured) == [("two months", 2, "month")]
    assert dates(measured) == []
    assert ("three years", 3, "year") in figures("The siege lasted for three years.")
    assert dates("The siege lasted for three years.") == []


# --- more wire-style sentences, other words -----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exports rose to $4bn in March.", ("$4bn", 4_000_000_000, "USD")),
        ("The firm cut 12k jobs worldwide.", ("12k jobs", 12000, "job")),
        ("More than half of voters backed the measure.", ("More than half of voters", 0.5, "voter")),
        ("One in five children is malnourished, UNICEF said.", ("One in five children", 0.2, "child")),
        ("Temperatures dropped to -15 degrees overnight.", ("-15 degrees", -15, "degree")),
        ("Russia fired 45 missiles and 40 drones overnight.", ("45 missiles", 45, "missile")),
        ("Two-thirds of the city's hospitals are closed.",
         ("Two-thirds of the city's hospitals", round(2 / 3, 9), "hospital")),
        ("The company earned 3.2 billion euros last year.", ("3.2 billion euros", 3_200_000_000, "EUR")),
        ("The fine was 1.5 million pounds.", ("1.5 million pounds", 1_500_000, "GBP")),
        ("Output fell 0.3 percent in January.", ("0.3 percent", 0.003, "percent")),
    ],
)
def test_other_wire_sentences(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


# --- date: spans and values ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukraine said on Tuesday it had shot down 20 drones.", ("Tuesday", "2024-02-20")),
        ("The minister resigned on Friday after the vote.", ("Friday", "2024-02-16")),
        ("The talks will resume on Thursday in Geneva.", ("Thursday", "2024-02-22")),
        ("The blast happened on January 29, 2024, near Kharkiv.", ("January 29, 2024", "2024-01-29")),
        ("Russia invaded Ukraine in February 2022.", ("February 2022", "2022-02")),
        ("Inflation eased last month, data showed.", ("last month", "2024-01")),
        ("The ministers will meet later this week.", ("later this week", "2024-W08")),
        ("It was the worst crisis since the 1990s.", ("1990s", "199X")),
        ("Oil prices peaked in the 1980s.", ("1980s", "198X")),
        ("Elections were held in 2022 under martial law.", ("2022", "2022")),
        ("Growth will pick up this year, the IMF said.", ("this year", "2024")),
        ("The strike on Feb. 14 killed five people.", ("Feb. 14", "2024-02-14")),
        ("The vote is expected next month.", ("next month", "2024-03")),
        ("Output fell last year by 2%.", ("last year", "2023")),
        ("The shells arrived last week, officials said.", ("last week", "2024-W07")),
        ("Fighting has raged since Feb. 24, 2022.", ("Feb. 24, 2022", "2022-02-24")),
    ],
)
def test_date_spans_and_values(sentence: str, expected: tuple) -> None:
    assert expected in dates(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The siege lasted for two years.",
        "Prices rose over several months.",
        "It was the deadliest conflict since World War II.",
        "The sirens sounded at 3 p.m.",
        "Trains resumed at 06:45 local time.",
        "Officials are now assessing the damage.",
        "The plant is currently offline.",
        "At the time, the army denied it.",
        "Russia attacked overnight, the air force said.",
        "Since then, talks have stalled.",
        "Earlier in the day, the minister visited Odesa.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Explosions were heard late Thursday in the port.", ("late Thursday", "2024-02-15")),
        ("The drones struck on Tuesday night, officials said.", ("Tuesday night", "2024-02-20")),
        ("The plant was built in the early 1990s.", ("early 1990s", "199X")),
        ("The envoy arrived earlier this week.", ("earlier this week", "2024-W08")),
        ("Prices will stay high until the end of 2025.", ("end of 2025", "2025")),
        ("The building collapsed late on Monday.", ("Monday", "2024-02-19")),
        ("The summit will open on Tuesday, November 19, in Rio.", ("Tuesday, November 19", "2024-11-19")),
        ("Veterans of the 1967 Six-Day War gathered.", ("1967", "1967")),
        ("The September 11, 2001 attacks killed nearly 3,000 people.",
         ("September 11, 2001", "2001-09-11")),
        ("Power was restored today, the utility said.", ("today", "2024-02-20")),
        ("Prices rose sharply this month.", ("this month", "2024-02")),
        ("More troops will arrive in the coming weeks.", ("coming weeks", None)),
        ("Sales fell in the fourth quarter of 2023.", ("fourth quarter of 2023", "2023")),
        ("Floods hit the region in summer 2023.", ("summer 2023", "2023")),
        ("Fighting erupted on December 28, witnesses said.", ("December 28", "2023-12-28")),
        ("The election will be held on January 5.", ("January 5", "2025-01-05")),
        ("The deal was signed a week ago.", ("a week ago", "2024-W07")),
    ],
)
def test_date_edge_cases(sentence: str, expected: tuple) -> None:
    assert expected in dates(sentence)


def test_date_spans_never_take_the_preposition_or_punctuation() -> None:
    for sentence in ("It began on Tuesday.", "It began in 2022.", "Troops have been there since March.",
                     "It began in the 1990s.", "It ended on Feb. 24."):
        for span in date_spans(sentence):
            assert not span.lower().startswith(("on ", "in ", "since ", "the "))
            assert span[-1] not in ",;:!?" and not span.endswith("4.")


def test_relative_dates_are_null_without_a_publication_date() -> None:
    assert dates("Inflation eased last month.", None) == [("last month", None)]
    assert dates("The minister resigned on Friday.", None) == [("Friday", None)]
    assert dates("It began in February 2022.", None) == [("February 2022", "2022-02")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shelling intensified in mid-March, residents said.", ("mid-March", "2023-03")),
        ("The rally is planned for the weekend.", ("weekend", "2024-W08")),
        ("Profits rose in Q3 2023.", ("Q3 2023", "2023")),
        ("Revenue grew in fiscal 2024.", ("fiscal 2024", "2024")),
        ("Exports fell in the first half of 2023.", ("first half of 2023", "2023")),
        ("The ceasefire had been agreed two days earlier.", ("two days earlier", None)),
        ("The bridge was hit last summer.", ("last summer", "2023")),
        ("The port reopened in the spring of 2022.", ("spring of 2022", "2022")),
    ],
)
def test_other_wire_dates(sentence: str, expected: tuple) -> None:
    assert expected in dates(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bank raised its key rate by 200 basis points.", ("200 basis points", 200, "basis point")),
        ("The hryvnia weakened to 38.5 per dollar on Monday.", ("38.5 per dollar", 38.5, "UAH")),
        ("The hryvnia slipped, while the rouble traded at 92 to the dollar.",
         ("92 to the dollar", 92, "RUB")),
        ("Rescuers searched the rubble for the past 48 hours.", ("48 hours", 48, "hour")),
        ("Twice as many civilians died as a year before.", ("Twice", 2, "time")),
        ("Exports grew nearly twice as fast as imports.", ("nearly twice", 2, "time")),
        ("The plant burned half as much coal-fired electricity.",
         ("half as much coal-fired electricity", 0.5, "electricity")),
    ],
)
def test_rates_multiples_and_durations_in_hours(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_a_change_and_a_level_are_two_figures_not_a_range() -> None:
    found = figures("The Nikkei rose 1.2% to 38,470.38, its highest since 1990.")
    assert ("1.2%", 0.012, "percent") in found
    assert ("38,470.38", 38470.38, None) in found


def test_military_time_is_not_a_figure() -> None:
    assert figures("The assault began at 0400 hours.") == []


def test_a_decimal_point_does_not_end_the_sentence_that_sets_the_tense() -> None:
    # "fell" is past: mid-March in an article of 20 February is last year's
    assert ("mid-March", "2023-03") in dates(
        "The yuan fell 0.5% this week, its biggest weekly drop since mid-March.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The storm left 2 m people without power.", ("2 m people", 2_000_000, "person")),
        ("The quake had a magnitude of 7.4, the agency said.", ("7.4", 7.4, "magnitude")),
        ("Police said the gunman, 22, was arrested at the scene.", ("22", 22, "year")),
        ("Kenya's shilling firmed to 145.5 against the dollar.", ("145.5 against the dollar", 145.5, "KES")),
        ("The central bank kept rates at -0.1% in January.", ("-0.1%", -0.001, "percent")),
    ],
)
def test_spaced_scales_ages_in_apposition_and_units_named_in_the_clause(
        sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A poll taken in the first week of December showed support falling.",
         ("first week of December", "2023-W49")),  # an ISO week, as the annotators write weeks
        ("Talks are due to start at the end of March.", ("end of March", "2024-03")),
        ("The chancellor will present the budget in the autumn.", ("autumn", "2024")),
        ("The offensive stalled in the summer, officials said.", ("summer", "2023")),
    ],
)
def test_parts_of_months_and_bare_seasons(sentence: str, expected: tuple) -> None:
    assert expected in dates(sentence)


def test_seasons_that_do_not_place_are_not_dates() -> None:
    assert dates("Troops struggled in the winter cold.") == []
    assert dates("He wrote a book about the fall of Kabul.") == []


def test_a_compared_number_counts_what_the_first_one_counts() -> None:
    found = figures("The army recruited roughly 20,000 volunteers, up from 12,000 a year earlier.")
    assert ("12,000", 12000, "volunteer") in found
    assert ("25-fold", 25, "time") in figures("Prices jumped 25-fold in a decade.")


def test_a_duration_placing_an_event_before_or_after_another_is_a_date() -> None:
    sentence = "The attack came two days after a drone strike killed three U.S. soldiers."
    # the event it is placed against belongs to the span, as the annotators mark it
    assert dates(sentence) == [("two days after a drone strike", None)]
    # and, placing an event, it is a date only: the gap is no figure
    assert ("two days", 2, "day") not in figures(sentence)
    measured = "The talks lasted for two days before collapsing."
    assert dates(measured) == []
    assert ("two days", 2, "day") in figures(measured)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia Says It Downed 18 Ukrainian Drones Over Belgorod", ("18 Ukrainian Drones", 18, "drone")),
        ("Only a few dozen protesters turned up.", ("a few dozen protesters", None, "protester")),
        ("Several hundred troops crossed the border.", ("Several hundred troops", None, "troop")),
        ("Nearly half of the 4,000 staff will lose their jobs.",
         ("Nearly half of the 4,000 staff", 0.5, "staff")),
        ("Nearly half of the 4,000 staff will lose their jobs.", ("4,000 staff", 4000, "staff")),
    ],
)
def test_headlines_vague_scales_and_partitives_over_digits(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)
