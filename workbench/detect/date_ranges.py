"""Two dates joined as a range ("from Monday to Thursday", "Feb. 28-March 2, 2023",
"between January and March"): each end placed so that the range runs forward.

Each end is first placed alone (``StoryDates``); a range that writes its year once, at its
end, puts its start in that year too, and a range whose ends were placed apart or the wrong
way round has one end moved to the other: the end that says more (a year, "last week")
stays, otherwise the end the tense fixes (the last in a past sentence, the first in one
looking ahead).
"""

from __future__ import annotations

from datetime import date, timedelta

from workbench.detect.date_moves import valid_iso
from workbench.detect.date_tense import tense_near
from workbench.detect.date_values import Spot, resolve
from workbench.detect.language_scope import current_language


def in_order(text: str, spots: tuple[Spot, ...], values: list[str | None]) -> None:
    """Place the ends of each range in ``values`` (one value per spot) so that it runs forward."""
    for i in range(len(spots) - 1):
        if values[i]:
            values[i] = _range_start_in_end_year(spots[i], spots[i + 1], text, values[i])
        if values[i] and values[i + 1] and _joined(text, spots[i], spots[i + 1]):
            values[i], values[i + 1] = _forward(text, spots[i], spots[i + 1], values[i], values[i + 1])


_LOOSE_RULES = frozenset({"weekday", "mdy", "dmy", "month"})  # ends placed by the nearest reading
_FIXED_MODS = frozenset({"last", "next", "this", "previous", "preceding", "following"})


def _joined(text: str, start: Spot, end: Spot) -> bool:
    """ "Monday to Thursday", "January-March", "between January and March" ("on Monday and
    Thursday" lists two days, it spans nothing)."""
    words = current_language().dates
    m = words.RANGE_JOIN_RE.fullmatch(text, start.end, end.start)
    if m is None:
        return False
    return "and" not in m.group().lower().split() or bool(
        words.RANGE_BETWEEN_BEFORE_RE.search(text, max(0, start.start - 9), start.start))


def _fixed(spot: Spot) -> bool:
    """Whether an end says which one it is ("last Monday", "Thursday last week", "May 2023")."""
    return (spot.rule not in _LOOSE_RULES or spot.get("year") is not None
            or (spot.get("mod") or spot.get("rel") or "").lower() in _FIXED_MODS)


def _forward(text: str, start: Spot, end: Spot, first: str, last: str) -> tuple[str, str]:
    """Both ends, the loose one moved next to the other when the range runs backward or, for
    weekdays, spans a week or more ("Monday through Wednesday": the Wednesday after that Monday)."""
    if len(first) != len(last) or "W" in first + last or len(first) not in {7, 10} or (
            _fixed(start) and _fixed(end)):
        return first, last
    weekdays = start.rule in {"weekday", "weekday_of_week"} and end.rule in {"weekday", "weekday_of_week"}
    if len(first) == 10 and weekdays:
        a, b = date.fromisoformat(first), date.fromisoformat(last)
        if 0 <= (b - a).days < 7:
            return first, last
        span = (b.weekday() - a.weekday()) % 7
        if _fixed(start) or not _fixed(end) and tense_near(text, start.start, end.end) != "past":
            return first, (a + timedelta(days=span)).isoformat()
        return (b - timedelta(days=span)).isoformat(), last
    if weekdays or last >= first or start.rule == "weekday" or end.rule == "weekday":
        return first, last
    # months or days that run backward: a year apart, one of them on the wrong side
    if _fixed(start) or not _fixed(end) and tense_near(text, start.start, end.end) != "past":
        year = int(first[:4]) + (last[5:] < first[5:])
        return first, f"{year}{last[4:]}" if valid_iso(f"{year}{last[4:]}") else last
    year = int(last[:4]) - (first[5:] > last[5:])
    return (f"{year}{first[4:]}" if valid_iso(f"{year}{first[4:]}") else first), last



_RANGE_START_RULES = frozenset({"mdy", "dmy", "month"})
_RANGE_END_RULES = frozenset({"mdy", "dmy", "my"})


def _range_start_in_end_year(spot: Spot, end: Spot, text: str, value: str) -> str:
    """ "Feb. 28-March 2, 2023", "from May to June 2022": a range that writes its year once,
    at its end, puts its start in that year too (in the year before when the start's month
    comes later: "Dec. 30-Jan. 2, 2024")."""
    if (spot.rule not in _RANGE_START_RULES or spot.get("year") or spot.get("rel")
            or end.rule not in _RANGE_END_RULES or not end.get("year") or len(value) not in {7, 10}
            or not current_language().dates.RANGE_JOIN_RE.fullmatch(text, spot.end, end.start)):
        return value
    year = int(end.get("year"))
    month_day = value[5:]
    end_value = resolve(end, text, None) or ""
    if month_day[:2] > end_value[5:7]:
        year -= 1
    if month_day == "02-29" and year % 4:  # a leap day only in a leap year (1900, 2100 are out of reach)
        return value
    return f"{year}-{month_day}"
