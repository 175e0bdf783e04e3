"""Whom the window offers for an assignment, and whether it offers Reopen (``services.team``, ``review_edits``)."""

from __future__ import annotations

from tests.factories import make_article
from workbench.services import team
from workbench.services.claim_edits import DeleteClaim
from workbench.services.edits import apply
from workbench.services.importing import store_extracted
from workbench.services.review_edits import AssignArticle, AssignClaim, may_reopen
from workbench.storage import claims, reviewers, sessions
from workbench.storage.database import Database


def _desk(db: Database) -> tuple[int, list[int]]:
    session = sessions.create_session(db, "Desk", reviewer="ana")
    article = store_extracted(db, session.id, make_article(), by="detector").article
    return article.id, [c.id for c in claims.list_claims(db, article_id=article.id)]


def test_the_team_is_the_named_reviewers_the_names_assigned_and_oneself(any_db):
    article_id, (claim_id, *_) = _desk(any_db)
    reviewers.set_display_name(any_db, "bea_login", "Bea Costa")
    apply(any_db, AssignClaim(claim_id, "Carl"), by="ana")
    apply(any_db, AssignArticle(article_id, "Dee"), by="ana")
    me = team.who_am_i(any_db, "Ana")

    members = team.team_members(any_db, me)

    by_assignee = {m.assignee: m for m in members}
    assert {"Carl", "Dee"} <= set(by_assignee)
    if any_db.is_sqlite:  # no roles: a colleague is assigned by the name their changes show under
        assert by_assignee["Bea Costa"].label == "Bea Costa"
        assert by_assignee["Ana"].label == "Ana"
    else:  # by role, shown with the name the role chose
        assert by_assignee["bea_login"].label == "Bea Costa (bea_login)"
        assert me.role in by_assignee
    assert [m.display_name.casefold() for m in members] == sorted(m.display_name.casefold() for m in members)


def test_a_deleted_claims_assignee_is_not_offered(sqlite_db):
    _article_id, (claim_id, *_) = _desk(sqlite_db)
    apply(sqlite_db, AssignClaim(claim_id, "Gone Person"), by="ana")
    apply(sqlite_db, DeleteClaim(claim_id), by="ana")
    assert "Gone Person" not in {m.assignee for m in team.team_members(sqlite_db)}


def test_on_sqlite_reopen_is_offered_to_anyone_unless_editors_are_named(sqlite_db, monkeypatch):
    assert may_reopen(sqlite_db, "ana")
    monkeypatch.setenv("WORKBENCH_EDITORS", "ed, flo")
    assert not may_reopen(sqlite_db, "ana")
    assert may_reopen(sqlite_db, "flo")
