"""Shortcuts past slow patterns (speakers, subjects, numbers) find exactly what the patterns find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.detect.figure_names import _word_before
from workbench.detect.name_table import _patterns, _spokespeople
from workbench.detect.names import _last_word

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
