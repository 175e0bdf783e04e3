"""Loopback servers that hold a fetch: one never answers, one trickles its page a byte at a time.

pytest-httpserver answers whole responses; these need a plain socket.
Each server stops by itself after ``hold`` seconds, or at ``stop()``,
whichever comes first, so no test leaves a thread talking to a socket.
"""

from __future__ import annotations

import socket
import threading
import time

TRICKLE_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    b"Content-Length: 100000\r\nConnection: close\r\n\r\n"
)


class SlowServer:
    """``silent``: accepts connections and sends nothing; ``trickle``: headers, then a byte per ``interval``."""

    def __init__(self, mode: str, *, hold: float = 30.0, interval: float = 0.2) -> None:
        assert mode in ("silent", "trickle")
        self.mode, self.hold, self.interval = mode, hold, interval
        self.connected = threading.Event()  # a client got in: its fetch is under way
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/story"
        self._thread = threading.Thread(target=self._serve, name="slow server", daemon=True)

    def __enter__(self) -> SlowServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()

    def _serve(self) -> None:
        until = time.monotonic() + self.hold
        while not self._stop.is_set() and time.monotonic() < until:
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            self.connected.set()
            threading.Thread(target=self._hold, args=(client, until), daemon=True).start()

    def _hold(self, client: socket.socket, until: float) -> None:
        with client:
            client.settimeout(0.1)
            if self.mode == "trickle":
                self._send(client, TRICKLE_HEAD)
            while not self._stop.wait(self.interval) and time.monotonic() < until:
                if self.mode == "trickle" and not self._send(client, b"<"):
                    return

    @staticmethod
    def _send(client: socket.socket, data: bytes) -> bool:
        try:
            client.sendall(data)
        except OSError:  # the client gave up: good
            return False
        return True

