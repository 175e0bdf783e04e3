"""Dates counted from the story's own last date rather than from publication.

"the year before", "four hours later", "the previous session": ``resolve_from_anchor``
moves the date the text last gave (the anchor) by the gap the words count, at the
precision the words and the anchor allow. ``gap_amount`` reads how many units a gap counts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from workbench.detect.numbers import parse_number

if TYPE_CHECKING:  # a Spot is made in date_values, which counts its gaps with this module
    from workbench.detect.date_values import Spot

_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_BACKWARD = frozenset({"before", "earlier", "prior", "previous", "preceding"})
_ANCHOR_RE = re.compile(r"^(?P<y>\d{4})(?:-W(?P<w>\d\d)|-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?$")


def gap_amount(spot: Spot) -> float | None:
    """How many units a gap counts: "two days ago" 2, "a week later" 1; None if not a number."""
    amount_text = re.sub(r"\s+", " ", (spot.get("amount") or "a").lower())
    return 1.0 if amount_text in {"a", "an"} else parse_number(amount_text)


def resolve_from_anchor(spot: Spot, anchor: str | None) -> str | None:
    """ "the year before", "four hours later", "the previous session": counted from the date
    the text last gave (``anchor``), not from publication. A unit finer than the anchor
    leaves it as it is: "three days later" than 1998 is still 1998."""
    try:
        return _from_anchor(spot, anchor)
    except (ValueError, OverflowError):  # "99999999 weeks later": past the calendar's end
        return None


def counts_back(spot: Spot) -> bool:
    """Whether a gap is counted back from its anchor: "the previous session", "a day earlier"."""
    return (spot.get("dir") or spot.get("which") or "").lower() in _BACKWARD


def _from_anchor(spot: Spot, anchor: str | None) -> str | None:
    am = _ANCHOR_RE.match(anchor or "")
    if am is None:
        return None
    sign = -1 if counts_back(spot) else 1
    amount = gap_amount(spot)
    if amount is None or amount != int(amount):
        return None
    n = sign * int(amount)
    unit = (spot.get("unit") or spot.get("unit2") or "").lower()
    if unit in _PARTS_OF_DAY:
        unit = "day"  # "the next morning": the day after
    elif unit == "fortnight":
        unit, n = "week", 2 * n
    year = int(am.group("y"))
    if unit in {"minute", "hour"}:
        return anchor if abs(n) < 24 else None
    if unit in {"year", "decade", "century"}:  # "a decade later" than 1998 is 2008
        return str(year + n * {"year": 1, "decade": 10, "century": 100}[unit])
    if am.group("d"):
        day = date(year, int(am.group("m")), int(am.group("d")))
        if unit == "session":
            return _trading_days_from(day, n).isoformat()
        if unit == "day":
            return (day + timedelta(days=n)).isoformat()
        if unit == "week":
            iso_year, week, _ = (day + timedelta(weeks=n)).isocalendar()
            return f"{iso_year}-W{week:02d}"
        moved = day + relativedelta(months=n)
        return f"{moved.year}-{moved.month:02d}"
    if am.group("m") and unit == "month":
        moved = date(year, int(am.group("m")), 1) + relativedelta(months=n)
        return f"{moved.year}-{moved.month:02d}"
    if am.group("w") and unit == "week":
        moved = date.fromisocalendar(year, int(am.group("w")), 1) + timedelta(weeks=n)
        iso_year, week, _ = moved.isocalendar()
        return f"{iso_year}-W{week:02d}"
    return anchor  # a finer unit inside a coarser anchor stays inside it


def _trading_days_from(day: date, n: int) -> date:
    """ "the previous session" of a Monday is the Friday: markets do not trade at weekends."""
    step = timedelta(days=1 if n > 0 else -1)
    for _ in range(abs(n)):
        day += step
        while day.weekday() >= 5:
            day += step
    return day
