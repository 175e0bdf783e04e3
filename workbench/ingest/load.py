"""One entry point for every source: an http(s) URL, a file path, or ``-`` for stdin."""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from workbench.domain.articles import ExtractedArticle, Provenance
from workbench.domain.errors import NotFoundError, UnsupportedSourceError
from workbench.ingest.content_types import (
    HTML_TYPES,
    TEXT_TYPES,
    describe,
    looks_like_html,
    not_a_page,
    sniff_binary,
)
from workbench.ingest.extract import EXTRACTOR, extract_html
from workbench.ingest.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    CancelCheck,
    FetchedPage,
    ProgressCallback,
    check_scheme,
    fetch,
)
from workbench.ingest.local_files import check_size, read_file_capped
from workbench.ingest.text import extract_text_bytes

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")
_BARE_DOMAIN = re.compile(r"^(www\.)?[\w\-]+(\.[\w\-]+)+(/\S*)?$")


def load_source(
    source: str,
    *,
    timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancel: CancelCheck | None = None,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
) -> ExtractedArticle:
    """The article at ``source``; raise an ``IngestError`` (or NotFoundError) if there is none."""
    if _SCHEME.match(source):
        check_scheme(source)
        page = fetch(source, timeout=timeout, max_bytes=max_bytes, cancel=cancel, progress=progress)
        return from_fetched(page, source)
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(max_bytes + 1)
        check_size(len(raw), max_bytes, "The text on standard input")
        return from_bytes(raw, source="-", suffix="")
    return load_file(Path(source), source=source, max_bytes=max_bytes)


def load_file(path: Path, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedArticle:
    """The article in a local file, read under the byte cap (see ``local_files``)."""
    source = source or str(path)
    try:
        raw = read_file_capped(path, source=source, max_bytes=max_bytes)
    except NotFoundError as error:
        if _BARE_DOMAIN.match(source) and path.suffix.lower() not in HTML_SUFFIXES | TEXT_SUFFIXES:
            error.hint = f"If you meant a web address, write it in full: https://{source}"
        raise
    return from_bytes(raw, source=source, suffix=path.suffix.lower())


def from_bytes(raw: bytes, *, source: str, suffix: str) -> ExtractedArticle:
    """Dispatch on the file's suffix, sniffing the content when the suffix says nothing."""
    binary = sniff_binary(raw)
    if binary is not None:
        raise not_a_page(describe(binary), source)
    if suffix in HTML_SUFFIXES:
        kind = "html"
    elif suffix in TEXT_SUFFIXES:
        kind = "text"
    elif looks_like_html(raw):
        kind = "html"
    elif suffix in ("", ".md", ".markdown") or _is_text(raw):
        kind = "text"
    else:
        raise UnsupportedSourceError(
            f"{source}: the workbench does not read {suffix} files.",
            "Open an .html or .txt file, or paste the article's text.",
        )
    provenance = Provenance(
        source=source,
        final_url=None,
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        http_status=None,
        content_type="text/html" if kind == "html" else "text/plain",
        fetched_at=datetime.now(UTC),
        extractor=EXTRACTOR,
    )
    if kind == "html":
        return extract_html(raw, provenance=provenance)
    return replace(extract_text_bytes(raw, source=source), provenance=provenance)


def from_fetched(page: FetchedPage, source: str) -> ExtractedArticle:
    provenance = Provenance(
        source=source,
        final_url=page.final_url,
        raw=page.body,
        sha256=hashlib.sha256(page.body).hexdigest(),
        http_status=page.status,
        content_type=page.content_type,
        fetched_at=page.fetched_at,
        extractor=EXTRACTOR,
    )
    media = page.content_type or ""
    binary = sniff_binary(page.body)
    if binary is not None and media not in HTML_TYPES:
        raise not_a_page(describe(binary), page.final_url)
    if media in TEXT_TYPES or (media not in HTML_TYPES and not looks_like_html(page.body)):
        article = replace(extract_text_bytes(page.body, source=source), provenance=provenance, url=page.final_url)
    else:
        article = extract_html(page.body, url=page.final_url, headers_charset=page.charset, provenance=provenance)
    return article


def _is_text(raw: bytes) -> bool:
    head = raw[:8192]
    return b"\x00" not in head
