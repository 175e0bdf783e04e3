"""Every write that changes what a claim says leaves the claim memory saying the same.

No flush hook does this any more: each write path indexes explicitly, so
each one is checked here, on SQLite and PostgreSQL. "In step" means the
stored keys and tokens are exactly those the claim's current kind, value,
unit, wording and text give.
"""

from __future__ import annotations

from sqlalchemy import select

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.records import ClaimDraft, ClaimRecord
from workbench.memory.indexing import claim_index_rows
from workbench.memory.lookup import find_prior
from workbench.recheck import carry_over
from workbench.services import claim_edits, importing
from workbench.storage import articles, claims, sessions
from workbench.storage.database import Database
from workbench.storage.memory_models import ClaimKey, ClaimToken

TROOPS = "About 32,000 troops"


def _index_of(db: Database, claim_id: int) -> tuple[set[str], set[str]]:
    with db.session() as session:
        keys = set(session.scalars(select(ClaimKey.key).where(ClaimKey.claim_id == claim_id)))
        tokens = set(session.scalars(select(ClaimToken.token).where(ClaimToken.claim_id == claim_id)))
    return keys, tokens


def _says(record: ClaimRecord) -> tuple[set[str], set[str]]:
    return claim_index_rows(record.kind, record.value, record.unit, record.wording, record.text)


def _assert_in_step(db: Database, claim_id: int) -> tuple[set[str], set[str]]:
    record = claims.get_claim(db, claim_id)
    index = _index_of(db, claim_id)
    assert index == _says(record) and index[1], f"claim {claim_id} is not indexed as it reads"
    return index


def _article(db: Database, text: str = DEMO_TEXT, title: str = "Belarus") -> int:
    session = sessions.create_session(db, title, reviewer="ana")
    return articles.add_article(db, session.id, make_article(text)).id


def _troops(db: Database, article_id: int) -> ClaimRecord:
    start = DEMO_TEXT.index(TROOPS)
    draft = ClaimDraft("figure", start, start + len(TROOPS), value=32000, unit="troop")
    return claim_edits.add_claim(db, article_id, draft, by="ana")


def test_imported_and_redetected_claims_are_indexed(any_db):
    session = sessions.create_session(any_db, "Import", reviewer="ana")
    result = importing.store_extracted(any_db, session.id, make_article(), by="ana")
    imported = claims.list_claims(any_db, article_id=result.article.id)
    assert result.claims_added == len(imported) > 0
    for claim in imported:
        _assert_in_step(any_db, claim.id)
    claim_edits.delete_claim(any_db, imported[0].id)
    assert importing.redetect(any_db, result.article.id) == 1  # the deleted proposal comes back
    for claim in claims.list_claims(any_db, article_id=result.article.id):
        _assert_in_step(any_db, claim.id)


def test_an_added_claim_is_indexed(any_db):
    claim = _troops(any_db, _article(any_db))
    keys, _tokens = _assert_in_step(any_db, claim.id)
    assert "figure:32000:troop" in keys


def test_editing_wording_value_or_unit_reindexes_the_claim(any_db):
    claim = _troops(any_db, _article(any_db))
    _keys, before = _assert_in_step(any_db, claim.id)
    claim_edits.update_claim(
        any_db, claim.id, {"wording": "Some 35,000 soldiers massed at the frontier", "value": 35000},
        by="ana", expected_version=claim.version,
    )
    keys, tokens = _assert_in_step(any_db, claim.id)
    assert "figure:35000:troop" in keys and "figure:32000:troop" not in keys
    assert "frontier" in tokens and "frontier" not in before


def test_a_verdict_alone_leaves_the_index_as_it_was(any_db):
    claim = _troops(any_db, _article(any_db))
    before = _assert_in_step(any_db, claim.id)
    claim_edits.update_claim(any_db, claim.id, {"verdict": "true"}, by="ana", expected_version=None)
    assert _assert_in_step(any_db, claim.id) == before


def test_moving_a_claim_reindexes_its_new_words(any_db):
    claim = _troops(any_db, _article(any_db))
    start = DEMO_TEXT.index("Two new divisions")
    moved = claim_edits.move_claim(
        any_db, claim.id, start, start + len("Two new divisions of S-400 systems"), by="ana",
        expected_version=claim.version,
    )
    _keys, tokens = _assert_in_step(any_db, moved.id)
    assert "division" in tokens


def test_a_deleted_claim_leaves_no_index_rows_and_comes_back_indexed(any_db):
    claim = _troops(any_db, _article(any_db))
    before = _assert_in_step(any_db, claim.id)
    removed = claim_edits.delete_claim(any_db, claim.id)
    assert _index_of(any_db, claim.id) == (set(), set())
    restored = claim_edits.restore_claim(any_db, removed, by="ana")
    assert _assert_in_step(any_db, restored.id) == before


def test_a_duplicated_session_is_found_in_the_memory_as_the_original(any_db):
    article_id = _article(any_db)
    claim = _troops(any_db, article_id)
    original = _assert_in_step(any_db, claim.id)
    session_id = articles.get_article(any_db, article_id).session_id
    copy = sessions.duplicate_session(any_db, session_id)
    [copied] = claims.list_claims(any_db, session_id=copy.id)
    assert _assert_in_step(any_db, copied.id) == original
    # The copy is another session: a verdict given there is "checked before" for the original.
    claim_edits.update_claim(any_db, copied.id, {"verdict": "true"}, by="ana", expected_version=None)
    assert [m.claim_id for m in find_prior(any_db, claim.id)] == [copied.id]


def test_a_recheck_and_an_accepted_reanchoring_reindex_the_new_words(any_db):
    article_id = _article(any_db)
    claim = _troops(any_db, article_id)
    start = DEMO_TEXT.index("Two new divisions")
    other = claim_edits.add_claim(any_db, article_id, ClaimDraft("equipment", start, start + 34), by="ana")
    edited = "Update\n\n" + DEMO_TEXT.replace(TROOPS, "About 35,000 troops")
    _version, results = carry_over.store_version(any_db, article_id, make_article(edited), by="ana")
    assert {r.claim_id: r.outcome.value for r in results} == {claim.id: "changed", other.id: "moved"}
    _assert_in_step(any_db, other.id)
    _keys, flagged = _assert_in_step(any_db, claim.id)
    assert "#32000" in flagged  # flagged for review: still the old words
    carry_over.accept_reanchor(any_db, claim.id, by="ana")
    _keys, accepted = _assert_in_step(any_db, claim.id)
    assert "#35000" in accepted and "#32000" not in accepted
