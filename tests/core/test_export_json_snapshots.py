"""Session JSON carries each source's archived copies: bytes, text and errors come back whole."""

from __future__ import annotations

import copy
import hashlib
import io
import json
from datetime import UTC, datetime

import pytest

from tests.export_session import build_review
from workbench.domain.errors import SessionFileError
from workbench.domain.snapshots import ArchivedCopy
from workbench.export.json_export import session_document, write_session_json
from workbench.services.export import import_session, import_session_file
from workbench.storage import sources
from workbench.storage.database import open_database
from workbench.storage.sessions import list_sessions
from workbench.storage.snapshots import add_snapshot_in, list_snapshots, snapshot_bytes

PAGE = b"<p>The ministry counted 32,000 soldiers.</p>"


def archive_first_source(db, session_id):
    source = sources.list_sources(db, session_id)[0]
    with db.session() as orm:
        add_snapshot_in(orm, source.id, ArchivedCopy(
            source.url, datetime(2026, 1, 2, 3, 4, tzinfo=UTC), raw=PAGE, sha256=hashlib.sha256(PAGE).hexdigest(),
            http_status=200, content_type="text/html", final_url=source.url + "?x",
            text="The ministry counted 32,000 soldiers.", title="Troops", publisher="Ministry", published="2026-01-01",
        ), by="ana")
        add_snapshot_in(orm, source.id, ArchivedCopy(
            source.url, datetime(2026, 2, 2, tzinfo=UTC), http_status=404, error="HTTP 404 Not Found",
        ), by="bo")
    return source


def archived(db, session_id):
    source = next(s for s in sources.list_sources(db, session_id) if list_snapshots(db, s.id))
    return [(s.fetched_at, s.fetched_by, s.http_status, s.sha256, s.title, s.error, s.final_url,
             snapshot_bytes(db, s.id)) for s in list_snapshots(db, source.id)]


def test_snapshots_round_trip_whole_and_part_by_part(any_db, tmp_path):
    review = build_review(any_db)
    archive_first_source(any_db, review.session_id)
    before = archived(any_db, review.session_id)
    assert before[0][-1] == PAGE and before[1][-2:] == (None, b"")
    out = io.StringIO()
    write_session_json(out, any_db, review.session_id)

    copy_here = import_session(any_db, json.loads(out.getvalue()))
    assert archived(any_db, copy_here.id) == before
    elsewhere = open_database(tmp_path / "elsewhere.sqlite")
    try:
        moved = import_session_file(elsewhere, io.BytesIO(out.getvalue().encode("utf-8")))
        assert archived(elsewhere, moved.id) == before
    finally:
        elsewhere.close()


def test_a_file_from_before_snapshots_imports(sqlite_db):
    review = build_review(sqlite_db)
    document = session_document(sqlite_db, review.session_id)
    for source in document["sources"]:
        del source["snapshots"]
    for link in (link for a in document["articles"] for c in a["claims"] for link in c["evidence"]):
        del link["source_check"], link["passage_found"]
    imported = import_session(sqlite_db, document, title="Old file")
    assert len(sources.list_sources(sqlite_db, imported.id)) == len(document["sources"])


def test_altered_archived_bytes_are_refused_and_nothing_is_stored(sqlite_db):
    review = build_review(sqlite_db)
    archive_first_source(sqlite_db, review.session_id)
    document = session_document(sqlite_db, review.session_id)
    count = len(list_sessions(sqlite_db))
    broken = copy.deepcopy(document)
    broken["sources"][0]["snapshots"][0]["sha256"] = hashlib.sha256(b"other").hexdigest()
    with pytest.raises(SessionFileError, match=r"sources\[0\]\.snapshots\[0\]\.raw_zlib does not match sha256"):
        import_session(sqlite_db, broken)
    broken = copy.deepcopy(document)
    broken["sources"][0]["snapshots"] = {"not": "a list"}
    with pytest.raises(SessionFileError, match=r"sources\[0\]\.snapshots"):
        import_session(sqlite_db, broken)
    broken = copy.deepcopy(document)
    broken["sources"][0]["snapshots"][1]["http_status"] = 999
    with pytest.raises(SessionFileError, match="not an HTTP status"):
        import_session(sqlite_db, broken)
    assert len(list_sessions(sqlite_db)) == count
