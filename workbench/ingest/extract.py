"""HTML bytes in, an ``ExtractedArticle`` out.

The body comes from trafilatura (boilerplate removal is its job, and it does
it better than anything we would write), mapped to our blocks, then a few
general clean-up rules trafilatura leaves to its users. Metadata comes from
the page's own declarations first (``metadata.py``) and trafilatura's
guesses second. When the page's JSON-LD carries ``articleBody`` and
trafilatura found little or nothing, that body is used instead.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata as trafilatura_metadata
from trafilatura.utils import load_html

from workbench import __version__
from workbench.domain.articles import Block, ExtractedArticle, Provenance
from workbench.domain.errors import EmptyPageError, NoArticleTextError
from workbench.ingest.body import TextBlock, blocks_from_plain, blocks_from_xml
from workbench.ingest.boilerplate import drop_boilerplate
from workbench.ingest.bylines import choose_authors, split_byline
from workbench.ingest.charset import decode_html
from workbench.ingest.dates import normalise_date
from workbench.ingest.metadata import PageMetadata, read_metadata
from workbench.ingest.nesting import cap_nesting
from workbench.ingest.set_apart import marked_texts, set_apart
from workbench.ingest.titles import choose_title

log = logging.getLogger(__name__)

EXTRACTOR = f"trafilatura {trafilatura.__version__} + workbench {__version__}"
# trafilatura's body shorter than this share of articleBody means it missed
# most of the article (scripts render it, or the markup is unusual).
_BODY_SHARE = 0.6
# A line this long (words, or characters for scripts without spaces) is prose.
_MIN_SENTENCE_WORDS = 8
_MIN_SENTENCE_CHARS = 40
# trafilatura's fallbacks (readability, and jusText, whose search for a short
# paragraph's good neighbours grows quadratically with the number of
# paragraphs) are skipped on pages this large: its own extractor, linear,
# is kept, and on such long pages it finds the text without help. Its
# metadata guesses then read only this much of the page (_guess_metadata).
_FALLBACK_LIMIT = 1_000_000  # characters of HTML
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# htmldate's extensive search may fall back to a footer's copyright year
# ("© 2024" becomes 2024-01-01): such a date is dropped, see _publication_date.
_COPYRIGHT_YEAR = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)", re.I)


def extract_html(
    raw: bytes,
    *,
    url: str | None = None,
    headers_charset: str | None = None,
    provenance: Provenance | None = None,
) -> ExtractedArticle:
    """Extract the article from page bytes; raise an ``IngestError`` if there is none.

    ``url`` is the page's address (helps trafilatura and fills ``url``);
    ``headers_charset`` is the charset the HTTP header declared;
    ``provenance`` replaces the default one (a local file read now).
    """
    if not raw.strip():
        raise EmptyPageError(
            "The page is empty.", "Check that the file or address is the article's page."
        )
    decoded = decode_html(raw, headers_charset)
    html = cap_nesting(decoded.text)
    # An XHTML page's XML declaration would name an encoding the decoded text no longer has.
    # One parse, trafilatura's own: we read our metadata from the tree first
    # (trafilatura may prune it), then hand it to trafilatura.
    tree = _parse(_XML_DECLARATION.sub("", html, count=1))
    meta = read_metadata(tree) if tree is not None else PageMetadata()
    meta.copyright_years = set(_COPYRIGHT_YEAR.findall(html))
    marked = marked_texts(tree)  # captions and bylines, read before trafilatura prunes the tree
    document = _trafilatura(tree if tree is not None else html, html, url)
    title = choose_title(meta, document.title if document else None, url or meta.canonical_url)
    blocks = set_apart(_without_headline(_body_blocks(document, meta), title), marked)
    if not _reads_as_prose(blocks):
        raise NoArticleTextError(
            "No article text found on the page.",
            "The page may be an index, a video page or one that needs JavaScript. Open it "
            "in a browser, copy the article's text and paste it instead.",
        )
    text, spans = assemble(_with_headline(blocks, title))
    page_url = url or meta.canonical_url
    return ExtractedArticle(
        title=title,
        authors=choose_authors(
            [meta.authors, meta.byline_authors, _trafilatura_authors(document)], meta.site_name
        ),
        published=_publication_date(meta, document),
        site_name=meta.site_name or (document.sitename if document else None),
        language=meta.language,
        text=text,
        blocks=spans,
        provenance=provenance or _local_provenance(raw, page_url),
        url=page_url,
        extra={
            "encoding": decoded.encoding,
            "encoding_source": decoded.source,
            "encoding_note": decoded.note,
            "replaced_bytes": decoded.replaced,
            "description": meta.description,
            "modified": meta.modified,
            "schema_type": meta.article_type,
        },
    )


def assemble(blocks: list[TextBlock]) -> tuple[str, list[Block]]:
    """Join block texts with one blank line; each Block's offsets index the result."""
    pieces: list[str] = []
    spans: list[Block] = []
    position = 0
    for block in blocks:
        if pieces:
            pieces.append("\n\n")
            position += 2
        pieces.append(block.text)
        spans.append(Block(block.kind, position, position + len(block.text)))
        position += len(block.text)
    return "".join(pieces), spans


