"""Import jobs the window runs in the background: URL, file, pasted text, demo article.

Each job is ``job(cancel, progress) -> ImportResult`` over the core's
``services.importing``. While ``workbench.ingest.load`` / ``ingest.text``
are not in the tree yet, a minimal bridge over ``ingest.fetch`` and
``ingest.extract`` stands in (Qt-free; it goes once those modules land).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from workbench.domain.errors import UnsupportedSourceError
from workbench.ingest.article import Block, ExtractedArticle, Provenance
from workbench.paths import resource
from workbench.services import importing
from workbench.services.importing import ImportResult
from workbench.services.progress import CancelFn, ProgressFn, check
from workbench.storage.database import Database

DEMO_ARTICLE = ("samples", "demo-article.txt")


def import_source_job(db: Database, session_id: int, source: str, by: str):  # noqa: ANN201
    def job(cancel: CancelFn, progress: ProgressFn) -> ImportResult:
        try:
            from workbench.ingest.load import load_source  # noqa: F401
        except ImportError:
            progress(0.05, f"Reading {source}")
            extracted = _load_source_bridge(source, cancel)
            return importing.store_extracted(db, session_id, extracted, by=by, cancel=cancel, progress=progress)
        return importing.import_source(db, session_id, source, by=by, cancel=cancel, progress=progress)

    return job


def import_text_job(db: Database, session_id: int, text: str, by: str, source: str = "pasted text"):  # noqa: ANN201
    def job(cancel: CancelFn, progress: ProgressFn) -> ImportResult:
        extracted = article_from_text(text, source)
        return importing.store_extracted(db, session_id, extracted, by=by, cancel=cancel, progress=progress)

    return job


def demo_text() -> str:
    return resource(*DEMO_ARTICLE).read_text(encoding="utf-8")


def article_from_text(text: str, source: str = "pasted text") -> ExtractedArticle:
    try:
        from workbench.ingest.text import extract_text
    except ImportError:
        return _plain_text_bridge(text, source)
    return extract_text(text, source=source)


def _load_source_bridge(source: str, cancel: CancelFn) -> ExtractedArticle:
    from workbench.ingest.extract import extract_html
    from workbench.ingest.fetch import fetch

    if source.lower().startswith(("http://", "https://")):
        page = fetch(source, cancel=cancel)
        check(cancel)
        provenance = Provenance(
            source=source, final_url=page.final_url, raw=page.body,
            sha256=hashlib.sha256(page.body).hexdigest(), http_status=page.status,
            content_type=page.content_type, fetched_at=page.fetched_at, extractor="workbench",
        )
        if page.content_type and page.content_type.startswith("text/plain"):
            return _plain_text_bridge(page.body.decode(page.charset or "utf-8", "replace"), source)
        return extract_html(page.body, url=page.final_url, headers_charset=page.charset, provenance=provenance)
    path = Path(source).expanduser()
    if not path.is_file():
        raise UnsupportedSourceError(
            f"{source} is neither a web address nor a file that exists.",
            "Give an address starting with https:// or the path of an HTML or text file.",
        )
    raw = path.read_bytes()
    if path.suffix.lower() in (".txt", ".text", ".md"):
        return _plain_text_bridge(raw.decode("utf-8", "replace"), str(path))
    return extract_html(raw)


def _plain_text_bridge(text: str, source: str) -> ExtractedArticle:
    """First non-empty line as the title, the rest as paragraphs split on blank lines."""
    paragraphs = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = [p for p in paragraphs if p]
    title = paragraphs.pop(0) if len(paragraphs) > 1 and len(paragraphs[0]) < 200 else None
    body, blocks, offset = [], [], 0
    for part in paragraphs:
        blocks.append(Block("paragraph", offset, offset + len(part)))
        body.append(part)
        offset += len(part) + 2
    raw = text.encode("utf-8")
    return ExtractedArticle(
        title=title, authors=[], published=None, site_name=None, language=None,
        text="\n\n".join(body), blocks=blocks,
        provenance=Provenance(
            source=source, final_url=None, raw=raw, sha256=hashlib.sha256(raw).hexdigest(),
            http_status=None, content_type="text/plain", fetched_at=datetime.now(UTC),
            extractor="workbench plain text",
        ),
    )


def demo_job(db: Database, session_id: int, by: str):  # noqa: ANN201
    """The demo article with its headline, byline and date as metadata, and its claims."""

    def job(cancel: CancelFn, progress: ProgressFn) -> ImportResult:
        return importing.store_extracted(db, session_id, demo_article(), by=by, cancel=cancel, progress=progress)

    return job


def demo_article() -> ExtractedArticle:
    title, header, body = demo_text().split("\n\n", 2)
    byline, _, dateline = header.partition("\n")
    author, _, site = byline.removeprefix("By ").partition(", ")
    plain = _plain_text_bridge("x\n\n" + body, "demo article")  # "x": a title line to drop
    return ExtractedArticle(
        title=title.strip(), authors=[author.strip()], published="2025-03-12",
        site_name=site.strip() or None, language="en", text=plain.text, blocks=plain.blocks,
        provenance=Provenance(
            source="demo article", final_url=None, raw=demo_text().encode("utf-8"),
            sha256=hashlib.sha256(demo_text().encode("utf-8")).hexdigest(), http_status=None, content_type="text/plain",
            fetched_at=plain.provenance.fetched_at, extractor="workbench demo",
        ),
        extra={"dateline": dateline},
    )
