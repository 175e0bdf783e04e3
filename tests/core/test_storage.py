"""Review sessions, articles, claims, sources and history round-trip through storage.

Every test here runs on SQLite and on a real PostgreSQL.
"""

from __future__ import annotations

import pytest

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.errors import ConflictError, InvalidValueError, NotFoundError
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.storage import articles, claims, sessions, sources


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def article(any_db):
    session = sessions.create_session(any_db, "Belarus check", reviewer="ana")
    return articles.add_article(any_db, session.id, make_article())


def test_session_lifecycle(any_db):
    first = sessions.create_session(any_db, "  Morning   desk ", reviewer="ana")
    assert first.title == "Morning desk"
    sessions.rename_session(any_db, first.id, "Evening desk")
    listed = sessions.list_sessions(any_db)
    assert [s.title for s in listed] == ["Evening desk"]
    assert sessions.find_session(any_db, "evening desk").id == first.id
    assert sessions.find_session(any_db, str(first.id)).id == first.id
    second = sessions.create_session(any_db, "Night desk", reviewer="ana")
    assert sessions.session_ids(any_db) == [second.id, first.id]  # what start-up opens: last edited first
    sessions.rename_session(any_db, first.id, "Evening desk (2)")
    assert sessions.session_ids(any_db) == [first.id, second.id]
    assert [s.id for s in sessions.list_sessions(any_db)] == sessions.session_ids(any_db)
    sessions.delete_session(any_db, second.id)
    sessions.delete_session(any_db, first.id)
    assert sessions.list_sessions(any_db) == []
    assert sessions.session_ids(any_db) == []
    with pytest.raises(NotFoundError):
        sessions.find_session(any_db, "Evening desk (2)")


def test_article_round_trip_keeps_text_structure_and_provenance(any_db, article):
    loaded = articles.get_article(any_db, article.id)
    assert loaded.text == DEMO_TEXT
    assert loaded.title == "Belarus prepares for war"
    assert loaded.authors == ["Ana Reporter"]
    assert loaded.structure[1] == {"kind": "paragraph", "start": 26, "end": 103}
    assert loaded.fetched_at.tzinfo is not None
    assert articles.raw_bytes(any_db, article.id) == DEMO_TEXT.encode()
    summary = sessions.list_sessions(any_db)[0]
    assert (summary.article_count, summary.first_article) == (1, "Belarus prepares for war")


def test_claim_edits_are_recorded_in_history(any_db, article):
    start, end = _span(DEMO_TEXT, "About 32,000 troops")
    claim = claim_edits.add_claim(
        any_db, article.id, ClaimDraft("figure", start, end, value=32000, unit="troop"), by="ana"
    )
    assert claim.text == "About 32,000 troops"
    assert claim.prefix.endswith("\n\n") and claim.suffix.startswith(" were deployed")
    updated = claim_edits.update_claim(
        any_db, claim.id, {"verdict": "False", "rationale": "Ministry says 30,000."},
        by="ben", expected_version=claim.version,
    )
    assert updated.verdict == "false"  # labels resolve to the scale's keys
    assert updated.version == claim.version + 1
    assert updated.updated_by == "ben"
    history = claims.claim_history(any_db, claim.id)
    assert [(h.field, h.old, h.new, h.by) for h in history] == [
        ("created", None, "figure", "ana"),
        ("verdict", None, "false", "ben"),
        ("rationale", "", "Ministry says 30,000.", "ben"),
    ]
    assert claims.list_claims(any_db, article_id=article.id)[0].value == 32000


def test_stale_edit_is_a_conflict_with_both_values(any_db, article):
    start, end = _span(DEMO_TEXT, "Two new divisions")
    claim = claim_edits.add_claim(any_db, article.id, ClaimDraft("figure", start, end), by="ana")
    claim_edits.update_claim(any_db, claim.id, {"verdict": "true"}, by="ben", expected_version=claim.version)
    with pytest.raises(ConflictError) as caught:
        claim_edits.update_claim(any_db, claim.id, {"verdict": "false"}, by="ana", expected_version=claim.version)
    assert caught.value.changes == {"verdict": ("true", "false")}
    assert caught.value.by == "ben"
    assert claims.get_claim(any_db, claim.id).verdict == "true"  # nothing overwritten


def test_verdict_not_on_scale_changes_nothing(any_db, article):
    claim = claim_edits.add_claim(any_db, article.id, ClaimDraft("statement", 26, 60), by="ana")
    with pytest.raises(InvalidValueError, match="not a verdict"):
        claim_edits.update_claim(any_db, claim.id, {"verdict": "Pants on Fire"}, by="ana", expected_version=claim.version)
    assert claims.get_claim(any_db, claim.id).verdict is None
    assert [h.field for h in claims.claim_history(any_db, claim.id)] == ["created"]


