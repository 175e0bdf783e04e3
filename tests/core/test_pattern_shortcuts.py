"""Shortcuts past slow patterns (speakers, subjects, numbers) find exactly what the patterns find."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.detect.figure_names import _word_before
from workbench.detect.first_chars import expansions
from workbench.detect.name_table import _patterns, _spokespeople
from workbench.detect.names import _last_word
from workbench.detect.speakers import _mask_quotes, speech_verbs
from workbench.detect.speakers import _patterns as _verb_pattern

_PIECES = [
    "spokesman", "spokeswoman", "spokespeople", "representative", "official", "officials", "statement",
    "un", "non-", " ", "  ", "\n", "for", "from", "of", "at", "the", "The", "Kremlin", "Biden", "campaign",
    "Defence", "Ministry", "Russia’s", ",", ".", "x",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)
       | st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
def test_spokespeople_are_found_as_the_pattern_finds_them(text: str) -> None:
    expected = [(m.start(), m.group(1)) for m in _patterns().spokesperson_for.finditer(text)]
    assert _spokespeople(text) == expected


def test_a_spokesman_speaks_for_the_body_named_after_him() -> None:
    text = "An official from the Kremlin and a spokeswoman for the Biden campaign spoke."
    assert [body for _, body in _spokespeople(text)] == ["Kremlin", "Biden campaign"]


_PREFIX_PIECES = ["he", "He", " ", "\n", ",", "’s", "'", "-", "x1", "_", "é", "ministry", ".", "#", "Ukraine"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PREFIX_PIECES), max_size=10).map("".join))
def test_the_last_word_is_read_as_the_end_anchored_pattern_reads_it(prefix: str) -> None:
    found = re.search(r"([\w’'-]+)$", prefix)
    assert _last_word(prefix) == (found.group(1) if found else "")


_BEFORE_PIECES = ["page", "Leopard", "2S", "U.S.", " ", "\t", "\n", ".", "x_y", "é", "12", ",", "a", "-"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_PIECES), max_size=8).map("".join))
def test_the_word_before_a_number_is_read_as_the_pattern_reads_it(before: str) -> None:
    found = re.search(r"([A-Za-z][\w.]*)[ \t]+$", before)
    assert _word_before(before) == ((found.group(1), len(found.group(0))) if found else None)


_TEXT_PIECES = ["said", "Said", "says", "pointed out", "pointed", "emphasised", "told", "saidx", "2", "_", "é",
                " ", ".", ",", "\n", "“", "”", "he", "Mr", "’s", "x", "reports"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_PIECES), max_size=14).map("".join), st.data())
def test_speech_verbs_are_found_as_the_pattern_finds_them(text: str, data: st.DataObject) -> None:
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=4))) | {0, len(text)})
    spans = [(a, b) for a, b in pairwise(cuts) if a < b]  # sentences, some cutting a word
    masked = _mask_quotes(text, [(m.start(), n.start()) for m, n in pairwise(re.finditer("[“”]", text))][:1])
    expected = [[m.span() for m in _verb_pattern().verb.finditer(masked, a, b)] for a, b in spans]
    assert [[m.span() for m in verbs] for verbs in speech_verbs(text, masked, spans)] == expected


def test_the_speech_verbs_are_read_as_a_list_of_words() -> None:
    assert expansions(r"said|emphasi[sz]ed|pointed out") == {"said", "emphasised", "emphasized", "pointed out"}
    assert expansions(r"says?") is None  # a repeat is not read: no shortcut
