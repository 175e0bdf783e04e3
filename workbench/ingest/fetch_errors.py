"""What went wrong with a fetch, in the user's words: requests' exceptions mapped to ours.

``translate`` returns the error to raise, wrapped in ``Retryable`` when one
more try may help (a refused or cut connection, a proxy failure); the fetch
retries those once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests

from workbench.domain.errors import (
    ConnectionFailedError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    RedirectError,
    TooLargeError,
)

MAX_REDIRECTS = 10


class Retryable(Exception):
    """A failure worth one more try; carries the error to raise if it fails again."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(error.message)
        self.error = error


def too_large(url: str, max_bytes: int) -> TooLargeError:
    return TooLargeError(
        f"The page at {url} is larger than {max_bytes / (1024 * 1024):g} MB.",
        "News articles are much smaller; check the address points to an article. "
        "Saving the article's text and opening the file also works.",
    )


def too_slow(url: str, deadline: float) -> FetchTimeoutError:
    host = urlsplit(url).hostname or url
    return FetchTimeoutError(
        f"The site {host} was too slow: the page had not arrived after {deadline:g} seconds.",
        "The server is sending very slowly or not at all. Try again later, or open the page "
        "in a browser, save it as HTML and open the saved file.",
    )


def translate(error: requests.RequestException, url: str) -> Exception:
    """Map a requests exception to our error (wrapped in ``Retryable`` if worth a retry)."""
    host = urlsplit(url).hostname or url
    if isinstance(error, requests.TooManyRedirects):
        return _redirect_error(error, url)
    if isinstance(error, requests.exceptions.InvalidSchema | requests.exceptions.MissingSchema):
        return RedirectError(
            f"The site at {host} redirected to an address the workbench cannot fetch.",
            "Open the page in a browser, save it as HTML and open the saved file.",
        )
    if isinstance(error, requests.exceptions.SSLError):
        return FetchError(
            f"The secure connection to {host} could not be verified (TLS certificate problem).",
            "Check the address and your computer's clock. If your organisation inspects "
            "HTTPS traffic, set REQUESTS_CA_BUNDLE to its certificate bundle.",
        )
    if isinstance(error, requests.exceptions.ProxyError):
        return Retryable(
            ConnectionFailedError(
                f"The proxy server refused or failed the connection to {host}.",
                "Check the proxy settings (HTTP_PROXY / HTTPS_PROXY) or ask your IT team.",
            )
        )
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return Retryable(timeout_error(host, "connecting"))
    if isinstance(error, requests.exceptions.ReadTimeout | requests.exceptions.Timeout):
        return timeout_error(host, "waiting for the page")
    if _caused_by_name_resolution(error):
        # NXDOMAIN is an answer, not a transient fault: retrying wastes time.
        return HostNotFoundError(
            f"The site {host} could not be found (DNS lookup failed).",
            "Check the address for typos and that this computer is online.",
        )
    if _caused_by(error, ConnectionRefusedError):
        return Retryable(
            ConnectionFailedError(
                f"The site {host} refused the connection.",
                "The server may be down or the port wrong. Check the address, try later.",
            )
        )
    if isinstance(error, requests.exceptions.ConnectionError | requests.exceptions.ChunkedEncodingError):
        return Retryable(
            ConnectionFailedError(
                f"The connection to {host} failed or was cut off.",
                "Check that this computer is online and try again.",
            )
        )
    return FetchError(f"The page at {url} could not be fetched ({error}).", "Try again later.")


def timeout_error(host: str, while_doing: str) -> FetchTimeoutError:
    return FetchTimeoutError(
        f"The site {host} did not answer in time (timed out while {while_doing}).",
        "The site may be slow or overloaded; try again later.",
    )


def _redirect_error(error: requests.TooManyRedirects, url: str) -> RedirectError:
    seen: list[str] = []
    if error.response is not None:
        seen = [r.url for r in error.response.history] + [error.response.url]
        location = error.response.headers.get("Location")
        if location:
            seen.append(requests.compat.urljoin(error.response.url, location))
    if not seen or seen[0] != url:
        seen.insert(0, url)
    if len(set(seen)) < len(seen):
        return RedirectError(
            f"The page at {url} redirects in a loop.",
            "The site may need cookies or a login a browser would have; open it in a "
            "browser, save the page as HTML and open the saved file.",
        )
    return RedirectError(
        f"The page at {url} redirected more than {MAX_REDIRECTS} times.",
        "Open the page in a browser and copy the final address from the address bar.",
    )


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    seen: set[int] = set()
    stack: list[BaseException | None] = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return True
        stack += [current.__cause__, current.__context__, getattr(current, "reason", None)]
        stack += [arg for arg in current.args if isinstance(arg, BaseException)]
    return False


def _caused_by_name_resolution(error: BaseException) -> bool:
    import socket

    from urllib3.exceptions import NameResolutionError

    return _caused_by(error, NameResolutionError) or _caused_by(error, socket.gaierror)