def _parse(html: str) -> HtmlElement | None:
    try:
        return load_html(html)
    except (ValueError, etree.LxmlError) as error:
        log.info("lxml could not parse the page: %s", error)
        return None


def _trafilatura(
    page: HtmlElement | str, html: str, url: str | None
) -> trafilatura.settings.Document | None:
    large = len(html) > _FALLBACK_LIMIT
    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            fast=large,
            include_comments=False,
            include_tables=True,
            include_images=False,
            with_metadata=not large,
        )
        if large and document is not None:
            _guess_metadata(document, html[:_FALLBACK_LIMIT], url)
        return document
    except (ValueError, etree.LxmlError) as error:  # malformed markup trafilatura gives up on
        log.info("trafilatura failed: %s", error)
        return None


def _guess_metadata(document: trafilatura.settings.Document, head: str, url: str | None) -> None:
    """trafilatura's metadata guesses from the start of a large page only.

    Its date search (htmldate) reads every text node of the page, half the
    time on a 4 MB page; headline, byline and dates sit near the top.
    """
    guessed = trafilatura_metadata(head, url, extensive=False)
    for name in ("title", "author", "date", "sitename"):
        setattr(document, name, getattr(guessed, name))


def _body_blocks(document: trafilatura.settings.Document | None, meta: PageMetadata) -> list[TextBlock]:
    ours: list[TextBlock] = []
    if document is not None and document.body is not None:
        ours = drop_boilerplate(blocks_from_xml(document.body))
    declared = blocks_from_plain(meta.article_body) if meta.article_body else []
    ours_length = sum(len(b.text) for b in ours)
    declared_length = sum(len(b.text) for b in declared)
    if declared and ours_length < _BODY_SHARE * declared_length:
        return declared
    if declared and _compact(" ".join(b.text for b in ours)) == _compact(" ".join(b.text for b in declared)):
        return declared  # the same words: the declared body keeps its paragraph breaks
    return ours


def _publication_date(meta: PageMetadata, document: trafilatura.settings.Document | None) -> str | None:
    """The date shown by the headline, unless it is an update and a publication date is declared.

    Then the declared publication date, then trafilatura's guess; an unmarked
    ``<time>`` (the page's first, perhaps a sidebar's) only when both are silent.
    """
    declared = meta.published
    if meta.shown_date and not (meta.shown_date_is_update and declared):
        if declared and declared[:10] == meta.shown_date:
            return declared  # same day: keep the declared time of day
        return meta.shown_date
    guessed = normalise_date(document.date if document else None)
    if guessed and guessed.endswith("-01-01") and guessed[:4] in meta.copyright_years:
        guessed = None
    return declared or guessed or meta.first_time


def _without_headline(blocks: list[TextBlock], title: str | None) -> list[TextBlock]:
    """The body's copy of the headline: the title block put before the body replaces it."""
    if title and blocks and _compact(blocks[0].text) == _compact(title):
        return blocks[1:]
    first_line, _, rest = blocks[0].text.partition("\n") if blocks else ("", "", "")
    if title and rest.strip() and _compact(first_line) == _compact(title):
        return [TextBlock(blocks[0].kind, rest.strip()), *blocks[1:]]  # a block that opens with it
    return blocks


def _with_headline(blocks: list[TextBlock], title: str | None) -> list[TextBlock]:
    """The headline opens the text as its ``title`` block, as a pasted text's first line does.

    Detection reads it like the body, so a headline's "$9 billion" can be
    checked against the body's "$8.8 billion"; its claims are marked as the
    headline's (``workbench.domain.articles.headline_span``).
    """
    headline = " ".join((title or "").split())
    return [TextBlock("title", headline), *blocks] if headline else blocks


def _reads_as_prose(blocks: list[TextBlock]) -> bool:
    """At least one sentence: a list of menu labels or link titles is not an article."""
    for block in blocks:
        for line in block.text.split("\n"):
            if len(line.split()) >= _MIN_SENTENCE_WORDS or len(line) >= _MIN_SENTENCE_CHARS:
                return True
    return False


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _trafilatura_authors(document: trafilatura.settings.Document | None) -> list[str]:
    if document is None or not document.author:
        return []
    return [name for part in document.author.split(";") for name in split_byline(part)]


def _local_provenance(raw: bytes, url: str | None) -> Provenance:
    return Provenance(
        source=url or "HTML",
        final_url=None,
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        http_status=None,
        content_type="text/html",
        fetched_at=datetime.now(UTC),
        extractor=EXTRACTOR,
    )
