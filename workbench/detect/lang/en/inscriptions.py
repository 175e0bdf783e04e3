"""English words that make a quotation a title, a name or an inscription, not speech."""

from __future__ import annotations

import re

# ``a report titled “...”``: what follows is the name of a document, whoever wrote it.
TITLED = re.compile(r"\b(?:titled|entitled|headlined|headed)[,:]?\s*$")

# ``It was called an “award ...”``: a passive naming verb names a thing; ``called`` after a
# subject (``Putin called it “a provocation”``) is an active judgement and stays speech.
NAMED_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+|now\s+)?"
    r"(?:called|named|dubbed|labell?ed|nicknamed|termed|branded|known\s+as|described\s+as)"
    r"\s+(?:an?|the)?\s*$"
)

# Things words are written on: a quotation on them was not spoken.
SURFACE = (
    r"(?:sign|signs|signboard|banner|banners|placard|placards|plaque|poster|posters|billboard|"
    r"board|chalkboard|blackboard|whiteboard|box|boxes|crate|crates|carton|label|labels|"
    r"sticker|stickers|badge|medal|medals|t-shirts?|shirts?|caps?|mugs?|walls?|graffiti|"
    r"mural|headstone|gravestone|tombstone|monument|memorial|inscription|slogan|flags?|"
    r"leaflets?|flyers?|package|parcels?)"
)

# Verbs and phrases that say words were written or printed, not spoken.
INSCRIBED = re.compile(
    r"\b(?:engraved|inscribed|emblazoned|etched|stamped|printed|painted|scrawled|daubed|"
    r"embroidered|carved|spray-painted)\b"
    r"|\b(?:with|bearing|bore)\s+the\s+words?\b"
    # ``a banner read in red letters across the gate:``, ``a chalk board ... still says``
    rf"|\b{SURFACE}\b[^.!?]{{0,80}}?(?:\b(?:read|reads|reading|says|said|saying|bore|bears|"
    r"bearing|showed|shows|displayed|displays|proclaimed|proclaims)\b[^.!?]{0,60}$|:\s*$)"
    # ``On each box was a short message:``
    rf"|\b[Oo]n\s+(?:the|each|every|a|one|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?{SURFACE}\b"
)

# Words a title leaves in lower case: ``State of the Union``.
MINOR_WORDS = frozenset("a an the of in on at for to and or but by with from as vs".split())
