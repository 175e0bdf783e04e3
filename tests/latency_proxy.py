"""A loopback TCP proxy that delays every chunk by a fixed time each way.

It stands in for a database server across a network: a reviewer's window
talking to PostgreSQL through it pays `delay_ms` per direction for each
message, so a round trip costs twice that. Used by the remote-server bench
and by tests that check navigation does not wait on round trips.

    with LatencyProxy("127.0.0.1", 5432, delay_ms=20) as proxy:
        url = f"postgresql+psycopg://user@127.0.0.1:{proxy.port}/db"

Each direction of each connection has its own thread that reads chunks and
a second that sends each one once its due time has come, so a burst of
chunks is delayed, not serialised behind one another's sleeps.
"""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

CHUNK = 65536


class LatencyProxy:
    def __init__(self, target_host: str, target_port: int, delay_ms: float = 20.0) -> None:
        self.target = (target_host, target_port)
        self.delay = delay_ms / 1000
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        # Chunks sent towards the server: about one per round trip the client waits for.
        self.requests = 0
        self._acceptor = threading.Thread(target=self._accept, name="latency-proxy", daemon=True)

    def start(self) -> LatencyProxy:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                _close(sock)
            self._sockets.clear()

    def __enter__(self) -> LatencyProxy:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # stopped
            try:
                server = socket.create_connection(self.target)
            except OSError:
                _close(client)
                continue
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets += [client, server]
            self._pipe(client, server, counted=True)
            self._pipe(server, client, counted=False)

    def _pipe(self, source: socket.socket, sink: socket.socket, *, counted: bool) -> None:
        due: queue.Queue[tuple[float, bytes]] = queue.Queue()

        def read() -> None:
            while True:
                try:
                    data = source.recv(CHUNK)
                except OSError:
                    data = b""
                if data and counted:
                    with self._lock:
                        self.requests += 1
                due.put((time.monotonic() + self.delay, data))
                if not data:
                    return

        def send() -> None:
            while True:
                when, data = due.get()
                wait = when - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                if not data:
                    _shutdown_write(sink)
                    return
                try:
                    sink.sendall(data)
                except OSError:
                    return

        threading.Thread(target=read, daemon=True).start()
        threading.Thread(target=send, daemon=True).start()


def _shutdown_write(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def _close(sock: socket.socket) -> None:
    try:
        sock.close()
    except OSError:
        pass


class ProxyProcess:
    """The proxy in a process of its own, for timings: in the measured process
    its threads would compete with the window's for the interpreter."""

    def __init__(self, target_host: str, target_port: int, delay_ms: float = 20.0) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.latency_proxy", target_host, str(target_port), str(delay_ms)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        assert self._process.stdout is not None
        self.port = int(self._process.stdout.readline())

    @property
    def requests(self) -> int:
        """Chunks sent towards the server so far (asked of the proxy process)."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("count\n")
        self._process.stdin.flush()
        return int(self._process.stdout.readline())

    def stop(self) -> None:
        self._process.kill()
        self._process.wait()

    def __enter__(self) -> ProxyProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()


if __name__ == "__main__":  # python -m tests.latency_proxy HOST PORT DELAY_MS: prints the port, answers "count"
    with LatencyProxy(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])) as proxy:
        print(proxy.port, flush=True)
        for _line in sys.stdin:
            print(proxy.requests, flush=True)
