"""The detection pipeline: all kinds together, the fixture and demo articles, robustness."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.demo_gold import demo_gold, demo_text
from workbench.kinds import detect, guess_kind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claims"


def _fixture() -> tuple[str, dict]:
    text = (FIXTURES / "harbour-fire.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "harbour-fire.expected.json").read_text(encoding="utf-8"))
    return text, expected


def test_fixture_article_quotes_and_speakers() -> None:
    text, expected = _fixture()
    found = detect(text, date.fromisoformat(expected["published"]))
    quotes = [(c.text, c.speaker) for c in found if c.kind == "quote"]
    assert quotes == [(q["text"], q["speaker"]) for q in expected["quotes"]]


def test_fixture_article_statements() -> None:
    text, expected = _fixture()
    found = {c.text for c in detect(text, date.fromisoformat(expected["published"]))
             if c.kind == "statement"}
    for sentence in expected["statements"]:
        assert sentence in found
    for sentence in expected["not_statements"]:
        assert sentence not in found


def test_result_is_sorted_without_duplicates_and_indexes_the_text() -> None:
    text, expected = _fixture()
    found = detect(text, date.fromisoformat(expected["published"]))
    keys = [(c.start, -c.end, c.kind) for c in found]
    assert keys == sorted(keys)
    assert len({(c.kind, c.start, c.end) for c in found}) == len(found)
    assert all(text[c.start : c.end] == c.text for c in found)
    assert {"quote", "statement", "figure", "date"} <= {c.kind for c in found}


def test_demo_article_quotes_and_statements_match_the_gold_file() -> None:
    text, gold = demo_text(), demo_gold()
    found = detect(text, date.fromisoformat(gold["published"]))
    for kind in ("quote", "statement"):
        expected = {(c["start"], c["end"], c.get("speaker")) for c in gold["claims"] if c["kind"] == kind}
        got = {(c.start, c.end, c.speaker) for c in found if c.kind == kind}
        assert len(expected & got) >= 0.8 * len(expected), kind
        assert len(got - expected) <= 0.2 * len(got) + 1, kind
    quotes = {(c["start"], c["end"]): c["speaker"] for c in gold["claims"] if c["kind"] == "quote"}
    assert {(c.start, c.end): c.speaker for c in found if c.kind == "quote"} == quotes


@pytest.mark.parametrize(
    ("text", "selection", "kind"),
    [
        ("He said “we are ready for war” today.", "ready for war", "quote"),
        ("Some 90,000 troops took part.", "90,000 troops", "figure"),
        ("It happened on January 29, 2024 in Minsk.", "January 29, 2024", "date"),
        ("Two S-400 batteries arrived.", "S-400", "equipment"),
        ("The army withdrew from the city.", "The army withdrew from the city", "statement"),
    ],
)
def test_guess_kind_for_a_hand_selection(text: str, selection: str, kind: str) -> None:
    start = text.index(selection)
    assert guess_kind(text, start, start + len(selection)) == kind


def test_guess_kind_never_fails_on_odd_selections() -> None:
    assert guess_kind("", 0, 0) == "statement"
    assert guess_kind("abc", 5, -3) == "statement"


_ARTICLE_ALPHABET = st.sampled_from(
    list("aAbZ 019.,;:!?-—–'’\"“”„«»‘()\n\t$%€/") + ["said", " he said", "Mr.", "U.S.", "\n\n", "“"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ARTICLE_ALPHABET, max_size=80).map("".join), st.none() | st.dates())
def test_detection_never_raises_and_spans_index_the_text(text: str, published: date | None) -> None:
    for c in detect(text, published):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert 0.0 <= c.score <= 1.0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_detection_never_raises_on_any_text(text: str) -> None:
    for c in detect(text):
        assert text[c.start : c.end] == c.text
