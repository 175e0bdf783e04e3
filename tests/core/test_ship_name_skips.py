"""The ship scans are skipped only where they could find nothing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.detect.equipment import detect_equipment
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
