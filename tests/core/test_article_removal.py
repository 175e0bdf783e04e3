"""Removing an article from a session takes everything of it; restoring brings it back row for row."""

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


def test_removing_an_article_leaves_nothing_of_it_and_restoring_brings_back_every_row(any_db, reviewed):
    session_id, article_id, claim_id = reviewed
    before = snapshot(any_db)

    removed = remove_article(any_db, article_id)

    assert removed.title == "Belarus prepares for war"
    assert removed.claim_count > 1 and removed.reviewed_count == 1
    assert [a.title for a in articles.list_articles(any_db, session_id)] == ["Second"]
    with any_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Claim).where(Claim.article_id == article_id)) == 0
        assert session.scalar(select(func.count()).select_from(ClaimHistory).where(ClaimHistory.claim_id == claim_id)) == 0
        assert session.scalar(select(func.count()).select_from(ClaimKey).where(ClaimKey.claim_id == claim_id)) == 0
        assert session.scalar(select(func.count()).select_from(Evidence)) == 0
        assert session.scalar(select(func.count()).select_from(ArticleVersion).where(ArticleVersion.article_id == article_id)) == 0
        assert session.scalar(select(func.count()).select_from(Source)) == 1  # the session's source stays
    with pytest.raises(NotFoundError):
        claims.get_claim(any_db, claim_id)

    assert restore_article(any_db, removed) == article_id

    assert snapshot(any_db) == before
    claim = claims.get_claim(any_db, claim_id)
    assert (claim.verdict, claim.rationale) == ("false", "Ministry figures say 20,000.")
    assert {"verdict", "rationale"} <= {h.field for h in claims.claim_history(any_db, claim_id)}
    assert sources.list_evidence(any_db, claim_id)[0].passage == "20,000 troops"
    assert [a.title for a in articles.list_articles(any_db, session_id)] == ["Belarus prepares for war", "Second"]


def test_restoring_after_its_ids_were_reused_gives_new_ids_and_keeps_the_links(sqlite_db):
    session = sessions.create_session(sqlite_db, "Desk")
    article = store_extracted(sqlite_db, session.id, make_article(), by="detector").article
    claim = claims.list_claims(sqlite_db, article_id=article.id)[0]
    source = sources.add_source(sqlite_db, session.id, "https://ministry.example/figures")
    sources.attach_source(sqlite_db, claim.id, source.id, by="ana", stance="supports")
    removed = remove_article(sqlite_db, article.id)
    # SQLite hands the freed ids to the next article imported.
    newcomer = store_extracted(sqlite_db, session.id, make_article(title="Newcomer"), by="detector").article
    assert newcomer.id == article.id

    restored_id = restore_article(sqlite_db, removed)

    assert restored_id != article.id
    listed = articles.list_articles(sqlite_db, session.id)
    assert sorted(a.title for a in listed) == ["Belarus prepares for war", "Newcomer"]
    restored_claims = claims.list_claims(sqlite_db, article_id=restored_id)
    assert len(restored_claims) == removed.claim_count
    linked = [c for c in restored_claims if c.source_count]
    assert len(linked) == 1 and sources.list_evidence(sqlite_db, linked[0].id)[0].stance == "supports"
    version_id = next(a.version_id for a in listed if a.id == restored_id)
    assert {c.article_version_id for c in restored_claims} == {version_id}
    assert len(claims.list_claims(sqlite_db, article_id=newcomer.id)) == removed.claim_count


def test_an_article_cannot_come_back_to_a_deleted_session(sqlite_db):
    session = sessions.create_session(sqlite_db, "Desk")
    article = store_extracted(sqlite_db, session.id, make_article(), by="detector").article
    removed = remove_article(sqlite_db, article.id)
    sessions.delete_session(sqlite_db, session.id)
    with pytest.raises(NotFoundError, match="no longer exists"):
        restore_article(sqlite_db, removed)
