"""Moving a date value in the story's time: into another year, to a coarser unit, to a
weekday near a day; and the measures ``date_story`` compares values by."""

from __future__ import annotations

from datetime import date, timedelta

from workbench.detect.date_holidays import resolve_holiday
from workbench.detect.date_shifts import at_precision
from workbench.detect.date_values import Spot, month_in_year
from workbench.detect.language_scope import current_language

_UNIT_RANK = {"minute": 0, "hour": 1, "day": 2, "session": 2, "morning": 2, "afternoon": 2, "evening": 2,
              "night": 2, "week": 3, "fortnight": 3, "month": 4, "year": 5}


def finer(unit: str | None, anchor: str) -> bool:
    """Whether a gap of ``unit`` stays inside the period ``anchor`` names (days inside 1998)."""
    precision = "day" if len(anchor) == 10 else "week" if "W" in anchor else (
        "month" if len(anchor) == 7 else "year")
    return _UNIT_RANK.get((unit or "").lower(), 9) < _UNIT_RANK[precision]


def in_year(spot: Spot, value: str, year: str, text: str) -> str:
    """``value`` moved into ``year``: a holiday is found again there (Easter moves)."""
    if spot.rule == "holiday":
        return resolve_holiday(spot.get("holiday"), year, text, spot.start, None, None) or value
    if spot.rule == "month" and "W" in value:  # "the second week of August": its week in that year
        return month_in_year(spot, int(year))
    moved = year + value[4:]
    return moved if valid_iso(moved) else value


def at_unit(value: str, unit: str | None) -> str:
    """``value`` told no finer than ``unit``: a year for "37 years later", a month for months."""
    unit = (unit or "").lower()
    if unit in {"year", "decade", "century"}:
        return value[:4]
    if unit == "month" and "W" not in value:
        return value[:7]
    if unit in {"week", "fortnight"} and len(value) == 10:
        return at_precision(date.fromisoformat(value), unit)
    return value


def middle_day(value: str) -> date:
    """A day, or the middle of a week, a month or a year, as a date to measure gaps with."""
    if "W" in value:  # "2023-W44": its Thursday
        return date.fromisocalendar(int(value[:4]), int(value[6:8]), 4)
    return date.fromisoformat(value if len(value) == 10 else value[:7] + "-15" if len(value) == 7 else value[:4] + "-07-01")


def valid_iso(value: str) -> bool:
    try:
        date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return False
    return True


def weekday_number(spot: Spot) -> int:
    return current_language().dates.WEEKDAYS[spot.get("weekday").lower()]


def weekday_after(anchor: date, spot: Spot) -> str:
    """ "the following Monday", "the previous Friday": the first such weekday after (or
    before) ``anchor``."""
    weekday = weekday_number(spot)
    step = ((weekday - anchor.weekday()) % 7 or 7) if (spot.get("mod") or "").lower() == "following" else -(
        (anchor.weekday() - weekday) % 7 or 7)
    return (anchor + timedelta(days=step)).isoformat()


def weekday_near(day: date, weekday: int, tense: str | None) -> str:
    """The given weekday in the days around ``day``: before it unless the sentence looks ahead."""
    if tense == "future":
        return (day + timedelta(days=(weekday - day.weekday()) % 7)).isoformat()
    return (day - timedelta(days=(day.weekday() - weekday) % 7)).isoformat()
