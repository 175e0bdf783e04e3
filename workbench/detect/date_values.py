"""Date values: ISO 8601 for a spotted date expression, resolved against the publication date.

``dates.py`` spots expressions as ``Spot``s; ``resolve`` turns one into a
(partial) ISO date: a day, a month, an ISO week (``2024-W08``), a year, a
decade (``199X``), or None when it cannot be placed. ``date_tense.tense_near``
reads the sentence to tell a past from a future day without a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from workbench.detect import date_shifts
from workbench.detect.date_anchors import gap_amount
from workbench.detect.date_holidays import resolve_holiday, resolve_yearly
from workbench.detect.date_tense import tense_near
from workbench.detect.language_scope import current_language


@dataclass(frozen=True, slots=True)
class Spot:
    """A spotted date expression and the fields its pattern read."""

    start: int
    end: int
    rule: str
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        return dict(self.fields).get(name)


# --- resolution ---------------------------------------------------------------


def resolve(spot: Spot, text: str, published: date | None) -> str | None:
    """The ISO value of a spot, or None when the rules leave it unresolved."""
    rule = spot.rule
    try:
        if rule == "iso":
            return date(int(spot.get("year")), int(spot.get("mon")), int(spot.get("day"))).isoformat()
        if rule == "slash":
            a, b = int(spot.get("a")), int(spot.get("b") or spot.get("b2") or spot.get("b3"))
            y = int(spot.get("year") or _full_year(int(spot.get("yy")), published))
            day_first = spot.get("dot") is not None or _day_first(text)  # dots: the European order
            if a <= 12 and b <= 12 and published and published in {_ymd(y, a, b), _ymd(y, b, a)}:
                day_first = published == _ymd(y, b, a)  # "06/11/2024" over an article of 11 June
            month, day = (b, a) if a > 12 or (b <= 12 and day_first) else (a, b)
            return date(y, month, day).isoformat()
        if rule == "named_date":
            return current_language().dates.NAMED_DATES[spot.get("named")]
        if rule in _SHIFT_RULES:
            return _resolve_shift(spot, text, published)
        if rule == "week_of":
            day = _resolve_day(spot, text, published)
            return date_shifts.at_precision(date.fromisoformat(day), "week") if day else None
        if rule in {"mdy", "dmy"}:
            return _resolve_day(spot, text, published)
        if rule in {"my", "month", "day_range"}:
            return _resolve_month(spot, text, published)
        if rule in {"decade", "decade2"}:
            word = spot.get("lower") or spot.get("upper")  # "the Nineties"
            decade = current_language().dates.DECADE_WORDS[word.lower()] if word else spot.get("decade")
            if rule == "decade2":
                decade = ("19" if int(decade) >= 30 else "20") + decade
            return decade[:3] + "X"
        if rule == "century" and spot.get("nth") is None:  # "the turn of the century"
            turn = (spot.get("turn") or "").lower()
            if turn:
                return str(100 * ((current_language().dates.CENTURY_ORDINALS.get(turn) or int(turn[:-2])) - 1))
            return str(100 * round(published.year / 100)) if published else None
        if rule == "century":  # "the 19th century": 18XX
            nth = spot.get("nth").lower()
            number = current_language().dates.CENTURY_ORDINALS.get(nth) or int(nth[:-2])
            return f"{number - 1:02d}XX"
        if rule == "clipped_year":  # "'91"
            return str(_full_year(int(spot.get("clipped")), published))
        if rule == "season" and not spot.get("year"):
            return _resolve_season(spot, text, published)
        if rule in {"fiscal", "quarter"} and spot.get("fy_clipped"):  # "FY24", "1H24", "Q1 FY25"
            return str(2000 + int(spot.get("fy_clipped")))
        if rule in {"year", "season", "fiscal", "fiscal_after"}:
            return spot.get("year")
        if rule == "holiday":
            return resolve_holiday(spot.get("holiday"), spot.get("year"), text, spot.start, published,
                                   tense_near(text, spot.start, spot.end))
        if rule == "nth_weekday":  # "the last Friday in May": a day found in its year as a holiday is
            words = current_language().dates
            nth = words.NTH_WEEKDAY_ORDINALS[spot.get("nth").lower()]
            yearly = ("nth_weekday", words.MONTHS[spot.get("month").rstrip(".").lower()],
                      words.WEEKDAYS[spot.get("wday").lower()], nth)
            return resolve_yearly(yearly, spot.get("year"), text, spot.start, published,
                                  tense_near(text, spot.start, spot.end))
        if rule == "quarter":
            return _resolve_quarter(spot, text, published)
        if rule == "edge_year":
            return _resolve_this_last_next(spot, published, text)
        if rule == "the_unit":
            if spot.get("year"):  # "year-end 2023"
                return spot.get("year")
            return _period_value(published, spot.get("unit").lower(), 0) if published else None
        if rule == "weekday":
            return _resolve_weekday(spot, text, published)
        if rule == "weekday_of_week" and published is not None:  # "Tuesday last week"
            words = current_language().dates
            monday = published + timedelta(weeks=words.WHICH_OFFSETS[spot.get("which").lower()],
                                           days=-published.weekday())
            return (monday + timedelta(days=words.WEEKDAYS[spot.get("weekday").lower()])).isoformat()
        if rule == "deixis":
            return _resolve_deixis(spot, published)
        if rule == "ago":
            return _resolve_ago(spot, published)
        if rule == "weekend" and published is not None:
            future = tense_near(text, spot.start, spot.end) == "future"
            saturday = published + timedelta(days=5 - published.weekday())
            if not future and published.weekday() < 5:
                saturday -= timedelta(weeks=1)
            year, week, _ = saturday.isocalendar()
            return f"{year}-W{week:02d}"
    except (ValueError, OverflowError):  # 30 February, "in 99999999 days": date-shaped, not dates
        return None
    return None


def _full_year(clipped: int, published: date | None) -> int:
    """ "'91", "12/02/24": the latest year ending so that is not after next year."""
    century = 2000 if 2000 + clipped <= (published.year if published else 2030) + 1 else 1900
    return century + clipped


_SHIFT_RULES = frozenset({"in_time", "this_time", "two_off", "nth_day"})


def _resolve_shift(spot: Spot, text: str, published: date | None) -> str | None:
    """Rules counted in whole units from publication (see ``date_shifts``)."""
    if published is None:
        return None
    rule, unit = spot.rule, (spot.get("unit") or spot.get("unit2") or "").lower()
    if rule == "nth_day":
        return date_shifts.nth_day(published, int(spot.get("day")), tense_near(text, spot.start, spot.end))
    if rule == "two_off":
        return date_shifts.two_off(published, unit, spot.get("rel").lower().startswith("after"))
    if rule == "this_time":
        return date_shifts.this_time(published, unit, 1 if (spot.get("which") or "").lower() == "next" else -1)
    amount = gap_amount(spot)
    if amount is None or amount != int(amount):
        return None
    return date_shifts.in_time(published, unit, int(amount))


_SLASH_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/\d{4}(?![\d/])")


@lru_cache(maxsize=8)
def _day_first(text: str) -> bool:
    """Whether the text writes its numeric dates day first ("7/3/2024" the 7th of March): so
    does one of its slashed dates that can be read no other way, else its dates written in
    words ("7 March" rather than "March 7"). American month-first is the default."""
    for a, b in _SLASH_RE.findall(text):
        if int(a) > 12 >= int(b):
            return True
        if int(b) > 12 >= int(a):
            return False
    words = current_language().dates
    return len(words.DAY_MONTH_RE.findall(text)) > len(words.MONTH_DAY_RE.findall(text))


def _resolve_season(spot: Spot, text: str, published: date | None) -> str | None:
    """ "in the autumn": the year of the nearest such season the tense allows."""
    date_words = current_language().dates
    if published is None:
        return None
    middle = date_words.SEASON_MIDDLES[spot.get("season").lower()]
    edge = (spot.get("edge") or "").lower()
    if middle != 1 and edge in {"early", "late"}:
        # "by early summer" in July is next year's: the edge is a month from the middle
        # (winter's edges straddle the new year, and stay at its middle)
        middle += -1 if edge == "early" else 1
    return str(_nearest_year(published, middle, 15, tense_near(text, spot.start, spot.end)))


def _resolve_day(spot: Spot, text: str, published: date | None) -> str | None:
    date_words = current_language().dates
    month = date_words.MONTHS[spot.get("month").rstrip(".").lower()]
    day = int(spot.get("day"))
    if spot.get("year"):
        return date(int(spot.get("year")), month, day).isoformat()
    if spot.get("which"):  # "May 3 last year"
        return date(published.year + date_words.WHICH_OFFSETS[spot.get("which").lower()], month, day).isoformat() \
            if published else None
    if published is None:
        return None  # a day without a year cannot be placed without the publication date
    weekday = spot.get("weekday")
    if weekday:
        # "Tuesday, November 19": the weekday says which year
        number = {**date_words.WEEKDAY_SHORT, **date_words.WEEKDAYS}[weekday.lower()]
        years = [y for y in (published.year, published.year - 1, published.year + 1)
                 if _valid(y, month, day) and date(y, month, day).weekday() == number]
        if (not years or years[0] > published.year) and (
                written := _written_weekday_year(text, month, day, number, published)):
            years = [written]  # "Monday 10 February 2014 ... on Tuesday 11 February": 2014's, not 2025's
        if years:
            return date(years[0], month, day).isoformat()
    year = _nearest_year(published, month, day, tense_near(text, spot.start, spot.end))
    return date(year, month, day).isoformat()


def _written_weekday_year(text: str, month: int, day: int, weekday: int, published: date) -> int | None:
    """The year nearest publication, written in the text, in which ``month``/``day`` falls on
    ``weekday``: the story's year for a day given with its weekday and no year."""
    years = {int(y) for y in _WRITTEN_YEAR_RE.findall(text)}
    fitting = [y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == weekday]
    return min(fitting, key=lambda y: abs(y - published.year)) if fitting else None


