"""A page with no article text (a server's list of files) is told apart from an article,
by the core, the import service and the command line alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import make_article
from workbench.cli import main
from workbench.domain.errors import NoArticleTextError
from workbench.ingest.article_text import missing_text_reason, page_without_text
from workbench.ingest.load import load_source
from workbench.services import demo, importing
from workbench.storage import articles, sessions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
LISTINGS = ["directory_listing.html", "directory_listing_nginx.html"]
ARTICLES = ["structure.html", "jsonld_newsarticle.html", "liveblog.html", "table.html", "shift_jis_meta.html"]


@pytest.mark.parametrize("name", LISTINGS)
def test_a_servers_list_of_files_has_no_article_text(name: str) -> None:
    page = load_source(str(FIXTURES / name))
    assert page.text  # the extractor found lines of text: file names, dates and sizes
    assert page_without_text(page) == "a list of files"


@pytest.mark.parametrize("name", ARTICLES)
def test_a_real_article_has_article_text(name: str) -> None:
    assert page_without_text(load_source(str(FIXTURES / name))) is None


def test_headlines_without_sentences_are_no_article_but_one_sentence_is() -> None:
    headlines = "Council approves new cycle lanes in the city centre\nFerry timetable changes for the summer season"
    assert missing_text_reason("Home", headlines) == "only links or short labels, no sentences"
    assert missing_text_reason("Home", headlines + "\nThe council voted 12 to 3 for the lanes on Monday.") is None


def test_pasted_or_saved_text_is_taken_as_given() -> None:
    assert page_without_text(make_article("Short note\n\nPrices rose.")) is None


def test_the_demo_article_is_known_by_the_source_the_window_looks_for() -> None:
    assert importing.DEMO_SOURCE == demo.DEMO_SOURCE


def test_import_stores_the_page_and_says_why_it_has_no_text(sqlite_db) -> None:
    session = sessions.create_session(sqlite_db, "Desk")
    result = importing.import_source(sqlite_db, session.id, str(FIXTURES / LISTINGS[0]), by="ana")
    assert result.no_text_reason == "a list of files"
    assert result.claims_added == 0  # its file sizes and dates are no claims to review
    assert [a.id for a in articles.list_articles(sqlite_db, session.id)] == [result.article.id]
    real = importing.import_source(sqlite_db, session.id, str(FIXTURES / "structure.html"), by="ana")
    assert real.no_text_reason is None


def test_import_can_refuse_a_page_without_text_before_storing_it(sqlite_db) -> None:
    session = sessions.create_session(sqlite_db, "Desk")
    with pytest.raises(NoArticleTextError, match=r"no article text \(a list of files\)"):
        importing.import_source(sqlite_db, session.id, str(FIXTURES / LISTINGS[0]), by="ana",
                                refuse_without_text=True)
    assert articles.list_articles(sqlite_db, session.id) == []


def test_cli_import_skips_a_list_of_files_and_goes_on(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "review.sqlite")
    status = main(["import", "--db", db, str(FIXTURES / LISTINGS[0]), str(FIXTURES / "structure.html")])
    out, err = capsys.readouterr()
    assert status == 1
    assert "directory_listing.html: not imported" in err and "no article text (a list of files)" in err
    assert "structure.html: article" in out
    assert main(["import", "--db", db, str(FIXTURES / LISTINGS[1])]) == 1
    assert "no article text" in capsys.readouterr().err


def test_cli_claims_reports_a_list_of_files_on_stderr(capsys) -> None:
    status = main(["claims", str(FIXTURES / LISTINGS[1])])
    out, err = capsys.readouterr()
    assert status == 1
    assert "This page has no article text (a list of files)" in err
    status = main(["claims", str(FIXTURES / LISTINGS[1]), str(FIXTURES / "structure.html")])
    out, _err = capsys.readouterr()
    assert status == 1 and len(out.splitlines()) == 2 and '"error": null' in out.splitlines()[1]
