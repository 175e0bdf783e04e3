"""From trafilatura's XML body to our blocks: paragraphs, headings, quotes, list items.

trafilatura hands back its body as a small XML tree (``p``, ``head``,
``quote``, ``list``/``item``, ``table``/``row``/``cell``, ``code``, with
inline ``hi``, ``ref``, ``lb``). We walk it once and emit one block per
paragraph-like element, so the reader pane can show structure and the plain
text is simply the blocks joined by a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_INLINE_BREAK = "lb"
_SKIP = frozenset({"graphic", "fw", "note", "comments"})
# Controls and invisible formatting (soft hyphens, zero-width spaces) that
# pages use for layout; claims must match the words a reader sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b\u2060\ufeff]")


@dataclass(frozen=True, slots=True)
class TextBlock:
    kind: str  # "paragraph" | "heading" | "quote" | "list_item" | "table_row"
    text: str


def blocks_from_xml(body: etree._Element) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    _walk_container(body, "paragraph", blocks)
    return [b for b in blocks if b.text]


def blocks_from_plain(text: str, kind: str = "paragraph") -> list[TextBlock]:
    """Blocks from plain text such as JSON-LD ``articleBody``: one per non-empty line."""
    return [TextBlock(kind, clean_inline(line)) for line in text.splitlines() if clean_inline(line)]


def clean_inline(text: str) -> str:
    """Collapse whitespace runs to a space, keeping explicit line breaks (one ``\\n``)."""
    text = _CONTROL.sub("", text.replace("\u00a0", " "))
    lines = (re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _walk_container(element: etree._Element, kind: str, blocks: list[TextBlock]) -> None:
    """Children of a block container; loose text between them becomes paragraphs."""
    _loose(element.text, kind, blocks)
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            _loose(child.tail, kind, blocks)
            continue
        _element(child, kind, blocks)
        _loose(child.tail, kind, blocks)


def _loose(text: str | None, kind: str, blocks: list[TextBlock]) -> None:
    if text and text.strip():
        blocks.append(TextBlock(kind, clean_inline(text)))


def _element(element: etree._Element, kind: str, blocks: list[TextBlock]) -> None:
    tag = element.tag
    if tag in _SKIP:
        return
    if tag == "head":
        blocks.append(TextBlock("heading", _inline(element)))
    elif tag == "quote":
        if _has_block_children(element):
            _walk_container(element, "quote", blocks)
        else:
            blocks.append(TextBlock("quote", _inline(element)))
    elif tag == "list":
        for item in element:
            if item.tag == "item":
                _list_item(item, blocks)
            elif isinstance(item.tag, str):
                _element(item, kind, blocks)
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_inline(cell) for cell in row if cell.tag == "cell"]
            blocks.append(TextBlock("table_row", " | ".join(c for c in cells if c)))
    elif tag == "code":
        code = re.sub(r"\n\s*\n+", "\n", element.xpath("string()")).strip("\n")
        blocks.append(TextBlock(kind, _CONTROL.sub("", code)))
    elif tag == "item":
        _list_item(element, blocks)
    elif tag in ("p", "hi", "ref", "del", "span", "lb"):
        blocks.append(TextBlock(kind, _inline(element)))
    else:  # div, section and other wrappers
        _walk_container(element, kind, blocks)


def _list_item(item: etree._Element, blocks: list[TextBlock]) -> None:
    parts = [item.text or ""]
    nested = []
    for child in item:
        if child.tag == "list":
            nested.append(child)
            parts.append(child.tail or "")
        elif isinstance(child.tag, str):
            _gather(child, parts)
        else:
            parts.append(child.tail or "")
    blocks.append(TextBlock("list_item", clean_inline("".join(parts))))
    for sub in nested:
        _element(sub, "list_item", blocks)


def _has_block_children(element: etree._Element) -> bool:
    return any(child.tag in ("p", "list", "head", "quote", "table", "code") for child in element)


def _inline(element: etree._Element) -> str:
    parts: list[str] = []
    _gather(element, parts, top=True)
    return clean_inline("".join(parts))


def _gather(element: etree._Element, parts: list[str], top: bool = False) -> None:
    if element.tag == _INLINE_BREAK:
        parts.append("\n")
    elif element.tag in _SKIP:
        pass
    else:
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                _gather(child, parts)
            else:
                parts.append(child.tail or "")
        if element.tag in ("p", "item", "head", "row") and not top:
            parts.append("\n")
    if not top:
        parts.append(element.tail or "")
