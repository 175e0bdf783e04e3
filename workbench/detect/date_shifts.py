"""Dates counted in whole units from the publication day, at the precision the words give.

"in two weeks' time" is a week, "a year ago today" a day, "20 years ago this month" a
month, "this time last year" a month, "the week before last" a week, "on the 7th" a day
of the month the article came out in (or its neighbour, when the tense says so).
``date_values.resolve`` hands these rules here once it has read the amount and the tense.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta


def shifted(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` units (a fortnight is two weeks; parts of a day are days)."""
    if unit in {"day", "morning", "afternoon", "evening", "night"}:
        return day + timedelta(days=n)
    if unit in {"week", "weekend"}:
        return day + timedelta(weeks=n)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * n)
    if unit == "month":
        return day + relativedelta(months=n)
    years = {"year": 1, "decade": 10, "century": 100}[unit]
    return day + relativedelta(years=n * years)


def at_precision(day: date, unit: str) -> str:
    """``day`` written as the period ``unit`` names: a day, an ISO week, a month or a year."""
    if unit == "day":
        return day.isoformat()
    if unit in {"week", "weekend", "fortnight"}:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def in_time(published: date, unit: str, n: int) -> str:
    """ "in two weeks' time": the period ``n`` units after publication."""
    return at_precision(shifted(published, unit, n), unit)


def ago_same(published: date, unit: str, n: int, same: str) -> str:
    """ "a year ago today" is a day, "20 years ago this month" a month, "... this week" a week."""
    same = " ".join(same.lower().split())
    base = published + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(same, 0))
    precision = {"this week": "week", "this month": "month"}.get(same, "day")
    return at_precision(shifted(base, unit, -n), precision)


def ago_weekday(published: date, weeks: int, weekday: int) -> str:
    """ "a week ago Sunday", "Sunday a week ago": the last such weekday before publication,
    that many weeks further back."""
    last = published - timedelta(days=(published.weekday() - weekday) % 7 or 7)
    return (last - timedelta(weeks=weeks)).isoformat()


def this_time(published: date, unit: str, n: int) -> str:
    """ "this time last year": the month a year away (a fact-checker writes the month, which
    the words pin down, not the day they leave loose); "this time last month": the week."""
    return at_precision(shifted(published, unit, n), "month" if unit == "year" else "week")


def two_off(published: date, unit: str, forward: bool) -> str:
    """ "the week before last", "the day after tomorrow": two units from publication."""
    return at_precision(shifted(published, unit, 2 if forward else -2), unit)


def nth_day(published: date, day: int, tense: str | None) -> str | None:
    """ "on the 7th": that day of the publication month, or of the month before (after) it
    when the day is nearer there or the tense says it is past (to come)."""
    candidates = []
    for offset in (-1, 0, 1):
        month = published.replace(day=1) + relativedelta(months=offset)
        try:
            candidates.append(month.replace(day=day))
        except ValueError:
            candidates.append(None)
    if candidates[1] is None:
        return None
    best = min((c for c in candidates if c is not None),
               key=lambda c: (abs((c - published).days), c != candidates[1]))
    gap = (best - published).days
    index = candidates.index(best)
    if tense == "past" and gap > 2 and index > 0 and candidates[index - 1]:
        best = candidates[index - 1]
    elif tense == "future" and gap < -2 and index < 2 and candidates[index + 1]:
        best = candidates[index + 1]
    return best.isoformat()
