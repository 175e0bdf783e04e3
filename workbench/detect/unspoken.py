"""Quoted words that nobody speaks: titles, names given to things, inscriptions.

``a report titled “...”``, ``it was called an “award for military excellence”``, ``a
banner read: “...”``, ``a medal engraved with the words “...”``: the words are between
quotation marks, but no person or body says them there, so the quotation has no
speaker unless an attribution follows it (``,” the mayor said``). Each test looks at the
lead-in only: the text of the quotation's sentence before its opening mark.
"""

from __future__ import annotations

import re

# ``a report titled “...”``: what follows is the name of a document, whoever wrote it.
_TITLED = re.compile(r"\b(?:titled|entitled|headlined|headed)[,:]?\s*$")
# ``It was called an “award ...”``: a passive naming verb names a thing; ``called`` after a
# subject (``Putin called it “a provocation”``) is an active judgement and stays speech.
_NAMED_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+|now\s+)?"
    r"(?:called|named|dubbed|labell?ed|nicknamed|termed|branded|known\s+as|described\s+as)"
    r"\s+(?:an?|the)?\s*$"
)
_SURFACE = (
    r"(?:sign|signs|signboard|banner|banners|placard|placards|plaque|poster|posters|billboard|"
    r"board|chalkboard|blackboard|whiteboard|box|boxes|crate|crates|carton|label|labels|"
    r"sticker|stickers|badge|medal|medals|t-shirts?|shirts?|caps?|mugs?|walls?|graffiti|"
    r"mural|headstone|gravestone|tombstone|monument|memorial|inscription|slogan|flags?|"
    r"leaflets?|flyers?|package|parcels?)"
)
_INSCRIBED = re.compile(
    r"\b(?:engraved|inscribed|emblazoned|etched|stamped|printed|painted|scrawled|daubed|"
    r"embroidered|carved|spray-painted)\b"
    r"|\b(?:with|bearing|bore)\s+the\s+words?\b"
    # ``a banner read in red letters across the gate:``, ``a chalk board ... still says``
    rf"|\b{_SURFACE}\b[^.!?]{{0,80}}?(?:\b(?:read|reads|reading|says|said|saying|bore|bears|"
    r"bearing|showed|shows|displayed|displays|proclaimed|proclaims)\b[^.!?]{0,60}$|:\s*$)"
    # ``On each box was a short message:``
    rf"|\b[Oo]n\s+(?:the|each|every|a|one|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?{_SURFACE}\b"
)
_MINOR = frozenset("a an the of in on at for to and or but by with from as vs".split())
_WORD = re.compile(r"[\w’'-]+")


def is_title(quoted: str) -> bool:
    """``“State of the Union”``: a short Title Case name of a show or document, not speech."""
    words = _WORD.findall(quoted)
    if not 2 <= len(words) <= 7 or quoted.rstrip(" ,")[-1:] in ".!?":
        return False
    if sum(w.isupper() and len(w) > 1 for w in words) > len(words) // 2:
        return False  # ``“THIS IS ONLY A TEST”``: shouting, not a title
    return all(w[0].isupper() or w.lower() in _MINOR for w in words) and words[0][0].isupper()


def names_a_thing(lead: str) -> bool:
    """The lead-in gives the quotation as the name of a document or a thing."""
    tail = lead[-60:]  # both verbs stand right before the mark
    return bool(_TITLED.search(tail) or _NAMED_PASSIVE.search(tail))


def is_inscription(lead: str) -> bool:
    """The lead-in presents the words as printed, painted or engraved on something."""
    return bool(_INSCRIBED.search(lead[-200:]))
