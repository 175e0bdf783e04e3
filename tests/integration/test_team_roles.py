"""A team on one PostgreSQL database: the owner grants, a second role reviews.

Real roles on the test server (trust authentication, so a role connects by
naming itself in the URL): the owner imports and runs `workbench team grant
bob`; bob then opens, sets a verdict and imports; his history rows carry
his database role, which he cannot forge, and he cannot delete history. A
role nobody granted gets a clear message, never a traceback.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import ProgrammingError

from workbench.cli import main
from workbench.domain.errors import DatabasePermissionError, DatabaseUnreachableError
from workbench.services import team
from workbench.services.database import open_database
from workbench.storage import article_removal, articles, claims, reviewers, sessions

pytestmark = pytest.mark.postgres

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claims"
_names = itertools.count()


_ROLES_TO_DROP: list[str] = []


@pytest.fixture
def owner_url(postgres_url: str) -> str:
    """The test database as its owner (the server's superuser made it)."""
    return postgres_url


@pytest.fixture
def roles(postgres_url: str) -> dict[str, str]:
    """Two login roles, bob and carol (unique names: roles are shared by the whole server)."""
    suffix = f"{os.getpid()}_{next(_names)}"
    names = {"bob": f"bob_{suffix}", "carol": f"carol_{suffix}"}
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names.values():
            connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN")
    admin.dispose()
    _ROLES_TO_DROP.extend(names.values())  # once their test databases are gone
    return names


@pytest.fixture(scope="module", autouse=True)
def _drop_roles(postgres_server) -> Iterator[None]:
    yield
    url = f"postgresql+psycopg://{postgres_server.user}@{postgres_server.host}:{postgres_server.port}/postgres"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for name in _ROLES_TO_DROP:
            connection.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
    engine.dispose()


def as_role(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _claim_ids(url: str) -> list[int]:
    db = open_database(url)
    try:
        [session] = sessions.list_sessions(db)
        return [c.id for c in claims.list_claims(db, session_id=session.id)]
    finally:
        db.close()


def test_the_owner_grants_and_a_second_role_reviews_with_its_own_identity(owner_url, roles, capsys):
    bob = as_role(owner_url, roles["bob"])
    status, _, err = run(capsys, "import", str(FIXTURES / "harbour-fire.txt"), "--session", "Team", "--db", owner_url)
    assert status == 0, err

    # Before the grant: a clear message naming the command, no traceback.
    status, _, err = run(capsys, "sessions", "--db", bob)
    assert status == 2
    assert f"workbench team grant {roles['bob']}" in err and "Traceback" not in err

    status, out, err = run(capsys, "team", "grant", roles["bob"], "--db", owner_url)
    assert status == 0, err
    assert roles["bob"] in out and "workbench_reviewer" in out

    status, out, err = run(capsys, "team", "name", "Bob Baker", "--db", bob)
    assert status == 0 and "Bob Baker" in out and roles["bob"] in out, err

    claim_id = _claim_ids(bob)[0]
    status, out, err = run(capsys, "verdict", "Team", str(claim_id), "true", "--db", bob)
    assert status == 0, err
    status, out, err = run(capsys, "import", str(FIXTURES / "harbour-fire.txt"), "--session", "Team", "--db", bob)
    assert status == 0, err
    assert len(_claim_ids(bob)) > 1

    db = open_database(owner_url)
    try:
        [verdict_row] = [h for h in claims.claim_history(db, claim_id) if h.field == "verdict"]
        assert (verdict_row.db_role, verdict_row.by, verdict_row.new) == (roles["bob"], "Bob Baker", "true")
        owner_role = team.who_am_i(db).role
        assert all(h.db_role == owner_role for h in claims.claim_history(db, claim_id) if h.field != "verdict")
    finally:
        db.close()


def test_history_is_append_only_for_a_reviewer_and_the_role_cannot_be_forged(owner_url, roles, capsys):
    assert run(capsys, "import", str(FIXTURES / "harbour-fire.txt"), "--session", "Team", "--db", owner_url)[0] == 0
    assert run(capsys, "team", "grant", roles["bob"], "--db", owner_url)[0] == 0
    bob = open_database(as_role(owner_url, roles["bob"]))
    claim_id = _claim_ids(owner_url)[0]
    try:
        with bob.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO claim_history (claim_id, at, by, field, note, db_role)"
                     " VALUES (:c, now(), 'someone', 'note', '', 'postgres')"),
                {"c": claim_id},
            )
        for statement in ("DELETE FROM claim_history", "UPDATE claim_history SET by = 'nobody'"):
            with pytest.raises(ProgrammingError, match="permission denied"), bob.engine.begin() as connection:
                connection.exec_driver_sql(statement)
        rows = claims.claim_history(bob, claim_id)
        assert rows[-1].db_role == roles["bob"]  # the trigger, not the client, names the role
        assert all(row.by != "nobody" for row in rows)

        # Removing an article is still possible for a reviewer, and deletes no history:
        # the article and its claims are marked, and undo clears the marks.
        [session] = sessions.list_sessions(bob)
        removed = article_removal.remove_article(bob, articles.list_articles(bob, session.id)[0].id)
        assert claims.list_claims(bob, session_id=session.id) == []
        article_removal.restore_article(bob, removed)
        assert claims.claim_history(bob, claim_id)[: len(rows)] == rows

        # A display name is the role's own: bob cannot rename a colleague.
        with pytest.raises(DatabasePermissionError):
            reviewers.set_display_name(bob, roles["carol"], "Bob in disguise")
        assert reviewers.display_name(bob, roles["carol"]) is None
        sessions.delete_session(bob, session.id)
        assert sessions.list_sessions(bob) == []
    finally:
        bob.close()


