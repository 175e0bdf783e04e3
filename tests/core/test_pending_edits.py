"""Edits made while the server is down are kept in order and stored when it is back (no Qt).

The outage is real: the database is reached through a loopback proxy that
the test cuts and restores.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.factories import make_article
from tests.tcp_proxy import TcpProxy
from workbench.domain.errors import ConflictError, DatabaseUnreachableError
from workbench.services import claim_edits
from workbench.services.claim_edits import EditClaim
from workbench.services.importing import store_extracted
from workbench.services.pending_edits import PendingEdits
from workbench.storage import claims, sessions
from workbench.storage.database import Database, open_database

BY = "ana"


def _first_claim(db: Database) -> int:
    session = sessions.create_session(db, "Review", reviewer=BY)
    store_extracted(db, session.id, make_article(), by="detector")
    return claims.list_claims(db, session_id=session.id)[0].id


def test_queued_edits_of_one_claim_are_stored_in_order_on_one_version_chain(sqlite_db: Database):
    claim_id = _first_claim(sqlite_db)
    seen = claims.get_claim(sqlite_db, claim_id).version
    queue = PendingEdits()
    # Three edits made one after the other on the version the window showed.
    queue.add(EditClaim(claim_id, {"verdict": "false"}, expected_version=seen))
    queue.add(EditClaim(claim_id, {"wording": "Troops at the border"}, expected_version=seen))
    queue.add(EditClaim(claim_id, {"verdict": "true"}, expected_version=seen))
    assert len(queue) == 3
    assert queue.values_for(claim_id) == {"verdict": "true", "wording": "Troops at the border"}

    flushed = queue.flush(sqlite_db, by=BY)

    assert flushed.stopped_by is None and len(flushed.done) == 3 and len(queue) == 0
    stored = claims.get_claim(sqlite_db, claim_id)
    assert (stored.verdict, stored.wording) == ("true", "Troops at the border")
    history = [(h.field, h.new) for h in claims.claim_history(sqlite_db, claim_id)][-3:]
    assert history == [("verdict", "false"), ("wording", "Troops at the border"), ("verdict", "true")]


def test_keystrokes_into_one_field_while_down_are_one_queued_edit(sqlite_db: Database):
    claim_id = _first_claim(sqlite_db)
    queue = PendingEdits()
    for text in ("T", "Tr", "Troops"):
        queue.add(EditClaim(claim_id, {"rationale": text}, expected_version=1))
    assert len(queue) == 1 and queue.values_for(claim_id) == {"rationale": "Troops"}


def test_a_queued_edit_a_colleague_overtook_is_a_conflict_and_the_rest_wait(sqlite_db: Database):
    claim_id = _first_claim(sqlite_db)
    seen = claims.get_claim(sqlite_db, claim_id).version
    other = _first_claim(sqlite_db)  # a claim of a second session
    queue = PendingEdits()
    queue.add(EditClaim(claim_id, {"verdict": "false"}, expected_version=seen))
    queue.add(EditClaim(other, {"verdict": "true"}, expected_version=claims.get_claim(sqlite_db, other).version))
    claim_edits.update_claim(sqlite_db, claim_id, {"verdict": "true"}, by="colleague", expected_version=seen)

    flushed = queue.flush(sqlite_db, by=BY)

    assert isinstance(flushed.stopped_by, ConflictError) and flushed.stopped_by.claim_id == claim_id
    assert claims.get_claim(sqlite_db, claim_id).verdict == "true"  # the colleague's, not overwritten
    assert len(queue) == 1 and claims.get_claim(sqlite_db, other).verdict is None  # waits its turn
    assert queue.flush(sqlite_db, by=BY).stopped_by is None
    assert claims.get_claim(sqlite_db, other).verdict == "true"


@pytest.fixture
def proxied(postgres_server, postgres_url: str) -> Iterator[tuple[Database, TcpProxy, str]]:  # noqa: ANN001
    proxy = TcpProxy(postgres_server.host, postgres_server.port)
    db = open_database(proxy.url_for(postgres_url, postgres_server.host, postgres_server.port))
    try:
        yield db, proxy, postgres_url
    finally:
        db.close()
        proxy.cut()


@pytest.mark.postgres
def test_flush_stops_at_an_unreachable_server_and_keeps_every_edit(proxied):
    db, proxy, direct_url = proxied
    claim_id = _first_claim(db)
    seen = claims.get_claim(db, claim_id).version
    queue = PendingEdits()
    queue.add(EditClaim(claim_id, {"verdict": "false"}, expected_version=seen))
    queue.add(EditClaim(claim_id, {"rationale": "The ministry said 28,000."}, expected_version=seen))
    proxy.cut()

    flushed = queue.flush(db, by=BY)
    assert isinstance(flushed.stopped_by, DatabaseUnreachableError) and not flushed.done
    assert len(queue) == 2

    proxy.restore()
    flushed = queue.flush(db, by=BY)
    assert flushed.stopped_by is None and len(flushed.done) == 2 and len(queue) == 0
    direct = open_database(direct_url)
    try:
        stored = claims.get_claim(direct, claim_id)
        assert (stored.verdict, stored.rationale) == ("false", "The ministry said 28,000.")
    finally:
        direct.close()
