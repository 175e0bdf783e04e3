"""Hostile session files: each is refused with its problem named, and nothing is written.

Every case starts from a real export, changes one thing, and imports the
result through the file reader as `workbench import-session` does.
"""

from __future__ import annotations

import base64
import copy
import io
import json
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tests.export_session import build_review
from workbench.cli import main
from workbench.domain.errors import SessionFileError
from workbench.export import json_import
from workbench.export.json_export import session_document, write_session_json
from workbench.export.run import TEXT_FORMATS, ExportOptions, export
from workbench.memory import indexing
from workbench.services.export import import_session_file
from workbench.storage.database import Database, open_database
from workbench.storage.models import Base


def row_counts(db: Database) -> dict[str, int]:
    """Rows in every table, claim memory included."""
    with db.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def document(sqlite_db: Database) -> dict[str, Any]:
    review = build_review(sqlite_db)
    return session_document(sqlite_db, review.session_id)


def refused(db: Database, data: dict[str, Any] | str | bytes) -> str:
    """Import ``data`` as a file; the refusal's message, after checking nothing changed."""
    before = row_counts(db)
    if isinstance(data, dict):
        data = json.dumps(data)
    file = io.BytesIO(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    with pytest.raises(SessionFileError) as caught:
        import_session_file(db, file)
    assert "nothing was imported" in caught.value.hint
    assert row_counts(db) == before
    return caught.value.message


def changed(document: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of the document with one field set, by a path like ``articles.0.claims.1.start``."""
    result = copy.deepcopy(document)
    *parents, last = path.split(".")
    target: Any = result
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return result


def test_a_valid_export_still_imports(sqlite_db, document):
    before = row_counts(sqlite_db)
    out = io.StringIO()
    write_session_json(out, sqlite_db, document["session"]["id"])
    imported = import_session_file(sqlite_db, io.BytesIO(out.getvalue().encode("utf-8")))
    assert (imported.article_count, imported.claim_count) == (2, 5)
    after = row_counts(sqlite_db)
    assert (
        after["claim"] == before["claim"] + 5
        and after["review_session"] == before["review_session"] + 1
    )
    assert after["claim_token"] > before["claim_token"]  # the claims are in claim memory too


def test_nesting_100k_deep_is_refused_without_a_traceback(sqlite_db, document):
    text = json.dumps(document)
    deep = text.replace(
        '"ui_state": {', '"ui_state": {"deep": ' + "[" * 100_000 + "]" * 100_000 + ", ", 1
    )
    assert "nested more than 64 levels" in refused(sqlite_db, deep)


def test_nesting_deeper_than_64_in_a_value_is_named(sqlite_db, document):
    value: Any = 1
    for _ in range(100):
        value = [value]
    message = refused(sqlite_db, changed(document, "articles.0.claims.0.value", value))
    assert "articles[0].claims[0].value" in message and "nested more than 64 levels" in message


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("articles.0.claims.2.start", "articles[0].claims[2].start is 9223372036854775808"),
        ("articles.1.position", "articles[1].position is 9223372036854775808"),
        (
            "articles.0.versions.0.http_status",
            "articles[0].versions[0].http_status is 9223372036854775808",
        ),
    ],
)
def test_integers_beyond_64_bits_are_named(sqlite_db, document, path, named):
    assert named in refused(sqlite_db, changed(document, path, 2**63))


def test_negative_offsets_are_named(sqlite_db, document):
    message = refused(sqlite_db, changed(document, "articles.0.claims.0.start", -5))
    assert "articles[0].claims[0].start is -5" in message


def test_a_number_of_thousands_of_digits_is_refused(sqlite_db, document):
    text = json.dumps(changed(document, "articles.0.claims.0.start", 0)).replace(
        '"start": 0', '"start": ' + "9" * 5000, 1
    )
    assert "a number with thousands of digits" in refused(sqlite_db, text)


def test_two_versions_with_the_same_number_are_named(sqlite_db, document):
    second = copy.deepcopy(document["articles"][0]["versions"][0])
    second["id"] = 9999
    broken = copy.deepcopy(document)
    broken["articles"][0]["versions"].append(second)
    assert "articles[0].versions[1].number 1 is used by another version" in refused(
        sqlite_db, broken
    )


def test_a_lone_surrogate_in_a_title_is_named(sqlite_db, document):
    message = refused(
        sqlite_db, changed(document, "articles.0.versions.0.title", "Troops \ud800 moved")
    )
    assert "articles[0].versions[0].title contains a lone surrogate" in message


def test_a_lone_surrogate_in_free_form_json_is_named(sqlite_db, document):
    message = refused(sqlite_db, changed(document, "session.ui_state", {"filter": "\udc00"}))
    assert "session.ui_state.filter contains a lone surrogate" in message


def test_offsets_beyond_the_text_are_named(sqlite_db, document):
    length = len(document["articles"][1]["versions"][0]["text"])
    message = refused(sqlite_db, changed(document, "articles.1.claims.0.end", length + 10))
    assert (
        f"articles[1].claims[0].end is {length + 10}, beyond the end of the version's text"
        in message
    )


def test_claim_text_that_does_not_match_the_article_is_named(sqlite_db, document):
    message = refused(
        sqlite_db, changed(document, "articles.0.claims.0.text", "About 99,000 troops")
    )
    assert "articles[0].claims[0].text does not match the article's text" in message


@pytest.mark.parametrize(
    ("path", "copied_from", "named"),
    [
        ("articles.0.claims.1.id", ("articles", 0, "claims", 0), "articles[0].claims[1].id"),
        ("sources.1.id", ("sources", 0), "sources[1].id"),
        ("articles.1.id", ("articles", 0), "articles[1].id"),
    ],
)
def test_duplicate_ids_are_named(sqlite_db, document, path, copied_from, named):
    original: Any = document
    for key in copied_from:
        original = original[key]
    message = refused(sqlite_db, changed(document, path, original["id"]))
    assert f"{named} {original['id']} is used by another" in message


def test_a_verdict_not_on_the_scale_is_named(sqlite_db, document):
    message = refused(sqlite_db, changed(document, "articles.0.claims.0.verdict", "pants-on-fire"))
    assert "articles[0].claims[0].verdict 'pants-on-fire' is not on the session's scale" in message


def test_bytes_that_are_not_zlib_are_named(sqlite_db, document):
    not_zlib = base64.b64encode(b"<html>plain bytes</html>").decode("ascii")
    message = refused(sqlite_db, changed(document, "articles.0.versions.0.raw_zlib", not_zlib))
    assert "articles[0].versions[0].raw_zlib is not zlib-compressed data" in message


def test_a_zlib_bomb_is_refused_without_unpacking_it(sqlite_db, document):
    bomb = base64.b64encode(zlib.compress(bytes(40 * 1024 * 1024), 9)).decode("ascii")
    message = refused(sqlite_db, changed(document, "articles.0.versions.0.raw_zlib", bomb))
    assert "articles[0].versions[0].raw_zlib unpacks to more than 32 MB" in message


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_scores_that_are_not_finite_are_named(sqlite_db, document, literal):
    text = json.dumps(changed(document, "articles.0.claims.0.score", 0.5)).replace(
        '"score": 0.5', f'"score": {literal}', 1
    )
    assert "articles[0].claims[0].score is" in (message := refused(sqlite_db, text))
    assert "not a finite number" in message


def test_a_structure_block_with_a_text_start_is_named(sqlite_db, document):
    message = refused(
        sqlite_db,
        changed(
            document,
            "articles.0.versions.0.structure",
            [{"kind": "paragraph", "start": "x", "end": 5}],
        ),
    )
    assert "articles[0].versions[0].structure[0].start should be a whole number" in message


def test_a_structure_block_beyond_the_text_is_named(sqlite_db, document):
    length = len(document["articles"][1]["versions"][0]["text"])
    blocks = [{"kind": "paragraph", "start": 0, "end": length + 1}]
    message = refused(sqlite_db, changed(document, "articles.1.versions.0.structure", blocks))
    assert (
        "articles[1].versions[0].structure[0] spans" in message
        and "outside the version's text" in message
    )


def test_text_longer_than_its_column_is_refused_where_the_database_enforces_widths(any_db):
    document = session_document(any_db, build_review(any_db).session_id)
    long_unit = json.dumps(changed(document, "articles.0.claims.0.unit", "u" * 81))
    if any_db.engine.dialect.name == "sqlite":
        # SQLite keeps any length, so a file exported from SQLite imports into it whole.
        assert import_session_file(any_db, io.StringIO(long_unit)).claim_count == 5
    else:
        # PostgreSQL would refuse the row half-way through the write.
        message = refused(any_db, long_unit)
        assert "articles[0].claims[0].unit is 81 characters long; at most 80" in message


def test_a_nul_character_is_refused_where_the_database_cannot_store_it(any_db):
    document = session_document(any_db, build_review(any_db).session_id)
    with_nul = json.dumps(changed(document, "articles.0.versions.0.title", "Troops\x00moved"))
    if any_db.engine.dialect.name == "sqlite":
        assert import_session_file(any_db, io.StringIO(with_nul)).claim_count == 5
    else:
        message = refused(any_db, with_nul)
        assert "articles[0].versions[0].title contains a NUL character" in message


def test_at_most_five_problems_are_named(sqlite_db, document):
    broken = copy.deepcopy(document)
    for claim in broken["articles"][0]["claims"]:
        claim["start"] = "x"
    broken["articles"][1]["claims"][0]["verdict"] = "maybe"
    broken["sources"][0]["url"] = 7
    message = refused(sqlite_db, broken)
    assert message.startswith("The session file is damaged; the first 5 problems:")
    assert message.count("\n  - ") == 5
    assert "sources[0].url should be text, not the number 7" in message


def test_a_file_over_the_size_cap_is_refused_before_it_is_read_whole(
    sqlite_db, document, monkeypatch
):
    monkeypatch.setattr(json_import, "MAX_FILE_BYTES", 1000)

    class Endless(io.RawIOBase):
        """A stream with no end, like /dev/zero; reading it all would fill memory."""

        def readinto(self, buffer: Any) -> int:
            buffer[:] = b" " * len(buffer)
            return len(buffer)

        def readable(self) -> bool:
            return True

    with pytest.raises(SessionFileError, match="larger than 1000 bytes"):
        import_session_file(sqlite_db, Endless())
    assert "larger than" in refused(sqlite_db, json.dumps(document))


def test_the_command_prints_the_problem_and_exits_non_zero(tmp_path: Path, capsys):
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    try:
        review = build_review(db)
        document = session_document(db, review.session_id)
        before = row_counts(db)
    finally:
        db.close()
    hostile = tmp_path / "hostile.json"
    hostile.write_text(
        json.dumps(changed(document, "articles.0.claims.3.start", 2**63)), encoding="utf-8"
    )
    assert main(["import-session", str(hostile), "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "articles[0].claims[3].start is 9223372036854775808" in err and "Traceback" not in err
    db = open_database(path)
    try:
        assert row_counts(db) == before
    finally:
        db.close()


@pytest.mark.parametrize("value", [{"low": 1}, [1, {"x": 2}], 10**400, [1, 2**63]])
def test_a_claim_value_claim_memory_cannot_read_is_named(sqlite_db, document, value):
    message = refused(sqlite_db, changed(document, "articles.0.claims.0.value", value))
    assert "articles[0].claims[0].value" in message


def test_a_failure_during_the_write_leaves_nothing_behind(sqlite_db, document, monkeypatch):
    """The write is one transaction: sessions, articles and claims already inserted go too."""

    def disk_trouble(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("disk I/O error")

    before = row_counts(sqlite_db)
    monkeypatch.setattr(indexing, "write_index", disk_trouble)
    with pytest.raises(OSError):
        import_session_file(sqlite_db, io.StringIO(json.dumps(document)))
    assert row_counts(sqlite_db) == before


def test_a_new_title_with_a_broken_character_is_refused(tmp_path: Path, capsys):
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    try:
        document = session_document(db, build_review(db).session_id)
        before = row_counts(db)
    finally:
        db.close()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(document), encoding="utf-8")
    # A title made of bytes that are not UTF-8 reaches Python as a lone surrogate.
    assert main(["import-session", str(good), "--db", str(path), "--title", "Desk \udcff"]) == 2
    assert "The new title contains a lone surrogate" in capsys.readouterr().err
    db = open_database(path)
    try:
        assert row_counts(db) == before
    finally:
        db.close()


def test_a_part_of_countless_tiny_values_is_refused_as_it_is_read(
    sqlite_db, document, monkeypatch
):
    # 64 MB of "[]," would take 1.5 GB once parsed; scaled down here (and read part by part).
    monkeypatch.setattr(json_import, "WHOLE_FILE_BYTES", 0)
    monkeypatch.setattr(json_import, "MAX_PART_VALUES", 2000)
    padded = {**document, "padding": [[]] * 3000}
    assert "holds more than 2,000 values" in refused(sqlite_db, padded)
    # Commas and brackets inside texts are not values: a text full of them imports.
    wordy = {**document, "generator": "[{,}]" * 3000}
    imported = import_session_file(sqlite_db, io.StringIO(json.dumps(wordy)))
    assert imported.claim_count == 5


# --- any field set to any value: imported, or refused by name, never a traceback ---

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(codec=None, categories=None), max_size=20)
    | st.sampled_from(["", "x", "\ud800", "2024-01-01", "2024-01-01T00:00:00+00:00", "default"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the document, the root's own keys included (not the header)."""
    found = [path] if path and path[0] not in ("format", "version") else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*path, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found += paths(value, (*path, n))
    return found


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_field_set_to_any_value_is_imported_or_refused(sqlite_db, document, data):
    path = data.draw(st.sampled_from(paths(document)))
    value = data.draw(VALUES)
    mutant = copy.deepcopy(document)
    target: Any = mutant
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    before = row_counts(sqlite_db)
    text = json.dumps(mutant)  # NaN and Infinity become the literals a hostile file would hold
    try:
        imported = import_session_file(sqlite_db, io.BytesIO(text.encode("utf-8", "surrogatepass")))
    except SessionFileError as refusal:
        assert "nothing was imported" in refusal.hint
        assert row_counts(sqlite_db) == before
        return
    # What was let in exports again, as strict JSON (no NaN or Infinity).
    for form in TEXT_FORMATS:
        out = io.StringIO()
        export(sqlite_db, imported.id, ExportOptions(form), out)
        if form == "json":
            json.loads(out.getvalue(), parse_constant=_not_json)


def _not_json(literal: str) -> None:
    raise AssertionError(f"the export holds {literal}, which is not JSON")
