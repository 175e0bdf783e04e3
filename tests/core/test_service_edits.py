"""Every edit is one service call in one transaction, returning what changed and its inverse.

For each edit: apply it, see the review change; apply the inverse, see the
review as before; apply the inverse's inverse, see it as after. No Qt: this
is undo and redo as the window's stack runs them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from tests.factories import make_article
from workbench.domain.errors import ConflictError, NotFoundError
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.services.article_edits import RemoveArticle
from workbench.services.claim_edits import AddClaim, CopyPrior, DeleteClaim, EditClaim, set_verdict
from workbench.services.edits import Operation, apply
from workbench.services.evidence_edits import (
    AttachSource,
    DetachSource,
    EditLink,
    EditSource,
    LinkSource,
)
from workbench.services.importing import store_extracted
from workbench.storage import articles, claims, sessions, sources
from workbench.storage.database import Database
from workbench.storage.models import Source

BY = "ana"


def review(db: Database, session_id: int) -> dict[str, Any]:
    """What a reviewer sees of a session: articles, claims with their fields, sources and links."""
    shown = claims.list_claims(db, session_id=session_id)
    return {
        "articles": [(a.id, a.title) for a in articles.list_articles(db, session_id)],
        "claims": {
            c.id: (c.article_id, c.kind, c.start, c.end, c.wording, c.value, c.speaker, c.status,
                   c.verdict, c.rationale, tuple(c.tags), c.source_count)
            for c in shown
        },
        "links": sorted(
            (e.claim_id, e.source.url, e.stance, e.passage) for c in shown for e in sources.list_evidence(db, c.id)
        ),
        "sources": sorted((s.url, s.title, s.publisher) for s in sources.list_sources(db, session_id)),
    }


def round_trip(db: Database, session_id: int, operation: Operation, *, stays: str = ""):
    """Apply, undo, redo; each step's review is checked against the one it must equal.

    ``stays``: a part of the review undo leaves as the edit made it (a source
    added to the session stays there, offered for reuse).
    """
    before = review(db, session_id)
    done = apply(db, operation, by=BY)
    after = review(db, session_id)
    assert after != before, "the edit changed nothing a reviewer would see"
    undone = apply(db, done.inverse, by=BY)
    assert review(db, session_id) == before | ({stays: after[stays]} if stays else {})
    apply(db, undone.inverse, by=BY)
    assert review(db, session_id) == after
    return done, after


@pytest.fixture
def desk(any_db: Database) -> tuple[int, int, list[int]]:
    """A session with one article and its detected claims."""
    session = sessions.create_session(any_db, "Morning desk", reviewer=BY)
    article = store_extracted(any_db, session.id, make_article(), by="detector").article
    ids = [c.id for c in claims.list_claims(any_db, article_id=article.id)]
    assert len(ids) >= 3
    return session.id, article.id, ids


def _with_sources(db: Database, session_id: int, claim_id: int, count: int) -> list[int]:
    found = []
    for n in range(count):
        source = sources.add_source(db, session_id, f"https://ministry.example/{n}", title=f"Figures {n}")
        found.append(sources.attach_source(db, claim_id, source.id, by=BY, stance="refutes", passage=f"p{n}").id)
    return found


def test_set_verdict_and_rationale_round_trip(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    done, after = round_trip(any_db, session_id, set_verdict(claim_id, "false", rationale="Ministry says 20,000."))
    assert after["claims"][claim_id][8:10] == ("false", "Ministry says 20,000.")
    assert done.changes.claim_ids == {claim_id} and not done.changes.list_changed
    assert [c.verdict for c in done.claims] == ["false"]


@pytest.mark.parametrize("values", [
    {"status": "accepted"}, {"wording": "32,000 troops at the border"}, {"tags": ["border", "army"]},
    {"speaker": "officials", "kind": "statement"},
])
def test_field_edits_round_trip(any_db, desk, values):
    session_id, _article, (claim_id, *_) = desk
    round_trip(any_db, session_id, EditClaim(claim_id, values))


def test_adding_a_claim_round_trips_and_keeps_its_id(any_db, desk):
    session_id, article_id, _ids = desk
    done, after = round_trip(any_db, session_id, AddClaim(article_id, ClaimDraft(kind="statement", start=0, end=24)))
    (added,) = done.claims
    assert done.changes.claims_added and added.id in after["claims"]
    assert after["claims"][added.id][1:4] == ("statement", 0, 24)


def test_deleting_a_claim_round_trips_with_its_three_sources(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    _with_sources(any_db, session_id, claim_id, 3)
    deleted = apply(any_db, DeleteClaim(claim_id), by=BY)
    restored = apply(any_db, deleted.inverse, by=BY)
    assert [c.source_count for c in restored.claims] == [3] and len(restored.links) == 3
    done, after = round_trip(any_db, session_id, DeleteClaim(claim_id))
    assert claim_id not in after["claims"] and done.changes.claims_removed
    assert done.changes.removed_claim_ids == {claim_id}
    with pytest.raises(ConflictError):  # an undo older than the claim's last restore and delete
        apply(any_db, deleted.inverse, by=BY)


def test_logging_deleting_and_restoring_a_claim_name_its_row_so_no_list_is_read_again(any_db, desk):
    _session_id, article_id, _ids = desk
    added = apply(any_db, AddClaim(article_id, ClaimDraft(kind="statement", start=0, end=24)), by=BY)
    (record,) = added.claims  # the new row as stored: a view inserts it without reading its list
    assert added.changes.added_claim_ids == {record.id} and not added.changes.list_changed
    deleted = apply(any_db, DeleteClaim(record.id, expected_version=record.version), by=BY)
    assert deleted.changes.removed_claim_ids == {record.id} and not deleted.changes.list_changed
    restored = apply(any_db, deleted.inverse, by=BY)
    assert [c.id for c in restored.claims] == [record.id] and restored.changes.added_claim_ids == {record.id}
    assert not restored.changes.list_changed
    removed = apply(any_db, RemoveArticle(article_id), by=BY)
    assert removed.changes.list_changed  # another article is shown then: its list is read
    assert apply(any_db, removed.inverse, by=BY).changes.list_changed


def test_attaching_a_new_source_round_trips(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    operation = AttachSource(session_id, claim_id, "https://ministry.example/troops", title="Troops",
                             stance="supports", passage="32,000")
    done, after = round_trip(any_db, session_id, operation, stays="sources")
    assert (claim_id, "https://ministry.example/troops", "supports", "32,000") in after["links"]
    assert [c.source_count for c in done.claims] == [1]


def test_attaching_a_source_twice_and_undoing_keeps_the_first_link(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    apply(any_db, AttachSource(session_id, claim_id, "https://ministry.example/troops"), by=BY)
    before = review(any_db, session_id)
    again = apply(any_db, AttachSource(session_id, claim_id, "https://ministry.example/troops"), by=BY)
    apply(any_db, again.inverse, by=BY)
    assert review(any_db, session_id) == before


def test_linking_and_detaching_a_source_round_trip(any_db, desk):
    session_id, _article, (first, second, *_) = desk
    (link_id,) = _with_sources(any_db, session_id, first, 1)
    round_trip(any_db, session_id, DetachSource(link_id))
    source_id = sources.list_sources(any_db, session_id)[0].id
    done, after = round_trip(any_db, session_id, LinkSource(second, source_id, "supports", "a passage"))
    assert after["claims"][second][-1] == 1


def test_editing_a_link_and_a_source_round_trip(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    (link_id,) = _with_sources(any_db, session_id, claim_id, 1)
    round_trip(any_db, session_id, EditLink(link_id, stance="supports", passage="another passage"))
    source_id = sources.list_sources(any_db, session_id)[0].id
    done, _after = round_trip(any_db, session_id, EditSource(source_id, {"title": "Troop figures", "publisher": "Ministry"}))
    assert done.changes.source_ids == {source_id} and done.changes.claim_ids == {claim_id}


def test_copying_a_prior_verdict_round_trips_with_its_sources(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    earlier = sessions.create_session(any_db, "Last week", reviewer="bo")
    prior_article = store_extracted(any_db, earlier.id, make_article(), by="detector").article
    prior = claims.list_claims(any_db, article_id=prior_article.id)[0]
    claim_edits.update_claim(any_db, prior.id, {"verdict": "false", "rationale": "Checked."}, by="bo", expected_version=None)
    _with_sources(any_db, earlier.id, prior.id, 2)
    done, after = round_trip(any_db, session_id, CopyPrior(claim_id, prior.id), stays="sources")
    assert after["claims"][claim_id][8:] == ("false", "Checked.", (), 2)
    assert len(done.links) == 2


def test_removing_an_article_round_trips(any_db, desk):
    session_id, article_id, ids = desk
    store_extracted(any_db, session_id, make_article(title="Second", source="https://news.example/2"), by="detector")
    apply(any_db, set_verdict(ids[0], "false"), by=BY)
    _with_sources(any_db, session_id, ids[0], 2)
    done, after = round_trip(any_db, session_id, RemoveArticle(article_id))
    assert [title for _id, title in after["articles"]] == ["Second"]
    assert done.removed is not None and done.removed.reviewed_count == 1
    assert done.changes.articles_removed and done.changes.removed_claim_ids == set(ids)


def test_an_edit_on_a_version_changed_since_is_a_conflict_and_stores_nothing(any_db, desk):
    session_id, _article, (claim_id, *_) = desk
    seen = claims.get_claim(any_db, claim_id).version
    apply(any_db, set_verdict(claim_id, "true", expected_version=seen), by="bo")  # a colleague, first
    before = review(any_db, session_id)
    with pytest.raises(ConflictError):
        apply(any_db, DeleteClaim(claim_id, expected_version=seen), by=BY)
    with pytest.raises(ConflictError):
        apply(any_db, set_verdict(claim_id, "false", rationale="mine", expected_version=seen), by=BY)
    assert review(any_db, session_id) == before


def test_restoring_a_deleted_claim_is_all_or_nothing_when_a_source_went_meanwhile(any_db, desk):
    """Undo of a delete brings the claim back with its three sources in one transaction:
    if the last source cannot be linked, the claim does not come back half restored."""
    session_id, _article, (claim_id, *_) = desk
    _with_sources(any_db, session_id, claim_id, 3)
    deleted = apply(any_db, DeleteClaim(claim_id), by=BY)
    gone = review(any_db, session_id)
    with any_db.session() as session:  # another reviewer deletes the third source meanwhile
        session.delete(session.get(Source, deleted.inverse.links[2].source.id))
    without_source = review(any_db, session_id)

    with pytest.raises(NotFoundError, match="ministry.example/2 of that claim was deleted since"):
        apply(any_db, deleted.inverse, by=BY)

    assert review(any_db, session_id) == without_source
    assert claim_id not in without_source["claims"] and without_source["links"] == gone["links"]
    with pytest.raises(NotFoundError):  # not even the claim without its sources
        claims.get_claim(any_db, claim_id)


def test_restoring_is_all_or_nothing_when_the_database_refuses_the_last_step(sqlite_db):
    """A refusal by the database itself (a trigger aborting the restored claim's
    memory index rows, written last) rolls back the claim's return and its
    "restored" history row; once the refusal is gone, the same undo succeeds."""
    session = sessions.create_session(sqlite_db, "Desk", reviewer=BY)
    article = store_extracted(sqlite_db, session.id, make_article(), by="detector").article
    claim_id = claims.list_claims(sqlite_db, article_id=article.id)[0].id
    _with_sources(sqlite_db, session.id, claim_id, 3)
    with_claim = review(sqlite_db, session.id)
    deleted = apply(sqlite_db, DeleteClaim(claim_id), by=BY)
    gone = review(sqlite_db, session.id)
    with sqlite3.connect(sqlite_db.file_path) as raw:
        history_rows = raw.execute("SELECT count(*) FROM claim_history WHERE claim_id = ?", (claim_id,)).fetchone()[0]
        raw.execute(f"CREATE TRIGGER refuse_index BEFORE INSERT ON claim_token WHEN NEW.claim_id = {claim_id} "
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")

    with pytest.raises(IntegrityError, match="refused by the test"):
        apply(sqlite_db, deleted.inverse, by=BY)
    assert review(sqlite_db, session.id) == gone
    with sqlite3.connect(sqlite_db.file_path) as raw:
        assert raw.execute("SELECT count(*) FROM claim_history WHERE claim_id = ?", (claim_id,)).fetchone()[0] == history_rows
        assert raw.execute("SELECT deleted_at IS NOT NULL FROM claim WHERE id = ?", (claim_id,)).fetchone() == (1,)
        raw.execute("DROP TRIGGER refuse_index")

    apply(sqlite_db, deleted.inverse, by=BY)
    assert review(sqlite_db, session.id) == with_claim
