"""The services the window and the command line call for sessions and sources."""

from __future__ import annotations

from tests.factories import make_article
from workbench.services import sessions
from workbench.services import sources as source_service
from workbench.services.database import Database
from workbench.storage import articles, sources


def test_an_empty_session_is_dropped_and_one_with_an_article_is_kept(any_db: Database) -> None:
    empty = sessions.create_session(any_db, "Review: news.example")
    filled = sessions.create_session(any_db, "Review: other.example")
    articles.add_article(any_db, filled.id, make_article())

    assert sessions.delete_session_if_empty(any_db, empty.id) is True
    assert sessions.delete_session_if_empty(any_db, filled.id) is False
    assert sessions.delete_session_if_empty(any_db, empty.id) is False  # gone already: nothing to do
    assert sessions.session_ids(any_db) == [filled.id]


def test_find_or_create_names_a_new_session_once(sqlite_db: Database) -> None:
    first, created = sessions.find_or_create_session(sqlite_db, "Imported articles", reviewer="ana")
    again, created_again = sessions.find_or_create_session(sqlite_db, "Imported articles", reviewer="ana")
    assert (created, created_again) == (True, False)
    assert again.id == first.id and again.reviewer == "ana"


def test_a_page_title_fills_an_untitled_source_but_never_a_typed_one(sqlite_db: Database) -> None:
    session = sessions.create_session(sqlite_db, "Sources")
    untitled = sources.add_source(sqlite_db, session.id, "https://ministry.example/figures", publisher="Ministry")
    typed = sources.add_source(sqlite_db, session.id, "https://ministry.example/other", title="My title")

    assert source_service.give_title(sqlite_db, untitled.id, "Figures 2024", "Ministry of Defence") is True
    assert source_service.give_title(sqlite_db, typed.id, "Page title", "Ministry of Defence") is False

    by_id = {s.id: s for s in source_service.list_sources(sqlite_db, session.id)}
    assert (by_id[untitled.id].title, by_id[untitled.id].publisher) == ("Figures 2024", "Ministry")
    assert by_id[typed.id].title == "My title"
    assert source_service.find_source(sqlite_db, session.id, typed.id) == by_id[typed.id]
    assert source_service.find_source(sqlite_db, None, typed.id) is None
