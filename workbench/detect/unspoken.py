"""Quoted words that nobody speaks: titles, names given to things, inscriptions.

``a report titled “...”``, ``it was called an “award for military excellence”``, ``a
banner read: “...”``, ``a medal engraved with the words “...”``: the words are between
quotation marks, but no person or body says them there, so the quotation has no
speaker unless an attribution follows it (``,” the mayor said``). Each test looks at the
lead-in only: the text of the quotation's sentence before its opening mark.
"""

from __future__ import annotations

import re

from workbench.detect.language_scope import current_language

_WORD = re.compile(r"[\w’'-]+")


def is_title(quoted: str) -> bool:
    """``“State of the Union”``: a short Title Case name of a show or document, not speech."""
    cues = current_language().inscriptions
    words = _WORD.findall(quoted)
    if not 2 <= len(words) <= 7 or quoted.rstrip(" ,")[-1:] in ".!?":
        return False
    if sum(w.isupper() and len(w) > 1 for w in words) > len(words) // 2:
        return False  # ``“THIS IS ONLY A TEST”``: shouting, not a title
    return all(w[0].isupper() or w.lower() in cues.MINOR_WORDS for w in words) and words[0][0].isupper()


def names_a_thing(lead: str) -> bool:
    """The lead-in gives the quotation as the name of a document or a thing."""
    cues = current_language().inscriptions
    tail = lead[-60:]  # both verbs stand right before the mark
    return bool(cues.TITLED.search(tail) or cues.NAMED_PASSIVE.search(tail))


def is_inscription(lead: str) -> bool:
    """The lead-in presents the words as printed, painted or engraved on something."""
    cues = current_language().inscriptions
    return bool(cues.INSCRIBED.search(lead[-200:]))
