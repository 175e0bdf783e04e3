"""Equipment detection: names from the gazetteer, not ordinary words or people."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.demo_gold import demo_gold, demo_text
from workbench.detect.candidate import DetectContext
from workbench.detect.equipment import _normalise, all_entries, detect_equipment, lookup
from workbench.paths import resource

CTX = DetectContext()


def found(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.value) for c in detect_equipment(text, CTX)]


# --- the gazetteer ------------------------------------------------------------


def test_gazetteer_is_large_and_well_formed() -> None:
    document = json.loads(resource("gazetteer", "equipment.json").read_text(encoding="utf-8"))
    assert {"version", "description", "systems"} <= set(document)
    entries = all_entries()
    assert len(entries) >= 300
    for entry in entries:
        assert entry.category.strip(), entry.canonical
        assert entry.country.strip(), entry.canonical
    canonicals = Counter(entry.canonical for entry in entries)
    assert [name for name, count in canonicals.items() if count > 1] == []


def test_no_alias_names_two_systems() -> None:
    owners: dict[str, str] = {}
    clashes = []
    for entry in all_entries():
        for name in entry.names:
            key = _normalise(name)
            if owners.setdefault(key, entry.canonical) != entry.canonical:
                clashes.append((name, owners[key], entry.canonical))
    assert clashes == []


def test_gazetteer_covers_every_family_of_systems() -> None:
    categories = Counter(entry.category for entry in all_entries())
    for category in (
        "air defence",
        "ballistic missile",
        "cruise missile",
        "anti-tank missile",
        "MANPADS",
        "fighter aircraft",
        "helicopter",
        "loitering munition",
        "tank",
        "infantry fighting vehicle",
        "artillery",
        "rocket artillery",
        "ship",
        "submarine",
        "small arms",
        "munition",
        "radar",
        "electronic warfare",
    ):
        assert categories[category] >= 2, category
    countries = {entry.country for entry in all_entries()}
    assert {
        "Russia",
        "United States",
        "Ukraine",
        "China",
        "Iran",
        "Turkey",
        "Israel",
        "North Korea",
        "Germany",
        "France",
        "United Kingdom",
    } <= countries


def test_civil_airliners_are_not_in_the_gazetteer() -> None:
    for name in ("787-9", "A350", "Boeing 737", "A320"):
        assert lookup(name) is None


# --- lookup -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["S400", "S-400", "s 400", "SA-21 Growler", "SA-21", "S-400 Triumf"]
)
def test_spellings_of_one_system_normalise_to_its_canonical_name(name: str) -> None:
    entry = lookup(name)
    assert entry is not None and entry.canonical == "S-400 Triumf"


def test_lookup_knows_designations_transliterations_and_plurals() -> None:
    assert lookup("Kh-47M2").canonical == "Kh-47M2 Kinzhal"  # type: ignore[union-attr]
    assert lookup("kinzhals").canonical == "Kh-47M2 Kinzhal"  # type: ignore[union-attr]
    assert lookup("F16").canonical == "F-16 Fighting Falcon"  # type: ignore[union-attr]
    assert lookup("Geran-2").canonical == "Geran-2"  # type: ignore[union-attr]
    assert lookup("Shahed 136").canonical == "Shahed-136"  # type: ignore[union-attr]
    assert lookup("a country that does not exist") is None


# --- detection: positive cases -------------------------------------------------------


def test_names_are_found_as_written_with_their_canonical_value() -> None:
    text = (
        "Belarus deployed S-400 units and Iskander-M launchers; Kyiv wants more Patriot "
        "air defences, HIMARS, F-16 jets, Leopard 2 tanks and Storm Shadow missiles."
    )
    assert found(text) == [
        ("S-400", "S-400 Triumf"),
        ("Iskander-M", "9K720 Iskander-M"),
        ("Patriot", "MIM-104 Patriot"),
        ("HIMARS", "M142 HIMARS"),
        ("F-16", "F-16 Fighting Falcon"),
        ("Leopard 2", "Leopard 2"),
        ("Storm Shadow", "Storm Shadow"),
    ]


def test_spelling_variants_reach_one_canonical_name() -> None:
    text = "Russia moved S400 batteries, more S-400 units and SA-21 Growler launchers."
    assert [value for _, value in found(text)] == ["S-400 Triumf"] * 3
    assert [span for span, _ in found(text)] == ["S400", "S-400", "SA-21 Growler"]


def test_the_longest_name_wins() -> None:
    text = "Kyiv asked for the Patriot PAC-2 system; the S-400 Triumf stayed in Belarus."
    assert found(text) == [("Patriot PAC-2", "Patriot PAC-2"), ("S-400 Triumf", "S-400 Triumf")]


def test_a_variant_is_its_own_name() -> None:
    assert found("A Lancet-3 struck the howitzer.") == [("Lancet-3", "Lancet-3")]
    assert found("Russia launches Geran-2 drones, a copy of the Shahed-136.") == [
        ("Geran-2", "Geran-2"),
        ("Shahed-136", "Shahed-136"),
    ]


def test_plurals_stay_in_the_span() -> None:
    assert found("Two Turkish F-16s shot down a Russian Su-24.") == [
        ("F-16s", "F-16 Fighting Falcon"),
        ("Su-24", "Su-24"),
    ]
    assert found("It fired Iskanders and Kinzhals.") == [
        ("Iskanders", "9K720 Iskander-M"),
        ("Kinzhals", "Kh-47M2 Kinzhal"),
    ]


def test_headline_capitals_still_match() -> None:
    assert found("UKRAINE SHOWS SU-34 WRECKAGE") == [("SU-34", "Su-34")]


def test_spans_index_the_text_exactly() -> None:
    text = "Ukraine’s “HIMARS” hit a T-72B3; later, an Su-57 and a Bayraktar TB2 were seen."
    candidates = detect_equipment(text, CTX)
    assert [c.text for c in candidates] == ["HIMARS", "T-72B3", "Su-57", "Bayraktar TB2"]
    for candidate in candidates:
        assert text[candidate.start : candidate.end] == candidate.text
        assert candidate.kind == "equipment"
        assert candidate.unit is None and candidate.speaker is None
        assert 0 < candidate.score <= 1


# --- detection: ordinary words and people -------------------------------------------


def test_patriot_the_system_but_not_the_noun_the_act_or_the_adjective() -> None:
    assert found("Ukraine received two more Patriot batteries.") == [("Patriot", "MIM-104 Patriot")]
    assert found("He is a true patriot who loves his country.") == []
    assert found("The Patriot Act was renewed by Congress.") == []
    assert found("Patriotic songs were sung at the rally.") == []
    assert found("Patriot is a word politicians like to use.") == []
    assert found("The New England Patriots won, the army said.") == []


def test_tiger_needs_military_context() -> None:
    assert found("The French army flies the Tiger helicopter in Mali.") == [
        ("Tiger", "Eurocopter Tiger")
    ]
    assert found("A tiger was seen near the village.") == []
    assert found("Tiger was seen near the village at dawn.") == []
    assert found("Tiger Woods won the tournament.") == []


def test_abrams_the_tank_but_not_a_person() -> None:
    assert found("The US sent 31 Abrams tanks to Ukraine.") == [("Abrams", "M1 Abrams")]
    assert found("Stacey Abrams spoke about the army to voters in Georgia.") == []
    assert found("Mr. Abrams said the military budget was too large.") == []
    assert found("Bradley Cooper starred in the war film.") == []
    assert found("Ukraine used the M2 Bradley near Avdiivka.") == [("M2 Bradley", "M2 Bradley")]


def test_other_ordinary_words_do_not_fire() -> None:
    assert found("Typhoon Haiyan hit the Philippines.") == []
    assert found("RAF Typhoon jets intercepted the bombers.") == [
        ("Typhoon", "Eurofighter Typhoon")
    ]
    assert found("A grad student threw a javelin; the stinger of a bee hurt.") == []
    assert found("Grad rockets hit the city.") == [("Grad", "BM-21 Grad")]


def test_numbers_that_are_not_models_do_not_fire() -> None:
    assert found("Ten of the dead, including a 10-year-old boy, were found.") == []
    assert found("A 10-year-old boy was found.") == []


def test_civil_aviation_and_generic_categories_are_not_equipment() -> None:
    text = "Boeing delivered 30 of its 787-9 jets and an A350 went to the airline."
    assert found(text) == []
    assert found("Russian troops used tanks, drones and anti-aircraft systems.") == []


# --- names the gazetteer cannot list one by one -------------------------------------


def test_a_rifle_named_by_its_family_is_equipment() -> None:
    text = "The gunmen carried AK-pattern rifles, and one had an AR-15-style carbine."
    assert found(text) == [("AK-pattern", "AK-47"), ("AR-15-style", "M16 rifle")]


def test_a_family_word_after_a_space_stays_outside_the_name() -> None:
    assert found("Moscow bought drones of the Shahed family from Tehran.") == [
        ("Shahed", "Shahed-136")
    ]


def test_a_bare_family_abbreviation_alone_is_no_rifle() -> None:
    assert found("The convoy left Fairbanks, AK, with troops aboard.") == []


def test_foreign_copies_and_soviet_era_names_are_found_by_themselves() -> None:
    text = (
        "Pyongyang tested a Pukguksong and an old Taepodong rocket; Tehran sent Fath-360 "
        "missiles, and the army still keeps FROG-7 launchers next to its Kvadrat batteries."
    )
    assert [value for _, value in found(text)] == [
        "Pukguksong-3", "Taepodong-2", "Fath-360", "9K52 Luna-M", "2K12 Kub",
    ]


def test_a_ship_class_is_found_with_or_without_its_hyphen() -> None:
    text = "An Akula class submarine trailed the Slava-class cruiser near the coast."
    assert found(text) == [
        ("Akula class", "Akula-class submarine"), ("Slava-class", "Slava-class cruiser"),
    ]


def test_a_class_the_gazetteer_lacks_is_still_a_ship_class() -> None:
    text = "The navy's two Udaloy class destroyers and Russia's Sovremenny-class ships sailed."
    assert found(text) == [("Udaloy class", "Udaloy-class"), ("Sovremenny-class", "Sovremenny-class")]


def test_a_class_of_people_or_of_service_is_no_ship() -> None:
    text = "The middle class paid more, and world-class Business Class seats went unsold."
    assert found(text) == []


def test_a_named_hull_keeps_its_pennant_number() -> None:
    text = "The destroyer USS Mason (DDG-87) and HMS Kent (F78) escorted the convoy."
    assert found(text) == [("USS Mason (DDG-87)", "USS Mason"), ("HMS Kent (F78)", "HMS Kent")]


def test_a_prefix_that_is_also_an_abbreviation_needs_the_pennant() -> None:
    assert found("Ask JS Baker about it. JS Kongo (DDG-173) fired an interceptor.") == [
        ("JS Kongo (DDG-173)", "JS Kongo")
    ]


def test_a_hull_at_the_end_of_a_sentence_leaves_the_full_stop_out() -> None:
    assert found("The drones were aimed at HMS Kent.") == [("HMS Kent", "HMS Kent")]


def test_a_misspelt_transliteration_is_read_as_the_system() -> None:
    text = "Air defence shot down two Iskandar missiles and a Kinzal over the capital."
    assert found(text) == [("Iskandar", "9K720 Iskander-M"), ("Kinzal", "Kh-47M2 Kinzhal")]


def test_a_misspelling_needs_military_context_and_a_transliteration_slip() -> None:
    assert found("Iskandar Rahman opened a bakery on the high street.") == []
    # one letter off "Marder", but not a slip of transliteration
    assert found("Marker posts were set out by the army engineers.") == []


def test_a_short_name_after_the_full_one_needs_no_military_word_of_its_own() -> None:
    text = (
        "Germany will send the Leopard 2A6 next spring.\n\n"
        "Officials in Berlin think the Leopard will take a year to arrive."
    )
    assert found(text) == [("Leopard 2A6", "Leopard 2"), ("Leopard", "Leopard 2")]
    assert found("Officials in Berlin think the Leopard will take a year to arrive.") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("SFTab-12 40.,\n'PatriotHIMARSsé")), max_size=80))
def test_detection_never_raises_and_spans_always_index_the_text(text: str) -> None:
    previous_end = 0
    for candidate in detect_equipment(text, CTX):
        assert text[candidate.start : candidate.end] == candidate.text
        assert candidate.start >= previous_end  # spans do not overlap
        previous_end = candidate.end
        assert lookup(candidate.value) is not None


# --- the demo article ------------------------------------------------------------


def test_demo_article_matches_its_gold_equipment() -> None:
    text, gold = demo_text(), demo_gold()
    expected = [
        (c["start"], c["end"], c["text"], c["value"])
        for c in gold["claims"]
        if c["kind"] == "equipment"
    ]
    got = [(c.start, c.end, c.text, c.value) for c in detect_equipment(text, CTX)]
    assert got == expected
