"""A source can be a file on the reviewer's computer; links that are neither web nor file are refused."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.factories import DEMO_TEXT, make_article
from workbench.domain.errors import InvalidValueError
from workbench.domain.records import ClaimDraft
from workbench.export.csv_report import write_csv
from workbench.export.report_html import render_report
from workbench.services import claim_edits
from workbench.storage import articles, sessions, sources
from workbench.storage.database import open_database


@pytest.fixture
def db(tmp_path: Path):
    database = open_database(tmp_path / "review.sqlite")
    yield database
    database.close()


@pytest.fixture
def session_id(db) -> int:
    return sessions.create_session(db, "Belarus check", reviewer="ana").id


def test_a_local_file_is_stored_as_its_file_uri_named_after_the_file(db, session_id, tmp_path: Path):
    folder = tmp_path / "saved pages"
    folder.mkdir()
    statement = folder / "ministry statement #2.txt"
    statement.write_text("32,000 troops were deployed.", encoding="utf-8")

    source = sources.add_source(db, session_id, str(statement))

    assert source.url == statement.resolve().as_uri()
    assert source.url.startswith("file:///") and "%20" in source.url and "%23" in source.url
    assert source.title == "ministry statement #2.txt"
    assert source.publisher == ""
    # The same file again, by path or by its URI, is the same source.
    assert sources.add_source(db, session_id, source.url).id == source.id
    assert sources.add_source(db, session_id, f"  {statement}  ").id == source.id
    # A title the reviewer gives wins over the file name.
    other = tmp_path / "report.html"
    other.write_text("<p>Report</p>", encoding="utf-8")
    assert sources.add_source(db, session_id, str(other), title="MoD report").title == "MoD report"


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "data:text/html,<b>hi</b>", "ftp://files.example/report.pdf",
     "file://fileserver/share/report.txt", "mod.example/report"],
)
def test_other_schemes_and_missing_files_are_refused_with_a_message(db, session_id, link: str):
    with pytest.raises(InvalidValueError) as refused:
        sources.add_source(db, session_id, link)
    assert link in refused.value.message
    assert "http" in refused.value.hint
    assert sources.list_sources(db, session_id) == []


def test_reports_name_file_sources_and_link_web_sources_only(db, session_id, tmp_path: Path):
    article = articles.add_article(db, session_id, make_article())
    start = DEMO_TEXT.index("About 32,000 troops")
    claim = claim_edits.add_claim(db, article.id, ClaimDraft("figure", start, start + 19), by="ana")
    saved = tmp_path / "statement.txt"
    saved.write_text("32,000", encoding="utf-8")
    local = sources.add_source(db, session_id, str(saved))
    web = sources.add_source(db, session_id, "https://mod.example/report", title="Report")
    sources.attach_source(db, claim.id, local.id, by="ana", stance="supports")
    sources.attach_source(db, claim.id, web.id, by="ana", stance="context")

    html, _count = render_report(db, session_id)

    assert '<a href="https://mod.example/report">' in html
    assert local.url in html  # shown, so the reader knows where the evidence is
    assert f'href="{local.url}"' not in html and "<a href=\"file:" not in html

    out = io.StringIO(newline="")
    write_csv(out, db, session_id, bom=False)
    row = next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["sources"].splitlines() == [f"statement.txt <{local.url}>", "Report <https://mod.example/report>"]
