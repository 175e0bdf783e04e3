"""Session JSON: a lossless round trip between databases, and clear refusals of bad files."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.export_session import build_review
from workbench.domain.errors import SessionFileError
from workbench.export import session_schema as schema
from workbench.export.json_export import session_document, write_session_json
from workbench.memory.lookup import find_prior
from workbench.services.export import import_session, import_session_file
from workbench.storage import claims, sessions, sources
from workbench.storage.database import open_database
from workbench.storage.models import (
    Article,
    ArticleVersion,
    Claim,
    ClaimHistory,
    Evidence,
    ReviewSession,
    Source,
    SourceSnapshot,
)

# The references the format expresses by nesting or by id; every other column is a listed field.
REFERENCES = {"id", "session_id", "article_id", "article_version_id", "claim_id", "source_id"}


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The document with ids renumbered in order of appearance and the export moment dropped."""
    document = copy.deepcopy(document)
    document.pop("exported_at")
    numbering: dict[tuple[str, int], int] = {}

    def renumber(kind: str, value: int | None) -> int | None:
        if value is None:
            return None
        return numbering.setdefault((kind, value), len([k for k in numbering if k[0] == kind]) + 1)

    document["session"]["id"] = 0
    for source in document["sources"]:
        source["id"] = renumber("source", source["id"])
    for article in document["articles"]:
        article["id"] = renumber("article", article["id"])
        for version in article["versions"]:
            version["id"] = renumber("version", version["id"])
        for claim in article["claims"]:
            claim["id"] = renumber("claim", claim["id"])
            claim["article_version_id"] = renumber("version", claim["article_version_id"])
            for evidence in claim["evidence"]:
                evidence["source_id"] = renumber("source", evidence["source_id"])
    return document


def test_every_stored_column_is_in_the_format():
    for model, fields in (
        (ReviewSession, schema.SESSION), (Source, schema.SOURCE), (Article, schema.ARTICLE),
        (ArticleVersion, schema.ARTICLE_VERSION), (Claim, schema.CLAIM), (Evidence, schema.EVIDENCE),
        (ClaimHistory, schema.HISTORY), (SourceSnapshot, schema.SNAPSHOT),
    ):
        columns = {column.key for column in model.__table__.columns}
        left_out = schema.NOT_EXPORTED.get(model.__tablename__, set())
        assert columns - REFERENCES - left_out == set(fields), model.__name__


def test_round_trip_is_lossless(any_db, tmp_path: Path):
    review = build_review(any_db)
    # The session's own ui_state (window state is per reviewer now; the file keeps this field).
    with any_db.session() as orm:
        orm.get(ReviewSession, review.session_id).ui_state = {"article": review.article_id, "scroll": 120}
    out = io.StringIO()
    write_session_json(out, any_db, review.session_id)
    original = json.loads(out.getvalue())
    assert (original["format"], original["version"]) == ("factcheck-workbench-session", 1)
    assert original["session"]["ui_state"] == {"article": review.article_id, "scroll": 120}

    elsewhere = open_database(tmp_path / "elsewhere.sqlite")
    try:
        moved = import_session_file(elsewhere, io.BytesIO(out.getvalue().encode("utf-8")))
        assert (moved.article_count, moved.claim_count) == (2, 5)
        again = session_document(elsewhere, moved.id)
        # The history travels with the claim: edits and source links are all there.
        moved_claims = claims.list_claims(elsewhere, session_id=moved.id)
        troops = next(c for c in moved_claims if c.text == "About 32,000 troops")
        fields = [row.field for row in claims.claim_history(elsewhere, troops.id)]
        assert fields[:1] == ["created"] and {"verdict", "status", "rationale", "source"} <= set(fields)
        assert len(sources.list_evidence(elsewhere, troops.id)) == 2
    finally:
        elsewhere.close()
    # And into the same database (here also PostgreSQL) as a second session.
    copy_here = import_session(any_db, json.loads(out.getvalue()))
    assert copy_here.id != review.session_id
    here = session_document(any_db, copy_here.id)
    # Imported claims are in claim memory: the original finds its copy as reviewed elsewhere.
    matches = find_prior(any_db, review.troops)
    assert [m.session_id for m in matches if m.verdict == "false"] == [copy_here.id]

    assert comparable(again) == comparable(original)
    assert comparable(here) == comparable(original)


