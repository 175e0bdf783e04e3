"""Moving between claims on a remote PostgreSQL server never waits on the network.

The window talks to a real server through a loopback proxy that adds 20 ms
each way. Every statement is recorded with the thread that sent it: J must
send none from the GUI thread, and what is read in the background once the
reviewer stops on a claim must be a bounded, small number of transactions.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url

from tests.factories import make_article
from tests.gui.helpers import Sent, wait_for_details
from tests.latency_proxy import LatencyProxy
from workbench.services.demo import demo_text
from workbench.services.importing import store_extracted
from workbench.storage import sessions
from workbench.storage.database import open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def remote_url(postgres_url: str) -> Iterator[str]:
    """A session with two copies of the demo article's claims, reached through 20 ms each way."""
    db = open_database(postgres_url)
    try:
        session = sessions.create_session(db, "Remote review", reviewer="tester")
        store_extracted(db, session.id, make_article(demo_text() * 2), by="detector")
    finally:
        db.close()
    url = make_url(postgres_url)
    with LatencyProxy(url.host or "127.0.0.1", url.port or 5432, delay_ms=20) as proxy:
        yield url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)


def start_on_first_claim(qtbot, window):  # noqa: ANN001, ANN201
    table = window.claims_panel.table
    table.setFocus()
    window.select_claim(window.claims_panel.proxy.claim_ids()[0])
    wait_for_details(qtbot, window)
    return table


def test_j_held_down_sends_nothing_from_the_gui_thread(qtbot, open_window, remote_url: str) -> None:  # noqa: ANN001
    window = open_window(remote_url)
    table = start_on_first_claim(qtbot, window)
    sent = Sent(window.db.engine)

    for _ in range(50):
        qtbot.keyClick(table, Qt.Key.Key_J)
    wait_for_details(qtbot, window)

    ids = window.claims_panel.proxy.claim_ids()
    assert window.claims_panel.current_id() == ids[50]
    assert sent.from_gui() == []
    # Keys repeat faster than the reviewer can read: only the claim stopped on is read.
    assert sent.reads_of("claim_history") == 1
    assert window.editor.claim is not None and window.editor.claim.id == ids[50]


def test_each_claim_stopped_on_is_read_once(qtbot, open_window, remote_url: str) -> None:  # noqa: ANN001
    window = open_window(remote_url)
    table = start_on_first_claim(qtbot, window)
    sent = Sent(window.db.engine)

    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_J)
        wait_for_details(qtbot, window)

    assert sent.from_gui() == []
    # Per claim stopped on: its history, its evidence and the session's sources, once each.
    assert sent.reads_of("claim_history") == 5
    assert sent.reads_of("evidence") == 5
    assert sent.reads_of("source") == 5
