"""Two reviewers on one database: every write, undo and redo included, is compare-and-set.

Alice and Bob each have their own connection (two ``Database`` objects on one
SQLite file or one PostgreSQL database), as two windows on two desks have.
Nothing a colleague saved is overwritten without a ``ConflictError`` that
names the claim; a deleted claim is a tombstone that undo brings back whole.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import make_article
from workbench.domain.errors import ConflictError, NotFoundError
from workbench.export.filters import ExportFilter
from workbench.export.json_export import write_session_json
from workbench.export.pace import count_claims
from workbench.memory.lookup import find_prior
from workbench.services.claim_edits import DeleteClaim, EditClaim, set_verdict
from workbench.services.edits import apply, with_known_versions
from workbench.services.evidence_edits import AttachSource, EditLink
from workbench.services.importing import store_extracted
from workbench.storage import claims, sessions, sources
from workbench.storage.database import Database, open_database

URL = "https://ministry.example/troops"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def team(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Alice's and Bob's connections to one database."""
    where = str(tmp_path / "team.sqlite") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    alice = open_database(where)
    bob = open_database(where)
    yield alice, bob
    bob.close()
    alice.close()


@pytest.fixture
def desk(team: tuple[Database, Database]) -> tuple[int, int, int]:
    """A session with one article and its detected claims: (session, article, first claim)."""
    alice, _bob = team
    session = sessions.create_session(alice, "Team desk", reviewer="alice")
    article = store_extracted(alice, session.id, make_article(), by="detector").article
    return session.id, article.id, claims.list_claims(alice, article_id=article.id)[0].id


def _history(db: Database, claim_id: int) -> list[tuple[int, str, object, object]]:
    return [(h.id, h.field, h.old, h.new) for h in claims.claim_history(db, claim_id)]


def _shown_version(db: Database):
    """A window that has re-read its claims: it shows each claim's stored version."""
    return lambda claim_id: claims.get_claim(db, claim_id).version


# --- found item 1: undo overwrote a colleague -------------------------------


def test_undoing_a_verdict_a_colleague_changed_since_is_a_conflict_and_writes_nothing(team, desk):
    alice, bob = team
    _session, _article, claim_id = desk
    seen = claims.get_claim(alice, claim_id).version
    mine = apply(alice, set_verdict(claim_id, "true", expected_version=seen), by="alice")
    apply(bob, set_verdict(claim_id, "false", expected_version=mine.claims[0].version), by="bob")
    before = (claims.get_claim(bob, claim_id), _history(bob, claim_id))

    with pytest.raises(ConflictError) as raised:  # the undo as the service returned it
        apply(alice, mine.inverse, by="alice")
    assert raised.value.claim_id == claim_id and raised.value.changes["verdict"] == ("false", None)
    # The window has re-read the claim meanwhile (Bob's version): still a conflict.
    with pytest.raises(ConflictError):
        apply(alice, with_known_versions(mine.inverse, _shown_version(alice)), by="alice")
    assert (claims.get_claim(bob, claim_id), _history(bob, claim_id)) == before


def test_undoing_my_edit_after_my_own_later_edit_of_another_field_is_no_conflict(team, desk):
    alice, _bob = team
    _session, _article, claim_id = desk
    verdict = apply(alice, set_verdict(claim_id, "true"), by="alice")
    rationale = apply(alice, EditClaim(claim_id, {"rationale": "Seen on video"}), by="alice")
    apply(alice, rationale.inverse, by="alice")
    apply(alice, verdict.inverse, by="alice")
    assert (claims.get_claim(alice, claim_id).verdict, claims.get_claim(alice, claim_id).rationale) == (None, "")


def test_undoing_my_verdict_after_a_colleague_changed_another_field_keeps_theirs(team, desk):
    alice, bob = team
    _session, _article, claim_id = desk
    verdict = apply(alice, set_verdict(claim_id, "true"), by="alice")
    apply(bob, EditClaim(claim_id, {"rationale": "Bob's reading"}), by="bob")
    apply(alice, verdict.inverse, by="alice")
    claim = claims.get_claim(bob, claim_id)
    assert (claim.verdict, claim.rationale) == (None, "Bob's reading")


# --- found item 2: delete then undo lost the history and reset the version ---


