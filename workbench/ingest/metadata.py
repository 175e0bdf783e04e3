"""Article metadata from the page's own declarations: JSON-LD, OpenGraph, meta, <time>.

Publishers state headline, authors, dates and site name for search engines
and social networks; those declarations are more reliable than guessing from
the layout, so they come first and trafilatura's guesses fill the gaps.

They are read from the lxml tree trafilatura then extracts from: one parse
of the page serves both (a second parse cost more than the extraction).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from workbench.ingest.bylines import split_byline
from workbench.ingest.dates import find_written_date, normalise_date
from workbench.ingest.jsonld import (
    article_node,
    author_names,
    first_text,
    parse_json_ld,
    type_names,
)
from workbench.ingest.soup import parse_html


@dataclass(slots=True)
class PageMetadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)  # from JSON-LD
    byline_authors: list[str] = field(default_factory=list)  # from meta tags and rel=author
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    article_body: str | None = None  # JSON-LD articleBody, plain text
    article_type: str | None = None  # the JSON-LD @type we read from
    shown_date: str | None = None  # the date printed by the headline
    shown_date_is_update: bool = False  # ...introduced as "Updated"
    first_time: str | None = None  # the page's first <time>, marked as nothing: a last resort
    copyright_years: set[str] = field(default_factory=set)  # "© 2024" in the page
    h1s: list[str] = field(default_factory=list)  # the page's h1 texts, in order
    html_title: str | None = None


_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "og:published_time",
    "date_published",
    "created",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "citation_author")
_TITLE_META = ("og:title", "twitter:title", "parsely-title", "dc.title", "citation_title", "title", "headline")
_SITE_META = ("og:site_name", "application-name", "publisher", "twitter:site")


def read_metadata(tree: HtmlElement) -> PageMetadata:
    """Metadata from a page's lxml tree (read only: trafilatura gets the same tree next)."""
    meta = _meta_map(tree)
    result = PageMetadata()
    _from_json_ld(tree, result)
    result.title = result.title or _first(meta, _TITLE_META)
    result.byline_authors = _authors_from_meta(tree, meta)
    result.published = result.published or _first_date(meta, _PUBLISHED_META) or _time_element(tree)
    result.first_time = _first_valid_date(tree.xpath("(//time)[1]"))
    result.modified = result.modified or normalise_date(_first(meta, ("article:modified_time", "dateModified")))
    result.site_name = result.site_name or _site_name(meta)
    result.language = result.language or _language(tree, meta)
    result.description = result.description or _first(meta, ("description", "og:description"))
    result.canonical_url = _canonical(tree, meta)
    h1s = tree.xpath("//h1")
    result.h1s = [text for h1 in h1s[:8] if (text := _clean(text_of(h1, _INVISIBLE)))]
    result.shown_date, result.shown_date_is_update = _shown_date(h1s)
    title_tag = tree.find(".//title")
    result.html_title = _clean(text_of(title_tag)) if title_tag is not None else None
    return result


def text_of(element: HtmlElement, skip: frozenset[str] = frozenset({"script", "style"})) -> str:
    """The element's text, pieces joined by a space, leaving out ``skip`` elements' text."""
    pieces: list[str] = []
    _collect_text(element, skip, pieces)
    return " ".join(pieces)


def _collect_text(element: HtmlElement, skip: frozenset[str], pieces: list[str]) -> None:
    if isinstance(element.tag, str) and element.tag not in skip:
        if element.text:
            pieces.append(element.text)
        for child in element:
            _collect_text(child, skip, pieces)
            if child.tail:
                pieces.append(child.tail)
    else:  # a comment or a skipped element: its tail is still the parent's text
        for child in element:
            if child.tail:
                pieces.append(child.tail)


# Text a reader does not see: ruby annotations (furigana), scripts, styles.
_INVISIBLE = frozenset({"rt", "rp", "script", "style"})


def _from_json_ld(tree: HtmlElement, result: PageMetadata) -> None:
    nodes = parse_json_ld(tree)
    node = article_node(nodes)
    if node is None:
        return
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    result.article_type = next(iter(type_names(node)), None)
    result.title = _clean(first_text(node.get("headline")) or first_text(node.get("name")))
    result.authors = _dedupe(author_names(node.get("author"), by_id) or author_names(node.get("creator"), by_id))
    result.published = normalise_date(first_text(node.get("datePublished")) or first_text(node.get("dateCreated")))
    result.modified = normalise_date(first_text(node.get("dateModified")))
    publisher = node.get("publisher")
    if isinstance(publisher, dict) and set(publisher) <= {"@id"} and publisher.get("@id") in by_id:
        publisher = by_id[publisher["@id"]]
    if isinstance(publisher, dict):
        result.site_name = _clean(first_text(publisher.get("name")))
    language = first_text(node.get("inLanguage"))
    result.language = _language_tag(language) if language else None
    result.description = _clean(first_text(node.get("description")))
    body = first_text(node.get("articleBody"))
    if body:
        result.article_body = _strip_markup(body)


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    """``name``/``property``/``itemprop`` (lower-cased) -> first non-empty content."""
    found: dict[str, str] = {}
    for tag in tree.iter("meta"):
        content = tag.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = tag.get(attribute)
            if isinstance(key, str) and key.strip():
                found.setdefault(key.strip().lower(), html.unescape(content.strip()))
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return _clean(meta[key])
    return None


