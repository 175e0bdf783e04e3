"""Claims that say the same value get the same key, whatever the wording."""

from __future__ import annotations

import pytest

from workbench.kinds import claim_keys
from workbench.memory.normalise import number_key, token_set, tokens, unit_key


@pytest.mark.parametrize(
    "text",
    ["32,000 troops", "32 000 soldiers", "32\u202f000 servicemen", "thirty-two thousand troops", "32k soldiers"],
)
def test_figures_written_any_way_share_one_key(text):
    assert claim_keys("figure", None, None, text) == {"figure:32000:troop"}


def test_stored_value_and_unit_give_the_same_key_as_the_text():
    assert claim_keys("figure", 32000.0, "soldiers", "ignored") == claim_keys("figure", None, None, "32,000 troops")


def test_a_different_number_or_unit_is_a_different_key():
    assert claim_keys("figure", 30000, "troop", "") != claim_keys("figure", 32000, "troop", "")
    assert claim_keys("figure", 32000, "tank", "") != claim_keys("figure", 32000, "troop", "")


@pytest.mark.parametrize("name", ["S400", "S-400", "s-400 triumf", "S-400 Triumf"])
def test_equipment_aliases_share_the_gazetteer_key(name):
    assert claim_keys("equipment", name, None, name) == {"equipment:s-400 triumf"}


def test_dates_key_on_the_iso_value():
    assert claim_keys("date", "2024-03-05", None, "Tuesday, March 5") == claim_keys("date", "2024-03-05", None, "5 March 2024")
    assert claim_keys("date", "2024-03-05", None, "March 5") != claim_keys("date", "2024-03-06", None, "March 6")


@pytest.mark.parametrize("said", ["Tuesday", "yesterday", "last week", "earlier this month"])
def test_a_relative_date_has_no_value_key(said):
    # resolved against the article's publication date: not the claim's own content
    assert claim_keys("date", "2024-03-05", None, said) == set()


def test_quotes_and_statements_have_no_value_key():
    assert claim_keys("quote", None, None, "We must be prepared") == set()


def test_number_keys_and_units():
    assert number_key("1.5bn") == "1500000000"
    assert number_key(32000.0) == "32000"
    assert number_key([10, 20]) == "10-20"
    assert number_key(None) is None
    assert unit_key("Soldiers") == unit_key("servicemen") == "troop"
    assert unit_key("%") == unit_key("percent")
    assert unit_key("drones") == "drone"


def test_tokens_normalise_numbers_units_and_equipment():
    first = token_set("About 32,000 troops and two S400 systems were sent to Belarus")
    second = token_set("Belarus got 32 000 soldiers and 2 S-400 Triumf systems")
    assert {"#32000", "troop", "eq:s-400 triumf", "belarus", "#2", "system"} <= first & second


def test_tokens_drop_function_words():
    assert tokens("It was said that the troops are there") == ["troop"]
