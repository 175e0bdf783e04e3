"""`workbench recheck SESSION [--article ID] [--format json|text]`: the contract."""

from __future__ import annotations

import json

import pytest
from werkzeug import Response

from tests.integration import recheck_pages as pages
from workbench.cli import main
from workbench.domain.records import ClaimDraft
from workbench.ingest.load import load_source
from workbench.services import claim_edits
from workbench.storage import articles
from workbench.storage.database import open_database
from workbench.storage.sessions import create_session


@pytest.fixture
def setup(tmp_path, httpserver):
    state = {"body": pages.VERSION_A}
    httpserver.expect_request("/belarus").respond_with_handler(
        lambda _r: Response(state["body"], content_type="text/html")
    )
    httpserver.expect_request("/removed").respond_with_data("gone", status=410)
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    session = create_session(db, "Border watch")
    article = articles.add_article(db, session.id, load_source(httpserver.url_for("/belarus")))
    start = article.text.index(pages.FIGURE_A)
    claim = claim_edits.add_claim(
        db, article.id, ClaimDraft(kind="figure", start=start, end=start + len(pages.FIGURE_A)), by="ana"
    )
    db.close()
    return {"db": str(path), "state": state, "article": article.id, "claim": claim.id,
            "session": session.id, "server": httpserver}


def run(capsys, *argv: str) -> tuple[int, list[dict]]:
    code = main(["recheck", *argv])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines()]


def test_json_lines_one_object_per_article(setup, capsys):
    setup["state"]["body"] = pages.VERSION_B
    code, lines = run(capsys, "Border watch", "--format", "json", "--db", setup["db"])
    assert code == 0
    (line,) = lines
    assert set(line) == {"article", "url", "status", "error", "metadata_changes", "claims"}
    assert line["article"] == setup["article"] and line["status"] == "changed" and line["error"] is None
    assert line["metadata_changes"] == {"title": [pages.TITLE_A, pages.TITLE_B]}
    (claim,) = line["claims"]
    assert claim["id"] == setup["claim"] and claim["outcome"] == "changed"
    assert claim["old_text"] == pages.FIGURE_A and claim["new_text"] == pages.FIGURE_B
    assert 0 < claim["confidence"] <= 1

    code, lines = run(capsys, str(setup["session"]), "--format", "json", "--db", setup["db"])
    assert code == 0 and lines[0]["status"] == "unchanged" and lines[0]["claims"] == []


def test_a_failed_article_makes_exit_1_and_the_rest_is_still_checked(setup, capsys):
    db = open_database(setup["db"])
    removed = articles.add_article(db, setup["session"], load_source(setup["server"].url_for("/belarus")))
    with db.session() as session:
        from workbench.storage.models import Article

        session.get(Article, removed.id).source = setup["server"].url_for("/removed")
    db.close()
    setup["state"]["body"] = pages.VERSION_B

    code, lines = run(capsys, "Border watch", "--format", "json", "--db", setup["db"])

    assert code == 1
    assert [(x["article"], x["status"]) for x in lines] == [(setup["article"], "changed"), (removed.id, "failed")]
    assert "410" in lines[1]["error"]

    code, lines = run(capsys, "Border watch", "--article", str(setup["article"]), "--format", "json",
                      "--db", setup["db"])
    assert code == 0 and [x["article"] for x in lines] == [setup["article"]]


def test_text_format_and_unknown_names(setup, capsys):
    setup["state"]["body"] = pages.VERSION_B
    assert main(["recheck", "Border watch", "--db", setup["db"]]) == 0
    out = capsys.readouterr().out
    assert f"article {setup['article']}: changed" in out and "CHANGED" in out and "95,000" in out

    assert main(["recheck", "No such session", "--db", setup["db"]]) == 2
    assert "no session" in capsys.readouterr().err
    assert main(["recheck", "Border watch", "--article", "999", "--db", setup["db"]]) == 2
    assert "no article 999" in capsys.readouterr().err
