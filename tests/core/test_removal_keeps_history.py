"""Removing an article or deleting a session hides the review but never deletes its history.

Reviewers may only add to the claim history. A removed article and a deleted
session that holds a review stay as tombstones: nothing of them shows in
lists, counts, searches, exports or the claim memory, every history row
stays with the role that wrote it, and undoing a removal brings back the same
claims with versions that keep increasing.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy.exc
from sqlalchemy import func, make_url, select, text

from tests.factories import make_article
from workbench.domain.errors import ConflictError, NotFoundError
from workbench.domain.records import ClaimDraft
from workbench.export.csv_report import write_csv
from workbench.export.json_export import write_session_json
from workbench.memory.lookup import find_prior
from workbench.services import claim_edits, team
from workbench.services.article_edits import RemoveArticle
from workbench.services.edits import apply
from workbench.services.importing import store_extracted
from workbench.storage import articles, claims, sessions, sources
from workbench.storage.database import Database, open_database
from workbench.storage.models import ArticleVersion, Claim, ClaimHistory, Evidence, ReviewSession

OLD_TEXT = (
    "Belarus moves troops\n\n"
    "About 32,000 troops were deployed near the border, officials said.\n\n"
    "The army received S-400 Triumf batteries."
)
NEW_TEXT = "Troops on the border\n\nSome 32 000 soldiers are now stationed along the frontier."


def _claim(db: Database, article_id: int, text: str, needle: str, value: Any = None, unit: str | None = None) -> int:
    start = text.index(needle)
    draft = ClaimDraft(kind="figure", start=start, end=start + len(needle), value=value, unit=unit)
    return claim_edits.add_claim(db, article_id, draft, by="ana").id


@pytest.fixture
def desk(any_db: Database) -> dict[str, int]:
    """Last week's review (a troop figure rated true, with a source) and today's session asking about it."""
    last_week = sessions.create_session(any_db, "Last week", reviewer="ana")
    article = articles.add_article(any_db, last_week.id, make_article(OLD_TEXT, title="Belarus moves troops"))
    troops = _claim(any_db, article.id, OLD_TEXT, "About 32,000 troops", 32000, "troop")
    claim_edits.update_claim(any_db, troops, {"verdict": "true", "rationale": "Ministry figures"}, by="ana",
                             expected_version=None)
    source = sources.add_source(any_db, last_week.id, "https://mod.example/report", title="Ministry report")
    sources.attach_source(any_db, troops, source.id, by="ana", stance="supports", passage="32,000 servicemen")
    today = sessions.create_session(any_db, "Today", reviewer="bo")
    new = articles.add_article(any_db, today.id, make_article(NEW_TEXT, title="Troops on the border",
                                                              source="https://news.example/today"))
    asking = _claim(any_db, new.id, NEW_TEXT, "Some 32 000 soldiers", 32000, "soldier")
    return {"session": last_week.id, "article": article.id, "troops": troops, "asking": asking, "today": today.id}


def history(db: Database) -> list[tuple[Any, ...]]:
    """Every history row as stored: id, claim, field, who, which database role, when."""
    with db.session() as session:
        return [tuple(row) for row in session.execute(
            select(ClaimHistory.id, ClaimHistory.claim_id, ClaimHistory.field, ClaimHistory.by,
                   ClaimHistory.db_role, ClaimHistory.at).order_by(ClaimHistory.id)
        )]


def count(db: Database, model: type, *where: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def exported(db: Database, session_id: int) -> tuple[str, str]:
    """The session as JSON and as CSV, as a reviewer would export it."""
    document = io.StringIO()
    write_session_json(document, db, session_id)
    table = io.StringIO()
    write_csv(table, db, session_id, None)
    return document.getvalue(), table.getvalue()


def test_a_removed_article_keeps_its_history_and_shows_nowhere_until_undone(any_db, desk):
    before = history(any_db)
    troops = claims.get_claim(any_db, desk["troops"])
    assert [m.claim_id for m in find_prior(any_db, desk["asking"])] == [desk["troops"]]

    done = apply(any_db, RemoveArticle(desk["article"]), by="bo")

    assert set(before) <= set(history(any_db))  # not one row of the history went
    assert [(row[2], row[3]) for row in history(any_db)[len(before):]] == [("deleted", "bo")]
    assert count(any_db, Evidence) == 1 and count(any_db, ArticleVersion, ArticleVersion.article_id == desk["article"]) == 1
    # ...but the reviewer sees none of it: not listed, counted, found, exported or offered by the memory.
    assert articles.list_articles(any_db, desk["session"]) == []
    assert claims.list_claims(any_db, session_id=desk["session"]) == []
    with pytest.raises(NotFoundError):
        claims.get_claim(any_db, desk["troops"])
    summary = sessions.get_session(any_db, desk["session"])
    assert (summary.article_count, summary.claim_count, summary.first_article) == (0, 0, None)
    assert sessions.list_sessions(any_db, "Belarus moves") == []
    document, table = exported(any_db, desk["session"])
    assert json.loads(document)["articles"] == [] and "32,000" not in table
    assert find_prior(any_db, desk["asking"]) == []
    with pytest.raises(NotFoundError):  # a claim cannot be logged in it meanwhile
        claim_edits.add_claim(any_db, desk["article"], ClaimDraft(kind="figure", start=0, end=7), by="bo")

    apply(any_db, done.inverse, by="bo")  # undo

    after = claims.get_claim(any_db, desk["troops"])
    assert (after.id, after.verdict, after.rationale, after.source_count) == (troops.id, "true", "Ministry figures", 1)
    assert after.version == troops.version + 2  # the removal and the undo are edits a stale window must see
    assert set(before) <= set(history(any_db))
    assert [row[2] for row in history(any_db)[len(before):]] == ["deleted", "restored"]
    assert [a.title for a in articles.list_articles(any_db, desk["session"])] == ["Belarus moves troops"]
    assert [s.title for s in sessions.list_sessions(any_db, "Belarus moves")] == ["Last week"]
    assert "32,000" in exported(any_db, desk["session"])[1]
    assert [m.claim_id for m in find_prior(any_db, desk["asking"])] == [desk["troops"]]
    with pytest.raises(ConflictError):  # a window that loaded the claim before the removal is stale
        claim_edits.update_claim(any_db, desk["troops"], {"verdict": "false"}, by="ana", expected_version=troops.version)


def test_a_claim_deleted_before_the_removal_stays_deleted_after_the_undo(any_db, desk):
    system = _claim(any_db, desk["article"], OLD_TEXT, "S-400 Triumf")
    claim_edits.delete_claim(any_db, system, by="ana")
    done = apply(any_db, RemoveArticle(desk["article"]), by="bo")
    apply(any_db, done.inverse, by="bo")
    assert [c.id for c in claims.list_claims(any_db, article_id=desk["article"])] == [desk["troops"]]
    # Nor can the claim's own undo bring it back while its article is removed.
    record = claim_edits.delete_claim(any_db, desk["troops"], by="ana")
    done = apply(any_db, RemoveArticle(desk["article"]), by="bo")
    with pytest.raises(NotFoundError, match="article was removed"):
        claim_edits.restore_claim(any_db, record, by="ana")
    assert claims.list_claims(any_db, session_id=desk["session"]) == []


def test_a_deleted_session_with_a_review_is_kept_out_of_sight_with_its_history(any_db, desk):
    before = history(any_db)

    assert sessions.delete_session(any_db, desk["session"], by="bo") is True  # kept as a tombstone

    assert [s.title for s in sessions.list_sessions(any_db)] == ["Today"]
    assert sessions.session_ids(any_db) == [desk["today"]]
    for name in ("Last week", str(desk["session"])):
        with pytest.raises(NotFoundError):
            sessions.find_session(any_db, name)
    with pytest.raises(NotFoundError):
        exported(any_db, desk["session"])
    assert find_prior(any_db, desk["asking"]) == []
    assert set(before) <= set(history(any_db))
    assert count(any_db, Claim, Claim.id == desk["troops"]) == 1
    with pytest.raises(NotFoundError):
        sessions.rename_session(any_db, desk["session"], "Back again")


def test_a_session_with_no_history_is_deleted_outright(any_db):
    empty = sessions.create_session(any_db, "Nothing yet")
    articles.add_article(any_db, empty.id, make_article("No claim in this text."))
    assert sessions.delete_session(any_db, empty.id) is False
    assert sessions.list_sessions(any_db) == [] and count(any_db, ReviewSession) == 0


@pytest.fixture
def reviewer(postgres_url: str) -> Iterator[tuple[Database, Database, str]]:
    """The owner's connection, and a reviewer's: a login role given only what `workbench team grant` gives."""
    owner = open_database(postgres_url)
    role = f"rev_rm_{os.getpid()}"
    with owner.engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    team.grant_reviewers(owner, [role])
    colleague = open_database(make_url(postgres_url).set(username=role).render_as_string(hide_password=False))
    try:
        yield owner, colleague, role
    finally:
        colleague.close()
        with owner.engine.begin() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        owner.close()


@pytest.mark.postgres
def test_a_reviewer_role_removes_an_article_and_deletes_a_session_and_no_history_row_goes(reviewer):
    owner, colleague, role = reviewer
    desk = sessions.create_session(owner, "Desk", reviewer="owner")
    article = store_extracted(owner, desk.id, make_article(), by="detector").article
    claim = claims.list_claims(owner, article_id=article.id)[0]
    apply(owner, claim_edits.set_verdict(claim.id, "false"), by="owner")
    before = history(owner)
    owner_role = before[0][4]
    assert owner_role and owner_role != role and {row[4] for row in before} == {owner_role}

    done = apply(colleague, RemoveArticle(article.id), by="Rev")

    assert set(before) <= set(history(owner))  # every row, with the role that wrote it
    assert {row[4] for row in history(owner)[len(before):]} == {role}
    assert claims.list_claims(colleague, session_id=desk.id) == []

    apply(colleague, done.inverse, by="Rev")

    back = claims.list_claims(colleague, article_id=article.id)
    assert claim.id in {c.id for c in back} and claims.get_claim(colleague, claim.id).verdict == "false"
    assert set(before) <= set(history(owner))
    assert {row[4] for row in history(owner)[len(before):]} == {role}
    assert claims.get_claim(colleague, claim.id).version > claim.version

    assert sessions.delete_session(colleague, desk.id, by="Rev") is True
    assert sessions.list_sessions(colleague) == []
    assert set(before) <= set(history(owner))


@pytest.mark.postgres
def test_a_reviewer_typing_sql_cannot_delete_history_even_through_a_cascade(reviewer):
    owner, colleague, _role = reviewer
    desk = sessions.create_session(owner, "Desk", reviewer="owner")
    article = store_extracted(owner, desk.id, make_article(), by="detector").article
    claim = claims.list_claims(owner, article_id=article.id)[0]
    apply(owner, claim_edits.set_verdict(claim.id, "false"), by="owner")
    before = history(owner)

    for statement in (f"DELETE FROM review_session WHERE id = {desk.id}",  # cascades to the history
                      f"DELETE FROM claim WHERE id = {claim.id}",
                      "UPDATE claim_history SET note = 'rewritten'"):
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only|permission denied"):
            with colleague.engine.begin() as connection:
                connection.execute(text(statement))
    assert history(owner) == before and sessions.list_sessions(owner)[0].id == desk.id

    with owner.engine.begin() as connection:  # the owner may still purge
        connection.execute(text(f"DELETE FROM review_session WHERE id = {desk.id}"))
    assert history(owner) == []
