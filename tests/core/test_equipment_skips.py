"""The equipment scans (ships, names in the trie) are skipped only where they could find nothing."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.detect import equipment
from workbench.detect.equipment import detect_equipment
from workbench.detect.equipment_starts import may_name_at, name_openers
from workbench.detect.ship_names import _CLASS, _class_written, hulls

_TOKEN = re.compile(r"[^\W\d_]+|\d+")  # as the equipment detector splits a text

# Pieces that come close to a hull or a class name in every way they may fail.
_PIECES = [
    "USS", "HMS", "HNoMS", "JS", "Carney", "Kirov", "McKay", "O'Neil", "R.", "Jr.", "of", "the",
    "class", "Class", "lass", "classes", "classy", "glass", "-", "\u2010", "\u2011", " ", "  ", ".",
    "(DDG-64)", "(D34)", "submarine", "x", "É", "_", "7", "\n",
]


_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
# Mostly a word, a gap and a class word, with pieces around them.
_NEAR_CLASSES = st.tuples(
    _TEXTS, st.sampled_from(["Kirov", "Akula", "R.", "Jr.", "McKay", "O'Neil", "x.", "É", "7", "mKay", ""]),
    st.sampled_from(["-", "\u2010", "\u2011", " ", "  ", ""]), st.sampled_from(["class", "Class", "classy"]), _TEXTS,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _NEAR_CLASSES))
def test_a_class_name_is_never_skipped(text: str) -> None:
    if any(_CLASS.finditer(text)):
        assert _class_written(text)


_NEAR_HULLS = st.tuples(
    _TEXTS, st.sampled_from(["USS", "HNoMS", "JS", "XUSS", "uss", ""]), st.sampled_from([" ", "\n", "-", ""]),
    st.sampled_from(["Carney", "Akula", "R. Kay", "x", ""]), st.sampled_from([" (DDG-64)", "(D34)", ""]), _TEXTS,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _NEAR_HULLS))
def test_a_hull_is_never_skipped(text: str) -> None:
    assert hulls(text, set(_TOKEN.findall(text))) == hulls(text)


def test_classes_and_hulls_are_still_found() -> None:
    text = (
        "The glass classes ended. An Oscar-class submarine and the Kirov class cruiser sailed "
        "with USS Carney (DDG-64) and JS Maya (DDG-179)."
    )
    found = {c.text for c in detect_equipment(text, None)}
    assert {"Oscar-class", "Kirov class", "USS Carney (DDG-64)", "JS Maya (DDG-179)"} <= found


_NAME_PIECES = ["a", "A", "-", "10", "Su", "25", "S", "400", "is", "as", "Kinzhal", "Kinzhals", "Leopard", "2",
                "2A6", "Patriot", "PATRIOT", "patriots", " ", "  ", ",", ".", "new", "HIMARS", "s", "F", "16s", "T",
                "Iron", "Dome", "Domes", "Hawks", "I"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=12).map("".join))
@example("two Iron Domes and a Su-25")  # a plural on the second word of a name
def test_no_name_is_skipped_where_the_walk_finds_one(text: str) -> None:
    spans = list(_TOKEN.finditer(text))
    words = [m.group() for m in spans]
    openers = name_openers(set(words), equipment._trie().children)
    for i, word in enumerate(words):
        if word in openers and equipment._longest_at(text, spans, words, i) is not None:
            assert may_name_at(openers, words, i)