_WRITTEN_YEAR_RE = re.compile(r"(?<![\w.,$])(?:19|20)\d\d(?![\w%])")


def _ymd(year: int, month: int, day: int) -> date | None:
    return date(year, month, day) if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _resolve_month(spot: Spot, text: str, published: date | None) -> str | None:
    date_words = current_language().dates
    month = date_words.MONTHS[(spot.get("month") or spot.get("month2")).rstrip(".").lower()]
    if spot.get("year"):  # "the first week of January 2024", "the last day of November 2023"
        return month_in_year(spot, int(spot.get("year")))
    if published is None:
        return None
    if spot.get("which"):  # "February of last year"
        return f"{published.year + date_words.WHICH_OFFSETS[spot.get('which').lower()]}-{month:02d}"
    rel = (spot.get("rel") or "").lower()
    if rel == "last":
        # "last October" written in November: the month just gone would be "last month",
        # so the words name the October a year before
        year = published.year if month < published.month - 1 else published.year - 1
    elif rel == "this":
        year = published.year  # "this August", whatever the tense
    elif rel == "next":
        # "next December" written in November: likewise, not the month about to begin
        year = published.year if month > published.month + 1 else published.year + 1
    elif month == published.month:
        year = published.year  # the month the article came out in: it has begun, whatever the tense
    else:
        # a range is placed by its days ("Jan. 8-9"), a month by its middle
        day = int(spot.get("day")) if spot.rule == "day_range" and spot.get("day") else 15
        # "the February estimate will be revised", "February sales": a month's figures are of
        # a month gone, whatever the sentence's tense
        tense = "past" if spot.rule == "month" and (date_words.MONTH_FIGURES_AFTER_RE.match(text, spot.end) or (
            date_words.MONTH_FIGURES_BEFORE_RE.search(text, max(0, spot.start - 24), spot.start)) or (
            date_words.MONTH_REPORT_AFTER_RE.match(text, spot.end)  # "in its October report": one out
            and date_words.OWNER_BEFORE_RE.search(text, max(0, spot.start - 8), spot.start))) else (
            tense_near(text, spot.start, spot.end))
        year = _nearest_year(published, month, day, tense)
    return month_in_year(spot, year)


