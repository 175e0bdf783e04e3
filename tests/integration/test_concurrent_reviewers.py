"""Two reviewers in two processes edit one session: no corruption, conflicts detected, none lost."""

from __future__ import annotations

import sqlite3

import pytest

from tests.factories import make_article
from tests.integration.test_crash_safety import _start_worker
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.storage import articles, claims, sessions
from workbench.storage.database import open_database

EDITS = 40


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "team.sqlite")
    return request.getfixturevalue("postgres_url")


def test_two_processes_editing_one_session(shared_url):
    db = open_database(shared_url)
    session = sessions.create_session(db, "Team review")
    article = articles.add_article(db, session.id, make_article())
    shared = claim_edits.add_claim(db, article.id, ClaimDraft("figure", 26, 45), by="lead")

    workers = {name: _start_worker(shared_url, article.id, name, EDITS, shared.id) for name in ("ana", "ben")}
    outputs = {}
    for name, worker in workers.items():
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        outputs[name] = out.split("\n")

    saved = {int(line.split()[1]) for out in outputs.values() for line in out if line.startswith("saved")}
    verdicts = sum(line.startswith("verdict") for out in outputs.values() for line in out)
    conflicts = sum(line == "conflict" for out in outputs.values() for line in out)
    assert len(saved) == 2 * EDITS
    assert verdicts + conflicts + sum(line == "locked" for out in outputs.values() for line in out) == 2 * EDITS

    stored = claims.list_claims(db, article_id=article.id)
    assert saved <= {c.id for c in stored}
    final = claims.get_claim(db, shared.id)
    verdict_changes = [h for h in claims.claim_history(db, shared.id) if h.field == "rationale"]
    # Every accepted edit is in the history; no refused edit slipped in.
    assert len(verdict_changes) == verdicts
    assert final.rationale == verdict_changes[-1].new
    assert final.version == 1 + verdicts
    if db.is_sqlite:
        with sqlite3.connect(shared_url) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
