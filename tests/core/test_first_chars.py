"""A pattern behind its first-character look-ahead finds exactly what it found before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.detect.figure_words import figure_words
from workbench.detect.first_chars import lower_cased, reads_lower_cased, skipping
from workbench.detect.lang import language
from workbench.detect.language_scope import speaking

_SHAPES = [
    r"\b(?:said|says|told|pointed out)\b",  # words after a boundary
    r"(?:Getty|Reuters)\b[^.]{0,40}$|^\(?WATCH\b|^(?:VIDEO|PHOTOS?)\s*:|\|",  # anchored alternatives
    r"\b(?:(?:just|well)\s+)?(?:over|under|about)\b",  # an optional word first
    r"\b(?:there\s+is\s+no\s+evidence|found\s+that)\b",
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)*",
    r"\d+(?:\.\d+)?\s*%",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("shape", _SHAPES)
def test_the_look_ahead_keeps_every_match(shape: str, flags: int) -> None:
    pattern = re.compile(shape, flags)
    fast = skipping(pattern)
    assert fast.pattern != pattern.pattern  # each of these shapes gets a look-ahead
    text = (
        "WATCH: Officials SAID on Monday that about 40% of homes, well over 12.5 %, had no power.\n"
        "“We found that there is no evidence,” Jane Roe told Reuters. Photo: Getty Images | "
        "It pointed out   nothing. Just under half said: well, maybe. VIDEO : Kyiv Says"
    )
    assert _spans(fast, text) == _spans(pattern, text)
    assert [fast.search(text, pos) and fast.search(text, pos).span() for pos in range(len(text))] == [
        pattern.search(text, pos) and pattern.search(text, pos).span() for pos in range(len(text))
    ]


@pytest.mark.parametrize("shape", [r"a*", r"(?:x|)y?", r".+said", r"[^a-z]+", r"(?i:said)\b", r"(?i)said"])
def test_a_pattern_it_cannot_read_is_left_as_it_is(shape: str) -> None:
    pattern = re.compile(shape)
    assert skipping(pattern) is pattern


_PROSE = st.lists(
    st.sampled_from(
        ["said", "Said", " ", "  ", "\n", ". ", ", ", "no evidence", "There is no", "found that", "about",
         "well over", "Reuters", "WATCH", ":", "|", "Getty", "4", "12.5", "%", "’s", "“", "”", "é", "Ünal",
         "could not verify", "will update this article", "is due to", "told", "USS Carney", "AK-platform"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_PROSE)
def test_the_detectors_patterns_find_the_same_in_any_text(text: str) -> None:
    english = language("en")
    with speaking("en"):
        patterns = [
            english.statements.FINDING, english.statements.PHRASES, english.statements.CREDIT,
            english.statements.UPDATE_PROMISE, english.figures.APPROXIMATOR_RE, figure_words().approximator_re,
        ]
    for pattern in patterns:
        assert _spans(skipping(pattern), text) == _spans(pattern, text), pattern.pattern[:40]


@settings(max_examples=200, deadline=None)
@given(_PROSE)
def test_a_lower_cased_twin_finds_the_same_spans_in_lower_cased_text(text: str) -> None:
    finding = language("en").statements.FINDING
    twin = lower_cased(finding)
    assert twin is not None
    lowered = text.lower()
    assert reads_lower_cased(text, lowered)
    assert _spans(twin, lowered) == _spans(finding, text)


def test_text_that_lower_cases_differently_is_read_as_written() -> None:
    # ``İ`` lower-cases to two characters; ``re`` folds ``ı`` to i and ``ſ`` to s, ``lower`` does not
    for odd in ("İs there", "ıt", "ſaid", "Said"):
        twin_works = reads_lower_cased(odd, odd.lower())
        assert twin_works == (odd == "Said")


@pytest.mark.parametrize("shape", [r"Said", r"[A-Z]x", r"straße", r"(\w)\1", r"(?-i:said)"])
def test_a_pattern_with_other_letters_gets_no_lower_cased_twin(shape: str) -> None:
    assert lower_cased(re.compile(shape, re.IGNORECASE)) is None


def test_a_pattern_of_lower_case_letters_gets_a_case_sensitive_twin() -> None:
    twin = lower_cased(re.compile(r"\bsaid\b", re.IGNORECASE))
    assert twin is not None
    assert twin.search("he said so") and not twin.search("he SAID so")
    assert lower_cased(re.compile("said")) is None  # a pattern that ignores no case has no twin
