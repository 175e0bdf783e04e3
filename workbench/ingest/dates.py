"""Normalising the many ways pages write dates to ISO 8601 (python-dateutil)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

from dateutil import parser as date_parser

_EARLIEST_YEAR = 1990  # the web-news era; older "dates" are usually ids or junk
_DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


def normalise_date(value: str | None) -> str | None:
    """``"Mon, 20 Jan 2020 06:00:00 GMT"`` -> ``"2020-01-20T06:00:00+00:00"``.

    A date without a time stays a date (``"2020-01-20"``); a naive time stays
    naive rather than inventing a zone. Unparseable or implausible values give None.
    """
    if not value:
        return None
    value = value.strip()
    if not value or len(value) > 80:
        return None
    if _EPOCH.match(value):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        parsed = datetime.fromtimestamp(seconds, tz=UTC)
        return parsed.isoformat() if _plausible(parsed) else None
    try:
        parsed = date_parser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            # A fixed default: missing parts must not borrow today's day or month.
            parsed = date_parser.parse(value, default=datetime(2000, 1, 1))
        except (ValueError, OverflowError, date_parser.ParserError):
            return None
    if not _plausible(parsed):
        return None
    if _DATE_ONLY.match(value):
        return parsed.date().isoformat()
    if not re.search(r"\d{1,2}:\d{2}", value):
        return parsed.date().isoformat()  # no time was stated: do not invent midnight
    if parsed.time() == time(0) and (parsed.utcoffset() or timedelta(0)) == timedelta(0):
        # A date field that a CMS filled out to a timestamp: midnight UTC or
        # naive is not a time anyone stated.
        return parsed.date().isoformat()
    return parsed.isoformat()


def _plausible(parsed: datetime) -> bool:
    now = datetime.now(UTC) + timedelta(days=2)
    naive_now = now.replace(tzinfo=None)
    reference = now if parsed.tzinfo else naive_now
    return _EARLIEST_YEAR <= parsed.year and parsed <= reference


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
_WRITTEN_DATES = [
    (re.compile(rf"\b{_YEAR}-\d{{1,2}}-\d{{1,2}}\b"), False),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.? {_MONTH},? {_YEAR}\b", re.I), True),
    (re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? {_YEAR}\b", re.I), False),
    (re.compile(rf"\b\d{{1,2}}\.\s?\d{{1,2}}\.\s?{_YEAR}\b"), True),
    (re.compile(rf"\b{_YEAR}[./]\d{{1,2}}[./]\d{{1,2}}\b"), False),
]
_CJK_DATE = re.compile(rf"({_YEAR})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")


def find_written_date(text: str) -> str | None:
    """The first date written out in running text ("Monday, 6 January 2020", "2023-11-07")."""
    cjk = _CJK_DATE.search(text)
    if cjk:
        return normalise_date("-".join(f"{int(part):02d}" for part in cjk.groups()))
    found: list[tuple[int, str]] = []
    for pattern, day_first in _WRITTEN_DATES:
        match = pattern.search(text)
        if match:
            found.append((match.start(), _parse_written(match.group(0), day_first) or ""))
    for _, date in sorted(found):
        if date:
            return date
    return None


def _parse_written(text: str, day_first: bool) -> str | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace("/", "-")
    try:
        parsed = date_parser.parse(cleaned, dayfirst=day_first, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError, date_parser.ParserError):
        return None
    return parsed.date().isoformat() if _plausible(parsed) else None
