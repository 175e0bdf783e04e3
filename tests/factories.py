"""Small builders for test data that do not depend on ingest or detection."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from workbench.domain.articles import Block, ExtractedArticle, Provenance

DEMO_TEXT = (
    "Belarus prepares for war\n\n"
    "About 32,000 troops were deployed near the border on Tuesday, officials said.\n\n"
    "\u201cWe must be prepared as much as possible,\u201d Alexander Lukashenko said.\n\n"
    "Two new divisions of S-400 systems are in service."
)


def make_article(text: str = DEMO_TEXT, *, title: str = "Belarus prepares for war",
                 source: str = "https://news.example/belarus", published: str | None = "2024-02-20") -> ExtractedArticle:
    blocks = []
    offset = 0
    for part in text.split("\n\n"):
        blocks.append(Block("paragraph", offset, offset + len(part)))
        offset += len(part) + 2
    raw = text.encode("utf-8")
    return ExtractedArticle(
        title=title,
        authors=["Ana Reporter"],
        published=published,
        site_name="News Example",
        language="en",
        text=text,
        blocks=blocks,
        url=source,
        provenance=Provenance(
            source=source,
            final_url=source,
            raw=raw,
            sha256=hashlib.sha256(raw).hexdigest(),
            http_status=200,
            content_type="text/plain; charset=utf-8",
            fetched_at=datetime(2024, 2, 21, 9, 30, tzinfo=UTC),
            extractor="test",
        ),
    )


def long_read(words: int) -> str:
    """The Belarus demo article's body repeated, each copy headed "Part N.", to about ``words`` words."""
    from workbench.services.demo import demo_text

    body = demo_text()
    parts, count, copy = [], 0, 0
    while count < words:
        copy += 1
        parts.append(f"Part {copy}.\n\n{body}")
        count += len(body.split()) + 2
    return "\n\n".join(parts)
