"""The team's review: assign claims and articles, move claims through review states, lock approved verdicts.

Each edit is a service operation with an inverse, checked on SQLite and on
PostgreSQL. Who may reopen on PostgreSQL (roles) is in
``test_team_review_roles``; here the SQLite rule (``WORKBENCH_EDITORS``).
"""

from __future__ import annotations

import pytest

from tests.factories import make_article
from workbench.domain.errors import (
    ApprovedLockedError,
    AssignmentConflictError,
    ConflictError,
    InvalidValueError,
    NotAllowedError,
)
from workbench.services.claim_edits import CopyPrior, EditClaim, set_verdict
from workbench.services.edits import apply, with_known_versions
from workbench.services.importing import store_extracted
from workbench.services.review_edits import AssignArticle, AssignClaim, Reopen, SetReviewState
from workbench.storage import articles, claims, sessions
from workbench.storage.database import Database

BY = "ana"


@pytest.fixture
def desk(any_db: Database) -> tuple[int, int, list[int]]:
    session = sessions.create_session(any_db, "Morning desk", reviewer=BY)
    article = store_extracted(any_db, session.id, make_article(), by="detector").article
    ids = [c.id for c in claims.list_claims(any_db, article_id=article.id)]
    return session.id, article.id, ids


def _approved(db: Database, claim_id: int) -> None:
    apply(db, set_verdict(claim_id, "false", rationale="The ministry says 20,000."), by=BY)
    apply(db, SetReviewState(claim_id, "approved"), by=BY)


def test_a_new_claim_is_unstarted_and_unassigned(any_db, desk):
    _session, _article, (claim_id, *_) = desk
    claim = claims.get_claim(any_db, claim_id)
    assert (claim.assignee, claim.review_state, claim.approved) == ("", "unstarted", False)


