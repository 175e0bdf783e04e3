"""Edits still waiting for the server when the window closes are kept in a file, and read back whole.

The file must hold every kind of edit the window can queue, and reading it
must never run code or take a damaged file for edits.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.factories import make_article
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits, evidence_edits, kept_edits, review_edits
from workbench.services.article_edits import RemoveArticle
from workbench.services.edits import Compound, apply
from workbench.services.importing import store_extracted
from workbench.storage import claims, sessions
from workbench.storage.database import Database

BY = "ana"


def _queue_of_every_kind(db: Database) -> list:
    session = sessions.create_session(db, "Review", reviewer=BY)
    article = store_extracted(db, session.id, make_article(), by="detector").article
    first, second, *_ = claims.list_claims(db, session_id=session.id)
    attached = apply(db, evidence_edits.AttachSource(session.id, first.id, "https://example.org/a", "A", "Pub",
                                                     "supports", "90,000 troops"), by=BY)
    deleted = apply(db, claim_edits.DeleteClaim(second.id, expected_version=second.version), by=BY)
    removed = apply(db, RemoveArticle(article.id), by=BY)
    return [
        claim_edits.EditClaim(first.id, {"verdict": "false", "value": [1, 2.5]}, expected_version=first.version,
                              note="typed", expected_values={"verdict": None}),
        claim_edits.AddClaim(article.id, ClaimDraft(kind="figure", start=0, end=4, value=4, tags=["x"]), "manual"),
        deleted.inverse,  # a RestoreClaim: a whole claim record with dates, and its links
        attached.inverse,
        review_edits.SetReviewState(first.id, "approved", expected_version=3, note="", expected_value=""),
        Compound((claim_edits.EditClaim(first.id, {"rationale": "Ministry"}, expected_version=4),
                  review_edits.AssignClaim(first.id, "bo", expected_version=4, expected_value=""))),
        removed.inverse,  # a RestoreArticle: every row of an article, as stored
    ]


def test_every_kind_of_queued_edit_comes_back_equal(sqlite_db: Database, tmp_path: Path):
    queue = _queue_of_every_kind(sqlite_db)
    path = kept_edits.path_for(sqlite_db, BY, base=tmp_path)
    kept_edits.keep(path, queue, sqlite_db.location)
    assert kept_edits.read(path) == queue
    kept_edits.keep(path, [], sqlite_db.location)  # the queue emptied: nothing is kept
    assert not path.exists() and kept_edits.read(path) == []


def test_each_reviewer_and_database_has_its_own_file(sqlite_db: Database, tmp_path: Path):
    assert kept_edits.path_for(sqlite_db, "ana", base=tmp_path) != kept_edits.path_for(sqlite_db, "bo", base=tmp_path)


def _written(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "kept.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("document, why", [
    ({"format": 1, "edits": [{"$type": "os.system", "fields": {"command": "touch owned"}}]}, "not an edit"),
    ({"format": 1, "edits": [{"$type": "builtins.dict", "fields": {}}]}, "not an edit"),
    ({"format": 2, "edits": []}, "another format"),
    ({"format": 1, "edits": [{"$type": "workbench.services.claim_edits.EditClaim", "fields": {"nope": 1}}]},
     "nope"),
    ([1, 2, 3], "another format"),
])
def test_a_hostile_or_newer_file_is_refused_and_moved_aside_never_run(tmp_path: Path, document, why):  # noqa: ANN001
    path = _written(tmp_path, document)
    with pytest.raises(kept_edits.KeptEditsError) as raised:
        kept_edits.read(path)
    assert why in raised.value.message and "moved to" in raised.value.hint
    assert not path.exists() and path.with_suffix(".unreadable").exists()  # set aside, not deleted
    assert not (Path.cwd() / "owned").exists()


def test_a_damaged_file_is_refused(tmp_path: Path):
    path = tmp_path / "kept.json"
    path.write_text('{"format": 1, "edits": [', encoding="utf-8")
    with pytest.raises(kept_edits.KeptEditsError):
        kept_edits.read(path)
    assert path.with_suffix(".unreadable").exists()


def test_a_queue_that_cannot_be_written_leaves_the_kept_file_whole(tmp_path: Path):
    path = tmp_path / "kept" / "kept.json"
    good = [claim_edits.EditClaim(1, {"verdict": "true"}, expected_version=1)]
    kept_edits.keep(path, good, "db")
    with pytest.raises(TypeError):
        kept_edits.keep(path, [claim_edits.EditClaim(1, {"verdict": object()}, expected_version=1)], "db")
    assert kept_edits.read(path) == good and [p.name for p in path.parent.iterdir()] == ["kept.json"]
