"""The statement detector's shortcuts answer exactly what the plain checks answer."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.detect.lang import language
from workbench.detect.statements import _speech_only, _WordEnding
from workbench.kinds import detect

_CUES = language("en").statements

# Blanks, punctuation and words in the shapes an attribution after a quotation takes.
_PIECES = [
    " ", "   ", "\n", "\t", ",", ".", "-", "—", "–", ";", ":", "…", "(", "he", "He", "said", "SAID", "says",
    "added", "the", "foreign", "minister", "x.y", "-x", ".5", "’s", "it’s", "said,", "saying", "Jane",
    "nothing", "told", "reporters", "1",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_an_attribution_alone_is_found_as_the_pattern_finds_it(line: str) -> None:
    assert _speech_only(line) == bool(_CUES.SPEECH_ONLY.match(line))


_WORDS = ["walked", "need", "speed", "bed", "red", "largest", "best", "est", "interest", "said", "fed-up",
          "honest", "closed", "ed", "edged"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sets(st.sampled_from(_WORDS), max_size=5), max_size=6))
def test_remembered_word_endings_answer_as_the_words_do(sentences: list[set[str]]) -> None:
    past = _WordEnding("ed", 4, _CUES.NOT_PAST)
    for words in sentences:  # one after another: what is remembered from one serves the next
        expected = any(w.endswith("ed") and len(w) > 4 and w not in _CUES.NOT_PAST for w in words)
        assert past.any_in(words) == expected


def test_a_quotation_with_only_its_attribution_is_no_statement() -> None:
    text = (
        "“Forty trucks crossed the border at Rafah on Monday and sixty more waited in line,” "
        "he said.\n\n"
        "“Forty trucks crossed,” and then 60 more trucks crossed the border at Rafah on Tuesday, the agency said."
    )
    statements = [c.text for c in detect(text, date(2024, 2, 20)) if c.kind == "statement"]
    assert not any(t.startswith("“Forty trucks crossed the border") for t in statements)
    assert any(t.startswith("“Forty trucks crossed,”") for t in statements)
