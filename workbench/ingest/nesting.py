"""Cap how deeply a page's elements nest, before any parser sees it.

Hostile or broken pages nest tens of thousands of ``<div>``s. BeautifulSoup's
tree building (its linkage fixer) grows superlinearly with that depth, and
libxml2, under both lxml and trafilatura, stops reading at depth 256 and
silently drops everything after: the article around the deep part is lost.
So one linear scan over the tags drops the start and end tags of elements
nested deeper than ``MAX_DEPTH``; their text stays, flattened into the
element at the limit. Real pages nest a few dozen levels; a page that stays
under the limit is returned unchanged (the same string).
"""

from __future__ import annotations

import re

MAX_DEPTH = 100
# A close tag is matched against this many innermost open elements; deeper
# searches would make badly mis-nested markup quadratic.
_CLOSE_SEARCH = 8
# ``[^<>]*`` stops at the next "<": a "<" that never closes costs one short scan.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>|<!--")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen frame basefont isindex".split()
)
# Elements whose end tag browsers imply: they do not stack up, so they are not counted.
_IMPLIED_END = frozenset(
    "p li dt dd tr td th option optgroup rb rt rp rtc thead tbody tfoot colgroup caption head body html".split()
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"})


def cap_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the tags of elements nested deeper than ``max_depth`` removed."""
    stack: list[tuple[str, bool]] = []  # (tag name, kept in the output)
    entries: dict[tuple[str, bool], tuple[str, bool]] = {}  # one shared tuple per kind: a deep stack stays small
    pieces: list[str] = []
    copied = 0  # html[:copied] is already in pieces
    position = 0
    while (match := _TAG.search(html, position)) is not None:
        position = match.end()
        if match.group(0) == "<!--":
            end = html.find("-->", position)
            if end < 0:
                break
            position = end + 3
            continue
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            kept = _close(stack, name)
            if kept is False:
                pieces.append(html[copied : match.start()] + " ")
                copied = position
            continue
        if name in _RAW_TEXT:
            end = _find_close(html, name, position)
            if end < 0:
                break
            position = end
            continue
        if name in _VOID or name in _IMPLIED_END or rest.rstrip().endswith("/"):
            continue
        keep = len(stack) < max_depth
        stack.append(entries.setdefault((name, keep), (name, keep)))
        if not keep:
            pieces.append(html[copied : match.start()] + " ")
            copied = position
    if not pieces:
        return html
    pieces.append(html[copied:])
    return "".join(pieces)


def _close(stack: list[tuple[str, bool]], name: str) -> bool | None:
    """Pop the innermost open ``name``; whether it was kept, or None if none is open nearby."""
    for back in range(1, min(_CLOSE_SEARCH, len(stack)) + 1):
        if stack[-back][0] == name:
            kept = stack[-back][1]
            del stack[-back:]
            return kept
    return None


def _find_close(html: str, name: str, start: int) -> int:
    """Where the raw-text element ``name`` ends (its close tag), or -1."""
    pattern = re.compile(rf"</{name}\s*>", re.IGNORECASE)
    match = pattern.search(html, start)
    return match.end() if match else -1
