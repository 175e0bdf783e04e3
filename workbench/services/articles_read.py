"""Reading a session's articles, and what a removed article keeps so that undo can bring it back."""

from __future__ import annotations

from workbench.domain.errors import NotFoundError
from workbench.domain.records import ArticleRecord, SessionSummary
from workbench.storage import articles as _articles
from workbench.storage.article_removal import RemovedArticle
from workbench.storage.database import Database

__all__ = ["ArticleRecord", "RemovedArticle", "article_in_session", "get_article", "list_articles"]

list_articles = _articles.list_articles
get_article = _articles.get_article


def article_in_session(db: Database, session: SessionSummary, article_id: int) -> ArticleRecord:
    """The article, refused unless it belongs to the session the user named."""
    article = next((a for a in list_articles(db, session.id) if a.id == article_id), None)
    if article is None:
        raise NotFoundError(
            f"Session '{session.title}' has no article {article_id}.",
            "List its articles with `workbench export SESSION --format json`.",
        )
    return article