def month_in_year(spot: Spot, year: int) -> str:
    """A month spot's value in ``year``: the month, or the week or day of it its words name
    ("the second week of August", "the last day of November")."""
    date_words = current_language().dates
    month = date_words.MONTHS[(spot.get("month") or spot.get("month2")).rstrip(".").lower()]
    rel = " ".join((spot.get("rel") or spot.get("edge") or "").lower().split())
    if week := date_words.WEEK_OF_MONTH_RE.fullmatch(rel):
        return _week_of_month(year, month, week)
    if edge_day := date_words.EDGE_DAY_OF_MONTH_RE.fullmatch(rel):
        return _edge_day(year, month, edge_day)
    return f"{year}-{month:02d}"


def _edge_day(year: int, month: int, edge: re.Match[str]) -> str:
    """ "the first day of March", "the last day of November": that day."""
    if edge.group("edge") == "first":
        return date(year, month, 1).isoformat()
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _week_of_month(year: int, month: int, week: re.Match[str]) -> str:
    """ "the first week of July": the ISO week of the middle of its first seven days (of its
    first Monday when "full"); "the first weekend of August": the week of its first Saturday;
    "the last ...": of the last."""
    nth = current_language().dates.NTH_NUMBERS[week.group("nth").lower()]
    target = 5 if week.group("unit").lower() == "weekend" else 0 if week.group("full") else None
    first = date(year, month, 1)
    last = (first + relativedelta(months=1)) - timedelta(days=1)
    if nth > 0:
        start = first + timedelta(days=3) if target is None else first + timedelta(
            days=(target - first.weekday()) % 7)
        day = start + timedelta(weeks=nth - 1)
    else:
        day = last - timedelta(days=3) if target is None else last - timedelta(days=(last.weekday() - target) % 7)
    return date_shifts.at_precision(day, "week")


