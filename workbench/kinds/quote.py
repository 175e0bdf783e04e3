"""Quotes: words between quotation marks, with who said them. They state no value."""

from __future__ import annotations

from workbench.detect.pipeline import is_quoted
from workbench.detect.quotes import detect_quotes
from workbench.domain.kinds import ClaimKind
from workbench.kinds.spec import KindSpec, Selection, on_its_own


def _fits(selection: Selection) -> bool:
    return is_quoted(selection.text, selection.start, selection.end, selection.said)


SPEC = KindSpec(
    name=ClaimKind.QUOTE.value,
    detector=on_its_own(detect_quotes),
    fits_selection=_fits,
    guess_order=10,  # first: a date or a figure inside a quotation is still quoted
)