def test_a_role_without_grants_gets_a_clear_message_from_the_cli(owner_url, roles, capsys):
    assert run(capsys, "import", str(FIXTURES / "harbour-fire.txt"), "--session", "Team", "--db", owner_url)[0] == 0
    carol = as_role(owner_url, roles["carol"])
    for argv in (("sessions",), ("import", str(FIXTURES / "harbour-fire.txt")), ("team", "name", "Carol")):
        status, out, err = run(capsys, *argv, "--db", carol)
        assert status == 2, (argv, out)
        assert "missing a permission" in err and f"workbench team grant {roles['carol']}" in err
        assert "Traceback" not in err


def test_a_reviewer_cannot_run_migrations_and_is_told_so(owner_url, roles, capsys):
    assert run(capsys, "sessions", "--db", owner_url)[0] == 0
    assert run(capsys, "team", "grant", roles["bob"], "--db", owner_url)[0] == 0
    owner = create_engine(owner_url)
    with owner.begin() as connection:  # as if a newer workbench were opening an older database
        head = connection.scalar(text("SELECT version_num FROM alembic_version"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    try:
        with pytest.raises(DatabasePermissionError, match="must be upgraded") as raised:
            open_database(as_role(owner_url, roles["bob"]))
        assert "database owner" in raised.value.hint
    finally:
        with owner.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head})
        owner.dispose()


def test_window_state_is_kept_per_role(owner_url, roles, capsys):
    assert run(capsys, "import", str(FIXTURES / "harbour-fire.txt"), "--session", "Team", "--db", owner_url)[0] == 0
    assert run(capsys, "team", "grant", roles["bob"], "--db", owner_url)[0] == 0
    owner, bob = open_database(owner_url), open_database(as_role(owner_url, roles["bob"]))
    try:
        [session] = sessions.list_sessions(owner)
        sessions.save_ui_state(owner, session.id, {"claim_id": 1, "filters": {"kind": "figure"}}, "same name")
        sessions.save_ui_state(bob, session.id, {"claim_id": 2, "filters": {}}, "same name")
        assert sessions.load_ui_state(owner, session.id, "same name")["claim_id"] == 1
        assert sessions.load_ui_state(bob, session.id, "same name")["claim_id"] == 2
    finally:
        owner.close()
        bob.close()


# --- passwords: never on the command line ---------------------------------

PASSWORD = "harbour-fire-7"


@pytest.fixture
def password_role(owner_url: str, capsys) -> Iterator[str]:
    """A role the server asks a password of (scram), granted as a reviewer."""
    name = f"pw_{os.getpid()}_{next(_names)}"
    admin = create_engine(owner_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'")
        hba = Path(str(connection.scalar(text("SHOW hba_file"))))
        original = hba.read_text()
        hba.write_text(f"host all {name} 127.0.0.1/32 scram-sha-256\n{original}")
        connection.execute(text("SELECT pg_reload_conf()"))
    _ROLES_TO_DROP.append(name)
    assert run(capsys, "team", "grant", name, "--db", owner_url)[0] == 0
    url = as_role(owner_url, name)
    _wait_until_password_is_asked(url)
    try:
        yield url
    finally:
        hba.write_text(original)
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_reload_conf()"))
        admin.dispose()


def _wait_until_password_is_asked(url: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            open_database(url).close()
        except DatabaseUnreachableError:
            return
        time.sleep(0.05)
    raise AssertionError("the server never started asking for the password")


def test_without_a_password_the_message_says_where_to_put_it(password_role, capsys, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    status, _, err = run(capsys, "sessions", "--db", password_role)
    assert status == 2 and "wants a password" in err and "~/.pgpass" in err and "Traceback" not in err


def test_pgpassword_and_pgpass_supply_the_password(password_role, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert run(capsys, "sessions", "--db", password_role)[0] == 0
    monkeypatch.delenv("PGPASSWORD")
    url = make_url(password_role)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{url.host}:{url.port}:{url.database}:{url.username}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert run(capsys, "sessions", "--db", password_role)[0] == 0


def test_on_a_terminal_the_password_is_asked_for_and_never_saved(password_role, capsys, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or PASSWORD)
    status, out, err = run(capsys, "team", "name", "--db", password_role)
    assert status == 0, err
    assert len(asked) == 1 and PASSWORD not in asked[0]
    assert PASSWORD not in out + err


def test_a_service_file_names_the_server_without_a_url(owner_url, capsys, monkeypatch, tmp_path):
    url = make_url(owner_url)
    service_file = tmp_path / "pg_service.conf"
    service_file.write_text(
        f"[newsroom]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser={url.username}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    status, out, err = run(capsys, "import", str(FIXTURES / "harbour-fire.txt"), "--db", "postgresql:///?service=newsroom")
    assert status == 0, err
    assert len(_claim_ids(owner_url)) > 0
