"""A large session file is read part by part: the same session as reading it
whole, one transaction, and every refusal leaves the database as it was."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.core.test_session_import_hostile import changed, refused, row_counts
from tests.export_session import build_review
from workbench.cli import main
from workbench.domain.errors import SessionFileError
from workbench.export import json_import, session_parts_import
from workbench.export.json_export import session_document
from workbench.services.export import import_session_file
from workbench.storage.database import Database, open_database


@pytest.fixture
def document(any_db: Database) -> dict[str, Any]:
    review = build_review(any_db)
    return session_document(any_db, review.session_id)


@pytest.fixture
def in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as large; claims are written two at a time, so batches are crossed."""
    monkeypatch.setattr(json_import, "WHOLE_FILE_BYTES", 0)
    monkeypatch.setattr(session_parts_import, "CLAIM_BATCH", 2)


def without_ids(value: Any) -> Any:
    """A session document with what differs between two imports (ids, export time) left out."""
    if isinstance(value, dict):
        return {
            key: without_ids(item)
            for key, item in value.items()
            if not key.endswith("id") and key not in ("exported_at", "created_at", "updated_at")
        }
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def test_a_file_read_in_parts_makes_the_same_session_as_read_whole(any_db, document, monkeypatch):
    text = json.dumps(document).encode("utf-8")
    whole = import_session_file(any_db, io.BytesIO(text))
    monkeypatch.setattr(json_import, "WHOLE_FILE_BYTES", 0)
    monkeypatch.setattr(session_parts_import, "CLAIM_BATCH", 2)
    parts = import_session_file(any_db, io.BytesIO(text))
    assert (parts.article_count, parts.claim_count) == (whole.article_count, whole.claim_count) == (2, 5)
    read_whole = without_ids(session_document(any_db, whole.id))
    read_in_parts = without_ids(session_document(any_db, parts.id))
    assert read_in_parts == read_whole
    # Evidence still points at the right sources, and claim memory knows the new claims.
    assert read_in_parts["articles"][0]["claims"][0]["evidence"]


def test_a_problem_late_in_a_large_file_leaves_the_database_as_it_was(any_db, document, in_parts):
    # The first article and its claims are written before the second article's claim is read.
    late = changed(document, "articles.1.claims.0.text", "not the article's words")
    message = refused(any_db, late)
    assert "articles[1].claims[0].text does not match the article's text" in message


def test_up_to_five_problems_are_named_after_the_first(sqlite_db, in_parts):
    document = session_document(sqlite_db, build_review(sqlite_db).session_id)
    broken = changed(document, "sources.0.url", 7)
    for claim in broken["articles"][0]["claims"]:
        claim["start"] = "x"
    message = refused(sqlite_db, broken)
    assert message.startswith("The session file is damaged; the first 5 problems:")
    assert "sources[0].url should be text, not the number 7" in message
    assert "articles[0].claims[3].start" in message


def test_a_large_file_out_of_the_written_order_is_refused_saying_so(sqlite_db, in_parts):
    document = session_document(sqlite_db, build_review(sqlite_db).session_id)
    reordered = {key: document[key] for key in ("format", "version", "session", "articles", "sources")}
    assert "in the order the workbench writes it" in refused(sqlite_db, reordered)
    article = document["articles"][0]
    late_title = {**document, "articles": [{**{k: v for k, v in article.items() if k != "title"}, "title": "x"}]}
    assert "articles[0].title is out of that order" in refused(sqlite_db, late_title)


def test_not_a_session_export_is_refused_as_such(sqlite_db, in_parts):
    assert "not a workbench session export" in refused(sqlite_db, "[1, 2, 3]")
    assert "not a workbench session export" in refused(sqlite_db, {"session": {}})
    assert "newer than this workbench reads" in refused(sqlite_db, {"format": "factcheck-workbench-session", "version": 99})


def test_a_part_over_its_byte_cap_is_refused_as_it_is_read(sqlite_db, in_parts, monkeypatch):
    document = session_document(sqlite_db, build_review(sqlite_db).session_id)
    monkeypatch.setattr(json_import, "MAX_PART_BYTES", 20_000)
    long_rationale = changed(document, "articles.0.claims.1.rationale", "x" * 50_000)
    assert "larger than 20000 bytes" in refused(sqlite_db, long_rationale)


def test_an_endless_stream_is_refused_at_the_file_cap(sqlite_db, in_parts, monkeypatch):
    monkeypatch.setattr(json_import, "MAX_FILE_BYTES", 100_000)

    class Endless(io.RawIOBase):
        """An object that never closes: like /dev/zero behind a `{"format": ...`."""

        def __init__(self) -> None:
            self.first = True

        def readinto(self, buffer: Any) -> int:
            chunk = b'{"padding": [' if self.first else b"1," * (len(buffer) // 2)
            self.first = False
            buffer[: len(chunk)] = chunk
            return len(chunk)

        def readable(self) -> bool:
            return True

    before = row_counts(sqlite_db)
    with pytest.raises(SessionFileError, match="larger than 100000 bytes"):
        import_session_file(sqlite_db, Endless())
    assert row_counts(sqlite_db) == before


def test_a_value_nested_deep_is_named_and_refused(sqlite_db, in_parts):
    document = session_document(sqlite_db, build_review(sqlite_db).session_id)
    text = json.dumps(document)
    needle = '"value": 32000'
    assert needle in text
    deep = text.replace(needle, '"value": ' + "[" * 100_000 + "]" * 100_000, 1)
    assert "articles[0].claims[0].value" in refused(sqlite_db, deep)


def test_the_command_imports_a_large_file(tmp_path: Path, capsys, in_parts):
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    try:
        document = session_document(db, build_review(db).session_id)
    finally:
        db.close()
    exported = tmp_path / "desk.json"
    exported.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import-session", str(exported), "--db", str(path), "--title", "Moved"]) == 0
    out = capsys.readouterr().out
    assert "Imported 'Moved'" in out and "2 article(s), 5 claim(s)" in out
