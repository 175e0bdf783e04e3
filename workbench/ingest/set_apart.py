"""Blocks that are not the article's own prose: captions, credit lines, bylines, teasers.

trafilatura keeps some of them in the body: a photo caption written as a
paragraph, a ``Contributor/Getty Images`` credit, a ``By Jane Doe`` line, a
``More: <other story>`` link. They stay in the text (a reader sees them on
the page) but as blocks of their own kind, which detection does not propose
claims from; a teaser for another story is dropped. A block is a caption or
byline when the page's markup says so (``<figcaption>``, a ``caption``,
``credit`` or ``byline`` class) or when its words alone do (a photo credit).
"""

from __future__ import annotations

import re
from typing import Any

from workbench.ingest.body import TextBlock

# Block kinds kept in the text but never proposed as claims.
CAPTION = "caption"
BYLINE = "byline"

_SHORT = 300  # characters: a caption or byline is a line or two

_CAPTION_CLASS = re.compile(r"caption|credit|photo-?text|image-?text|wp-caption", re.I)
_BYLINE_CLASS = re.compile(r"byline|author-?name|article-?author", re.I)
_APART_CLASS = re.compile(f"{_CAPTION_CLASS.pattern}|{_BYLINE_CLASS.pattern}", re.I)
_TAGS = frozenset({"p", "div", "span", "small", "cite"})

# A photo credit standing alone or closing a caption: ``Contributor/Getty Images``,
# ``(Photo: Jane Doe/Reuters)``, ``Photograph: Jane Doe/AP``.
_CREDIT = re.compile(
    r"(?:^|[(\[]|\.\s)(?:photo(?:graph)?s?|image|picture|credit|foto)\s*(?:by\b|:|©)"
    r"|\b(?:getty images|shutterstock|ap photo|afp via getty|reuters/|/reuters|/ap\b|/afp\b|/epa\b)"
    r"|^[\w .’'-]{1,40}/[\w .’'-]{1,40}$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:[Bb]y|[Ww]ritten by|[Ww]ords by)\s+[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}"
                     r"(?:\s*(?:,|and|&|\|)\s*[\w .’'-]{0,60})?$")
# A link to another story: ``More: Dockers strike again``, ``ALSO READ: ...``.
_TEASER = re.compile(r"^(?:more|also|also read|watch|listen|related story|top stories)\s*:\s*\S", re.I)


Marked = tuple[set[str], set[str]]  # the texts the markup calls captions, and bylines (compacted)


def set_apart(blocks: list[TextBlock], marked: Marked | None = None) -> list[TextBlock]:
    """``blocks`` with captions and bylines re-labelled and teasers for other stories left out.

    ``marked``: what ``marked_texts`` read off the page before trafilatura pruned it.
    """
    captions, bylines = marked or (set(), set())
    kept: list[TextBlock] = []
    for block in blocks:
        text = block.text
        if len(text) > _SHORT or block.kind not in {"paragraph", "heading"}:
            kept.append(block)
            continue
        key = _compact(text)
        if _TEASER.match(text):
            continue
        if key in captions or _CREDIT.search(text):
            kept.append(TextBlock(CAPTION, text))
        elif key in bylines or _BYLINE.match(text):
            kept.append(TextBlock(BYLINE, text))
        else:
            kept.append(block)
    return kept


def marked_texts(tree: Any) -> Marked:
    """The short texts the page's markup calls captions and bylines: a figcaption, or a text
    element whose class or id names one. One pass over the lxml tree; an element's text is
    read only once its name and class have matched."""
    captions: set[str] = set()
    bylines: set[str] = set()
    if tree is None:
        return captions, bylines
    for element in tree.iter():
        if not isinstance(element.tag, str):  # comments and processing instructions
            continue
        name = element.tag.lower()
        named = f"{element.get('class') or ''} {element.get('id') or ''}"
        if name != "figcaption" and (name not in _TAGS or not _APART_CLASS.search(named)):
            continue
        target = bylines if name != "figcaption" and _BYLINE_CLASS.search(named) else captions
        text = _compact(" ".join(element.itertext()))
        if text and len(text) <= _SHORT:
            target.add(text)
    return captions, bylines


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()
