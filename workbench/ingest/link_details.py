"""The title and publisher of a source link, read from the page itself.

Used when a reviewer pastes a link as evidence: the window fills in the
title and publisher in the background and the reviewer may edit them. A
page the evidence finder already fetched gives its details without a second
fetch (``details_from_article``), by the same rules.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from workbench.domain.articles import ExtractedArticle
from workbench.domain.errors import WorkbenchError
from workbench.domain.progress import CancelFn
from workbench.domain.records import LinkDetails
from workbench.ingest.charset import decode_html
from workbench.ingest.fetch import fetch
from workbench.ingest.soup import parse_html

# A title is a line, not a paragraph: pages sometimes stuff keywords in it.
MAX_TITLE = 300


def fetch_link_details(url: str, *, cancel: CancelFn | None = None) -> LinkDetails:
    """Fetch ``url`` and read its title and publisher; raises ``WorkbenchError`` on failure."""
    page = fetch(url, cancel=cancel, timeout=(5, 10), deadline=20)  # a title is not worth a long wait
    if page.content_type and "html" not in page.content_type:
        return LinkDetails(url, _name_from_path(page.final_url), host_name(page.final_url))
    html = decode_html(page.body, page.charset).text
    return details_from_html(html, page.final_url)


def details_from_article(article: ExtractedArticle, source: str) -> LinkDetails:
    """Title and publisher of a page already fetched (or a file read) and extracted.

    HTML gets the same rules as a fetched link, read from the bytes as they
    came; what the page's metadata lacks comes from the extracted article.
    """
    url = article.provenance.final_url or source
    details = LinkDetails(url, "", "")
    if article.provenance.content_type and "html" in article.provenance.content_type:
        try:
            details = details_from_html(decode_html(article.provenance.raw).text, url)
        except WorkbenchError:  # undecodable metadata: the article's own fields below
            pass
    title = details.title or " ".join((article.title or "").split())[:MAX_TITLE]
    publisher = details.publisher or (article.site_name or "").strip() or host_name(url)
    return LinkDetails(url, title, publisher, details.published or article.published)


def details_from_html(html: str, url: str) -> LinkDetails:
    """Title: og:title, then twitter:title, then <title>; publisher: og:site_name, then the host."""
    soup = parse_html(html)
    title = (
        _meta(soup, "og:title")
        or _meta(soup, "twitter:title")
        or (soup.title.get_text(" ", strip=True) if soup.title else "")
    )
    publisher = _meta(soup, "og:site_name") or _meta(soup, "application-name") or host_name(url)
    published = _meta(soup, "article:published_time") or None
    return LinkDetails(url, " ".join(title.split())[:MAX_TITLE], " ".join(publisher.split()), published)


def host_name(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _meta(soup: BeautifulSoup, name: str) -> str:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    content = tag.get("content") if tag else None
    return content.strip() if isinstance(content, str) else ""


def _name_from_path(url: str) -> str:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or url
