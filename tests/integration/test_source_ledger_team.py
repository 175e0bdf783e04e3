"""On a team's PostgreSQL database a reviewer archives sources but can never rewrite an archive."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import ProgrammingError
from werkzeug import Response

from tests.factories import make_article
from tests.integration import ledger_pages as pages
from workbench.cli import main
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.services.database import open_database
from workbench.storage import articles, sessions
from workbench.storage.snapshots import list_snapshots

pytestmark = pytest.mark.postgres
_names = itertools.count()


@pytest.fixture
def reviewer(postgres_url: str) -> Iterator[str]:
    name = f"dana_{os.getpid()}_{next(_names)}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN")
    yield name
    with admin.connect() as connection:  # roles are the server's: leave none behind
        connection.exec_driver_sql(f"DROP OWNED BY {name}")
        connection.exec_driver_sql(f"DROP ROLE {name}")
    admin.dispose()


def test_a_reviewer_archives_a_source_and_cannot_delete_or_change_it(postgres_url, reviewer, httpserver, capsys):
    httpserver.expect_request(re.compile(".*")).respond_with_handler(
        lambda _r: Response(pages.ORIGINAL, content_type="text/html"))
    db = open_database(postgres_url)
    session = sessions.create_session(db, "Team sources")
    article = articles.add_article(db, session.id, make_article())
    claim = claim_edits.add_claim(db, article.id, ClaimDraft(kind="figure", start=26, end=46), by="owner")
    db.close()
    assert main(["team", "grant", reviewer, "--db", postgres_url]) == 0
    as_reviewer = make_url(postgres_url).set(username=reviewer).render_as_string(hide_password=False)

    status = main(["source", "add", str(session.id), str(claim.id), httpserver.url_for("/troops"),
                   "--passage", pages.PASSAGE, "--db", as_reviewer])
    assert status == 0, capsys.readouterr().err
    assert main(["recheck", str(session.id), "--sources", "--db", as_reviewer]) == 0
    bob = open_database(as_reviewer)
    try:
        for statement in ("DELETE FROM source_snapshot", "UPDATE source_snapshot SET text = ''"):
            with pytest.raises(ProgrammingError, match="permission denied"), bob.engine.begin() as connection:
                connection.exec_driver_sql(statement)
        (source_id,) = {s.source_id for s in _snapshots(bob, session.id)}
        (snapshot,) = list_snapshots(bob, source_id)
        assert snapshot.fetched_by and snapshot.error is None
    finally:
        bob.close()


def _snapshots(db, session_id):
    from workbench.storage.sources import list_sources

    return [snap for source in list_sources(db, session_id) for snap in list_snapshots(db, source.id)]



def test_a_team_granted_before_the_archive_existed_gets_it_append_only(postgres_url, reviewer):
    """Default privileges give a table the owner's migration adds in full to the reviewers' group;
    the migration that adds the archive takes back changing and deleting it."""
    from alembic import command

    from workbench.storage.migrate import alembic_config
    from workbench.storage.team_grants import GROUP

    engine = create_engine(postgres_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "2026_12_07_0018")
        # What `workbench team grant` did at that revision, in short: full rights on new tables.
        if not connection.exec_driver_sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{GROUP}'").first():
            connection.exec_driver_sql(f"CREATE ROLE {GROUP} NOLOGIN")
        for statement in (
            f"GRANT USAGE ON SCHEMA public TO {GROUP}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {GROUP}",
            f"GRANT {GROUP} TO {reviewer}",
        ):
            connection.exec_driver_sql(statement)
    engine.dispose()
    open_database(postgres_url).close()  # the owner opens it: migrated to the head
    as_reviewer = make_url(postgres_url).set(username=reviewer).render_as_string(hide_password=False)
    bob = create_engine(as_reviewer)
    try:
        with bob.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM source_snapshot").scalar() == 0
        with pytest.raises(ProgrammingError, match="permission denied"), bob.begin() as connection:
            connection.exec_driver_sql("DELETE FROM source_snapshot")
    finally:
        bob.dispose()
        owner = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
        with owner.connect() as connection:
            connection.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {GROUP}")
        owner.dispose()
