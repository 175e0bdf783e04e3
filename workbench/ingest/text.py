"""Plain-text files and pasted text: the text is kept exactly as given.

Claim offsets index the decoded input itself, so nothing is normalised:
not line endings, not spaces, not a byte order mark. Blocks are the runs of
text between blank lines; the first line is also the title when it looks
like a headline (short, no final full stop) and more text follows.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

from workbench.domain.articles import Block, ExtractedArticle, Provenance
from workbench.domain.errors import EmptyPageError
from workbench.ingest.charset import decode_text_file
from workbench.ingest.extract import EXTRACTOR

_BREAK = r"(?:\r\n|\r(?!\n)|\n)"  # one line break, whatever the platform
_BLANK_LINES = re.compile(rf"{_BREAK}(?:[^\S\r\n]*{_BREAK})+")
_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS = 25


def extract_text_bytes(raw: bytes, *, source: str, content_type: str = "text/plain") -> ExtractedArticle:
    """A text file's bytes (UTF-8, or detected if not UTF-8) as an article."""
    decoded = decode_text_file(raw)
    article = extract_text(decoded.text, source=source, raw=raw, content_type=content_type)
    article.extra.update(encoding=decoded.encoding, replaced_bytes=decoded.replaced)
    return article


def extract_text(
    text: str,
    *,
    source: str = "pasted text",
    raw: bytes | None = None,
    content_type: str = "text/plain",
    provenance: Provenance | None = None,
) -> ExtractedArticle:
    """Pasted or decoded text as an article whose ``text`` is ``text`` unchanged."""
    if not text.strip():
        raise EmptyPageError(
            "The text is empty." if source == "pasted text" else f"{source} is empty.",
            "Paste or open the article's text.",
        )
    raw = text.encode("utf-8") if raw is None else raw
    blocks = split_blocks(text)
    title = _title(text, blocks)
    if title is not None:
        first = blocks[0]
        blocks[0] = Block("title", first.start, first.end)
    return ExtractedArticle(
        title=title,
        authors=[],
        published=None,
        site_name=None,
        language=None,
        text=text,
        blocks=blocks,
        provenance=provenance
        or Provenance(
            source=source,
            final_url=None,
            raw=raw,
            sha256=hashlib.sha256(raw).hexdigest(),
            http_status=None,
            content_type=content_type,
            fetched_at=datetime.now(UTC),
            extractor=EXTRACTOR,
        ),
        url=None,
    )


def split_blocks(text: str) -> list[Block]:
    """Paragraph blocks between blank lines; offsets exclude surrounding whitespace."""
    blocks: list[Block] = []
    position = 0
    for separator in [*_BLANK_LINES.finditer(text), None]:
        end = separator.start() if separator else len(text)
        _add_trimmed(text, position, end, blocks)
        if separator:
            position = separator.end()
    return blocks


def _add_trimmed(text: str, start: int, end: int, blocks: list[Block]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        blocks.append(Block("paragraph", start, end))


def _title(text: str, blocks: list[Block]) -> str | None:
    """The first block, if it is one short line that reads as a headline."""
    if len(blocks) < 2:
        return None
    line = text[blocks[0].start : blocks[0].end]
    if "\n" in line or "\r" in line:
        return None
    stripped = line.strip().lstrip("#").strip()
    if not stripped or len(stripped) > _TITLE_MAX_CHARS or len(stripped.split()) > _TITLE_MAX_WORDS:
        return None
    if stripped[-1] in ".,;:" and not stripped.endswith("..."):
        return None  # a sentence, not a headline
    if not any(ch.isalpha() for ch in stripped):
        return None
    return stripped
