"""Fetching a page over HTTP(S) as a careful browser would.

One ``fetch()`` call: a browser-like request, at most 10 redirects, TLS
verified, system proxy settings honoured (requests' ``trust_env``), the body
streamed under a size cap so a huge or endless response never fills memory,
and one retry with back-off when the connection fails or the server answers
5xx. Every failure becomes a specific ``WorkbenchError`` that says what went
wrong and what to do. The caller may pass ``cancel`` and ``progress`` (bytes
received, total or None) for the GUI.

A socket can block for a long time: a server that accepts the connection and
never answers holds ``connect``/``getresponse`` until the read timeout, and
one that trickles a byte a second never trips it at all. So the blocking
work runs on a helper thread, and the caller's thread only waits for it,
checking ``cancel`` and an overall ``deadline`` every few hundredths of a
second: a cancel returns at once, whatever the socket is doing. The helper
reads the body in whatever pieces arrive (``read1``) and stops at its next
piece once abandoned; if it is stuck in a read, its socket timeout ends it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from workbench import __version__
from workbench.domain.errors import (
    EmptyPageError,
    FetchCancelledError,
    UnsupportedSourceError,
)
from workbench.ingest.content_types import check_content_type, media_type, parameter
from workbench.ingest.fetch_errors import MAX_REDIRECTS, Retryable, too_large, too_slow, translate
from workbench.ingest.http_status import status_error
from workbench.ingest.local_files import FILE_MAX_BYTES

DEFAULT_TIMEOUT = (10.0, 30.0)  # (connect, read) seconds, for each socket operation
DEFAULT_DEADLINE = 60.0  # seconds for the whole fetch, retry included
DEFAULT_MAX_BYTES = FILE_MAX_BYTES  # a download is capped like a local file
RETRY_BACKOFF = 1.0  # seconds before the one retry
_CHUNK = 64 * 1024
_POLL = 0.03  # seconds between the waiting thread's looks at cancel and the deadline

# Some news sites refuse clients that do not look like a browser; we say who
# we are at the end, as crawlers politely do.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/124.0 Safari/537.36 FactCheckWorkbench/{__version__}"
)
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
    "Accept-Language": "en;q=0.9,*;q=0.5",
    "Accept-Encoding": requests.utils.DEFAULT_ACCEPT_ENCODING,  # gzip, deflate, br (brotli)
}

CancelCheck = Callable[[], bool]
ProgressCallback = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as the server sent it (body decompressed, not yet decoded)."""

    requested_url: str
    final_url: str
    status: int
    content_type: str | None  # media type only, e.g. "text/html"
    charset: str | None  # from the Content-Type header, if any
    body: bytes
    fetched_at: datetime  # UTC
    redirects: tuple[str, ...] = ()


