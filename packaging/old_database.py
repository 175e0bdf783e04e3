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

# The rows, shared with the migration tests.
FIRST_RELEASE_REVIEW = Path(__file__).resolve().parents[1] / "db" / "first_release_review.sql"


def write_old_database(path: Path) -> str:
    config = alembic_config()
    oldest = list(ScriptDirectory.from_config(config).walk_revisions())[-1].revision
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, oldest)
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.executescript(FIRST_RELEASE_REVIEW.read_text(encoding="utf-8"))
    raw.close()
    return oldest


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    target = Path(sys.argv[1])
    target.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    print(f"{target}: schema {write_old_database(target)}")