def test_import_can_rename(sqlite_db):
    review = build_review(sqlite_db)
    document = session_document(sqlite_db, review.session_id)
    imported = import_session(sqlite_db, document, title="Moved desk")
    assert imported.title == "Moved desk"


def _count(db) -> tuple[int, int]:
    listed = sessions.list_sessions(db)
    return len(listed), sum(s.claim_count for s in listed)


@pytest.fixture
def document(sqlite_db) -> dict[str, Any]:
    review = build_review(sqlite_db)
    return session_document(sqlite_db, review.session_id)


def test_a_cut_short_file_is_refused(sqlite_db, document):
    before = _count(sqlite_db)
    text = json.dumps(document)
    with pytest.raises(SessionFileError, match="not valid JSON .*line 1") as caught:
        import_session_file(sqlite_db, io.StringIO(text[: len(text) // 2]))
    assert "nothing was imported" in caught.value.hint
    with pytest.raises(SessionFileError, match="not a text"):
        import_session_file(sqlite_db, io.BytesIO(b"\x89PNG\r\n\x1a\n\xff\xfe\x00"))
    assert _count(sqlite_db) == before


def test_a_newer_format_is_refused(sqlite_db, document):
    before = _count(sqlite_db)
    document["version"] = 2
    with pytest.raises(SessionFileError, match="format version 2, newer than this workbench reads") as caught:
        import_session(sqlite_db, document)
    assert "Update the workbench" in caught.value.hint
    assert _count(sqlite_db) == before


@pytest.mark.parametrize(
    "data",
    [
        [{"@context": "https://schema.org", "@type": "ClaimReview"}],
        {"format": "something-else", "version": 1},
        {"session": {}, "articles": []},
        "just a string",
    ],
)
def test_other_json_is_refused(sqlite_db, data):
    with pytest.raises(SessionFileError, match="not a workbench session export"):
        import_session_file(sqlite_db, io.StringIO(json.dumps(data)))
    assert _count(sqlite_db) == (0, 0)


def test_a_damaged_part_is_named_and_nothing_is_stored(sqlite_db, document):
    before = _count(sqlite_db)
    broken = copy.deepcopy(document)
    broken["articles"][0]["claims"][1]["start"] = "twelve"
    with pytest.raises(SessionFileError, match=r"articles\[0\]\.claims\[1\]\.start should be a whole number"):
        import_session(sqlite_db, broken)
    broken = copy.deepcopy(document)
    broken["articles"][1]["claims"][0]["evidence"][0]["source_id"] = 999
    with pytest.raises(SessionFileError, match="source 999, which is not in the file"):
        import_session(sqlite_db, broken)
    broken = copy.deepcopy(document)
    broken["session"]["scale"] = "no-such-scale"
    with pytest.raises(SessionFileError, match="no-such-scale"):
        import_session(sqlite_db, broken)
    broken = copy.deepcopy(document)
    broken["articles"][0]["claims"][0]["created_at"] = "yesterday"
    with pytest.raises(SessionFileError, match="not a date and time"):
        import_session(sqlite_db, broken)
    assert _count(sqlite_db) == before


def test_a_file_with_one_link_stored_as_two_sources_imports_as_one(sqlite_db, document):
    """Files exported when two reviewers could store one link twice still import:
    one source, and one link on a claim that cited both copies."""
    first = document["sources"][0]
    twin = {**first, "id": max(s["id"] for s in document["sources"]) + 1}
    document["sources"].append(twin)
    claim = next(c for a in document["articles"] for c in a["claims"] if c["evidence"])
    cited = claim["evidence"][0]
    claim["evidence"] = [
        {**cited, "source_id": first["id"]},
        *(e for e in claim["evidence"] if e["source_id"] != first["id"]),
        {**cited, "source_id": twin["id"]},
    ]
    imported = import_session(sqlite_db, document, title="Old file")
    assert [s.url for s in sources.list_sources(sqlite_db, imported.id)].count(first["url"]) == 1
    moved = next(c for c in claims.list_claims(sqlite_db, session_id=imported.id) if c.text == claim["text"])
    assert [e.source.url for e in sources.list_evidence(sqlite_db, moved.id)].count(first["url"]) == 1
