"""`workbench source add|show`, `workbench sources` and `workbench recheck --sources`: the contracts."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from werkzeug import Response

from tests.factories import make_article
from tests.integration import ledger_pages as pages
from workbench.cli import main
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.storage import articles
from workbench.storage.database import open_database
from workbench.storage.sessions import create_session


@pytest.fixture
def setup(tmp_path, httpserver):
    served = {"/troops": (200, "text/html; charset=utf-8", pages.ORIGINAL)}

    def answer(request):
        status, media, body = served.get(request.path, (404, "text/plain", b"no such page"))
        return Response(body, status=status, content_type=media)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(answer)
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    session = create_session(db, "Border watch")
    other = create_session(db, "Elsewhere")
    article = articles.add_article(db, session.id, make_article())
    claim = claim_edits.add_claim(db, article.id, ClaimDraft(kind="figure", start=26, end=46), by="ana")
    elsewhere = articles.add_article(db, other.id, make_article())
    stranger = claim_edits.add_claim(db, elsewhere.id, ClaimDraft(kind="figure", start=26, end=46), by="ana")
    db.close()
    return {"db": str(path), "served": served, "url": httpserver.url_for, "session": session.id,
            "claim": claim.id, "stranger": stranger.id}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add(setup, capsys, location, *extra):
    return run(capsys, "source", "add", "Border watch", str(setup["claim"]), location, *extra, "--db", setup["db"])


def test_source_add_archives_and_prints_the_source(setup, capsys):
    code, out, err = add(setup, capsys, setup["url"]("/troops"), "--stance", "supports",
                         "--passage", pages.PASSAGE, "--format", "json")
    assert code == 0 and err == ""
    source = json.loads(out)
    assert source["url"] == setup["url"]("/troops") and source["title"] == "Troop numbers at the border"
    assert source["publisher"] == "Ministry Example"
    assert source["snapshot"]["sha256"] == hashlib.sha256(pages.ORIGINAL).hexdigest()
    assert source["snapshot"]["http_status"] == 200 and source["snapshot"]["fetched_at"]
    assert source["citations"] == [{"claim_id": setup["claim"], "stance": "supports", "passage": pages.PASSAGE,
                                    "source_check": None, "passage_found": None}]

    code, out, _ = run(capsys, "sources", str(setup["session"]), "--format", "json", "--db", setup["db"])
    assert code == 0 and json.loads(out) == [source]

    code, out, _ = run(capsys, "source", "show", str(source["id"]), "--db", setup["db"])
    assert code == 0 and pages.PASSAGE in out and "Troop numbers at the border" in out


def test_a_source_that_cannot_be_fetched_is_cited_and_said_on_stderr(setup, capsys):
    setup["served"]["/troops"] = (401, "text/html", b"<p>log in</p>")
    code, out, err = add(setup, capsys, setup["url"]("/troops"), "--format", "json")
    assert code == 1
    assert "cited but not archived" in err and "requires a login" in err
    source = json.loads(out)
    assert source["snapshot"]["http_status"] == 401 and source["snapshot"]["sha256"] is None
    assert source["citations"][0]["claim_id"] == setup["claim"]
    code, _, err = run(capsys, "source", "show", str(source["id"]), "--db", setup["db"])
    assert code == 2 and "could not be fetched" in err


def test_a_pdf_source_is_shown_as_having_no_text_and_why(setup, capsys):
    setup["served"]["/report.pdf"] = (200, "application/pdf", pages.PDF)
    code, out, _ = add(setup, capsys, setup["url"]("/report.pdf"), "--format", "json")
    assert code == 0
    source = json.loads(out)
    assert source["snapshot"]["sha256"] == hashlib.sha256(pages.PDF).hexdigest()
    code, out, err = run(capsys, "source", "show", str(source["id"]), "--db", setup["db"])
    assert code == 2 and out == "" and "no text to show" in err and "PDF" in err


@pytest.mark.parametrize(("argv", "words"), [
    (["--stance", "maybe"], "invalid choice"),
])
def test_bad_arguments_are_refused_by_the_parser(setup, capsys, argv, words):
    with pytest.raises(SystemExit) as stop:
        add(setup, capsys, setup["url"]("/troops"), *argv)
    assert stop.value.code == 2 and words in capsys.readouterr().err


def test_bad_input_is_refused_before_anything_is_stored(setup, capsys):
    code, _, err = run(capsys, "source", "add", "Border watch", str(setup["stranger"]), setup["url"]("/troops"),
                       "--db", setup["db"])
    assert code == 2 and "is not in session" in err
    code, _, err = add(setup, capsys, "javascript:alert(1)")
    assert code == 2 and "not a web link or a file" in err
    code, _, err = add(setup, capsys, "/no/such/statement.html")
    assert code == 2 and "neither a web link nor a file" in err
    code, _, err = run(capsys, "source", "show", "999", "--db", setup["db"])
    assert code == 2 and "Source 999 does not exist" in err
    code, out, _ = run(capsys, "sources", "Border watch", "--format", "json", "--db", setup["db"])
    assert json.loads(out) == []


def test_recheck_sources_reports_each_source_and_exits_1_when_one_failed(setup, capsys):
    add(setup, capsys, setup["url"]("/troops"), "--passage", pages.PASSAGE)
    setup["served"]["/gone"] = (200, "text/html", pages.page(pages.OTHER))
    add(setup, capsys, setup["url"]("/gone"), "--passage", pages.OTHER)

    setup["served"]["/troops"] = (200, "text/html", pages.REMOVED)
    code, out, _ = run(capsys, "recheck", "Border watch", "--sources", "--format", "json", "--db", setup["db"])
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert {"id", "url", "status", "error", "citations"} <= set(first)
    assert first["status"] == "changed" and first["error"] is None
    assert first["citations"] == [{"claim_id": setup["claim"], "passage_found": False}]
    assert second["status"] == "unchanged" and second["citations"][0]["passage_found"] is True

    setup["served"]["/gone"] = (404, "text/html", b"gone")
    code, out, _ = run(capsys, "recheck", "Border watch", "--sources", "--db", setup["db"])
    assert code == 1
    assert re.search(r"source \d+: failed .*/gone\n  error: HTTP 404", out)
    assert "PASSAGE NOT FOUND" in out