def _nearest_year(published: date, month: int, day: int, tense: str | None) -> int:
    """The publication year, or its neighbour when that is nearer or the tense demands it."""
    def candidate(year: int) -> date:
        return date(year, month, min(day, 28 if month == 2 else day))

    years = (published.year - 1, published.year, published.year + 1)
    best = min(years, key=lambda y: (abs((candidate(y) - published).days), y != published.year))
    if tense is None and abs((candidate(best) - published).days) > 90:
        best = published.year  # no tense and no year near: the publication year (the guidelines' rule)
    gap = (candidate(best) - published).days
    if tense == "past" and gap > 2:
        best -= 1
    elif tense == "future" and gap < -2:
        best += 1
    return best


def _resolve_weekday(spot: Spot, text: str, published: date | None) -> str | None:
    date_words = current_language().dates
    if published is None:
        return None
    target = date_words.WEEKDAYS[spot.get("weekday").lower()]
    mod = " ".join((spot.get("mod") or "").lower().split())
    back = (published.weekday() - target) % 7
    forward = (target - published.weekday()) % 7
    if mod in {"last", "previous", "preceding"}:
        day = published - timedelta(days=back or 7)
    elif mod in {"next", "following", "this coming", "coming"}:  # "this coming Sunday": the next one
        day = published + timedelta(days=forward or 7)
    elif mod == "this" or tense_near(text, spot.start, spot.end) == "future":
        day = published + timedelta(days=forward)
    else:
        day = published - timedelta(days=back)
    return day.isoformat()


def _resolve_deixis(spot: Spot, published: date | None) -> str | None:
    if published is None:
        return None
    word = (spot.get("word") or spot.get("word2") or "").lower()
    if word.startswith("yesterday") or word == "last night":
        return (published - timedelta(days=1)).isoformat()
    if word.startswith("tomorrow"):
        return (published + timedelta(days=1)).isoformat()
    return published.isoformat()


def _resolve_this_last_next(spot: Spot, published: date | None, text: str) -> str | None:
    date_words = current_language().dates
    if published is None:
        return None
    which = " ".join(spot.get("which").lower().split())
    # "this past weekend": the last one; "the coming weekend": this week's
    offset = -1 if which in {"this past", "past"} else 0 if which in {"this coming", "coming"} else (
        date_words.WHICH_OFFSETS[which])
    unit = spot.get("unit").lower()
    if unit == "week" and which == "this" and published.weekday() == 6 and tense_near(
            text, spot.start, spot.end) == "future":
        offset = 1  # "we will pass both bills this week", said on a Sunday: the week that begins
    if unit in date_words.SEASONS:
        return str(_season_year(published, unit, 1 if which in {"this coming", "coming"} else offset))
    if unit == "quarter":
        return str((published + relativedelta(months=3 * offset)).year)
    return _period_value(published, unit, offset)


def _season_year(published: date, season: str, offset: int) -> int:
    """ "last summer" is the latest summer that has ended ("last summer" in October is this
    year's), "next spring" the first one not yet begun; a season spans about three months
    around its middle. "last winter" in February is the winter we are in: winter keeps the
    plain year offset, only the year is asked."""
    middle = current_language().dates.SEASON_MIDDLES[season]
    if offset == 0 or middle == 1:
        return published.year + offset
    if offset < 0:
        return published.year if published.month > middle + 1 else published.year - 1
    return published.year if published.month < middle - 1 else published.year + 1


