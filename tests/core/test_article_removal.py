"""Removing an article from a session hides everything of it and deletes nothing; restoring brings it back."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from tests.factories import make_article
from workbench.domain.errors import NotFoundError
from workbench.services import claim_edits
from workbench.services.importing import store_extracted
from workbench.storage import articles, claims, sessions, sources
from workbench.storage.article_removal import remove_article, restore_article
from workbench.storage.database import Database
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import Article, ArticleVersion, Claim, ClaimHistory, Evidence, Source

TABLES = (Article, ArticleVersion, Claim, ClaimHistory, Evidence, ClaimKey, ClaimToken, Source)


def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table an article touches, as stored."""
    with db.session() as session:
        return {
            model.__tablename__: sorted(
                (dict(row) for row in session.execute(select(model.__table__)).mappings()),
                key=lambda row: tuple(str(row[c.name]) for c in model.__table__.primary_key),
            )
            for model in TABLES
        }


@pytest.fixture
def reviewed(any_db: Database) -> tuple[int, int, int]:
    """A session with two articles; the first has a verdict, an edit, a source and history."""
    session = sessions.create_session(any_db, "Morning desk", reviewer="ana")
    first = store_extracted(any_db, session.id, make_article(), by="detector").article
    store_extracted(any_db, session.id, make_article(title="Second", source="https://news.example/2"), by="detector")
    claim = claims.list_claims(any_db, article_id=first.id)[0]
    claim_edits.update_claim(any_db, claim.id, {"verdict": "false", "rationale": "Ministry figures say 20,000."},
                        by="ana", expected_version=claim.version)
    source = sources.add_source(any_db, session.id, "https://ministry.example/figures", title="Figures")
    sources.attach_source(any_db, claim.id, source.id, by="ana", stance="refutes", passage="20,000 troops")
    return session.id, first.id, claim.id


# What removing and bringing back an article may change: the marks themselves, and
# each claim's version and "last updated" (they are edits a stale window must see).
CHANGED = {"article": {"removed_at", "removed_by", "updated_at"}, "claim": {"version", "updated_at", "updated_by"}}


def without_marks(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {
        table: [{k: v for k, v in row.items() if k not in CHANGED.get(table, set())} for row in found]
        for table, found in rows.items() if table != ClaimHistory.__tablename__
    }


def test_removing_an_article_hides_it_and_restoring_brings_back_every_row(any_db, reviewed):
    session_id, article_id, claim_id = reviewed
    before = snapshot(any_db)
    version = claims.get_claim(any_db, claim_id).version

    removed = remove_article(any_db, article_id, by="bo")

    assert removed.title == "Belarus prepares for war"
    assert removed.claim_count > 1 and removed.reviewed_count == 1
    assert [a.title for a in articles.list_articles(any_db, session_id)] == ["Second"]
    assert all(c.article_id != article_id for c in claims.list_claims(any_db, session_id=session_id))
    with pytest.raises(NotFoundError):
        claims.get_claim(any_db, claim_id)
    with pytest.raises(NotFoundError):
        articles.get_article(any_db, article_id)
    # Nothing was deleted: every row stays, the history only grew.
    during = snapshot(any_db)
    assert {table: len(rows) for table, rows in without_marks(during).items()} == {
        table: len(rows) for table, rows in without_marks(before).items()}
    assert all(row in during[ClaimHistory.__tablename__] for row in before[ClaimHistory.__tablename__])
    with any_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Claim).where(
            Claim.article_id == article_id, Claim.deleted_at.is_(None))) == 0

    assert restore_article(any_db, removed, by="bo") == article_id

    after = snapshot(any_db)
    assert without_marks(after) == without_marks(before)
    assert all(row in after[ClaimHistory.__tablename__] for row in before[ClaimHistory.__tablename__])
    claim = claims.get_claim(any_db, claim_id)
    assert (claim.verdict, claim.rationale, claim.version) == ("false", "Ministry figures say 20,000.", version + 2)
    assert [h.field for h in claims.claim_history(any_db, claim_id)][-2:] == ["deleted", "restored"]
    assert {"verdict", "rationale"} <= {h.field for h in claims.claim_history(any_db, claim_id)}
    assert sources.list_evidence(any_db, claim_id)[0].passage == "20,000 troops"
    assert [a.title for a in articles.list_articles(any_db, session_id)] == ["Belarus prepares for war", "Second"]


def test_an_article_imported_after_a_removal_never_takes_its_ids(sqlite_db):
    session = sessions.create_session(sqlite_db, "Desk")
    article = store_extracted(sqlite_db, session.id, make_article(), by="detector").article
    claim = claims.list_claims(sqlite_db, article_id=article.id)[0]
    source = sources.add_source(sqlite_db, session.id, "https://ministry.example/figures")
    sources.attach_source(sqlite_db, claim.id, source.id, by="ana", stance="supports")
    removed = remove_article(sqlite_db, article.id)
    # SQLite hands the highest free id out again; the removed article's rows are still there, so it is not free.
    newcomer = store_extracted(sqlite_db, session.id, make_article(title="Newcomer"), by="detector").article
    assert newcomer.id != article.id

    assert restore_article(sqlite_db, removed) == article.id

    listed = articles.list_articles(sqlite_db, session.id)
    assert sorted(a.title for a in listed) == ["Belarus prepares for war", "Newcomer"]
    restored_claims = claims.list_claims(sqlite_db, article_id=article.id)
    assert sorted(c.id for c in restored_claims) == list(removed.claim_ids)  # the same claims, not copies
    assert len(restored_claims) == removed.claim_count
    linked = [c for c in restored_claims if c.source_count]
    assert [c.id for c in linked] == [claim.id] and sources.list_evidence(sqlite_db, claim.id)[0].stance == "supports"
    version_id = next(a.version_id for a in listed if a.id == article.id)
    assert {c.article_version_id for c in restored_claims} == {version_id}
    assert len(claims.list_claims(sqlite_db, article_id=newcomer.id)) == removed.claim_count


def test_an_article_cannot_come_back_to_a_deleted_session(sqlite_db):
    session = sessions.create_session(sqlite_db, "Desk")
    article = store_extracted(sqlite_db, session.id, make_article(), by="detector").article
    removed = remove_article(sqlite_db, article.id)
    sessions.delete_session(sqlite_db, session.id)
    with pytest.raises(NotFoundError, match="no longer exists"):
        restore_article(sqlite_db, removed)
