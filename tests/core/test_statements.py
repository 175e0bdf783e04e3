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
