"""The demo article a new user sees on first run (resources/samples/demo-article.txt).

The file is a headline, a byline block ("By NAME, SITE" / "Published DATE")
and the body; the byline becomes metadata so the reader shows it as a
byline, and the body is plain text like any pasted article.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

from dateutil import parser as dateparser

from workbench.ingest.article import ExtractedArticle, Provenance
from workbench.ingest.text import extract_text
from workbench.paths import resource

DEMO_FILE = ("samples", "demo-article.txt")


def demo_text() -> str:
    return resource(*DEMO_FILE).read_text(encoding="utf-8")


def demo_article() -> ExtractedArticle:
    raw = demo_text()
    title, header, body = raw.split("\n\n", 2)
    byline, _, dateline = header.partition("\n")
    author, _, site = byline.removeprefix("By ").partition(", ")
    published = dateparser.parse(dateline.removeprefix("Published "), dayfirst=True).date()
    article = extract_text(body, source="demo article")
    encoded = raw.encode("utf-8")
    return replace(
        article,
        title=title.strip(),
        authors=[author.strip()],
        published=published.isoformat(),
        site_name=site.strip() or None,
        language="en",
        provenance=Provenance(
            source="demo article",
            final_url=None,
            raw=encoded,
            sha256=hashlib.sha256(encoded).hexdigest(),
            http_status=None,
            content_type="text/plain; charset=utf-8",
            fetched_at=datetime.now(UTC),
            extractor=article.provenance.extractor,
        ),
    )
