"""Whether a quoted passage is still on a source's page, and where (pure functions).

Pages re-flow whitespace and swap quotation marks and dashes without
changing a word, and a reviewer's copy may do the same: both sides are
compared in the normal form the article re-check uses, case aside.
"""

from __future__ import annotations

from workbench.recheck.normal import normal_form, normalise


def passage_on_page(passage: str, text: str) -> bool | None:
    """True when ``passage`` is in ``text``; None when there is nothing to look for."""
    needle = normal_form(passage).casefold()
    if not needle:
        return None
    return needle in normal_form(text).casefold()


def find_passage(passage: str, text: str) -> tuple[int, int] | None:
    """Where ``passage`` first is in ``text`` (offsets of ``text``), for the reader to highlight."""
    needle = normal_form(passage)
    if not needle:
        return None
    normal = normalise(text)
    haystack = normal.text
    # Case is ignored only where folding keeps every character's place (it does for most text).
    folded = haystack.casefold()
    if len(folded) == len(haystack) and len(needle.casefold()) == len(needle):
        haystack, needle = folded, needle.casefold()
    at = haystack.find(needle)
    return normal.original_span(at, at + len(needle)) if at >= 0 else None
