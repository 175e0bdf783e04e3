"""Reading numbers the way news prose writes them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.detect.numbers import is_vague_quantity, parse_number, parse_ordinal, singular


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90,000", 90_000),
        ("32 000", 32_000),
        ("32\u00a0000", 32_000),
        ("1.5", 1.5),
        (".5", 0.5),
        ("1.5bn", 1_500_000_000),
        ("$1.2 billion", 1_200_000_000),
        ("£3m", 3_000_000),
        ("10k", 10_000),
        ("3 million", 3_000_000),
        ("two", 2),
        ("Twenty-five", 25),
        ("one hundred and twenty", 120),
        ("fifty thousand", 50_000),
        ("a hundred", 100),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a million", 500_000),
        ("two and a half", 2.5),
        ("two and a half million", 2_500_000),
        ("a third", 1 / 3),
        ("three-quarters", 0.75),
        ("two thirds", 2 / 3),
        ("seventh", 7),
        ("21st", 21),
    ],
)
def test_parse_number_reads_digits_words_and_fractions(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["dozens", "hundreds of", "several", "", "a", "troops", "x1"])
def test_parse_number_gives_none_for_vague_or_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_ordinals_in_words_and_digits() -> None:
    assert parse_ordinal("seventh") == 7
    assert parse_ordinal("twenty-first") == 21
    assert parse_ordinal("3rd") == 3
    assert parse_ordinal("seven") is None


def test_vague_quantities_are_told_from_exact_ones() -> None:
    assert is_vague_quantity("dozens")
    assert is_vague_quantity("tens of thousands")
    assert is_vague_quantity("a handful")
    assert not is_vague_quantity("two dozen")
    assert not is_vague_quantity("many")


def test_same_quantity_written_two_ways_normalises_alike() -> None:
    # claim memory relies on this: "32 000 soldiers" ~ "32,000 troops"
    assert parse_number("32 000") == parse_number("32,000") == parse_number("thirty-two thousand")


@pytest.mark.parametrize(
    ("plural", "expected"),
    [("troops", "troop"), ("people", "person"), ("casualties", "casualty"),
     ("divisions", "division"), ("buses", "bus"), ("kilometres", "kilometre"),
     ("series", "series"), ("boxes", "box")],
)
def test_singular_of_counted_nouns(plural: str, expected: str) -> None:
    assert singular(plural) == expected


@given(st.text(max_size=40))
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or not math.isnan(value)


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
