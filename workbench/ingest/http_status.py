"""Saying what an HTTP error status means for someone fetching an article."""

from __future__ import annotations

from http import HTTPStatus

from workbench.domain.errors import HttpStatusError

_MEANINGS = {
    400: ("the server rejected the request as malformed", "Check the address for stray characters."),
    401: ("the page requires a login", "Log in with a browser, save the page as HTML and open the file."),
    402: ("the page is behind a paywall", "Log in with a browser, save the page as HTML and open the file."),
    403: (
        "the site refused access (it may block automated readers or require a subscription)",
        "Open the page in a browser, save it as HTML and open the saved file.",
    ),
    404: ("the page was not found", "Check the address; the article may have moved or been removed."),
    410: ("the page has been removed for good", "Look for an archived copy (for example on web.archive.org)."),
    429: ("the site is limiting requests (too many requests)", "Wait a few minutes and try again."),
    451: ("the page is unavailable for legal reasons", "Look for an archived copy or another source."),
    500: ("the site had an internal error", "Try again later."),
    502: ("a gateway in front of the site got a bad answer", "Try again later."),
    503: ("the site is temporarily unavailable", "Try again later."),
    504: ("a gateway in front of the site timed out", "Try again later."),
}


def status_error(status: int, url: str) -> HttpStatusError | None:
    """An error for a 4xx/5xx status, None for success statuses."""
    if status < 400:
        return None
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Client Error" if status < 500 else "Server Error"
    default = (
        ("the site refused the request", "Check the address.")
        if status < 500
        else ("the site failed to answer", "Try again later.")
    )
    meaning, hint = _MEANINGS.get(status, default)
    return HttpStatusError(status, url, f"HTTP {status} {phrase} from {url}: {meaning}.", hint)
