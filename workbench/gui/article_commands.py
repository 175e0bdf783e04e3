"""Undo for removing an article from its session: a ``QUndoCommand`` over
``services.article_edits``, which does the work in one transaction each way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from workbench.domain.errors import WorkbenchError
from workbench.gui.deferred import deferred
from workbench.gui.undo import _Command

if TYPE_CHECKING:
    from workbench.domain.records import ArticleRecord
    from workbench.services.articles_read import RemovedArticle
    from workbench.services.changes import Done
    from workbench.services.database import Database

article_edits = deferred("workbench.services.article_edits")


class ArticleHost(Protocol):
    """What the command needs from the window."""

    db: Database
    reviewer: str

    def report(self, error: WorkbenchError) -> None: ...
    def known_version(self, claim_id: int) -> int | None: ...
    def article_removed(self, removed: RemovedArticle) -> None: ...
    def article_restored(self, article_id: int) -> None: ...


class RemoveArticle(_Command):
    def __init__(self, window: ArticleHost, article: ArticleRecord) -> None:
        super().__init__(window, f"Remove “{article.display_title[:60]}”",  # type: ignore[arg-type]  # an Editor in part
                         article_edits.RemoveArticle(article.id))
        self.window = window
        self.article_id = article.id
        self.removed: RemovedArticle | None = None

    def shown(self, done: Done, *, undone: bool) -> None:
        if undone:
            # SQLite may have given the old id to an article imported since: follow the new one.
            self.article_id = next(iter(done.changes.article_ids))
            self.window.article_restored(self.article_id)
        else:
            assert done.removed is not None
            self.removed = done.removed
            self.window.article_removed(done.removed)
