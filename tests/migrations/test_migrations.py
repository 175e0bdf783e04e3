"""Migrations: one chain, the same schema as the models, and upgrades that keep data."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from workbench.domain.errors import DatabaseReadOnlyError
from workbench.services.database import open_database
from workbench.storage import claims, sessions, sources
from workbench.storage.migrate import alembic_config, current_revision, head_revision
from workbench.storage.models import Base
from workbench.storage.schema_head import HEAD_REVISION

# One review as the first release stored it (shared with the bundle's upgrade check).
FIRST_RELEASE_REVIEW = Path(__file__).resolve().parents[2] / "db" / "first_release_review.sql"


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def test_revisions_form_one_chain_with_date_first_names():
    script = _script()
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert [r.down_revision for r in revisions][-1] is None
    for revision in revisions:
        assert Path(revision.path).name[:10].replace("_", "").isdigit(), revision.path


def test_the_head_known_without_alembic_is_alembic_s_head():
    # A new migration must update storage/schema_head.py, or every open would migrate again.
    assert HEAD_REVISION == head_revision()


def test_opening_a_current_database_does_not_load_alembic(tmp_path):
    open_database(tmp_path / "review.sqlite").close()
    probe = (
        "import sys; from workbench.services.database import open_database; "
        f"open_database({str(tmp_path / 'review.sqlite')!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_upgrade_from_empty_matches_the_models(any_db):
    assert current_revision(any_db) == head_revision()
    with any_db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def _upgrade_file_to(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _previous_revisions() -> list[str]:
    head = head_revision()
    return [r.revision for r in _script().walk_revisions() if r.revision != head]


@pytest.mark.parametrize("revision", _previous_revisions())
def test_database_of_a_previous_version_is_backed_up_and_upgraded(tmp_path, revision):
    path = tmp_path / "old.sqlite"
    _upgrade_file_to(path, revision)
    # A review made with that version, written as that version's schema had it.
    with sqlite3.connect(path) as raw:
        raw.executescript(FIRST_RELEASE_REVIEW.read_text(encoding="utf-8"))
    db = open_database(path)
    try:
        assert current_revision(db) == head_revision()
        backups = list(tmp_path.glob(f"old.sqlite.{revision}.*.bak"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as raw:  # the backup is the old file, untouched
            assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        [claim] = claims.list_claims(db, session_id=1)
        assert (claim.text, claim.verdict, claim.rationale) == ("Some 40 tanks", "true", "Seen on video")
        with db.engine.connect() as connection:  # the old claim is in the claim memory too
            keys = connection.exec_driver_sql("SELECT key FROM claim_key WHERE claim_id = 1").all()
        assert keys, "claims from before the memory existed were not indexed"
        assert sessions.find_session(db, "Review from the first release").article_count == 1
    finally:
        db.close()


def test_new_database_is_not_backed_up(tmp_path):
    open_database(tmp_path / "new.sqlite").close()
    assert list(tmp_path.glob("*.bak")) == []


def test_read_only_database_of_a_previous_version_is_refused_untouched(tmp_path):
    path = tmp_path / "old.sqlite"
    _upgrade_file_to(path, _previous_revisions()[0])
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    path.chmod(0o444)
    if os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root and this file system cannot make a file immutable")
    try:
        with pytest.raises(DatabaseReadOnlyError) as caught:
            open_database(path)
        assert "older version" in caught.value.message and str(path) in caught.value.message
        assert "writable" in caught.value.hint
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
        path.chmod(0o644)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert list(tmp_path.glob("*.bak")) == []


def test_sources_stored_twice_before_0011_are_merged_keeping_every_claims_link(tmp_path):
    """Two reviewers pasting one link at once used to make two source rows; the
    upgrade keeps the oldest and moves the other's links to it (once per claim)."""
    path = tmp_path / "team.sqlite"
    _upgrade_file_to(path, "0003")
    when = "'2025-01-01 10:00:00'"
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO review_session (id, title, reviewer, notes, ui_state, scale, created_at, updated_at)"
                    f" VALUES (1, 'Desk', 'ana', '', '{{}}', 'default', {when}, {when})")
        raw.execute(f"INSERT INTO article (id, session_id, position, source, created_at, updated_at) VALUES (1, 1, 0, 'a.txt', {when}, {when})")
        raw.execute("INSERT INTO article_version (id, article_id, number, authors, text, structure, raw_zlib, raw_sha256,"
                    f" fetched_at, extractor) VALUES (1, 1, 1, '[]', 'Some 40 tanks moved.', '[]', x'', '', {when}, 'test')")
        for claim_id in (1, 2):
            raw.execute("INSERT INTO claim (id, article_id, article_version_id, kind, start, \"end\", text, prefix, suffix,"
                        " wording, origin, status, rationale, tags, created_by, updated_by, version, created_at, updated_at)"
                        f" VALUES ({claim_id}, 1, 1, 'figure', 0, 14, 'Some 40 tanks', '', '', '', 'detected', 'proposed',"
                        f" '', '[]', 'ana', 'ana', 1, {when}, {when})")
        for source_id in (1, 2, 3):
            url = "https://other.example" if source_id == 3 else "https://mod.example/tanks"
            raw.execute("INSERT INTO source (id, session_id, url, title, publisher, accessed_at)"
                        f" VALUES ({source_id}, 1, '{url}', 'copy {source_id}', '', {when})")
        # Claim 1 cites both copies, claim 2 only the second.
        for evidence_id, claim_id, source_id in ((1, 1, 1), (2, 1, 2), (3, 2, 2), (4, 2, 3)):
            raw.execute("INSERT INTO evidence (id, claim_id, source_id, stance, passage, created_by, created_at)"
                        f" VALUES ({evidence_id}, {claim_id}, {source_id}, 'supports', '', 'ana', {when})")
    db = open_database(path)
    try:
        assert [(s.id, s.url) for s in sources.list_sources(db, 1)] == [
            (1, "https://mod.example/tanks"), (3, "https://other.example")]
        assert [e.source.id for e in sources.list_evidence(db, 1)] == [1]
        assert sorted(e.source.id for e in sources.list_evidence(db, 2)) == [1, 3]
        assert sources.add_source(db, 1, "https://mod.example/tanks").id == 1
    finally:
        db.close()
