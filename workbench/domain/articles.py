"""The extracted article: what ingest hands to storage, detection and re-checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the body for display: a paragraph, heading or block quote.

    ``start``/``end`` index ``ExtractedArticle.text`` so highlights can be
    drawn on the structured view.
    """

    kind: str  # "paragraph" | "heading" | "quote" | "list_item" | "table_row" | "title"
    # | "caption" | "byline" ("title": the headline, the text's first block;
    # "caption", "byline": a photo caption or credit, an author line, kept apart)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the article came from, byte for byte."""

    source: str  # as the user gave it: URL, path, or "pasted text"
    final_url: str | None
    raw: bytes  # original bytes, uncompressed here; storage compresses
    sha256: str
    http_status: int | None
    content_type: str | None
    fetched_at: datetime
    extractor: str  # e.g. "trafilatura 2.3.1 + workbench 0.1.0"


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """An article ready to store: metadata, plain text and its block structure.

    ``text`` is the exact string that claim offsets index: blocks separated
    by one blank line (``"\\n\\n"``). It opens with the headline as a
    ``title`` block when it has one (a page's title, a plain text's first line), so
    detection reads the headline too; ``body`` is the text after it.
    """

    title: str | None
    authors: list[str]
    published: str | None  # ISO 8601 date or datetime
    site_name: str | None
    language: str | None
    text: str
    blocks: list[Block]
    provenance: Provenance
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The text without its headline block."""
        headline = headline_span(self.blocks)
        return self.text[headline[1]:].lstrip("\n") if headline else self.text


# Blocks kept in the text for the reader but never proposed as claims.
SET_APART_KINDS = frozenset({"caption", "byline"})
# The tag a claim found in the headline is proposed with.
HEADLINE_TAG = "headline"


def _spans(structure: Any) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each block, from ``Block``s or stored structure dicts."""
    spans = []
    for block in structure or ():
        if isinstance(block, dict):
            spans.append((str(block.get("kind", "")), int(block.get("start", 0)), int(block.get("end", 0))))
        else:
            spans.append((block.kind, block.start, block.end))
    return spans


def headline_span(structure: Any) -> tuple[int, int] | None:
    """Where the headline stands in the text: its first block, when that is a ``title``."""
    spans = _spans(structure)
    if spans and spans[0][0] == "title":
        return spans[0][1], spans[0][2]
    return None


def set_apart_spans(structure: Any) -> list[tuple[int, int]]:
    """Where captions and bylines stand in the text: no claim is proposed there."""
    return [(start, end) for kind, start, end in _spans(structure) if kind in SET_APART_KINDS]
