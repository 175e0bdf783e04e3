"""Prior verdicts: found across sessions, never within the same one, copied with history."""

from __future__ import annotations

import pytest

from tests.factories import make_article
from workbench.domain.errors import ConflictError, InvalidValueError
from workbench.domain.records import ClaimDraft
from workbench.memory.lookup import copy_prior, find_prior
from workbench.services import claim_edits
from workbench.storage import articles, claims, sessions, sources
from workbench.storage.database import Database

OLD_TEXT = (
    "Belarus moves troops\n\n"
    "About 32,000 troops were deployed near the border, officials said.\n\n"
    "The army received S-400 Triumf batteries."
)
NEW_TEXT = (
    "Troops on the border\n\n"
    "Some 32 000 soldiers are now stationed along the frontier.\n\n"
    "Two S400 systems arrived.\n\n"
    "Farmers planted 7,000 hectares of wheat."
)


def _claim(db: Database, article_id: int, text: str, needle: str, kind: str, value=None, unit=None) -> int:
    start = text.index(needle)
    draft = ClaimDraft(kind=kind, start=start, end=start + len(needle), value=value, unit=unit)
    return claim_edits.add_claim(db, article_id, draft, by="ana").id


def _article(db: Database, title: str, text: str) -> tuple[int, int]:
    session = sessions.create_session(db, title, reviewer="ana")
    article = articles.add_article(db, session.id, make_article(text, title=title, source=f"https://x.example/{title}"))
    return session.id, article.id


@pytest.fixture
def reviewed(any_db):
    """Last week's review: a troop figure rated true with a source, and an equipment claim."""
    session_id, article_id = _article(any_db, "Last week", OLD_TEXT)
    troops = _claim(any_db, article_id, OLD_TEXT, "About 32,000 troops", "figure", 32000, "troop")
    system = _claim(any_db, article_id, OLD_TEXT, "S-400 Triumf", "equipment", "S-400 Triumf")
    claim_edits.update_claim(any_db, troops, {"verdict": "true", "rationale": "Ministry figures"}, by="ana", expected_version=None)
    claim_edits.update_claim(any_db, system, {"verdict": "mostly-false"}, by="ana", expected_version=None)
    source = sources.add_source(any_db, session_id, "https://mod.example/report", title="Ministry report")
    sources.attach_source(any_db, troops, source.id, by="ana", stance="supports", passage="32,000 servicemen")
    return {"session": session_id, "article": article_id, "troops": troops, "system": system}


def test_prior_verdict_is_found_in_another_session(any_db, reviewed):
    _session, article_id = _article(any_db, "Today", NEW_TEXT)
    current = _claim(any_db, article_id, NEW_TEXT, "Some 32 000 soldiers", "figure", 32000, "soldier")
    [match] = find_prior(any_db, current)
    assert (match.claim_id, match.verdict, match.rationale, match.session) == (
        reviewed["troops"], "true", "Ministry figures", "Last week",
    )
    assert match.reason == "same value" and 0 < match.score <= 1
    assert [(s.url, s.stance) for s in match.sources] == [("https://mod.example/report", "supports")]


def test_equipment_alias_finds_the_prior_claim(any_db, reviewed):
    _session, article_id = _article(any_db, "Today", NEW_TEXT)
    current = _claim(any_db, article_id, NEW_TEXT, "S400", "equipment", "S-400 Triumf")
    assert [m.claim_id for m in find_prior(any_db, current)] == [reviewed["system"]]


def test_claims_of_the_same_session_and_unrelated_claims_are_not_matches(any_db, reviewed):
    # A second claim with the same figure in the SAME session is not "checked before".
    same_session = _claim(any_db, reviewed["article"], OLD_TEXT, "32,000 troops", "figure", 32000, "troop")
    assert find_prior(any_db, same_session) == []
    _session, article_id = _article(any_db, "Today", NEW_TEXT)
    unrelated = _claim(any_db, article_id, NEW_TEXT, "7,000 hectares", "figure", 7000, "hectare")
    assert find_prior(any_db, unrelated) == []


def test_an_unreviewed_claim_is_not_a_prior(any_db, reviewed):
    claim_edits.update_claim(any_db, reviewed["troops"], {"verdict": None}, by="ana", expected_version=None)
    _session, article_id = _article(any_db, "Today", NEW_TEXT)
    current = _claim(any_db, article_id, NEW_TEXT, "Some 32 000 soldiers", "figure", 32000, "soldier")
    assert find_prior(any_db, current) == []


def test_editing_a_value_updates_the_index(any_db, reviewed):
    _session, article_id = _article(any_db, "Today", NEW_TEXT)
    current = _claim(any_db, article_id, NEW_TEXT, "7,000 hectares", "figure", 7000, "hectare")
    claim_edits.update_claim(any_db, reviewed["troops"], {"value": 7000, "unit": "hectares"}, by="ana", expected_version=None)
    assert [m.claim_id for m in find_prior(any_db, current)] == [reviewed["troops"]]


def test_copying_a_prior_verdict_brings_rationale_and_sources_with_history(any_db, reviewed):
    session_id, article_id = _article(any_db, "Today", NEW_TEXT)
    current = _claim(any_db, article_id, NEW_TEXT, "Some 32 000 soldiers", "figure", 32000, "soldier")
    version = claims.get_claim(any_db, current).version
    record = copy_prior(any_db, current, reviewed["troops"], by="ben", expected_version=version)
    assert (record.verdict, record.rationale) == ("true", "Ministry figures")
    [evidence] = sources.list_evidence(any_db, current)
    assert (evidence.source.url, evidence.stance, evidence.passage) == (
        "https://mod.example/report", "supports", "32,000 servicemen",
    )
    assert evidence.source.session_id == session_id
    note = f"copied from claim {reviewed['troops']} in session Last week"
    copied = [h for h in claims.claim_history(any_db, current) if h.note == note]
    assert {h.field for h in copied} == {"verdict", "rationale", "source"}
    assert all(h.by == "ben" for h in copied)


def test_copy_on_a_stale_claim_or_from_an_unreviewed_one_changes_nothing(any_db, reviewed):
    _session, article_id = _article(any_db, "Today", NEW_TEXT)
    current = _claim(any_db, article_id, NEW_TEXT, "Some 32 000 soldiers", "figure", 32000, "soldier")
    version = claims.get_claim(any_db, current).version
    claim_edits.update_claim(any_db, current, {"rationale": "someone else"}, by="cy", expected_version=version)
    with pytest.raises(ConflictError):
        copy_prior(any_db, current, reviewed["troops"], by="ben", expected_version=version)
    unreviewed = _claim(any_db, article_id, NEW_TEXT, "Two S400 systems", "figure", 2, "system")
    with pytest.raises(InvalidValueError):
        copy_prior(any_db, current, unreviewed, by="ben", expected_version=None)
    after = claims.get_claim(any_db, current)
    assert (after.verdict, after.rationale, after.source_count) == (None, "someone else", 0)


def test_same_words_with_another_number_are_not_the_same_claim(any_db, reviewed):
    wording = "32,000 troops were deployed near the border"
    claim_edits.update_claim(any_db, reviewed["troops"], {"wording": wording}, by="ana", expected_version=None)
    text = "Today\n\nAbout 30,000 troops were deployed near the border, officials said."
    _session, article_id = _article(any_db, "Today", text)
    current = _claim(any_db, article_id, text, "About 30,000 troops were deployed near the border", "figure", 30000, "troop")
    # Even at a low threshold, where the shared words alone would qualify it.
    assert find_prior(any_db, current, threshold=0.05) == []