def test_delete_then_undo_keeps_the_history_the_row_and_a_rising_version(team, desk):
    alice, bob = team
    session_id, _article, claim_id = desk
    apply(alice, set_verdict(claim_id, "false"), by="alice")
    apply(alice, EditClaim(claim_id, {"rationale": "Ministry says 20,000."}), by="alice")
    apply(alice, AttachSource(session_id, claim_id, URL, stance="refutes"), by="alice")
    history = _history(alice, claim_id)
    assert len(history) == 3
    stale = claims.get_claim(bob, claim_id)  # Bob's window, read now and not again

    deleted = apply(alice, DeleteClaim(claim_id, expected_version=stale.version), by="alice")
    with pytest.raises(NotFoundError):  # a tombstone: nobody edits it
        apply(bob, set_verdict(claim_id, "true", expected_version=stale.version), by="bob")
    restored = apply(alice, deleted.inverse, by="alice")

    [back] = restored.claims
    assert back.id == claim_id and (back.verdict, back.rationale, back.source_count) == (
        "false", "Ministry says 20,000.", 1)
    assert stale.version < deleted.inverse.record.version < back.version
    after = _history(alice, claim_id)
    assert after[:3] == history and [h[1] for h in after[3:]] == ["deleted", "restored"]
    assert [e.source.url for e in sources.list_evidence(alice, claim_id)] == [URL]

    with pytest.raises(ConflictError) as raised:  # the stale window's next edit
        apply(bob, set_verdict(claim_id, "true", expected_version=stale.version), by="bob")
    assert raised.value.claim_id == claim_id
    assert claims.get_claim(alice, claim_id).verdict == "false" and _history(alice, claim_id) == after


def test_redoing_a_delete_a_colleague_edited_since_the_undo_is_a_conflict(team, desk):
    alice, bob = team
    _session, _article, claim_id = desk
    deleted = apply(alice, DeleteClaim(claim_id), by="alice")
    restored = apply(alice, deleted.inverse, by="alice")
    apply(bob, set_verdict(claim_id, "true", expected_version=restored.claims[0].version), by="bob")
    with pytest.raises(ConflictError):
        apply(alice, restored.inverse, by="alice")
    assert claims.get_claim(bob, claim_id).verdict == "true"


def test_a_deleted_claim_is_in_no_list_count_export_memory_or_evidence(team, desk):
    alice, bob = team
    session_id, _article, claim_id = desk
    apply(alice, set_verdict(claim_id, "false"), by="alice")
    apply(alice, AttachSource(session_id, claim_id, URL), by="alice")
    # Another session with the same article: the memory offers Alice's claim there.
    other = sessions.create_session(bob, "Next day", reviewer="bob")
    twin = claims.list_claims(bob, article_id=store_extracted(bob, other.id, make_article(), by="detector").article.id)[0]
    assert claim_id in {m.claim_id for m in find_prior(bob, twin.id)}
    listed = len(claims.list_claims(bob, session_id=session_id))
    counted = sessions.get_session(bob, session_id).claim_count

    apply(alice, DeleteClaim(claim_id), by="alice")

    assert claim_id not in {c.id for c in claims.list_claims(bob, session_id=session_id)}
    assert len(claims.list_claims(bob, session_id=session_id)) == listed - 1
    assert sessions.get_session(bob, session_id).claim_count == counted - 1
    assert count_claims(bob, session_id, ExportFilter()) == listed - 1
    out = io.StringIO()
    document = write_session_json(out, bob, session_id)
    assert claim_id not in {c["id"] for a in document["articles"] for c in a["claims"]}
    assert claim_id not in {m.claim_id for m in find_prior(bob, twin.id)}
    with pytest.raises(NotFoundError):
        sources.list_evidence(bob, claim_id)
    with pytest.raises(NotFoundError):
        claims.get_claim(bob, claim_id)


# --- found items 3 and 4: stance last-writer-wins, one link pasted twice ------


def test_a_stale_stance_edit_is_a_conflict_naming_the_claim(team, desk):
    alice, bob = team
    session_id, _article, claim_id = desk
    [link] = apply(alice, AttachSource(session_id, claim_id, URL), by="alice").links
    [bobs_link] = sources.list_evidence(bob, claim_id)  # Bob's window shows the same link

    mine = apply(alice, EditLink(link.id, stance="supports", expected_version=link.version), by="alice")
    with pytest.raises(ConflictError) as raised:
        apply(bob, EditLink(link.id, stance="refutes", expected_version=bobs_link.version), by="bob")
    assert raised.value.claim_id == claim_id and raised.value.evidence_id == link.id
    assert raised.value.changes == {"stance": ("supports", "refutes")}
    assert sources.list_evidence(bob, claim_id)[0].stance == "supports"

    # Bob keeps his after seeing Alice's; now Alice's undo would overwrite him.
    apply(bob, EditLink(link.id, stance="refutes", expected_version=mine.links[0].version), by="bob")
    with pytest.raises(ConflictError):
        apply(alice, mine.inverse, by="alice")
    assert sources.list_evidence(alice, claim_id)[0].stance == "refutes"


