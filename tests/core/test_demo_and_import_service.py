"""The first-run demo article and the import service the GUI and CLI share."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.demo_gold import demo_gold, demo_text
from tests.factories import make_article
from workbench.services import importing
from workbench.services.demo import demo_article
from workbench.services.importing import import_text, redetect, store_extracted
from workbench.storage import claims, sessions


def test_demo_article_is_the_belarus_report_with_its_date_and_gold_offsets():
    article = demo_article()
    assert article.title == "Putin’s Closest Ally Is Preparing for World War III"
    assert article.published == "2024-02-20"  # relative dates resolve against it
    assert article.text == demo_text()  # the file as the gold annotation indexes it
    for block in article.blocks:
        assert article.text[block.start : block.end].strip()


def test_demo_session_proposes_the_gold_claims(sqlite_db):
    session = sessions.create_session(sqlite_db, "Demo")
    stored = store_extracted(sqlite_db, session.id, demo_article(), by="detector")
    found = {(c.kind, c.start, c.end) for c in claims.list_claims(sqlite_db, article_id=stored.article.id)}
    gold = {(c["kind"], c["start"], c["end"]) for c in demo_gold()["claims"] if c["kind"] != "statement"}
    assert gold <= found  # 90,000 troops, S-400, Iskander-M, Lukashenko's quotes ...
    troops = next(c for c in claims.list_claims(sqlite_db, article_id=stored.article.id)
                  if c.text == "around 90,000 troops")
    assert troops.kind == "figure" and troops.status == "proposed"


def test_pasted_text_is_stored_with_proposed_claims_and_redetection_adds_nothing(sqlite_db):
    session = sessions.create_session(sqlite_db, "Desk")
    text = (
        "Minister confirms troop numbers\n\n"
        "About 32,000 troops were deployed on Tuesday, the ministry said.\n\n"
        "\u201cWe are ready for anything,\u201d Defence Minister Ana Kovac told reporters."
    )
    result = import_text(sqlite_db, session.id, text, by="ana")
    assert result.article.title == "Minister confirms troop numbers"
    assert result.article.text == text  # offsets index exactly what was pasted
    stored = claims.list_claims(sqlite_db, article_id=result.article.id)
    kinds = {c.kind for c in stored}
    assert {"figure", "quote"} <= kinds
    assert all(text[c.start : c.end] == c.text and c.status == "proposed" for c in stored)
    quote = next(c for c in stored if c.kind == "quote")
    assert quote.speaker == "Ana Kovac"
    assert redetect(sqlite_db, result.article.id) == 0
    assert len(claims.list_claims(sqlite_db, article_id=result.article.id)) == len(stored)


def test_a_session_started_for_an_import_takes_the_articles_title_with_the_import_itself(sqlite_db):
    # The window names a session after the link it was started for, then after the article: both in
    # the import's one transaction, so quitting the moment the claims are stored keeps the real title.
    makeshift = sessions.create_session(sqlite_db, "Review: news.example")
    first = import_text(sqlite_db, makeshift.id, "Troops leave the border\n\nAbout 32,000 troops left.",
                        by="ana", name_session=makeshift.title)
    assert first.session_title == "Troops leave the border"
    assert sessions.get_session(sqlite_db, makeshift.id).title == "Troops leave the border"
    second = import_text(sqlite_db, makeshift.id, "Another headline\n\nAbout 9,000 troops stayed.",
                         by="ana", name_session=makeshift.title)
    assert second.session_title is None  # the first article named it: that name stays
    assert sessions.get_session(sqlite_db, makeshift.id).title == "Troops leave the border"


def test_a_reviewers_own_name_for_the_session_is_not_replaced_by_an_import_still_running(sqlite_db):
    makeshift = sessions.create_session(sqlite_db, "Review: news.example")
    sessions.rename_session(sqlite_db, makeshift.id, "Border desk, Monday")
    result = import_text(sqlite_db, makeshift.id, "Troops leave the border\n\nAbout 32,000 troops left.",
                         by="ana", name_session=makeshift.title)
    assert result.session_title is None
    assert sessions.get_session(sqlite_db, makeshift.id).title == "Border desk, Monday"


def test_a_first_import_makes_its_session_in_its_own_transaction_named_after_the_article(sqlite_db):
    result = import_text(sqlite_db, None, "Troops leave the border\n\nAbout 32,000 troops left.",
                         by="ana", new_session="Review: Pasted text")
    session = sessions.get_session(sqlite_db, result.article.session_id)
    assert (session.title, session.reviewer, session.article_count) == ("Troops leave the border", "ana", 1)
    assert result.session_title == "Troops leave the border"
    assert sessions.session_ids(sqlite_db) == [session.id]


def test_a_first_import_that_fails_while_storing_leaves_no_session(sqlite_db, monkeypatch):
    # The claims' index cannot be written (a full disk, say): the article and the session it made go together.
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importing, "index_claims", full_disk)
    with pytest.raises(OSError):
        store_extracted(sqlite_db, None, make_article(), by="ana", new_session="Review: news.example")
    assert sessions.session_ids(sqlite_db) == []


def test_a_first_import_of_a_page_without_article_text_keeps_the_sessions_makeshift_name(sqlite_db):
    listing = replace(make_article("report.pdf\n\nnotes.txt", title="Index of /reports/"),
                      provenance=replace(make_article().provenance, content_type="text/html"))
    result = store_extracted(sqlite_db, None, listing, by="ana", new_session="Review: news.example")
    assert result.no_text_reason is not None and result.session_title is None
    assert sessions.get_session(sqlite_db, result.article.session_id).title == "Review: news.example"
