"""A claim flagged by a re-check carries its outcome, and placing it by hand answers the flag."""

from __future__ import annotations

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.records import ClaimDraft
from workbench.recheck import carry_over
from workbench.services import claim_edits
from workbench.storage import articles, claims, sessions


def _flagged_claim(db):  # noqa: ANN001, ANN202
    session = sessions.create_session(db, "Flags", reviewer="ana")
    article = articles.add_article(db, session.id, make_article())
    start = DEMO_TEXT.index("About 32,000 troops")
    claim = claim_edits.add_claim(db, article.id, ClaimDraft("figure", start, start + 19, value=32000), by="ana")
    edited = DEMO_TEXT.replace("About 32,000 troops", "About 35,000 troops")
    carry_over.store_version(db, article.id, make_article(edited), by="ana")
    return article, claims.get_claim(db, claim.id), edited


def test_a_changed_claim_is_flagged_in_its_record(sqlite_db):
    _article, claim, _edited = _flagged_claim(sqlite_db)
    assert claim.anchor_outcome == "changed" and claim.flagged
    assert claim.anchor_detail is not None and claim.anchor_detail["new_text"] == "About 35,000 troops"
    assert 0 < (claim.anchor_confidence or 0) < 1


def test_moving_a_flagged_claim_by_hand_clears_the_flag_in_history(sqlite_db):
    _article, claim, edited = _flagged_claim(sqlite_db)
    start = edited.index("35,000 troops")
    moved = claim_edits.move_claim(sqlite_db, claim.id, start, start + 13, by="ana", expected_version=claim.version)
    assert moved.text == "35,000 troops" and not moved.flagged
    history = claims.claim_history(sqlite_db, claim.id)
    assert [(h.field, h.old, h.new) for h in history][-1] == ("anchor_outcome", "changed", "accepted")


def test_deleting_and_restoring_keeps_the_flag(sqlite_db):
    _article, claim, _edited = _flagged_claim(sqlite_db)
    deleted = claims.delete_claim(sqlite_db, claim.id)
    restored = claim_edits.restore_claim(sqlite_db, deleted, by="ana")
    assert restored.flagged and restored.anchor_detail == claim.anchor_detail