def test_detection_rerun_does_not_duplicate_or_touch_reviewed_claims(any_db, article):
    drafts = [ClaimDraft("figure", *_span(DEMO_TEXT, "About 32,000 troops"), value=32000, unit="troop"),
              ClaimDraft("date", *_span(DEMO_TEXT, "Tuesday"), value="2024-02-20")]
    assert claim_edits.store_detected(any_db, article.id, drafts, by="detector") == 2
    date_claim = [c for c in claims.list_claims(any_db, article_id=article.id) if c.kind == "date"][0]
    claim_edits.update_claim(any_db, date_claim.id, {"status": "dismissed"}, by="ana", expected_version=date_claim.version)
    assert claim_edits.store_detected(any_db, article.id, drafts, by="detector") == 0
    stored = claims.list_claims(any_db, article_id=article.id)
    assert len(stored) == 2
    assert [c.status for c in stored if c.kind == "date"] == ["dismissed"]


def test_sources_back_several_claims(any_db, article):
    first = claim_edits.add_claim(any_db, article.id, ClaimDraft("figure", *_span(DEMO_TEXT, "About 32,000 troops")), by="ana")
    second = claim_edits.add_claim(any_db, article.id, ClaimDraft("equipment", *_span(DEMO_TEXT, "S-400")), by="ana")
    source = sources.add_source(any_db, article.session_id, "https://mod.example/report", title="Report")
    assert sources.add_source(any_db, article.session_id, "https://mod.example/report").id == source.id
    link = sources.attach_source(any_db, first.id, source.id, by="ana", stance="refutes", passage="30,000")
    sources.attach_source(any_db, second.id, source.id, by="ana")
    assert [c.source_count for c in claims.list_claims(any_db, article_id=article.id)] == [1, 1]
    sources.update_evidence(any_db, link.id, by="ben", stance="supports")
    assert sources.list_evidence(any_db, first.id)[0].stance == "supports"
    fields = [h.field for h in claims.claim_history(any_db, first.id)]
    assert fields == ["created", "source", "stance"]
    with pytest.raises(InvalidValueError):
        sources.add_source(any_db, article.session_id, "ftp://nope")


def test_delete_and_restore_claim_keeps_everything(any_db, article):
    claim = claim_edits.add_claim(any_db, article.id, ClaimDraft("date", *_span(DEMO_TEXT, "Tuesday"), value="2024-02-20"), by="ana")
    gone = claims.delete_claim(any_db, claim.id)
    assert claims.list_claims(any_db, article_id=article.id) == []
    back = claim_edits.restore_claim(any_db, gone, by="ana")
    assert (back.id, back.text, back.value) == (claim.id, "Tuesday", "2024-02-20")


def test_duplicate_session_copies_the_whole_review(any_db, article):
    claim = claim_edits.add_claim(any_db, article.id, ClaimDraft("equipment", *_span(DEMO_TEXT, "S-400")), by="ana")
    claim_edits.update_claim(any_db, claim.id, {"verdict": "true"}, by="ana", expected_version=claim.version)
    source = sources.add_source(any_db, article.session_id, "https://mod.example/s400")
    sources.attach_source(any_db, claim.id, source.id, by="ana", stance="supports")
    copy = sessions.duplicate_session(any_db, article.session_id)
    assert copy.title == "Belarus check (copy)" and (copy.article_count, copy.claim_count) == (1, 1)
    copied_article = articles.list_articles(any_db, copy.id)[0]
    copied = claims.list_claims(any_db, article_id=copied_article.id)[0]
    assert (copied.text, copied.verdict, copied.source_count) == ("S-400", "true", 1)
    assert copied.id != claim.id
    assert len(claims.claim_history(any_db, copied.id)) == 3
    sessions.delete_session(any_db, article.session_id)
    assert claims.list_claims(any_db, article_id=copied_article.id)[0].verdict == "true"


def test_ui_state_is_remembered_without_counting_as_an_edit(any_db, article):
    before = sessions.get_session(any_db, article.session_id)
    state = {"article_id": article.id, "claim_id": 3, "filters": {"kind": "figure"}, "scroll": 120}
    sessions.save_ui_state(any_db, article.session_id, state, "ana")
    after = sessions.get_session(any_db, article.session_id)
    assert sessions.load_ui_state(any_db, article.session_id, "ana") == state
    assert after.updated_at == before.updated_at


def test_claim_must_cover_text(any_db, article):
    with pytest.raises(InvalidValueError):
        claim_edits.add_claim(any_db, article.id, ClaimDraft("figure", 5, 5), by="ana")
    with pytest.raises(InvalidValueError):
        claim_edits.add_claim(any_db, article.id, ClaimDraft("figure", 0, 10_000), by="ana")
    with pytest.raises(InvalidValueError, match="not a kind"):
        claim_edits.add_claim(any_db, article.id, ClaimDraft("rumour", 0, 5), by="ana")
