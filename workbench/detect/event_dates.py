"""The day of the event a gap counts from, when the text dates that event.

"two days before the deadline" places something against an event, not
against the publication. When the text says when the event was ("a day
before the Dec. 20 deadline", "the election on Nov. 5", or elsewhere: "the
filing deadline at noon on Dec. 20"), the gap is counted from that day.
An event the text dates twice, differently, is left open.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache

from workbench.detect.date_anchors import gap_amount, resolve_from_anchor
from workbench.detect.date_values import Spot, resolve
from workbench.detect.language_scope import current_language

_NEAR = 40  # how far a date may stand from the event's name and still be its date
_HEAD_RE = re.compile(r"([A-Za-z][A-Za-z-]{2,})\W*$")
_DAY_UNITS = frozenset({"hour", "minute"})


def adjacent_event_day(text: str, spots: tuple[Spot, ...], starts: list[int], spot: Spot,
                       published: date | None) -> str | None:
    """The day written right after the gap: "a day before the Dec. 20 deadline",
    "two days before the election on Nov. 5"."""
    after = _spot_at_or_after(spots, starts, spot.end)
    if after is not None and after.start - spot.end <= _NEAR and (
            current_language().dates.EVENT_DATE_AFTER_RE.fullmatch(text, spot.end, after.start)):
        return _day(after, text, published)
    return None


def named_event_day(text: str, spots: tuple[Spot, ...], starts: list[int], spot: Spot,
                    published: date | None) -> str | None:
    """The day the text gives elsewhere to the event the gap names: "two days before the
    deadline" and, in another sentence, "the deadline at noon on Dec. 20"."""
    head = _event_head(text, spot)
    if head is None:
        return None
    days = set()
    for m in _mentions(text, head):
        if spot.start <= m.start() < spot.end:
            continue
        dated = _dated_at(text, spots, starts, m.start(), m.end(), published)
        if dated:
            days.add(dated)
    return days.pop() if len(days) == 1 else None


def quoted_event_day(text: str, spots: tuple[Spot, ...], starts: list[int], spot: Spot,
                     published: date | None) -> str | None:
    """ '“Yesterday the base was attacked ...,” the post reads': a post whose own day is not
    given, but whose "yesterday" is the day of an event the text dates elsewhere ("the
    attack was on May 5"), and dates the same way wherever it does."""
    m = current_language().dates.QUOTED_EVENT_DAY_RE.match(text, spot.start)
    if m is None:
        return None
    days = {day for mention in _mentions(text, m.group("stem"))
            if (day := _dated_at(text, spots, starts, mention.start(), mention.end(), published))}
    return days.pop() if len(days) == 1 else None


def _mentions(text: str, head: str) -> list[re.Match[str]]:
    """Every mention of ``head`` as a word, in any case: found with ``str.find`` in the text
    lower-cased (a case-blind regex scan of a long text is many times slower), each checked
    by the regex, so that the matches are those a scan would give."""
    pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    lowered = _lowered(text)
    if lowered is None:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    needle, end = head.lower(), 0
    i = lowered.find(needle)
    while i >= 0:
        m = pattern.match(text, i) if i >= end else None
        if m is not None:
            found.append(m)
            end = m.end()
        i = lowered.find(needle, i + 1)
    return found


# Letters a case-blind regex takes for an ASCII one but ``str.lower`` does not lower to it.
_CASE_BLIND_ODDITIES = ("ı", "ſ", "İ")


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """``text`` lower-cased, or None where that would not find what a case-blind regex finds."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(letter in text for letter in _CASE_BLIND_ODDITIES):
        return None
    return lowered


def count_from(spot: Spot, day: str, published: date | None = None) -> str | None:
    """``spot``'s gap counted from ``day``: "30 hours before" a day is the day before it."""
    if spot.get("anniversary"):
        return _anniversary(spot, date.fromisoformat(day), published)
    unit = (spot.get("unit") or spot.get("unit2") or "").lower()
    if unit not in _DAY_UNITS:
        return resolve_from_anchor(spot, day)
    hours = _hours(spot)
    if hours is None:
        return None
    # The event's hour is seldom given: it is taken at noon, so "30 hours before" is the day before.
    if (spot.get("dir") or "").lower() in {"before", "earlier"}:
        days = -max(0, math.ceil((hours - 12) / 24))
    else:
        days = math.floor((hours + 12) / 24)
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except OverflowError:  # "99999999999 hours before": past the calendar's end
        return None


def _anniversary(spot: Spot, day: date, published: date | None) -> str | None:
    """ "the first anniversary" of a day is that day a year on; an anniversary with no number
    is the last one before publication, or the first when none has been."""
    nth = spot.get("anniv")
    if nth:
        years = current_language().dates.CENTURY_ORDINALS[nth.lower()]
    elif published is None:
        return None
    else:
        years = published.year - day.year
        if _same_day_in(day, published.year) > published and years > 1:
            years -= 1  # this year's is still to come: the last one held (the first is always ahead)
    return _same_day_in(day, day.year + years).isoformat() if years >= 1 else None


def _same_day_in(day: date, year: int) -> date:
    return day.replace(year=year, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=year)


def _hours(spot: Spot) -> float | None:
    amount = gap_amount(spot)
    if amount is None:
        return None
    return amount / 60 if (spot.get("unit") or "").lower() == "minute" else amount


def _event_head(text: str, spot: Spot) -> str | None:
    """The event's last word, when the span names it: "the filing deadline" gives "deadline"."""
    direction = spot.get("dir")
    if not direction:
        return None
    tail = text[spot.start : spot.end]
    marker = " of " if spot.get("eve") or spot.get("anniversary") else direction  # "the eve of the vote"
    cut = tail.lower().rfind(marker.lower())
    named = tail[cut + len(marker):] if cut >= 0 else ""
    m = _HEAD_RE.search(named)
    return m.group(1) if m else None


def _dated_at(text: str, spots: tuple[Spot, ...], starts: list[int], start: int, end: int,
              published: date | None) -> str | None:
    """The day written next to an event's name found at ``start:end``, if any."""
    words = current_language().dates
    after = _spot_at_or_after(spots, starts, end)
    if after is not None and after.start - end <= _NEAR and words.EVENT_DATE_AFTER_RE.fullmatch(
            text, end, after.start):
        return _day(after, text, published)
    i = bisect_left(starts, start) - 1
    before = spots[i] if i >= 0 else None
    if before is not None and 0 <= start - before.end <= _NEAR and words.EVENT_DATE_BEFORE_RE.fullmatch(
            text, before.end, start):
        return _day(before, text, published)
    return None


def _spot_at_or_after(spots: tuple[Spot, ...], starts: list[int], pos: int) -> Spot | None:
    i = bisect_left(starts, pos)
    return spots[i] if i < len(spots) else None


def _day(spot: Spot, text: str, published: date | None) -> str | None:
    if spot.rule in {"ago", "anchored"}:
        return None  # a gap is not the event's own date
    value = resolve(spot, text, published)
    return value if value and len(value) == 10 else None
