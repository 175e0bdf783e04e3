"""Holidays and named days ("on Christmas Day", "by Easter", "Thanksgiving"): their day.

The language's ``HOLIDAYS`` says how to find a holiday's day in a given year (a fixed
day, a day counted from Easter, the nth weekday of a month); a holiday named without a
year is placed in the year nearest the publication date, moved back or forward when
the sentence speaks of the past or the future, as a day of the month is.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from workbench.detect.language_scope import current_language


def western_easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday (Meeus's Julian algorithm), as a Gregorian date."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_to_gregorian = year // 100 - year // 400 - 2  # 13 days from 1900 to 2099
    return date(year, month, day + 1) + timedelta(days=julian_to_gregorian)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# a day held only in some years: every fourth (Super Tuesday), every second (Election Day)
_YEAR_STEPS = {"election_year": 4, "even_year": 2}


def holiday_in_year(rule: tuple, year: int, text: str, start: int) -> date:
    """The day ``rule`` (a ``HOLIDAYS`` value) names in ``year``."""
    kind = rule[0]
    if kind in _YEAR_STEPS:
        return holiday_in_year(rule[1:], year, text, start)
    if kind == "fixed":
        return date(year, rule[1], rule[2])
    if kind == "easter":
        return western_easter(year) + timedelta(days=rule[1])
    if kind == "orthodox_easter":
        return orthodox_easter(year) + timedelta(days=rule[1])
    if kind == "nth_weekday":
        return _nth_weekday(year, *rule[1:4])
    if kind == "nth_weekday_after":
        return _nth_weekday(year, *rule[1:4]) + timedelta(days=rule[4])
    month, day = independence_day(text, start)
    return date(year, month, day)


def holiday_rule(name: str) -> tuple:
    """The ``HOLIDAYS`` rule of a name as written ("New Year’s Eve", "St Patrick's Day")."""
    holidays = current_language().dates.HOLIDAYS
    return holidays[_key(name)]


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'"))


_OWNER_RE = re.compile(r"([A-Za-z.]+)(?:'s|’s)?\s+$")


def independence_day(text: str, start: int) -> tuple[int, int]:
    """(month, day) of the Independence Day at ``start``: its owner's when named right
    before it ("Ukraine's Independence Day"), else that of the country the text names most."""
    days = current_language().dates.INDEPENDENCE_DAYS
    owner = _OWNER_RE.search(text, max(0, start - 30), start)
    if owner and owner.group(1).lower() in days:
        return days[owner.group(1).lower()]
    return _most_named_country_day(text)


def _foreign_owner(text: str, start: int) -> bool:
    """A country other than the United States named right before the day ("Ukraine's")."""
    owner = _OWNER_RE.search(text, max(0, start - 30), start)
    days = current_language().dates.INDEPENDENCE_DAYS
    return bool(owner) and days.get(owner.group(1).lower(), days["us"]) != days["us"]


@lru_cache(maxsize=8)
def _most_named_country_day(text: str) -> tuple[int, int]:
    words = current_language().dates
    counts: dict[tuple[int, int], int] = {}
    lowered = text.lower()
    for name, day in words.INDEPENDENCE_DAYS.items():
        if name == "us":
            continue  # the pronoun "us" is not the country
        found = len(re.findall(rf"(?<![\w.]){re.escape(name)}(?!\w)", lowered))
        counts[day] = counts.get(day, 0) + found
    best = max(counts.items(), key=lambda item: item[1], default=(None, 0))
    return best[0] if best[1] else words.DEFAULT_INDEPENDENCE_DAY


_THIS_WEEKS = 7  # days: a holiday this near publication is that one, whatever the tense
_YEAR_RE = re.compile(r"(?<![\w$.,-])(?:19|20)\d\d(?![\w%-])")


def _sentence_year(rule: tuple, text: str, start: int) -> str | None:
    """ "on Election Day in 2020", "the 2020 election on Election Day": a day held only in
    some years takes a year of that kind its sentence names, the nearest one."""
    if rule[0] not in _YEAR_STEPS:
        return None
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    years = [m for m in _YEAR_RE.finditer(text, begin, min(stops, default=len(text)))
             if int(m.group()) % _YEAR_STEPS[rule[0]] == 0]
    return min(years, key=lambda m: abs(m.start() - start)).group() if years else None


def resolve_holiday(name: str, year: str | None, text: str, start: int, published: date | None,
                    tense: str | None) -> str | None:
    """The ISO day of a holiday: in the year written, else the nearest one the tense allows."""
    rule = holiday_rule(name)
    if rule[0] == "even_year" and _foreign_owner(text, start):
        return None  # "Georgia's Election Day" is not the American one, whose day we know
    return resolve_yearly(rule, year, text, start, published, tense)


def resolve_yearly(rule: tuple, year: str | None, text: str, start: int, published: date | None,
                   tense: str | None) -> str | None:
    """The ISO day a yearly ``rule`` names ("the first Monday of March" is one too): in the
    year written, else the nearest one the tense allows."""
    year = year or _sentence_year(rule, text, start)
    if year:
        return holiday_in_year(rule, int(year), text, start).isoformat()
    if published is None:
        return None
    years = [published.year - 1, published.year, published.year + 1]
    if rule[0] in _YEAR_STEPS:
        step = _YEAR_STEPS[rule[0]]
        years = [y for y in range(published.year - step, published.year + step + 1) if y % step == 0]
    days = [holiday_in_year(rule, y, text, start) for y in years]
    best = min(range(len(days)), key=lambda i: (abs((days[i] - published).days), years[i] != published.year))
    gap = (days[best] - published).days
    if abs(gap) <= _THIS_WEEKS:
        return days[best].isoformat()  # "markets closed for Thanksgiving" three days ahead: this week's
    if tense == "past" and gap > 2 and best > 0:
        best -= 1
    elif tense == "future" and gap < -2 and best < len(days) - 1:
        best += 1
    return days[best].isoformat()