def test_a_stale_passage_edit_is_a_conflict_and_the_same_change_is_not(team, desk):
    alice, bob = team
    session_id, _article, claim_id = desk
    [link] = apply(alice, AttachSource(session_id, claim_id, URL), by="alice").links
    apply(alice, EditLink(link.id, passage="20,000 troops", expected_version=link.version), by="alice")
    apply(bob, EditLink(link.id, passage="20,000 troops", expected_version=link.version), by="bob")
    with pytest.raises(ConflictError):
        apply(bob, EditLink(link.id, passage="32,000 troops", expected_version=link.version), by="bob")
    assert sources.list_evidence(alice, claim_id)[0].passage == "20,000 troops"


def test_the_same_link_added_by_two_reviewers_at_once_is_one_source_and_one_link(team, desk):
    """Alice's transaction has added the link but not committed when Bob adds it:
    Bob waits on the unique constraint, then gets Alice's rows."""
    alice, bob = team
    session_id, _article, claim_id = desk
    bobs: list = []
    with alice.session() as session:
        alices = AttachSource(session_id, claim_id, URL, stance="supports").run(session, "alice")
        racer = threading.Thread(
            target=lambda: bobs.append(apply(bob, AttachSource(session_id, claim_id, URL), by="bob"))
        )
        racer.start()
        time.sleep(0.3)  # Bob is now waiting on Alice's uncommitted rows
    racer.join(timeout=30)

    assert [s.url for s in sources.list_sources(bob, session_id)] == [URL]
    assert [(e.id, e.stance) for e in sources.list_evidence(bob, claim_id)] == [(alices.links[0].id, "supports")]
    assert bobs and bobs[0].links[0].id == alices.links[0].id
    assert [(h.field, h.by) for h in claims.claim_history(bob, claim_id)] == [("source", "alice")]
    out = io.StringIO()
    document = write_session_json(out, bob, session_id)
    assert [s["url"] for s in document["sources"]] == [URL]


def test_undoing_a_link_whose_stance_a_colleague_changed_since_is_a_conflict(team, desk):
    alice, bob = team
    session_id, _article, claim_id = desk
    attached = apply(alice, AttachSource(session_id, claim_id, URL), by="alice")
    [link] = attached.links
    apply(bob, EditLink(link.id, stance="refutes", expected_version=link.version), by="bob")
    with pytest.raises(ConflictError) as raised:
        apply(alice, attached.inverse, by="alice")
    assert raised.value.claim_id == claim_id
    assert [(e.id, e.stance) for e in sources.list_evidence(bob, claim_id)] == [(link.id, "refutes")]


def test_undoing_an_assignment_or_review_state_a_colleague_changed_since_is_a_conflict(team, desk):
    from workbench.services.review_edits import AssignClaim, SetReviewState

    alice, bob = team
    _session, _article, claim_id = desk
    for make, mine, theirs, field in (
        (AssignClaim, "alice", "bob", "assignee"),
        (SetReviewState, "in-progress", "needs-second-check", "review_state"),
    ):
        seen = claims.get_claim(alice, claim_id).version
        done = apply(alice, make(claim_id, mine, expected_version=seen), by="alice")
        apply(bob, make(claim_id, theirs, expected_version=done.claims[0].version if done.claims else None), by="bob")
        stored = getattr(claims.get_claim(bob, claim_id), field)
        with pytest.raises(ConflictError):  # even once the window shows Bob's version
            apply(alice, with_known_versions(done.inverse, _shown_version(alice)), by="alice")
        assert getattr(claims.get_claim(bob, claim_id), field) == stored
    # Undo with no colleague in between still works.
    seen = claims.get_claim(alice, claim_id).version
    done = apply(alice, AssignClaim(claim_id, "carol", expected_version=seen), by="alice")
    apply(alice, with_known_versions(done.inverse, _shown_version(alice)), by="alice")
    assert claims.get_claim(alice, claim_id).assignee == "bob"
