"""Archiving a source: fetch (or read) it once, keep the bytes as they came and read their text.

Unlike loading an article, nothing here is refused for being the wrong kind
of page: a PDF or an image cited as evidence is kept as bytes, with the
reason its text is missing. A fetch that fails (an HTTP error, a login
page's 401, a timeout, a body over the size cap) is an ``ArchivedCopy``
with its ``error`` and no bytes; only a cancel raises.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from workbench.domain.articles import ExtractedArticle
from workbench.domain.errors import CancelledError, HttpStatusError, WorkbenchError
from workbench.domain.records import LinkDetails
from workbench.domain.snapshots import ArchivedCopy
from workbench.ingest.charset import decode_html
from workbench.ingest.content_types import (
    HTML_TYPES,
    SNIFF_TYPES,
    TEXT_TYPES,
    describe,
    sniff_binary,
)
from workbench.ingest.fetch import DEFAULT_MAX_BYTES, CancelCheck, FetchedPage, fetch
from workbench.ingest.link_details import details_from_article, details_from_html, host_name
from workbench.ingest.load import from_bytes, from_fetched
from workbench.ingest.local_files import read_file_capped

log = logging.getLogger(__name__)

# A source is evidence, not the article under review: a shorter wait than an article's fetch.
ARCHIVE_TIMEOUT = (10.0, 20.0)
ARCHIVE_DEADLINE = 45.0
PDF = "application/pdf"


def archive(
    location: str,
    *,
    cancel: CancelCheck | None = None,
    timeout: float | tuple[float, float] = ARCHIVE_TIMEOUT,
    deadline: float = ARCHIVE_DEADLINE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ArchivedCopy:
    """An archived copy of ``location`` (an http(s) URL or a ``file://`` URI); never raises
    for a source that cannot be had, only for a cancel."""
    try:
        if location.lower().startswith("file:"):
            return _from_file(location, max_bytes)
        page = fetch(location, timeout=timeout, deadline=deadline, max_bytes=max_bytes, cancel=cancel, any_type=True)
        return _from_page(location, page)
    except CancelledError:
        raise
    except WorkbenchError as error:
        status = error.status if isinstance(error, HttpStatusError) else None
        final = error.url if isinstance(error, HttpStatusError) else None
        return ArchivedCopy(location, datetime.now(UTC), http_status=status, final_url=final,
                            error=_said(error))


def copy_of_article(location: str, article: ExtractedArticle) -> ArchivedCopy:
    """The archived copy of a page already fetched and read for another purpose (the
    evidence finder's search): the same bytes and text, kept without fetching it again."""
    provenance = article.provenance
    details = details_from_article(article, article.url or location)
    return ArchivedCopy(
        location, provenance.fetched_at, raw=provenance.raw, sha256=provenance.sha256,
        http_status=provenance.http_status, content_type=provenance.content_type,
        final_url=provenance.final_url, text=article.text, title=details.title,
        publisher=details.publisher or host_name(provenance.final_url or location), published=details.published,
    )


def _from_page(location: str, page: FetchedPage) -> ArchivedCopy:
    media = page.content_type or ""
    sniffed = sniff_binary(page.body)
    readable = media in HTML_TYPES or media in TEXT_TYPES or (media in SNIFF_TYPES and sniffed is None)
    copy = ArchivedCopy(
        location, page.fetched_at, raw=page.body, sha256=hashlib.sha256(page.body).hexdigest(),
        http_status=page.status, content_type=page.content_type, final_url=page.final_url,
        publisher=host_name(page.final_url),
    )
    if not readable:
        return _binary(copy, sniffed if media in SNIFF_TYPES else media, page.final_url)
    head = (lambda: details_from_html(decode_html(page.body, page.charset).text, page.final_url)) \
        if media in HTML_TYPES else None
    return _with_text(copy, lambda: from_fetched(page, location), page.final_url, head)


def _from_file(location: str, max_bytes: int) -> ArchivedCopy:
    path = Path(unquote(urlsplit(location).path))
    raw = read_file_capped(path, source=str(path), max_bytes=max_bytes)
    sniffed = sniff_binary(raw)
    copy = ArchivedCopy(location, datetime.now(UTC), raw=raw, sha256=hashlib.sha256(raw).hexdigest(),
                        title=path.name)
    if sniffed is not None:
        return _binary(copy, sniffed, location)
    return _with_text(copy, lambda: from_bytes(raw, source=str(path), suffix=path.suffix.lower()), location)


def _with_text(copy: ArchivedCopy, extract: Callable[[], ExtractedArticle], url: str,
               head: Callable[[], LinkDetails] | None = None) -> ArchivedCopy:
    """The copy with the text, title, publisher and date read from its bytes; the reason if none.

    ``head``: a page's own title, publisher and date, read from its head when it holds too
    little text to read (a short notice still says what it is).
    """
    try:
        article = extract()
    except CancelledError:
        raise
    except WorkbenchError as error:
        copy = replace(copy, text_missing=_said(error))
        try:
            details = head() if head is not None else None
        except WorkbenchError:
            details = None
        if details is None:
            return copy
        return replace(copy, title=details.title or copy.title, publisher=details.publisher or copy.publisher,
                       published=details.published)
    details = details_from_article(article, url)
    return replace(
        copy, text=article.text, title=details.title or copy.title,
        publisher=details.publisher or copy.publisher, published=details.published,
        content_type=copy.content_type or article.provenance.content_type,
    )


def _binary(copy: ArchivedCopy, media: str | None, url: str) -> ArchivedCopy:
    """A PDF, an image or another file that is no page: the bytes are kept, the text if we can."""
    media = media or "application/octet-stream"
    name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or url
    copy = replace(copy, content_type=copy.content_type or media, title=copy.title or unquote(name))
    if media != PDF:
        return replace(copy, text_missing=f"The source is {describe(media)}: it holds no text to read. "
                                          "Its bytes are kept.")
    if importlib.util.find_spec("pypdf") is None:
        return replace(copy, text_missing="The source is a PDF document and no PDF reader (pypdf) is "
                                          "installed, so its text was not extracted. Its bytes are kept.")
    return replace(copy, **_pdf_text(copy.raw))


def _pdf_text(raw: bytes) -> dict[str, str | None]:  # pragma: no cover (pypdf is not a dependency)
    import io

    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
    except Exception as error:  # a damaged PDF: keep the bytes, say why there is no text
        log.info("PDF text extraction failed", exc_info=True)
        return {"text_missing": f"The PDF's text could not be read ({type(error).__name__}). Its bytes are kept."}
    if not text:
        return {"text_missing": "The PDF holds no text (it may be scanned images). Its bytes are kept."}
    return {"text": text}


def _said(error: WorkbenchError) -> str:
    return f"{error.message} {error.hint}".strip()
