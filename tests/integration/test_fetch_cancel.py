"""A fetch stops when asked and when it takes too long, whatever the server does.

The servers would hold each fetch for 30 seconds; the bounds below are far
under that and far over what a working cancel needs, so they do not flake.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.integration.slow_server import SlowServer
from workbench.domain.errors import FetchCancelledError, FetchTimeoutError
from workbench.ingest.fetch import fetch


@contextmanager
def _server_that_never_accepts() -> Iterator[str]:
    """A listening socket whose backlog is full: a new connection hangs in connect()."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        fillers = [socket.socket() for _ in range(3)]
        try:
            for filler in fillers:
                filler.setblocking(False)
                filler.connect_ex(("127.0.0.1", port))
            time.sleep(0.1)
            yield f"http://127.0.0.1:{port}/story"
        finally:
            for filler in fillers:
                filler.close()


def _cancel_after(seconds: float):  # noqa: ANN202
    at = time.monotonic() + seconds
    return lambda: time.monotonic() >= at


def _fetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("fetch 127.0.0.1")]


@pytest.mark.parametrize("mode", ["silent", "trickle"])
def test_a_cancel_returns_at_once_while_the_server_holds_the_fetch(mode: str) -> None:
    with SlowServer(mode) as server:
        started = time.monotonic()
        with pytest.raises(FetchCancelledError, match="cancelled"):
            fetch(server.url, cancel=_cancel_after(0.5))
        elapsed = time.monotonic() - started
        assert server.connected.is_set()
    assert 0.5 <= elapsed < 1.5


def test_a_cancel_returns_at_once_while_connecting() -> None:
    with _server_that_never_accepts() as url:
        started = time.monotonic()
        with pytest.raises(FetchCancelledError):
            fetch(url, cancel=_cancel_after(0.5))  # the connect timeout is 10 s
        assert time.monotonic() - started < 1.5


def test_a_trickling_fetch_ends_its_thread_soon_after_a_cancel() -> None:
    with SlowServer("trickle", interval=0.1) as server:
        with pytest.raises(FetchCancelledError):
            fetch(server.url, cancel=_cancel_after(0.5))
        gone_by = time.monotonic() + 2.0
        while _fetch_threads() and time.monotonic() < gone_by:
            time.sleep(0.05)
        assert not _fetch_threads()  # it stopped at the next byte, not when the body ended


@pytest.mark.parametrize("mode", ["silent", "trickle"])
def test_a_fetch_that_takes_too_long_names_the_slow_host(mode: str) -> None:
    with SlowServer(mode) as server:
        started = time.monotonic()
        with pytest.raises(FetchTimeoutError, match=r"127\.0\.0\.1 was too slow.*1 seconds") as caught:
            fetch(server.url, deadline=1.0)
        elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 2.5
    assert "try again later" in caught.value.hint.lower()


def test_progress_still_arrives_from_a_slow_body() -> None:
    seen: list[int] = []
    with SlowServer("trickle", interval=0.05) as server:
        with pytest.raises(FetchTimeoutError):
            fetch(server.url, deadline=1.0, progress=lambda got, _total: seen.append(got))
    assert seen and seen == sorted(seen)  # each trickled byte reported as it came