def _period_value(published: date, unit: str, offset: int) -> str:
    if unit in {"week", "weekend"}:
        year, week, _ = (published + timedelta(weeks=offset)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        moved = published + relativedelta(months=offset)
        return f"{moved.year}-{moved.month:02d}"
    if unit == "decade":  # "this decade": 202X
        return f"{published.year // 10 + offset}X"
    return str(published.year + offset)


def _resolve_quarter(spot: Spot, text: str, published: date | None) -> str | None:
    date_words = current_language().dates
    owner = date_words.YEAR_POSSESSIVE_BEFORE_RE.search(text, max(0, spot.start - 20), spot.start)
    if spot.get("year") or owner and owner.group("year"):  # "Q3 2023", "2023's first quarter"
        return spot.get("year") or owner.group("year")
    if published is None:
        return None
    which = spot.get("which") or (owner.group("which") if owner else None)  # "last year's second half"
    if which:
        return str(published.year + date_words.WHICH_OFFSETS[which.lower()])
    # "the fourth quarter" in February is last year's when the text speaks of the past
    nth = (spot.get("nth") or spot.get("q") or "")[:1]
    quarter = {"f": 1, "1": 1, "s": 2, "2": 2, "t": 3, "3": 3, "4": 4}.get(nth.lower())
    if nth.lower() == "f" and (spot.get("nth") or "").lower().startswith("fo"):
        quarter = 4
    current = (published.month - 1) // 3 + 1
    half = (spot.get("half") or spot.get("h") or "")[:1].lower()
    if half:  # "the second half of the year": compared with the half the article came out in
        quarter, current = {"f": 1, "1": 1, "s": 2, "2": 2}[half], 1 if published.month <= 6 else 2
    tense = tense_near(text, spot.start, spot.end)
    results = current_language().dates.RESULTS_AFTER_RE.match(text, spot.end) is not None
    if results:
        tense = "past"  # "will report fourth-quarter results": results are of a quarter gone
    # a half told as past has ended: the one the article came out in has not ("sales fell in
    # the first half" in February is last year's)
    # (late in a half, it is told as past already: "the second half was harder" in November)
    early_in_half = (published.month - 1) % 6 < 3
    # a quarter told as past in its own first month ("sales fell in the first quarter" on Jan. 8) is
    # last year's: this one has hardly begun
    # (not a quarter's results, only now begun: "a hit to fourth-quarter revenue" in October is a forecast)
    early_in_quarter = (published.month - 1) % 3 == 0 and not results
    if quarter and tense == "past" and (quarter > current or quarter == current and (
            early_in_half if half else early_in_quarter)):
        return str(published.year - 1)
    if quarter and tense == "future" and quarter < current:
        return str(published.year + 1)
    return str(published.year)


def _into_year(spot: Spot, published: date | None) -> str | None:
    """ "a week into the new year": that many units after the first of January."""
    year = int(spot.get("year")) if spot.get("year") else (published.year if published else None)
    amount = gap_amount(spot)
    unit = spot.get("unit").lower()
    if year is None or amount is None or amount != int(amount) or unit not in {"day", "week", "month"}:
        return None
    return date_shifts.at_precision(date_shifts.shifted(date(year, 1, 1), unit, int(amount)), unit)


def _resolve_ago(spot: Spot, published: date | None) -> str | None:
    if spot.get("dir").lower() == "into" and (spot.get("into") or spot.get("year")):
        return _into_year(spot, published)
    if published is None or spot.get("dir").lower() != "ago":
        return None
    if spot.get("agoday"):  # "a week ago Sunday"
        amount = gap_amount(spot)
        if amount is None or amount != int(amount):
            return None
        return date_shifts.ago_weekday(published, int(amount), current_language().dates.WEEKDAYS[
            spot.get("agoday").lower()])
    if spot.get("same"):  # "a year ago today"
        amount = gap_amount(spot)
        if amount is None or amount != int(amount) or spot.get("unit").lower() in {"minute", "hour"}:
            return None
        return date_shifts.ago_same(published, spot.get("unit").lower(), int(amount), spot.get("same"))
    if (spot.get("approx") or "").lower().split()[-1:] in (["over"], ["than"], ["under"]):
        return None  # "over a month ago" is an open interval, not a period
    amount = gap_amount(spot)
    if amount is None or amount != int(amount):
        return None
    n = int(amount)
    unit = spot.get("unit").lower()
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "day":
        return (published - timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (published - timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        moved = published - relativedelta(months=n)
        return f"{moved.year}-{moved.month:02d}"
    years = {"year": 1, "decade": 10, "century": 100}.get(unit)
    if years is None:
        # Hours and minutes ago: the publication date has no time of day, so
        # whether it crossed midnight is unknown (found by the fuzz run).
        return None
    return str(published.year - n * years)
