"""Typographic normalisation with a way back to the original offsets.

Publishers re-flow whitespace and swap quote styles without changing a word.
Searching in normalised text finds such a claim exactly; the index map turns
the match back into offsets of the real text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SAME_AS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Normalised:
    text: str
    # positions[i] is the offset in the original text of normalised character i;
    # one extra entry holds the original length.
    positions: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalised ``[start, end)``."""
        return self.positions[start], self.positions[end - 1] + 1 if end > start else self.positions[start]


def normalise(text: str) -> Normalised:
    translated = text.translate(_SAME_AS)
    out: list[str] = []
    positions: list[int] = []
    last = 0
    for match in _SPACES.finditer(translated):
        out.append(translated[last : match.start()])
        positions.extend(range(last, match.start()))
        out.append(" ")
        positions.append(match.start())
        last = match.end()
    out.append(translated[last:])
    positions.extend(range(last, len(translated)))
    positions.append(len(text))
    return Normalised("".join(out), positions)


def normal_form(text: str) -> str:
    """Just the normalised string, for comparing two short texts."""
    return _SPACES.sub(" ", text.translate(_SAME_AS)).strip()
