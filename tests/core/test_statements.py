"""Checkable statements: facts in, opinions, forecasts, questions and quote-only sentences out."""

from __future__ import annotations

import pytest

from workbench.detect.statements import detect_statements, statement_span
from workbench.kinds import detect


def statements(text: str) -> list[str]:
    found = [c for c in detect(text) if c.kind == "statement"]
    for c in found:
        assert text[c.start : c.end] == c.text and 0 <= c.score <= 1
    return [c.text for c in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces fired 40 missiles at Kyiv on Tuesday, killing six people.",
        "NATO is holding its largest exercise in Europe since the 1990s.",
        "The ministry said 32,000 troops took part in the drills.",
        "Oil prices fell to their lowest level since 2003 because of oversupply.",
        "Talks are due to start in Geneva in mid-December.",
        "Belarus has strengthened ties with Russia since the start of the invasion.",
    ],
)
def test_facts_are_statements(sentence: str) -> None:
    assert statements(sentence) == [sentence.rstrip(".")]


@pytest.mark.parametrize(
    "sentence",
    [
        "I think the government should resign.",
        "The talks will probably fail.",
        "Will the terminal reopen before the harvest?",
        "The company plans to expand into new markets.",
        "Officials fear the worst and hope for calm.",
        "“We are ready for anything,” he said on Tuesday in Minsk.",
        "Contributor/Getty Images",
        "19",
        "(RELATED: Did Ukraine Hit The Crimea Bridge With A Missile?)",
    ],
)
def test_opinions_forecasts_questions_quotes_and_debris_are_not(sentence: str) -> None:
    assert statements(sentence) == []


def test_span_drops_final_punctuation_closing_quote_and_dateline() -> None:
    text = (
        "CAIRO — Last month, Egypt and Jordan signed 12 new deals that their leaders said "
        "showed a “genuine alliance between the two countries.”"
    )
    [found] = statements(text)
    assert found.startswith("Last month, Egypt")
    assert found.endswith("a “genuine alliance between the two countries")


def test_statement_span_keeps_an_apostrophe_that_ends_a_word() -> None:
    text = "The troops crossed into Belarus’"
    assert statement_span(text, 0, len(text)) == (0, len(text))


def test_a_verbless_caption_with_who_where_and_when_is_a_statement() -> None:
    text = "President Emmanuel Macron and Chancellor Olaf Scholz on January 29, 2024, in Paris."
    assert statements(text) == [text.rstrip(".")]


def test_earlier_claims_raise_the_score() -> None:
    from workbench.detect.candidate import Candidate

    text = "Another two divisions are equipped with the systems now."
    alone = detect_statements(text, None, [])
    figure = Candidate("figure", 8, 21, text[8:21], 2, "division")
    with_figure = detect_statements(text, None, [figure])
    assert with_figure and (not alone or with_figure[0].score > alone[0].score)


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no evidence for this claim.",
        "The Daily Ledger could not independently verify the footage.",
        "Fact Finders has not been able to independently confirm the figures.",
        "An analysis by the statistics office found that rents rose across the region.",
        "The mayor never said that she was “terrified” of the new bridge.",
    ],
)
def test_findings_and_fact_check_verdicts_are_statements(sentence: str) -> None:
    assert statements(sentence) == [sentence.rstrip(".")]


def test_a_pronoun_inside_a_name_is_not_the_narrators_voice() -> None:
    sentence = "Verify Our News contacted the port authority and obtained a copy of the contract."
    assert statements(sentence) == [sentence.rstrip(".")]
    # an editor's promise to update the piece is no forecast
    promise = "Verify Our News reached out to the ministry for comment and will update this article if it replies."
    assert statements(promise) == [promise.rstrip(".")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said she was “very moved” by the welcome.",
        "He said he was not deterred by the long delays.",
        "The plan to merge the two agencies is doubtful.",
        "Such a patchwork of rules is worrisome for small growers.",
        "This article has been adapted from a lecture given at the Harbour Institute.",
        "(Additional reporting by Ana Ruiz, Tom Reyes, Lena Ortiz, Carl Mendez, Ida Holm, Per Lund, Jon Berg, "
        "Eva Nilsson and Olaf Dahl; Writing by Sara Kim; Editing by Paul Vos and Greta Lind)",
        "Editor’s note: An earlier version of this story misstated the date of the vote.",
    ],
)
def test_reactions_opinions_and_editorial_notes_are_not(sentence: str) -> None:
    assert statements(sentence) == []


def test_questions_closed_by_a_bracket_or_titled_without_a_mark_are_not_statements() -> None:
    text = (
        "Is the harbour bridge rebuilt in 2023 safe for heavy trucks\n\n"
        "The bridge carried 14,000 trucks in May. (Who inspected it after the storm in 2023?)"
    )
    assert statements(text) == ["The bridge carried 14,000 trucks in May"]
