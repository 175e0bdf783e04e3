"""The sentence splitter: abbreviations, quotations, paragraphs, headlines and datelines."""

from __future__ import annotations

import pytest

from workbench.detect.sentences import dateline_length, sentences


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones in St. Petersburg on Friday.",
        "Lt. Col. John A. Doe served in the U.S. Army for 12.5 years.",
        "The war began on Feb. 24 and reached No. 1 in the news.",
        "Gen. Petar Ivanov said the U.S. Patriot batteries arrived.",
        "In 2003, then-Sen. Ann Hale quit and ex-Gov. Tom Reed ran for the seat.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text: str) -> None:
    assert split(text) == [text]


def test_sentence_after_an_abbreviation_that_ends_it() -> None:
    assert split("The troops came from the U.S. The war went on.") == [
        "The troops came from the U.S.",
        "The war went on.",
    ]


def test_quotation_ending_a_sentence_and_quotation_inside_one() -> None:
    text = "“We are ready.” He left. “Are you sure?” she asked. “Yes,” he said."
    assert split(text) == ["“We are ready.”", "He left.", "“Are you sure?” she asked.", "“Yes,” he said."]


def test_blank_lines_end_headlines_without_punctuation() -> None:
    text = "Fire Destroys Grain Terminal\n\nA fire broke out. It spread\n\nContributor/Getty Images"
    assert split(text) == [
        "Fire Destroys Grain Terminal",
        "A fire broke out.",
        "It spread",
        "Contributor/Getty Images",
    ]


def test_a_line_break_inside_a_wrapped_sentence_does_not_split_it() -> None:
    assert split("The army said the\nbridge was destroyed.") == ["The army said the\nbridge was destroyed."]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("CAIRO — Egypt opened the border.", "Egypt opened the border."),
        ("NEW YORK (Reuters) - Stocks fell sharply.", "Stocks fell sharply."),
        ("KYIV, Ukraine — Drones hit the city.", "Drones hit the city."),
    ],
)
def test_datelines_are_not_part_of_the_sentence(text: str, sentence: str) -> None:
    assert split(text) == [sentence]


def test_an_acronym_opening_a_sentence_is_not_a_dateline() -> None:
    assert dateline_length("NATO is holding drills.") == 0
    assert split("NATO - the alliance - grew.") == ["NATO - the alliance - grew."]


def test_spans_index_the_text_exactly() -> None:
    text = "  First one.   Second one!\n\n\nThird?  "
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!", "Third?"]
    assert all(0 <= a < b <= len(text) for a, b in spans)
