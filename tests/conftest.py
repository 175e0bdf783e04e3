"""Shared fixtures: databases on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pg_server
from workbench.storage.database import Database, open_database

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

_db_names = itertools.count(1)


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[pg_server.Server]:
    try:
        server = pg_server.start()
    except RuntimeError as error:
        if _on_ci():
            pytest.fail(f"PostgreSQL is required on CI: {error}")
        pytest.skip(f"no PostgreSQL server for these tests: {error}")
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: pg_server.Server) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    from pytest_postgresql.janitor import DatabaseJanitor

    name = f"wb_{os.getpid()}_{next(_db_names)}"
    janitor = DatabaseJanitor(
        user=postgres_server.user,
        host=postgres_server.host,
        port=postgres_server.port,
        dbname=name,
    )
    janitor.init()
    try:
        yield (
            f"postgresql+psycopg://{postgres_server.user}@{postgres_server.host}:"
            f"{postgres_server.port}/{name}"
        )
    finally:
        janitor.drop()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "review.sqlite")
    yield db
    db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        db = open_database(tmp_path / "review.sqlite")
    else:
        db = open_database(request.getfixturevalue("postgres_url"))
    yield db
    db.close()


@pytest.fixture
def shared_dir() -> Path:
    """../shared (development data); tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
