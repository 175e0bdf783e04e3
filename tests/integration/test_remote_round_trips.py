"""What a read costs on a remote server, counted in round trips through a loopback proxy.

On a server 20 ms away every round trip is felt: start-up and the details of
each claim the reviewer stops on must not pay for transactions, pings or
schema checks they do not need.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

from tests.latency_proxy import LatencyProxy
from workbench.services import claim_ledger, claims_read
from workbench.services.demo import demo_text
from workbench.services.importing import import_text
from workbench.storage import server_ping, sessions
from workbench.storage import sources as source_store
from workbench.storage.database import Database, open_database


@pytest.fixture
def far(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Database, LatencyProxy, int]]:
    """A session with the demo article on a server reached through the proxy (no delay: trips are counted)."""
    # A loaded test machine may pause over a second between two reads: the
    # connection must still count as just used, not idle (that is tested below).
    monkeypatch.setattr(server_ping, "FRESH_S", 30.0)
    db = open_database(postgres_url)
    session = sessions.create_session(db, "Remote review", reviewer="tester")
    import_text(db, session.id, demo_text(), by="tester", source="demo")
    db.close()
    url = make_url(postgres_url)
    with LatencyProxy(url.host or "127.0.0.1", url.port or 5432, delay_ms=0) as proxy:
        remote = open_database(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
        yield remote, proxy, session.id
        remote.close()


def trips(proxy: LatencyProxy, read) -> tuple[int, object]:  # noqa: ANN001
    before = proxy.requests
    result = read()
    return proxy.requests - before, result


@pytest.mark.postgres
def test_a_list_read_costs_a_single_round_trip(far) -> None:  # noqa: ANN001
    db, proxy, session_id = far
    assert trips(proxy, lambda: sessions.session_ids(db))[0] == 1
    cost, claims = trips(proxy, lambda: claims_read.claims_of_session(db, session_id))
    assert cost == 1 and len(claims) > 10


@pytest.mark.postgres
def test_a_claims_details_come_in_one_round_trip_per_statement(far) -> None:  # noqa: ANN001
    db, proxy, session_id = far
    claim = claims_read.claims_of_session(db, session_id)[0]
    for url in ("https://a.example/1", "https://b.example/2"):
        source = source_store.add_source(db, session_id, url)
        source_store.attach_source(db, claim.id, source.id, by="tester")
    cost, (evidence, history, sources) = trips(proxy, lambda: claims_read.claim_details(db, claim.id, session_id))
    # The session's sources, the claim, its evidence, its history: no BEGIN, COMMIT or ping around them.
    assert cost == 4
    assert [e.source.url for e in evidence] == ["https://a.example/1", "https://b.example/2"]
    assert len(sources) == 2 and len(history) == 2
    # With its ledger (each link's archive and re-check state): one statement more, for the copies.
    cost, ((evidence, _history, _sources), ledger) = trips(
        proxy, lambda: claim_ledger.details_and_ledger(db, claim.id, session_id, 2))
    assert cost == 5
    assert sorted(ledger.links) == [e.id for e in evidence]
    assert all(link.archived_at is None for link in ledger.links.values())
    assert (ledger.standing.context, ledger.standing.independent, ledger.standing.too_few) == (2, 0, True)


@pytest.mark.postgres
def test_a_connection_dropped_by_the_server_is_replaced_before_use(far, postgres_url: str) -> None:  # noqa: ANN001
    db, _proxy, session_id = far
    assert sessions.session_ids(db) == [session_id]
    admin = open_database(postgres_url, migrate=False)
    try:
        with admin.engine.connect() as connection:  # what a server restart does to the pooled connection
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            connection.commit()
    finally:
        admin.close()
    server_ping.FRESH_S = 0.5  # restored by the fixture's monkeypatch
    time.sleep(0.7)  # idle long enough to be checked
    assert sessions.session_ids(db) == [session_id]


def test_opening_a_database_at_this_schema_sends_one_statement(any_db: Database) -> None:
    location = any_db.url.render_as_string(hide_password=False)
    any_db.close()
    sent: list[str] = []

    def seen(_conn, _cursor, statement: str, *_rest) -> None:  # noqa: ANN001
        sent.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        db = open_database(location)
        db.close()
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert sent == ["SELECT version_num FROM alembic_version"]
