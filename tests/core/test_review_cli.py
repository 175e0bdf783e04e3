"""`workbench assign`, `workbench review` and `workbench reopen`: what they print and store, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import make_article
from workbench.cli import main
from workbench.services.importing import store_extracted
from workbench.storage import articles, claims, sessions
from workbench.storage.database import open_database


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int, int]:
    monkeypatch.setenv("WORKBENCH_REVIEWER", "ana")
    monkeypatch.delenv("WORKBENCH_EDITORS", raising=False)
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    session = sessions.create_session(db, "Desk")
    article = store_extracted(db, session.id, make_article(), by="detector").article
    claim_id = claims.list_claims(db, article_id=article.id)[0].id
    db.close()
    return str(path), article.id, claim_id


def _stored(path: str, claim_id: int):
    db = open_database(path)
    try:
        return claims.get_claim(db, claim_id)
    finally:
        db.close()


def test_assign_a_claim_and_an_article(desk, capsys):
    path, article_id, claim_id = desk
    assert main(["--db", path, "assign", str(claim_id), "bo"]) == 0
    assert capsys.readouterr().out == f"claim {claim_id}: assigned to bo\n"
    claim = _stored(path, claim_id)
    assert claim.assignee == "bo" and claim.updated_by == "ana"
    assert main(["--db", path, "assign", "--article", str(article_id), "cy"]) == 0
    assert capsys.readouterr().out == f"article {article_id}: assigned to cy\n"
    db = open_database(path)
    assert articles.get_article(db, article_id).assignee == "cy"
    db.close()


def test_review_approve_locks_the_verdict_and_reopen_unlocks_it(desk, capsys):
    path, _article, claim_id = desk
    assert main(["--db", path, "review", str(claim_id), "--state", "needs-second-check"]) == 0
    assert capsys.readouterr().out == f"claim {claim_id}: needs second check\n"
    assert main(["--db", path, "review", str(claim_id), "--state", "approved"]) == 0
    capsys.readouterr()
    assert main(["--db", path, "verdict", "Desk", str(claim_id), "false"]) == 2
    err = capsys.readouterr().err
    assert f"Claim {claim_id} is approved" in err and f"workbench reopen {claim_id}" in err
    assert _stored(path, claim_id).verdict is None
    assert main(["--db", path, "reopen", str(claim_id)]) == 0
    assert capsys.readouterr().out == f"claim {claim_id}: reopened, in progress\n"
    assert main(["--db", path, "verdict", "Desk", str(claim_id), "false"]) == 0
    assert _stored(path, claim_id).verdict == "false"


def test_reopen_by_someone_not_listed_as_editor_is_refused(desk, capsys, monkeypatch):
    path, _article, claim_id = desk
    main(["--db", path, "review", str(claim_id), "--state", "approved"])
    monkeypatch.setenv("WORKBENCH_EDITORS", "ed")
    assert main(["--db", path, "reopen", str(claim_id)]) == 2
    assert "ana may not reopen" in capsys.readouterr().err
    assert _stored(path, claim_id).review_state == "approved"


def test_a_claim_that_does_not_exist_is_named(desk, capsys):
    path, _article, _claim = desk
    assert main(["--db", path, "assign", "9999", "bo"]) == 2
    assert "9999" in capsys.readouterr().err


def test_an_unknown_state_is_refused_by_the_parser(desk, capsys):
    path, _article, claim_id = desk
    with pytest.raises(SystemExit):
        main(["--db", path, "review", str(claim_id), "--state", "done"])
    assert "needs-second-check" in capsys.readouterr().err
