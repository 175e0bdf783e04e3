"""The days, weekdays and weekends of a story: the part of ``date_story.StoryDates`` that
places a day named again, a weekday or a weekend against the days the story has given
("on Dec. 18, a Wednesday ... late Tuesday", "A year ago, on a Friday evening", "the
Thursday before", a heading "Friday, 8.50 p.m.", "By the weekend")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from workbench.detect.date_anchors import gap_amount
from workbench.detect.date_moves import weekday_near, weekday_number
from workbench.detect.date_said import PARAGRAPH_BREAK_RE
from workbench.detect.date_shifts import at_precision
from workbench.detect.date_tense import tense_near
from workbench.detect.date_values import Spot, resolve
from workbench.detect.language_scope import current_language

DAY_RULES = frozenset({"mdy", "dmy"})  # a month and a day: "Feb. 9", "9 February"
PUBLICATION_NEAR = 31  # days: a date this near publication is read as the publication's
_STORY_WEEK_REACH = 14  # days: how long after a day given with its weekday the story's weekdays follow it
_WEEKDAY_AGAIN_SENTENCES = 2  # "home by Friday ... not home by Friday": how far back a weekday named again is sought
_BRACKET_RE = re.compile(r"\s*[(\[]\s*")  # "on Thursday (March 7)"
_POSSESSIVE_RE = re.compile(r"['’]s\s+")  # "Monday's Presidents Day holiday"
_ON_RE = re.compile(r"\s+on\s+")  # "closed for Thanksgiving on Thursday"
_BACK_THEN_APPOSITION_RE = re.compile(r",?\s+on\s+(?:an?\s+)?")  # "A year ago, on a Friday evening"
# "the Thursday before", not "the Thursday before the vote"
_SIDE_AFTER_RE = re.compile(r"\s+(before|after)\b(?!\s+(?:(?:the|a|an|his|her|their|its)\b|(?-i:[A-Z])|\d))", re.IGNORECASE)
_SINCE_THE_RE = re.compile(r"\bsince\s+the\s+$", re.IGNORECASE)  # "since the weekend"
_TO_THE_WEEKEND_RE = re.compile(r"\b(?:by|through|until|till|into)\s+the\s+$", re.IGNORECASE)  # "by the weekend"
_WEEKDAY_NAMES = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+(?:morning|afternoon|evening|night))?"
# "Friday, 8.50 p.m.", "Saturday morning", "Saturday and Sunday": a heading line of weekdays, a time at most after them
_HEADING_LINE_RE = re.compile(
    rf"\s*(?:{_WEEKDAY_NAMES})(?:\s*(?:,|and|&)\s*(?:{_WEEKDAY_NAMES}))*"
    r"(?:,\s*\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?)?\s*")


class StoryWeeks:
    """Weekdays and weekends in the story's time; mixed into ``StoryDates``, whose state it
    reads (``text``, ``spots`` and their starts, ``sentence_starts``, ``placed``, the story's
    last day and where it was given, the week a day with its weekday set) and whose
    ``sentence``, ``paragraph`` and ``_spoken_on`` it calls."""

    text: str
    spots: tuple[Spot, ...]
    spot_starts: list[int]
    sentence_starts: list[int]
    placed: dict[int, str | None]
    day_anchor: str | None
    day_anchor_at: int
    week_day: str
    previous_end: int
    previous_value: str | None
    days_named: dict[str, str]
    _carried: bool

    def _weekday_beside(self, spot: Spot) -> str | None:
        """ "who died on July 27 ... 'I called him on the Thursday before'": the weekday before
        (or after) the day the story last gave."""
        side = _SIDE_AFTER_RE.match(self.text, spot.end)
        if side is None or spot.get("mod") or not self.day_anchor or (
                self.text[max(0, spot.start - 4) : spot.start].lower() != "the "):
            return None
        anchor = date.fromisoformat(self.day_anchor)
        step = (weekday_number(spot) - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=step if side.group(1).lower() == "after" else step - 7)).isoformat()

    def _weekday_back_then(self, spot: Spot, published: date | None) -> str | None:
        """The weekday nearest the day a gap just before it counts back to ("A year ago, on a
        Friday evening", "Two months ago, on a Tuesday")."""
        i = bisect_left(self.spot_starts, spot.start)
        before = self.spots[i - 1] if i > 0 else None
        if published is None or before is None or before.rule != "ago" or (before.get("dir") or "").lower() != "ago" or (
                not _BACK_THEN_APPOSITION_RE.fullmatch(self.text, before.end, spot.start)):
            return None
        amount, unit = gap_amount(before), (before.get("unit") or "").lower()
        if amount is None or amount != int(amount) or unit not in {"year", "month"}:
            return None
        then = published - relativedelta(**{unit + "s": int(amount)})
        offset = (weekday_number(spot) - then.weekday()) % 7
        return (then + timedelta(days=offset if offset <= 3 else offset - 7)).isoformat()

    def _day_listed(self, here: int) -> str | None:
        """The day the spot placed last gave, when it is a day of sentence ``here``."""
        value = self.previous_value or ""
        return value if len(value) == 10 and self.previous_end > 0 and self.sentence(self.previous_end - 1) == here else None

    def _section_end(self, spot: Spot) -> int:
        """Where the paragraph a heading of its own ("Tuesday, Aug. 29" on a line) opens
        ends; -1 when the day is not a heading."""
        text = self.text
        line_start, line_end = text.rfind("\n", 0, spot.start) + 1, text.find("\n", spot.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start : spot.start].strip() or text[spot.end : line_end].strip():
            return -1
        body = PARAGRAPH_BREAK_RE.match(text, line_end)
        end = PARAGRAPH_BREAK_RE.search(text, body.end() if body else line_end)
        return end.start() if end else len(text)

    def _bracketed_day(self, spot: Spot, published: date | None) -> str | None:
        """ "on Thursday (March 7)": the day the brackets give, when it is that weekday."""
        i = bisect_right(self.spot_starts, spot.start)
        after = self.spots[i] if i < len(self.spots) else None
        if after is None or after.rule not in {"mdy", "dmy"} or not _BRACKET_RE.fullmatch(
                self.text, spot.end, after.start):
            return None
        day = resolve(after, self.text, published)
        weekday = current_language().dates.WEEKDAYS[spot.get("weekday").lower()]
        return day if day and len(day) == 10 and date.fromisoformat(day).weekday() == weekday else None

    def _its_holiday(self, spot: Spot, published: date | None) -> str | None:
        """ "Monday's Presidents Day holiday", "closed for Thanksgiving on Thursday": the
        holiday's day, when it is that weekday."""
        i = bisect_right(self.spot_starts, spot.start)
        after = self.spots[i] if i < len(self.spots) else None
        weekday = current_language().dates.WEEKDAYS[spot.get("weekday").lower()]
        before = self.spots[i - 2] if i >= 2 else None
        if before is not None and before.rule == "holiday" and _ON_RE.fullmatch(self.text, before.end, spot.start):
            day = self.placed.get(before.start)
            return day if day and len(day) == 10 and date.fromisoformat(day).weekday() == weekday else None
        if after is None or after.rule != "holiday" or not _POSSESSIVE_RE.fullmatch(self.text, spot.end, after.start):
            return None
        day = resolve(after, self.text, published)
        return day if day and len(day) == 10 and date.fromisoformat(day).weekday() == weekday else None

    def _weekday_again(self, spot: Spot, here: int) -> str | None:
        """ '"We'll be home by Friday," he told her. They were not home by Friday.': a weekday
        named again just after it was placed (in the sentence before or the one before that) is
        the same day."""
        if spot.get("mod"):
            return None
        first = bisect_left(self.spot_starts, self.sentence_starts[max(0, here - _WEEKDAY_AGAIN_SENTENCES)])
        for before in reversed(self.spots[first : bisect_left(self.spot_starts, spot.start)]):
            if before.rule == "weekday":
                value = self.placed.get(before.start)
                same = not before.get("mod") and before.get("weekday").lower() == spot.get("weekday").lower()
                return value if same and value and len(value) == 10 else None
        return None

    def _story_week_day(self, spot: Spot, published: date) -> str | None:
        """ "on the afternoon of Wednesday, Aug. 12 ... By sunrise on Thursday it was over":
        in a story whose day was given with its weekday long before publication, and told on
        in the past from there (a heading "Friday, 8.50 p.m." too), a weekday is the first
        such day from that day: the story's week, even where it steps back a day ("waited
        until Sunday evening. 'On Saturday they told us ...'")."""
        if self.day_anchor is None or not self.week_day:
            return None
        told, week = date.fromisoformat(self.day_anchor), date.fromisoformat(self.week_day)
        if (published - told).days <= PUBLICATION_NEAR or not 0 <= (told - week).days <= _STORY_WEEK_REACH:
            return None
        if not self._heading(spot) and (tense_near(self.text, spot.start, spot.end) != "past" or self._spoken_on(spot)):
            return None
        return weekday_near(week, weekday_number(spot), "future")

    def _which_weekend(self, spot: Spot, published: date) -> str | None:
        """ "Boats that tried on Friday night were sunk. By the weekend ...": in a story long
        ago, the weekend after its last day, in that day's paragraph or the next; near
        publication, one a deadline runs to ("resume by the weekend", "talks could run
        through the weekend") is the coming one."""
        if self.day_anchor and 0 <= self.paragraph(spot.start) - self.paragraph(self.day_anchor_at) <= 1 and (
                (published - date.fromisoformat(self.day_anchor)).days > PUBLICATION_NEAR):
            told = date.fromisoformat(self.day_anchor)
            if _SINCE_THE_RE.search(self.text, max(0, spot.start - 12), spot.start):  # "since the weekend": the one before
                return at_precision(told - timedelta(days=(told.weekday() - 5) % 7 or 7), "week")
            return at_precision(told + timedelta(days=(5 - told.weekday()) % 7), "week")
        if _TO_THE_WEEKEND_RE.search(self.text, max(0, spot.start - 16), spot.start):
            return at_precision(published + timedelta(days=(5 - published.weekday()) % 7), "week")
        return None

    def _heading(self, spot: Spot) -> bool:
        """Whether ``spot`` is a heading of its own, a time at most after it ("Friday, 8.50 p.m.")."""
        line_start, line_end = self.text.rfind("\n", 0, spot.start) + 1, self.text.find("\n", spot.end)
        return _HEADING_LINE_RE.fullmatch(self.text, line_start, len(self.text) if line_end < 0 else line_end) is not None


# What a speaker places against the day they speak: "yesterday", "this week", "on Friday"

    def _as_named_before(self, spot: Spot, value: str | None) -> str | None:
        """ "the Oscars on Feb. 9 ... the contenders at the Oscars on Feb. 9": a month and day
        named again without a year are the day the text placed them on before, not a reading
        of their own against publication (whose tense may differ). A year written, or one the
        story carried, places the day anew."""
        if spot.rule not in DAY_RULES or not value or len(value) != 10:
            return value
        if spot.get("year") or self._carried or spot.get("which") or spot.get("weekday"):
            self.days_named[value[5:]] = value  # a year written, carried, or named by the weekday
            return value
        return self.days_named.setdefault(value[5:], value)
