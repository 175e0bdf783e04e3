"""Articles in a session, each with its versions (snapshots)."""

from __future__ import annotations

import zlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from workbench.domain.articles import ExtractedArticle
from workbench.domain.errors import NotFoundError
from workbench.domain.records import ArticleRecord
from workbench.storage.convert import article_record
from workbench.storage.database import Database
from workbench.storage.models import Article, ArticleVersion, ReviewSession
from workbench.storage.sessions import touch_session


def add_article(db: Database, session_id: int, extracted: ExtractedArticle) -> ArticleRecord:
    """Store an extracted article as version 1, at the end of the session."""
    with db.session() as session:
        return article_record(add_article_in(session, session_id, extracted))


def add_article_in(session: Session, session_id: int, extracted: ExtractedArticle) -> Article:
    """``add_article`` inside the caller's transaction (flushed, not committed).

    An import adds the article and its claims in one transaction, so that a
    failure or a kill between the two leaves neither.
    """
    row = session.get(ReviewSession, session_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(
            f"Session {session_id} does not exist.", "Open or create a session first."
        )
    position = session.scalar(
        select(func.coalesce(func.max(Article.position), -1) + 1).where(
            Article.session_id == session_id
        )
    )
    article = Article(
        session_id=session_id, position=position or 0, source=extracted.provenance.source
    )
    article.versions.append(version_from(extracted, number=1))
    session.add(article)
    touch_session(session, session_id)
    session.flush()
    return article


def version_from(extracted: ExtractedArticle, number: int) -> ArticleVersion:
    provenance = extracted.provenance
    return ArticleVersion(
        number=number,
        final_url=provenance.final_url or extracted.url,
        title=extracted.title,
        authors=list(extracted.authors),
        published=extracted.published,
        site_name=extracted.site_name,
        language=extracted.language,
        text=extracted.text,
        structure=[
            {"kind": block.kind, "start": block.start, "end": block.end}
            for block in extracted.blocks
        ],
        raw_zlib=zlib.compress(provenance.raw, 6),
        raw_sha256=provenance.sha256,
        http_status=provenance.http_status,
        content_type=provenance.content_type,
        fetched_at=provenance.fetched_at,
        extractor=provenance.extractor,
    )


def list_articles(db: Database, session_id: int) -> list[ArticleRecord]:
    with db.reading() as session:
        articles = session.scalars(
            select(Article)
            .where(Article.session_id == session_id, Article.removed_at.is_(None))
            .options(selectinload(Article.versions))
            .order_by(Article.position, Article.id)
        ).all()
        return [article_record(article) for article in articles]


def get_article(db: Database, article_id: int) -> ArticleRecord:
    with db.session() as session:
        return article_record(load_article(session, article_id))


def raw_bytes(db: Database, article_id: int, version_number: int | None = None) -> bytes:
    """The original bytes as fetched, for provenance and re-extraction."""
    with db.session() as session:
        article = load_article(session, article_id)
        version = article.current
        if version_number is not None:
            version = next(v for v in article.versions if v.number == version_number)
        return zlib.decompress(version.raw_zlib) if version.raw_zlib else b""


def load_article(session: Session, article_id: int) -> Article:
    """The article to read or change; a removed one (``article_removal``) is not found."""
    article = session.get(Article, article_id)
    if article is None or article.removed_at is not None or not article.versions:
        raise NotFoundError(
            f"Article {article_id} does not exist (it may have been removed).",
            "Choose another article in the session.",
        )
    return article
