"""Who edits, on a SQLite file: the display name, and each reviewer's own window state.

A SQLite file has no database roles: the name is the one chosen on this
machine (WORKBENCH_REVIEWER, the window's settings), else the display name
stored for the login name (`workbench team name`), else the login name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import make_article
from workbench.cli import main
from workbench.domain.errors import InvalidValueError
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits, team
from workbench.services.database import open_database
from workbench.storage import articles, claims, sessions
from workbench.storage.database import describe, resolve_url


@pytest.fixture
def review(tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "team.sqlite"
    db = open_database(path)
    session = sessions.create_session(db, "Team")
    article = articles.add_article(db, session.id, make_article())
    claim = claim_edits.add_claim(db, article.id, ClaimDraft("figure", 26, 45), by="lead")
    db.close()
    return {"path": str(path), "session": session.id, "claim": claim.id}


def test_the_name_set_with_team_name_signs_the_next_edits(review, capsys, monkeypatch):
    monkeypatch.delenv("WORKBENCH_REVIEWER", raising=False)
    db = open_database(review["path"])
    assert team.who_am_i(db) == team.Identity(None, team.login_name())
    db.close()

    assert main(["team", "name", "  Alice   Smith ", "--db", review["path"]]) == 0
    assert "Your changes are shown as Alice Smith." in capsys.readouterr().out
    assert main(["verdict", "Team", str(review["claim"]), "true", "--db", review["path"]]) == 0

    db = open_database(review["path"])
    try:
        assert team.who_am_i(db).display_name == "Alice Smith"
        last = claims.claim_history(db, review["claim"])[-1]
        assert (last.field, last.by, last.db_role) == ("verdict", "Alice Smith", None)
        # A name chosen on this machine (settings, WORKBENCH_REVIEWER) still wins on SQLite.
        assert team.who_am_i(db, "Ana").display_name == "Ana"
    finally:
        db.close()
    monkeypatch.setenv("WORKBENCH_REVIEWER", "Ana")
    assert main(["team", "name", "--db", review["path"]]) == 0
    assert "shown as Ana" in capsys.readouterr().out


def test_an_empty_display_name_is_refused(review):
    db = open_database(review["path"])
    try:
        with pytest.raises(InvalidValueError, match="cannot be empty"):
            team.set_display_name(db, "   ")
    finally:
        db.close()


def test_team_grant_on_a_sqlite_file_says_it_is_for_postgresql(review, capsys):
    assert main(["team", "grant", "bob", "--db", review["path"]]) == 2
    err = capsys.readouterr().err
    assert "SQLite file" in err and "PostgreSQL" in err and "Traceback" not in err


def test_each_reviewer_gets_back_their_own_place_in_a_session(review):
    db = open_database(review["path"])
    try:
        sid = review["session"]
        sessions.save_ui_state(db, sid, {"claim_id": 1, "filters": {"kind": "figure"}, "scroll": 40}, "Ana")
        sessions.save_ui_state(db, sid, {"claim_id": 2, "filters": {}, "scroll": 900}, "Ben")
        assert sessions.load_ui_state(db, sid, "Ana") == {"claim_id": 1, "filters": {"kind": "figure"}, "scroll": 40}
        assert sessions.load_ui_state(db, sid, "Ben")["scroll"] == 900
        sessions.save_ui_state(db, sid, {"claim_id": 3}, "Ana")
        assert sessions.load_ui_state(db, sid, "Ben")["claim_id"] == 2
        assert sessions.load_ui_state(db, sid, "Cleo") == {}  # nobody's place is forced on a newcomer
    finally:
        db.close()


def test_the_saved_address_of_a_server_leaves_the_password_out():
    url = resolve_url("postgresql://carol:s3cret@db.example/newsroom")
    saved = describe(url)
    assert saved == "postgresql+psycopg://carol@db.example/newsroom"
    assert "s3cret" not in saved and "***" not in saved
    # Opening the saved address again names the same server, user and database.
    again = resolve_url(saved)
    assert (again.username, again.host, again.database, again.password) == ("carol", "db.example", "newsroom", None)