def check_scheme(url: str) -> None:
    """Refuse anything that is not an http(s) address."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        if not urlsplit(url).hostname:
            raise UnsupportedSourceError(
                f"The address {url!r} has no host name.",
                "Check the address; it should look like https://example.com/news/story.",
            )
        return
    if scheme == "file":
        raise UnsupportedSourceError(
            "file:// addresses are not fetched.",
            "Give the path of the file itself instead (for example /home/me/page.html).",
        )
    raise UnsupportedSourceError(
        f"The workbench only fetches http and https addresses, not {scheme or 'this'}:.",
        "Open the page in a browser, save it as HTML and open the saved file.",
    )


def fetch(
    url: str,
    *,
    timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancel: CancelCheck | None = None,
    progress: ProgressCallback | None = None,
    session: requests.Session | None = None,
    retry_backoff: float = RETRY_BACKOFF,
    deadline: float = DEFAULT_DEADLINE,
    any_type: bool = False,
) -> FetchedPage:
    """Fetch ``url`` and return its body; raise a ``WorkbenchError`` subclass on failure.

    ``any_type`` takes a body of any content type (a PDF, an image), for an
    archive that keeps the bytes as they came; by default only what may be a
    page is read.

    Returns or raises within a few hundredths of a second of ``cancel()``
    turning true, and raises ``FetchTimeoutError`` once ``deadline`` seconds
    have passed without the whole page, however the server dawdles.
    """
    check_scheme(url)
    _raise_if_cancelled(cancel)
    give_up_at = time.monotonic() + deadline
    events: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
    abandoned = threading.Event()

    def work() -> None:
        try:
            page = _fetch_with_retry(
                url, timeout, max_bytes, abandoned.is_set, lambda got, total: events.put(("progress", (got, total))),
                session, retry_backoff, any_type,
            )
        except BaseException as error:  # noqa: BLE001 (handed to the waiting thread, which raises it)
            events.put(("failed", error))
        else:
            events.put(("done", page))

    threading.Thread(target=work, name=f"fetch {urlsplit(url).hostname}", daemon=True).start()
    try:
        while True:
            _raise_if_cancelled(cancel)
            left = give_up_at - time.monotonic()
            if left <= 0:
                raise too_slow(url, deadline)
            try:
                kind, value = events.get(timeout=min(_POLL, left))
            except queue.Empty:
                continue
            if kind == "progress":
                if progress is not None:
                    progress(*value)
            elif kind == "failed":
                raise value
            else:
                return value
    finally:
        abandoned.set()  # the helper stops at its next piece of body, or its socket times out


def _fetch_with_retry(
    url: str,
    timeout: float | tuple[float, float],
    max_bytes: int,
    cancel: CancelCheck,
    progress: ProgressCallback,
    session: requests.Session | None,
    retry_backoff: float,
    any_type: bool = False,
) -> FetchedPage:
    own_session = session is None
    session = session or new_session()
    try:
        for attempt in (1, 2):
            try:
                return _fetch_once(session, url, timeout, max_bytes, cancel, progress, any_type)
            except Retryable as retryable:
                if attempt == 2:
                    raise retryable.error from retryable
                _sleep_unless_cancelled(retry_backoff, cancel)
        raise AssertionError("unreachable")  # pragma: no cover
    finally:
        if own_session:
            session.close()


def new_session() -> requests.Session:
    session = requests.Session()
    session.headers.update(_HEADERS)
    session.max_redirects = MAX_REDIRECTS
    session.trust_env = True  # system proxies, NO_PROXY and CA bundle settings
    return session


def _fetch_once(
    session: requests.Session,
    url: str,
    timeout: float | tuple[float, float],
    max_bytes: int,
    cancel: CancelCheck | None,
    progress: ProgressCallback | None,
    any_type: bool = False,
) -> FetchedPage:
    _raise_if_cancelled(cancel)
    try:
        response = session.get(url, timeout=timeout, stream=True, allow_redirects=True, verify=True)
    except requests.RequestException as error:
        raise translate(error, url) from error
    with response:
        status_problem = status_error(response.status_code, response.url)
        if status_problem is not None:
            if response.status_code >= 500:
                raise Retryable(status_problem)
            raise status_problem
        header = response.headers.get("Content-Type")
        if not any_type:
            check_content_type(media_type(header), response.url)
        body = _read_capped(response, url, max_bytes, cancel, progress)
    if not body.strip():
        raise EmptyPageError(
            f"The page at {response.url} is empty.",
            "The server sent no content. Try again later, or open the page in a browser.",
        )
    return FetchedPage(
        requested_url=url,
        final_url=response.url,
        status=response.status_code,
        content_type=media_type(header),
        charset=parameter(header, "charset"),
        body=body,
        fetched_at=datetime.now(UTC),
        redirects=tuple(r.url for r in response.history),
    )


def _read_capped(
    response: requests.Response,
    url: str,
    max_bytes: int,
    cancel: CancelCheck | None,
    progress: ProgressCallback | None,
) -> bytes:
    declared = _content_length(response)
    if declared is not None and declared > max_bytes:
        raise too_large(url, max_bytes)
    chunks: list[bytes] = []
    received = 0
    while chunk := _read_some(response, url):
        _raise_if_cancelled(cancel)
        received += len(chunk)
        if received > max_bytes:
            raise too_large(url, max_bytes)
        chunks.append(chunk)
        if progress is not None:
            progress(received, declared)
    _raise_if_cancelled(cancel)
    return b"".join(chunks)


def _read_some(response: requests.Response, url: str) -> bytes:
    """Whatever part of the body has arrived (b"" at its end), decompressed.

    ``read1`` returns as soon as any bytes come, where ``iter_content`` waits
    for a whole chunk: a trickling server cannot hold the loop between two
    looks at ``cancel``. Decompressing piece by piece keeps the size cap a
    guard against compression bombs. Errors are mapped as requests maps them.
    """
    from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError, SSLError

    try:
        return response.raw.read1(_CHUNK, decode_content=True)
    except ProtocolError as error:
        problem: requests.RequestException = requests.exceptions.ChunkedEncodingError(error)
    except DecodeError as error:
        problem = requests.exceptions.ContentDecodingError(error)
    except ReadTimeoutError as error:
        problem = requests.exceptions.ReadTimeout(error)
    except SSLError as error:
        problem = requests.exceptions.SSLError(error)
    raise translate(problem, url) from problem


def _content_length(response: requests.Response) -> int | None:
    # Content-Length counts compressed bytes; only trust it when uncompressed.
    if response.headers.get("Content-Encoding", "identity") not in ("identity", ""):
        return None
    try:
        return int(response.headers["Content-Length"])
    except (KeyError, ValueError):
        return None


def _raise_if_cancelled(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise FetchCancelledError("Fetching was cancelled.", "Nothing was stored.")


def _sleep_unless_cancelled(seconds: float, cancel: CancelCheck | None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _raise_if_cancelled(cancel)
        time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
    _raise_if_cancelled(cancel)
