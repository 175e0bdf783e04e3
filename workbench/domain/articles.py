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
    # ("title": the first line of a plain text kept in the body as its headline)
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
    by one blank line (``"\\n\\n"``), headline not included unless the source
    was plain text whose first line was kept in the body.
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