def test_assigning_a_claim_is_recorded_undone_and_redone(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    version = claims.get_claim(any_db, claim_id).version
    done = apply(any_db, AssignClaim(claim_id, "  bo  ", expected_version=version), by=BY)
    assert [c.assignee for c in done.claims] == ["bo"]
    assert done.changes.claim_ids == {claim_id} and done.changes.session_ids == {session_id}
    last = claims.claim_history(any_db, claim_id)[-1]
    assert (last.by, last.field, last.old, last.new) == (BY, "assignee", "", "bo")
    undone = apply(any_db, done.inverse, by=BY)
    assert claims.get_claim(any_db, claim_id).assignee == ""
    apply(any_db, undone.inverse, by=BY)
    assert claims.get_claim(any_db, claim_id).assignee == "bo"


def test_assigning_a_claim_changed_since_is_a_conflict(any_db, desk):
    _session, _article, (claim_id, *_) = desk
    seen = claims.get_claim(any_db, claim_id).version
    apply(any_db, AssignClaim(claim_id, "cy", expected_version=seen), by="cy")
    with pytest.raises(ConflictError) as raised:
        apply(any_db, AssignClaim(claim_id, "bo", expected_version=seen), by=BY)
    assert raised.value.changes == {"assignee": ("cy", "bo")}
    assert claims.get_claim(any_db, claim_id).assignee == "cy"


def test_undo_of_an_assignment_a_colleague_changed_since_is_a_conflict(any_db, desk):
    _session, _article, (claim_id, *_) = desk
    done = apply(any_db, AssignClaim(claim_id, "bo", expected_version=claims.get_claim(any_db, claim_id).version), by=BY)
    apply(any_db, AssignClaim(claim_id, "cy", expected_version=done.claims[0].version), by="cy")
    with pytest.raises(ConflictError):
        apply(any_db, done.inverse, by=BY)
    assert claims.get_claim(any_db, claim_id).assignee == "cy"


def test_assigning_an_article_compares_the_assignee_seen(any_db, desk):
    session_id, article_id, _ids = desk
    done = apply(any_db, AssignArticle(article_id, "bo", expected_assignee=""), by=BY)
    assert articles.get_article(any_db, article_id).assignee == "bo"
    assert done.changes.article_ids == {article_id} and done.changes.session_ids == {session_id}
    with pytest.raises(AssignmentConflictError, match="assigned to bo"):
        apply(any_db, AssignArticle(article_id, "cy", expected_assignee=""), by="cy")
    assert articles.get_article(any_db, article_id).assignee == "bo"
    apply(any_db, done.inverse, by=BY)
    assert articles.get_article(any_db, article_id).assignee == ""


@pytest.mark.parametrize("typed, stored", [
    ("in-progress", "in_progress"), ("Needs second check", "needs_second_check"), ("approved", "approved"),
])
def test_review_states_move_and_undo(any_db, desk, typed, stored):
    _session, _article, (claim_id, *_) = desk
    done = apply(any_db, SetReviewState(claim_id, typed), by=BY)
    assert claims.get_claim(any_db, claim_id).review_state == stored
    assert claims.claim_history(any_db, claim_id)[-1].field == "review_state"
    if stored != "approved":  # leaving approved is a reopen: see below
        apply(any_db, done.inverse, by=BY)
        assert claims.get_claim(any_db, claim_id).review_state == "unstarted"


def test_an_unknown_review_state_is_refused(any_db, desk):
    _session, _article, (claim_id, *_) = desk
    with pytest.raises(InvalidValueError, match="needs second check"):
        apply(any_db, SetReviewState(claim_id, "done"), by=BY)


@pytest.mark.parametrize("values", [{"verdict": "true"}, {"rationale": "Rewritten."}, {"status": "dismissed"}])
def test_an_approved_claim_refuses_edits_of_its_verdict(any_db, desk, values):
    _session, _article, (claim_id, *_) = desk
    _approved(any_db, claim_id)
    before = claims.get_claim(any_db, claim_id)
    with pytest.raises(ApprovedLockedError, match=f"Claim {claim_id} is approved") as raised:
        apply(any_db, EditClaim(claim_id, values, expected_version=before.version), by=BY)
    assert f"workbench reopen {claim_id}" in raised.value.hint
    after = claims.get_claim(any_db, claim_id)
    assert (after.verdict, after.rationale, after.status, after.version) == (
        before.verdict, before.rationale, before.status, before.version)


def test_an_approved_claim_still_takes_other_edits(any_db, desk):
    _session, _article, (claim_id, *_) = desk
    _approved(any_db, claim_id)
    apply(any_db, EditClaim(claim_id, {"tags": ["border"]}), by=BY)
    apply(any_db, AssignClaim(claim_id, "bo"), by=BY)
    claim = claims.get_claim(any_db, claim_id)
    assert (claim.tags, claim.assignee, claim.verdict) == (["border"], "bo", "false")


def test_undo_of_a_verdict_on_a_claim_approved_since_is_refused(any_db, desk):
    _session, _article, (claim_id, *_) = desk
    verdict = apply(any_db, set_verdict(claim_id, "false"), by=BY)
    apply(any_db, SetReviewState(claim_id, "approved"), by="bo")
    # The window has seen the approval (its version), so only the lock stands in the way.
    undo = with_known_versions(verdict.inverse, lambda claim: claims.get_claim(any_db, claim).version)
    with pytest.raises(ApprovedLockedError):
        apply(any_db, undo, by=BY)
    assert claims.get_claim(any_db, claim_id).verdict == "false"


def test_copying_a_prior_verdict_onto_an_approved_claim_is_refused(any_db, desk):
    session_id, _article, (claim_id, other_id, *_) = desk
    apply(any_db, set_verdict(other_id, "true", rationale="Seen."), by=BY)
    _approved(any_db, claim_id)
    with pytest.raises(ApprovedLockedError):
        apply(any_db, CopyPrior(claim_id, other_id), by=BY)
    assert claims.get_claim(any_db, claim_id).verdict == "false"


def test_reopen_moves_approved_back_to_in_progress_and_unlocks(any_db, desk, monkeypatch):
    monkeypatch.delenv("WORKBENCH_EDITORS", raising=False)  # on SQLite, unset: anyone may
    _session, _article, (claim_id, *_) = desk
    _approved(any_db, claim_id)
    done = apply(any_db, Reopen(claim_id, expected_version=claims.get_claim(any_db, claim_id).version), by=BY)
    assert [c.review_state for c in done.claims] == ["in_progress"]
    last = claims.claim_history(any_db, claim_id)[-1]
    assert (last.field, last.old, last.new, last.note) == ("review_state", "approved", "in_progress", "reopened")
    apply(any_db, set_verdict(claim_id, "true"), by=BY)
    assert claims.get_claim(any_db, claim_id).verdict == "true"


def test_reopening_a_claim_that_is_not_approved_says_so(any_db, desk):
    _session, _article, (claim_id, *_) = desk
    with pytest.raises(InvalidValueError, match="not approved"):
        apply(any_db, Reopen(claim_id), by=BY)


def test_on_sqlite_only_the_listed_editors_may_reopen(sqlite_db, monkeypatch):
    session = sessions.create_session(sqlite_db, "Desk", reviewer=BY)
    article = store_extracted(sqlite_db, session.id, make_article(), by="detector").article
    claim_id = claims.list_claims(sqlite_db, article_id=article.id)[0].id
    _approved(sqlite_db, claim_id)
    monkeypatch.setenv("WORKBENCH_EDITORS", "ed, flo")
    with pytest.raises(NotAllowedError, match=f"{BY} may not reopen") as raised:
        apply(sqlite_db, Reopen(claim_id), by=BY)
    assert "WORKBENCH_EDITORS" in raised.value.hint
    # Undoing the approval is leaving approved too.
    with pytest.raises(NotAllowedError):
        apply(sqlite_db, SetReviewState(claim_id, "in_progress"), by=BY)
    assert claims.get_claim(sqlite_db, claim_id).review_state == "approved"
    apply(sqlite_db, Reopen(claim_id), by="flo")
    assert claims.get_claim(sqlite_db, claim_id).review_state == "in_progress"
