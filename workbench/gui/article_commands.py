"""Undo for removing an article from its session: a ``QUndoCommand`` over
``storage.article_removal``, which does the work in one transaction each way."""

from __future__ import annotations

from typing import Protocol

from workbench.domain.errors import WorkbenchError
from workbench.domain.records import ArticleRecord
from workbench.gui.undo import _Command
from workbench.storage.article_removal import RemovedArticle, remove_article, restore_article
from workbench.storage.database import Database


class ArticleHost(Protocol):
    """What the command needs from the window."""

    db: Database

    def report(self, error: WorkbenchError) -> None: ...
    def article_removed(self, removed: RemovedArticle) -> None: ...
    def article_restored(self, article_id: int) -> None: ...


class RemoveArticle(_Command):
    def __init__(self, window: ArticleHost, article: ArticleRecord) -> None:
        super().__init__(window, f"Remove “{article.display_title[:60]}”")  # type: ignore[arg-type]  # _guard needs only report
        self.window = window
        self.article_id = article.id
        self.removed: RemovedArticle | None = None

    def redo(self) -> None:
        def step() -> None:
            self.removed = remove_article(self.window.db, self.article_id)
            self.window.article_removed(self.removed)

        self._guard(step)

    def undo(self) -> None:
        def step() -> None:
            assert self.removed is not None
            # SQLite may have given the old id to an article imported since: follow the new one.
            self.article_id = restore_article(self.window.db, self.removed)
            self.window.article_restored(self.article_id)

        self._guard(step)
