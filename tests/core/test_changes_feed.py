"""Colleagues' changes reach another window's feed: two Database handles on one database.

Each write through one handle shows up in the other's ``ChangeFeed`` within
the wait, naming what it touched; a handle never sees its own writes, and a
write that was refused or only saved where the reviewer was leaves nothing.
Run on SQLite (polling the log) and PostgreSQL (LISTEN/NOTIFY).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.errors import ConflictError, DatabaseUnreachableError
from workbench.recheck import carry_over
from workbench.services import claim_edits, team
from workbench.services.changes_feed import Change, ChangeFeed
from workbench.services.claim_edits import EditClaim, set_verdict
from workbench.services.database import open_database
from workbench.services.edits import apply
from workbench.services.evidence_edits import AttachSource
from workbench.services.importing import store_extracted
from workbench.storage import claims, sessions
from workbench.storage.article_removal import remove_article
from workbench.storage.database import Database


@pytest.fixture
def colleague(any_db: Database) -> Iterator[Database]:
    """A second handle on the same database: the other reviewer's window."""
    location = any_db.file_path or any_db.url.render_as_string(hide_password=False)
    db = open_database(location)
    yield db
    db.close()


@pytest.fixture
def desk(any_db: Database) -> tuple[int, int, list[int]]:
    session = sessions.create_session(any_db, "Morning desk", reviewer="ana")
    article = store_extracted(any_db, session.id, make_article(), by="detector").article
    return session.id, article.id, [c.id for c in claims.list_claims(any_db, article_id=article.id)]


def _wait_for(feed: ChangeFeed, seconds: float = 5.0) -> list[Change]:
    deadline = time.monotonic() + seconds
    found: list[Change] = []
    while not found and time.monotonic() < deadline:
        found = feed.wait(min(1.0, deadline - time.monotonic()))
    return found


def test_a_verdict_set_in_one_window_reaches_the_other_within_seconds(any_db, colleague, desk):
    session_id, article_id, claim_ids = desk
    feed, own = ChangeFeed(any_db), ChangeFeed(colleague)
    try:
        started = time.monotonic()
        apply(colleague, set_verdict(claim_ids[0], "false"), by="bob")
        found = _wait_for(feed)
        assert time.monotonic() - started < 5
        assert [c.by for c in found] == ["bob"]
        change = found[0]
        assert change.claim_ids == {claim_ids[0]} and change.touches(session_id)
        assert not change.articles_changed and not change.text_article_ids
        assert own.wait(0.3) == []  # the writer's window already shows it
    finally:
        feed.close()
        own.close()


def test_a_colleagues_new_article_and_source_are_named(any_db, colleague, desk):
    session_id, _article_id, claim_ids = desk
    feed = ChangeFeed(any_db)
    try:
        added = store_extracted(colleague, session_id, make_article(title="Second"), by="bob").article
        found = _wait_for(feed)
        assert any(c.articles_changed and added.id in c.claim_article_ids for c in found)
        apply(colleague, AttachSource(session_id, claim_ids[1], "https://stats.example/t"), by="bob")
        found = _wait_for(feed)
        assert len(found) == 1 and claim_ids[1] in found[0].claim_ids and found[0].source_ids
        remove_article(colleague, added.id)  # plain SQL deletes: named by the session they touched
        found = _wait_for(feed)
        assert len(found) == 1 and found[0].articles_changed and found[0].touches(session_id)
    finally:
        feed.close()


def test_a_recheck_names_the_article_whose_text_changed(any_db, colleague, desk):
    session_id, article_id, _claim_ids = desk
    feed = ChangeFeed(any_db)
    try:
        carry_over.store_version(colleague, article_id, make_article("Breaking. " + DEMO_TEXT), by="bob")
        found = _wait_for(feed)
        assert [c.text_article_ids for c in found] == [{article_id}]
        assert found[0].touches(session_id)
    finally:
        feed.close()


def test_a_deleted_and_a_restored_claim_name_their_article_and_a_display_name_the_team(any_db, colleague, desk):
    session_id, article_id, claim_ids = desk
    feed = ChangeFeed(any_db)
    try:
        deleted = claim_edits.delete_claim(colleague, claim_ids[0], by="bob")
        found = _wait_for(feed)
        # A tombstone: the window reads the claim, finds it gone, and removes its row.
        assert len(found) == 1 and claim_ids[0] in found[0].claim_ids | found[0].removed_claim_ids
        assert article_id in found[0].article_ids and found[0].touches(session_id)
        claim_edits.restore_claim(colleague, deleted, by="bob")
        found = _wait_for(feed)
        assert len(found) == 1 and claim_ids[0] in found[0].claim_ids and article_id in found[0].article_ids
        assert not any(c.team_changed for c in found)

        team.set_display_name(colleague, "Bob Roe")
        found = _wait_for(feed)
        assert [c.team_changed for c in found] == [True]
        assert not found[0].articles_changed  # no session's articles to read again for a name
    finally:
        feed.close()


def test_a_refused_edit_and_a_saved_position_leave_nothing_to_read(any_db, colleague, desk):
    session_id, _article_id, claim_ids = desk
    feed = ChangeFeed(any_db)
    try:
        apply(any_db, set_verdict(claim_ids[0], "true"), by="ana")  # the feed's own write: skipped
        with pytest.raises(ConflictError):
            apply(colleague, EditClaim(claim_ids[0], {"verdict": "false"}, expected_version=1), by="bob")
        sessions.save_ui_state(colleague, session_id, {"claim_id": claim_ids[2]})
        assert feed.wait(1.0) == []
    finally:
        feed.close()


@pytest.mark.postgres
def test_a_feed_that_lost_its_listening_connection_says_so_then_catches_up(postgres_url):
    db, colleague = open_database(postgres_url), open_database(postgres_url)
    feed = ChangeFeed(db)
    try:
        assert feed.wait(0.2) == []  # listening from now on
        session = sessions.create_session(colleague, "Desk", reviewer="bob")
        store_extracted(colleague, session.id, make_article(), by="detector")
        assert _wait_for(feed)
        while feed.wait(0.5):  # the session and the import may come in two reads
            pass
        with colleague.engine.begin() as connection:  # the server drops the listener (a restart, a network cut)
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"
            ))
        with pytest.raises(DatabaseUnreachableError):
            feed.wait(2.0)
        claim_id = claims.list_claims(colleague, session_id=session.id)[0].id
        apply(colleague, set_verdict(claim_id, "false"), by="bob")  # while nobody listens
        found = _wait_for(feed)
        assert [c.claim_ids for c in found] == [{claim_id}]
    finally:
        feed.close()
        colleague.close()
        db.close()


def test_a_colleagues_archived_source_names_the_source(any_db, colleague, desk):
    from datetime import UTC, datetime

    from workbench.domain.snapshots import ArchivedCopy
    from workbench.storage.snapshots import add_snapshot_in

    session_id, _article_id, claim_ids = desk
    link = apply(any_db, AttachSource(session_id, claim_ids[0], "https://stats.example/t", title="Stats"),
                 by="ana").links[0]
    feed = ChangeFeed(any_db)
    try:
        with colleague.session() as orm:  # a re-check's failed fetch: only a snapshot row is new
            add_snapshot_in(orm, link.source.id, ArchivedCopy(link.source.url, datetime.now(UTC), error="HTTP 404"),
                            by="bob")
        found = _wait_for(feed)
        assert len(found) == 1 and found[0].source_ids == {link.source.id} and found[0].by == "bob"
    finally:
        feed.close()
