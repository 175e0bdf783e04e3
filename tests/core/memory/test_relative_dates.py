"""Claim memory: a bare weekday or relative date is no claim of its own to match on."""

from __future__ import annotations

from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.memory.lookup import find_prior
from workbench.services import claim_edits
from workbench.storage import articles, sessions
from workbench.storage.database import Database

OLD_TEXT = "Port strike ends\n\nDockers in Valparaiso returned to work on Tuesday after a ten-day strike."
NEW_TEXT = "Budget vote\n\nThe city council of Tromso approved the library budget on Tuesday."


def _article(db: Database, title: str, text: str) -> int:
    session = sessions.create_session(db, title, reviewer="ana")
    return articles.add_article(db, session.id, make_article(text, title=title, source=f"https://x.example/{title}")).id


def _claim(db: Database, article_id: int, text: str, needle: str, kind: str, value=None) -> int:
    start = text.index(needle)
    draft = ClaimDraft(kind=kind, start=start, end=start + len(needle), value=value)
    return claim_edits.add_claim(db, article_id, draft, by="ana").id


def _reviewed(db: Database, claim_id: int) -> None:
    claim_edits.update_claim(db, claim_id, {"verdict": "true", "rationale": "Port authority"}, by="ana", expected_version=None)


def test_a_bare_weekday_does_not_match_another_sessions_weekday(any_db):
    old = _article(any_db, "Ports", OLD_TEXT)
    # Both weekdays were resolved against publication dates of the same week.
    _reviewed(any_db, _claim(any_db, old, OLD_TEXT, "Tuesday", "date", "2024-03-05"))
    new = _article(any_db, "Council", NEW_TEXT)
    current = _claim(any_db, new, NEW_TEXT, "Tuesday", "date", "2024-03-05")
    assert find_prior(any_db, current) == []


def test_a_claim_matches_on_its_content_beyond_the_date_word(any_db):
    old = _article(any_db, "Ports", OLD_TEXT)
    sentence = "Dockers in Valparaiso returned to work on Tuesday after a ten-day strike"
    prior = _claim(any_db, old, OLD_TEXT, sentence, "statement")
    _reviewed(any_db, prior)
    text = "Strike over\n\nDockers in Valparaiso returned to work on Friday after a ten-day strike."
    new = _article(any_db, "Docks", text)
    same = _claim(any_db, new, text, "Dockers in Valparaiso returned to work on Friday after a ten-day strike", "statement")
    assert [m.claim_id for m in find_prior(any_db, same)] == [prior]
    other = _claim(any_db, _article(any_db, "Council", NEW_TEXT), NEW_TEXT,
                   "The city council of Tromso approved the library budget on Tuesday", "statement")
    assert find_prior(any_db, other) == []


def test_a_date_that_names_its_day_still_matches_by_value(any_db):
    old_text = "Election\n\nThe vote was held on March 5, 2024 across the country."
    new_text = "Results\n\nPolls closed on 5 March 2024 in every region."
    old = _article(any_db, "Vote", old_text)
    prior = _claim(any_db, old, old_text, "March 5, 2024", "date", "2024-03-05")
    _reviewed(any_db, prior)
    new = _article(any_db, "Results", new_text)
    current = _claim(any_db, new, new_text, "5 March 2024", "date", "2024-03-05")
    [match] = find_prior(any_db, current)
    assert (match.claim_id, match.reason) == (prior, "same value")
