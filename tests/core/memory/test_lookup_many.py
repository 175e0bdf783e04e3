"""The claims list's "checked before" markers: many claims looked up at once, as one at a time would."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from tests.factories import long_read, make_article
from workbench.domain.records import ClaimDraft
from workbench.memory.lookup import find_prior, find_prior_many
from workbench.services import claim_edits, edits
from workbench.services.importing import import_text
from workbench.services.memory import prior_markers
from workbench.storage import articles, claims, sessions, sources
from workbench.storage.database import Database

TOWNS = ["Avdiivka", "Bakhmut", "Chernihiv", "Dnipro", "Izium", "Kherson", "Kupiansk", "Lyman",
         "Mariupol", "Mykolaiv", "Pokrovsk", "Sumy", "Vuhledar", "Zaporizhzhia", "Kramatorsk"]
PORTS = "Port strike ends\n\nDockers in Valparaiso returned to work on Tuesday after a ten-day strike."
BORDER = "Belarus moves troops\n\nAbout 32,000 troops were deployed near the border, officials said."


def _evacuations(wording: str, shift: int = 0) -> str:
    """A report of figures by town; ``shift`` changes every other number (another value, same words)."""
    lines = []
    for n, town in enumerate(TOWNS * 3):
        people = 1200 + 350 * n + (shift if n % 2 else 0)
        lines.append(wording.format(people=f"{people:,}", town=town, days=n % 9 + 2))
    return "Evacuations\n\n" + "\n\n".join(lines)


def _session_with(db: Database, title: str, *texts: str) -> int:
    session = sessions.create_session(db, title, reviewer="ana")
    for text in texts:
        import_text(db, session.id, text, by="ana", source=f"https://news.example/{title}/{len(text)}")
    return session.id


def _review_all(db: Database, session_id: int, verdict: str) -> None:
    steps = tuple(claim_edits.set_verdict(c.id, verdict, rationale="checked") for c in claims.list_claims(db, session_id=session_id))
    edits.apply(db, edits.Compound(steps), by="ana")


def _add(db: Database, session_id: int, text: str, needle: str, value: object, unit: str) -> int:
    article = articles.add_article(db, session_id, make_article(text, source=f"https://x.example/{value}"))
    start = text.index(needle)
    draft = ClaimDraft(kind="figure", start=start, end=start + len(needle), value=value, unit=unit)
    return claim_edits.add_claim(db, article.id, draft, by="ana").id


@pytest.fixture
def memory(any_db: Database) -> dict[str, object]:
    """Three reviewed sessions and today's, of over 500 claims: repeats, rewordings, other values, weekdays."""
    db = any_db
    demo = _session_with(db, "Belarus last year", long_read(400))
    _review_all(db, demo, "true")
    again = _session_with(db, "Belarus again", long_read(400))
    _review_all(db, again, "mostly-true")
    towns = _session_with(db, "Floods", _evacuations("In {town}, {people} people were evacuated over {days} days."), PORTS)
    _review_all(db, towns, "mostly-false")
    prior = _add(db, towns, BORDER, "About 32,000 troops were deployed near the border", 32000, "troop")
    claim_edits.update_claim(db, prior, {"verdict": "true"}, by="ana", expected_version=None)
    source = sources.add_source(db, towns, "https://mod.example/report", title="Ministry report")
    sources.attach_source(db, prior, source.id, by="ana", stance="supports", passage="32,000 servicemen")

    today = _session_with(
        db, "Today", long_read(4200),
        _evacuations("{people} persons left {town} within {days} days.", shift=75),
        "Budget vote\n\nThe city council of Tromso approved the library budget on Tuesday.",
    )
    other_value = _add(db, today, BORDER.replace("32,000", "30,000"), "About 30,000 troops were deployed near the border",
                       30000, "troop")
    same_value = _add(db, today, BORDER.replace("About", "Some"), "Some 32,000 troops were deployed near the border",
                      32000, "troop")
    ids = [c.id for c in claims.list_claims(db, session_id=today)]
    return {"ids": ids, "other_value": other_value, "same_value": same_value, "prior": prior}


def test_many_claims_at_once_get_what_one_at_a_time_gets(any_db, memory):
    ids = memory["ids"]
    assert len(ids) > 500
    one_by_one = {claim_id: find_prior(any_db, claim_id, limit=1) for claim_id in ids}
    at_once = find_prior_many(any_db, ids)
    assert at_once == one_by_one
    # Not a trivial equality: most claims have a prior, and some that look alike have none.
    matched = [claim_id for claim_id, found in at_once.items() if found]
    assert 300 < len(matched) < len(ids)
    assert {m.reason for found in at_once.values() for m in found} == {"same value", "similar wording"}
    weekdays = [c.id for c in claims.list_claims(any_db, session_id=_session_of(any_db, ids[0])) if c.text == "Tuesday"]
    assert weekdays and all(at_once[claim_id] == [] for claim_id in weekdays)
    assert at_once[memory["other_value"]] == []
    [best] = at_once[memory["same_value"]]
    assert (best.claim_id, best.verdict, [s.url for s in best.sources]) == (
        memory["prior"], "true", ["https://mod.example/report"],
    )
    # Every match and score, in order, at a lower threshold too.
    some = ids[::3]
    one_by_one = {claim_id: find_prior(any_db, claim_id, threshold=0.3, limit=10) for claim_id in some}
    at_once = find_prior_many(any_db, some, threshold=0.3, limit=10)
    assert at_once == one_by_one
    assert max(len(found) for found in at_once.values()) >= 3  # both Belarus sessions and more


def test_the_statements_sent_do_not_grow_with_the_number_of_claims(any_db, memory):
    ids = memory["ids"]
    few = _statements(any_db, lambda: find_prior_many(any_db, ids[:5]))
    many = _statements(any_db, lambda: find_prior_many(any_db, ids))
    one_by_one = _statements(any_db, lambda: [find_prior(any_db, claim_id, limit=1) for claim_id in ids[:50]])
    # A hundred times the claims costs only the extra IN lists (a few hundred ids or words each).
    assert many <= few + 4, (few, many)
    assert many * 10 < one_by_one


def test_a_deleted_claim_is_left_out_and_cancel_stops_between_chunks(any_db, memory):
    ids = memory["ids"]
    claim_edits.delete_claim(any_db, ids[0])
    found = prior_markers(any_db, ids)
    assert ids[0] not in found and set(found) == set(ids[1:])
    asked = []

    def cancel() -> bool:
        asked.append(True)
        return len(asked) > 1  # the first chunk goes through, then the list changed

    partial = prior_markers(any_db, ids, cancel=cancel)
    assert 0 < len(partial) < len(ids) - 1
    assert all(partial[claim_id] == found[claim_id] for claim_id in partial)


def _session_of(db: Database, claim_id: int) -> int:
    return articles.get_article(db, claims.get_claim(db, claim_id).article_id).session_id


def _statements(db: Database, run) -> int:  # noqa: ANN001
    sent: list[str] = []

    def seen(_conn, _cursor, statement: str, *_rest) -> None:  # noqa: ANN001
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    return len(sent)
