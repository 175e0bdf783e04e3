"""An import is one transaction: the article, its version, its claims and their memory index, or nothing."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from tests.factories import make_article
from workbench.services.importing import store_extracted
from workbench.storage import articles, claims, sessions

TABLES = ("article", "article_version", "claim", "claim_key", "claim_token", "claim_history")


def _row_counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        return {table: raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def _refuse_inserts_into(path, table: str) -> None:
    """A trigger in the test database makes SQLite itself refuse the insert, mid-import."""
    with sqlite3.connect(path) as raw:
        raw.execute(
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )


@pytest.mark.parametrize("table", ["claim", "claim_token"])
def test_a_write_failing_after_the_article_leaves_nothing(sqlite_db, table):
    session = sessions.create_session(sqlite_db, "Desk")
    empty = _row_counts(sqlite_db.file_path)
    _refuse_inserts_into(sqlite_db.file_path, table)
    with pytest.raises(IntegrityError, match="refused by the test"):
        store_extracted(sqlite_db, session.id, make_article(), by="ana")
    assert _row_counts(sqlite_db.file_path) == empty
    assert articles.list_articles(sqlite_db, session.id) == []


def test_an_import_stores_the_article_its_claims_and_their_index_together(sqlite_db):
    session = sessions.create_session(sqlite_db, "Desk")
    result = store_extracted(sqlite_db, session.id, make_article(), by="ana")
    assert result.claims_added > 0
    stored = claims.list_claims(sqlite_db, article_id=result.article.id)
    assert len(stored) == result.claims_added
    counts = _row_counts(sqlite_db.file_path)
    assert counts["article"] == counts["article_version"] == 1
    assert counts["claim"] == result.claims_added and counts["claim_token"] > 0
    assert result.article.title and result.article.version_number == 1
