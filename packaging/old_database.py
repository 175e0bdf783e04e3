"""A database as the first release wrote it, for the bundle's upgrade check:
``python packaging/old_database.py PATH`` (run with the development install; make bundle-test does).

The schema is brought to the oldest migration only, and one review is stored
in it the way that version stored it; packaging/smoke_test.py then opens it
with the bundle, which must upgrade it and leave a backup of the old file.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from workbench.storage.migrate import alembic_config


def write_old_database(path: Path) -> str:
    config = alembic_config()
    oldest = list(ScriptDirectory.from_config(config).walk_revisions())[-1].revision
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, oldest)
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO review_session (id, title, reviewer, notes, ui_state, scale, created_at, updated_at)"
            " VALUES (1, 'Review from the first release', 'ana', '', '{}', 'default',"
            " '2025-01-01 10:00:00', '2025-01-01 10:00:00')"
        )
        raw.execute(
            "INSERT INTO article (id, session_id, position, source, created_at, updated_at)"
            " VALUES (1, 1, 0, 'old.txt', '2025-01-01 10:00:00', '2025-01-01 10:00:00')"
        )
        raw.execute(
            "INSERT INTO article_version (id, article_id, number, authors, text, structure, raw_zlib,"
            " raw_sha256, fetched_at, extractor) VALUES (1, 1, 1, '[]', 'Some 40 tanks moved.', '[]',"
            " x'', '', '2025-01-01 10:00:00', 'test')"
        )
        raw.execute(
            "INSERT INTO claim (id, article_id, article_version_id, kind, start, \"end\", text, prefix,"
            " suffix, wording, origin, status, verdict, rationale, tags, created_by, updated_by, version,"
            " created_at, updated_at) VALUES (1, 1, 1, 'figure', 0, 14, 'Some 40 tanks', '', ' moved.',"
            " '', 'detected', 'accepted', 'true', 'Seen on video', '[]', 'ana', 'ana', 2,"
            " '2025-01-01 10:00:00', '2025-01-01 10:00:00')"
        )
    raw.close()
    return oldest


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    target = Path(sys.argv[1])
    target.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    print(f"{target}: schema {write_old_database(target)}")
