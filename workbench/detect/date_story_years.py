"""The years, months and periods of a story: the part of ``date_story.StoryDates`` that reads
a year a sentence wrote, a list waiting for its year ("June, July or August 2020"), a
timeline entry's day, the quarter whose results "a year earlier" compares with, "that
March", "the same month last year", and a month named again."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date
from itertools import islice

from workbench.detect.date_moves import in_year
from workbench.detect.date_shifts import at_precision
from workbench.detect.date_tense import tense_near
from workbench.detect.date_values import Spot
from workbench.detect.language_scope import current_language

DAY_UNITS = frozenset({"minute", "hour", "day", "session", "morning", "afternoon", "evening", "night"})
_LIST_SEPARATOR_RE = re.compile(r",\s*|,?\s+(?:and|or)\s+")  # "June, July or August 2020"
_COUNTED_FROM_NOW_RE = re.compile(r"last\s+year|a\s+year\s+ago", re.IGNORECASE)  # "the same period last year"
_LIST_REACH = 4  # how many dates on a list of months or days may wait for its year


class StoryYears:
    """Years and periods in the story's time; mixed into ``StoryDates``, whose state it reads
    (``text``, ``spots`` and their starts, ``sentence_starts``, ``placed``, the story's last
    date and day, the months "last" or "next" named)."""

    text: str
    spots: tuple[Spot, ...]
    spot_starts: list[int]
    sentence_starts: list[int]
    placed: dict[int, str | None]
    anchor: str | None
    day_anchor: str | None
    months_named: dict[int, str]
    _carried: bool
    sentence_end: Callable[[int], int]

    def _sentence_year(self, spot: Spot, here: int) -> str | None:
        """The year written out last before ``spot`` in its sentence, not at an edge ("since
        2019", "since the company went public in 2014"): "figures for 2025, released on
        Friday, ... compared with the previous year", "much of the 2024 decline came in the
        first quarter"."""
        first = bisect_left(self.spot_starts, self.sentence_starts[here] if here >= 0 else 0)
        words = current_language().dates
        for before in reversed(self.spots[first : bisect_left(self.spot_starts, spot.start)]):
            if before.get("year"):
                edge = words.YEAR_EDGE_BEFORE_RE.search(self.text, max(0, before.start - 8), before.start) or (
                    words.SINCE_CLAUSE_BEFORE_RE.search(self.text, max(0, before.start - 50), before.start))
                return None if edge else before.get("year")
        return None

    def _entry_day(self, spot: Spot) -> str | None:
        """The day that opens the timeline entry ``spot`` is in ("March 31: First-quarter ..."):
        the day placed at the start of its line, before a colon."""
        line_start = self.text.rfind("\n", 0, spot.start) + 1
        i = bisect_left(self.spot_starts, line_start)
        if i >= len(self.spots) or self.spots[i].start != line_start or self.spots[i].start >= spot.start:
            return None
        day = self.placed.get(line_start) or ""
        after = self.text[self.spots[i].end : self.spots[i].end + 2]
        return day if len(day) == 10 and after.startswith(":") else None

    def _listed_before_year(self, spot: Spot) -> str | None:
        """The year written after the last of a list of months or days ("June, July or August
        2020", "March 3 and April 5, 2021"), when ``spot`` is one listed before it, in order."""
        i = bisect_right(self.spot_starts, spot.start)
        end = spot.end
        for after in islice(self.spots, i, i + _LIST_REACH):
            if after.rule not in {"month", "my", "mdy", "dmy"} or after.get("which") or after.get("story_year") or (
                    not _LIST_SEPARATOR_RE.fullmatch(self.text, end, after.start)):
                return None
            if after.get("year"):
                month, last = (current_language().dates.MONTHS[s.get("month").rstrip(".").lower()] for s in (spot, after))
                return after.get("year") if month <= last else None
            end = after.end
        return None

    def _quarter_told(self, here: int) -> str | None:
        """ "reports fourth-quarter results next week ... expect profit to fall 30% from a year
        earlier": the year of the quarter (or half) whose results the sentence or the one
        before speaks of, which "a year earlier" compares with (when the sentence has placed
        no other time before it: "imports in October fell 4% from a year earlier")."""
        first = bisect_left(self.spot_starts, self.sentence_starts[max(0, here - 1)])
        for before in self.spots[first : bisect_left(self.spot_starts, self.sentence_end(here))]:
            if before.rule == "quarter" and (value := self.placed.get(before.start)):
                return value[:4]
        return None

    def _that_unit(self, spot: Spot, published: date | None) -> str | None:
        """ "that same day", "in that month", "that summer", "that March", "the end of that
        month": the day, week, month or year the story last gave, if it gave one that fine."""
        unit = (spot.get("unit") or "").lower()
        anchor = self.anchor or ""
        if spot.get("back"):
            if published and _COUNTED_FROM_NOW_RE.match(spot.get("back")) and anchor[:4] != str(published.year):
                # "up 7% from the same period last year", the story's period not this year's: last year
                return str(published.year - 1)
            return _a_year_back(anchor, spot.get("back_unit").lower())
        if unit in DAY_UNITS:
            return self.day_anchor
        if unit == "week":
            return at_precision(date.fromisoformat(self.day_anchor), "week") if self.day_anchor else None
        month = current_language().dates.MONTHS[spot.get("month").lower()] if spot.get("month") else 0
        if month in self.months_named:  # "that March": of the "last March" named before
            return f"{self.months_named[month]}-{month:02d}"
        if "W" in anchor or len(anchor) < 4 or not anchor[:4].isdigit():
            return None
        if month:  # ... else of the story's year
            return f"{anchor[:4]}-{month:02d}"
        if unit == "month":
            return anchor[:7] if len(anchor) >= 7 else None
        return anchor[:4]  # the year, or a season of it

    def _month_named_before(self, spot: Spot, value: str | None) -> str | None:
        """ "A raid killed the wrong family last August ... It was the second week of August":
        a month named again without a year, not told as to come, is the one "last" or "next"
        named before."""
        if spot.rule != "month" or not value or spot.get("year") or spot.get("which"):
            return value
        month = current_language().dates.MONTHS[spot.get("month").rstrip(".").lower()]
        rel = " ".join((spot.get("rel") or "").lower().split())
        if rel in {"last", "next"}:
            self.months_named[month] = value[:4]
            return value
        year = self.months_named.get(month)
        if year is None or year == value[:4] or rel.split()[-1:] in (["this"], ["early"], ["late"], ["mid"]) or (
                tense_near(self.text, spot.start, spot.end) == "future"):
            return value
        self._carried = True
        return in_year(spot, value, year, self.text)

    def _aside_end(self, spot: Spot, here: int) -> int:
        """Where the clause that holds ``spot`` closes, when it is a relative clause set off by
        commas ("Solberg, who was hired in August 2022, said ...") or a reported clause another
        follows ("... in 2022 and that the crew would train over Christmas"); else -1. Its
        year frames only that clause."""
        text = self.text
        start = self.sentence_starts[here] if here >= 0 else 0
        end = self.sentence_end(here)
        words = current_language().dates
        for aside in words.RELATIVE_ASIDE_RE.finditer(text, start, spot.start):
            closing = text.find(",", spot.end, end)
            if closing >= 0 and "," not in text[aside.end() : spot.start]:
                return closing
        following = words.NEXT_REPORTED_CLAUSE_RE.search(text, spot.end, end)
        return following.start() if following else -1


def _a_year_back(anchor: str, unit: str) -> str | None:
    """ "the same month last year" after January 2025: 2024-01; a week, day or period the
    same, a year back; a quarter or season, the year before."""
    if len(anchor) < 4 or not anchor[:4].isdigit():
        return None
    year = str(int(anchor[:4]) - 1)
    if unit in {"quarter", "season"} or len(anchor) == 4:
        return year
    if unit == "month":
        return year + anchor[4:7] if len(anchor) >= 7 and "W" not in anchor else None
    if len(anchor) == 10:
        day = date.fromisoformat(anchor)
        back = day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)
        return at_precision(back, "week") if unit == "week" else back.isoformat()
    return year + anchor[4:]  # "2025-W03", "2025-01": the period a year back