def _first_date(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        date = normalise_date(meta.get(key))
        if date:
            return date
    return None


def _time_element(tree: HtmlElement) -> str | None:
    """A ``<time>`` marked as the publication date, else the first in the article.

    (The page's first ``<time>`` outside these is often a sidebar's or a
    comment's: ``first_time``, a last resort.)
    """
    candidates = tree.xpath("//time[@itemprop='datePublished'] | //time[@pubdate] | //*[@itemprop='datePublished']")
    candidates += tree.xpath("(//article)[1]//time")
    return _first_valid_date(candidates)


def _first_valid_date(candidates: list[HtmlElement]) -> str | None:
    for tag in candidates:
        value = tag.get("datetime") or tag.get("content") or text_of(tag)
        date = normalise_date(value if isinstance(value, str) else None)
        if date:
            return date
    return None


_DATE_HOLDER = re.compile(r"date|time|publish|posted|updated|dateline|byline|meta|info", re.I)
_UPDATED = re.compile(r"updated|modified|aktualisiert|mis à jour|actualizado|aggiornato|päivitetty", re.I)
_CAPTIONS = ["figure", "figcaption"]
_NEAR_HEADLINE = 2000  # characters after the h1 within which bylines and dates sit


def _shown_date(h1s: list[HtmlElement]) -> tuple[str | None, bool]:
    """The date printed near the headline, as a reader sees it, and whether it is an update."""
    # The headline h1: logos and section names in other h1s are short.
    headline = next((h for h in h1s if len(text_of(h).split()) >= 4), None)
    if headline is None:
        return None, False
    read = 0  # characters of page text passed since the headline
    for element in _after(headline):
        if read > _NEAR_HEADLINE:
            break
        name = element.tag
        if not isinstance(name, str) or name in ("script", "style"):
            continue
        read += len((element.text or "").strip())
        if name in _CAPTIONS or any(a.tag in _CAPTIONS for a in element.iterancestors()):
            continue  # a photo's caption dates the photo, not the article
        if name == "time" or _DATE_HOLDER.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            text = _clean(text_of(element)) or ""
            if len(text) > 200:
                continue
            date = find_written_date(text)
            if date is None and name == "time":
                date = normalise_date(element.get("datetime"))
            if date:
                return date[:10], bool(_UPDATED.search(text))
        read += len((element.tail or "").strip())
    return None, False


def _after(headline: HtmlElement):  # noqa: ANN202 - a generator of elements
    """The headline's descendants, then every element after it, in document order."""
    yield from headline.iterdescendants()
    node = headline
    while node is not None:
        for sibling in node.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()
        node = node.getparent()


def _authors_from_meta(tree: HtmlElement, meta: dict[str, str]) -> list[str]:
    for key in _AUTHOR_META:
        value = meta.get(key)
        if value and not value.startswith(("http://", "https://")):
            return _dedupe(split_byline(value))
    for tag in tree.xpath("//*[@rel='author'] | //*[@itemprop='author']//*[@itemprop='name'] | //*[@itemprop='author']"):
        name = _clean(text_of(tag))
        if name and len(name) < 80:
            return _dedupe(split_byline(name))
    return []


def _site_name(meta: dict[str, str]) -> str | None:
    name = _first(meta, _SITE_META)
    if name and name.startswith("@"):
        return name[1:]
    return name


def _language(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    html_tag = tree if tree.tag == "html" else tree.find(".//html")
    if html_tag is not None:
        lang = html_tag.get("lang") or html_tag.get("xml:lang")
        if isinstance(lang, str) and lang.strip():
            return _language_tag(lang)
    for key in ("content-language", "og:locale", "language", "dc.language"):
        if meta.get(key):
            return _language_tag(meta[key])
    return None


def _language_tag(value: str) -> str | None:
    """A BCP 47 tag: ``en_GB`` -> ``en-GB``; junk -> None."""
    value = value.strip().replace("_", "-").split(",")[0].strip()
    match = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z0-9]{2,8}))?(?:-.*)?", value)
    if not match:
        return None
    primary, region = match.group(1).lower(), match.group(2)
    return f"{primary}-{region.upper()}" if region and len(region) == 2 else primary


def _canonical(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    links = tree.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]")
    href = links[0].get("href") if links else None
    for url in (href, meta.get("og:url")):
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            return url.strip()
    return None


def _strip_markup(text: str) -> str:
    if "<" in text and ">" in text:
        text = parse_html(text).get_text("\n")
    return html.unescape(text)


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"[^\S\u3000]+", " ", html.unescape(text)).strip()
    return text or None


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in names:
        name = _clean(name) or ""
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept
