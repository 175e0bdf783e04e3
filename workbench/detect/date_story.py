"""Date values placed in the story's own time, not only against the publication date.

``date_values.resolve`` places a spot against the publication date. A text read
in order also gives dates of its own, and some expressions count from those:
"the year before" and "four hours later" from the last date given; "a day before
the merger", set beside "on Nov. 3", is Nov. 3; "mid-August" in a sentence that
wrote out 2004 is 2004's; "late Monday" after "Jan. 10, a Wednesday" falls in
that week; "yesterday" inside a quotation counts from the day it was said or
posted. ``StoryDates`` keeps what the text has given so far and places each
spot in turn; its weekdays and weekends are read in ``date_story_weeks``, its
years and periods in ``date_story_years``, its quotations in ``date_said``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from workbench.detect.date_anchors import counts_back, resolve_from_anchor
from workbench.detect.date_moves import (
    at_unit,
    finer,
    in_year,
    middle_day,
    valid_iso,
    weekday_after,
    weekday_near,
)
from workbench.detect.date_posts import embedded_posts, post_around
from workbench.detect.date_said import (
    PARAGRAPH_BREAK_RE,
    SAID_ON_RULES,
    SaidDays,
    quotation_around,
)
from workbench.detect.date_story_weeks import DAY_RULES, PUBLICATION_NEAR, StoryWeeks
from workbench.detect.date_story_years import DAY_UNITS, StoryYears
from workbench.detect.date_tense import tense_near
from workbench.detect.date_values import Spot, resolve
from workbench.detect.event_dates import (
    adjacent_event_day,
    count_from,
    named_event_day,
)
from workbench.detect.language_scope import current_language
from workbench.detect.sentences import sentences

_WEEKDAY_APPOSITION_RE = re.compile(r",\s+(?:a|which\s+was\s+a)\s+")
# "after Python 3.0 was first released on December 3, 2008": a clause up to the event's date
_CLAUSE_DATE_RE = re.compile(r"\s+(?:[^,;.!?\n]|\.(?=\d)){1,60}?\b(?:on|in)\s+")
_CLAUSE_FOLLOWS_RE = re.compile(r"\s+[A-Za-z]")
# "on July 28, Peru's Independence Day", "Dec. 24, Christmas Eve": a holiday set beside a day
_HOLIDAY_APPOSITION_RE = re.compile(r",\s+(?:(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:'s|’s)\s+|the\s+)?")
_OF_THAT_YEAR_RE = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")  # "November 14 of that year"
_CORRECTION_BEFORE_RE = re.compile(
    r"\s*(?:Correction|Clarification|Update|Updated|Editor['’]s\s+[Nn]ote)\s*[,:—–-]?\s*(?:on\s+)?")
# "on Dec. 18, a day before ...", "on Dec. 19 — about five hours before ...": the same day again
_APPOSITION_RE = re.compile(r"\s*(?:,|—|–|--)\s*")
_DEICTIC_MODS = frozenset({"last", "next", "this", "this coming", "coming"})
_STORY_MODS = frozenset({"following", "previous", "preceding"})  # counted from the story's day
_YEARLESS_RULES = frozenset({"mdy", "dmy", "month", "day_range", "holiday"})
_PERIOD_RULES = frozenset({"season", "my", "quarter"})  # a part of a year: "summer of 2004"
_PART_OF_YEAR_RULES = frozenset({"season", "quarter"})  # ... told without its year: "the first quarter"
# What leaves the year a story is told in as it was: days and months without a year
_KEEPS_STORY_YEAR = _YEARLESS_RULES | {"weekday", "nth_day"}
_NARRATIVE_REACH = 92  # days: how far from the story's last dated day a yearless date may be placed
_NARRATIVE_BACK = 14  # days: ... and how far before it (a story steps back a day or two: "filed on Aug. 23 ... on Aug. 22")
# sentences: how long a story's dated year holds, while nothing brings it back to the present
_NARRATIVE_SENTENCES = 8
# what is said against the present ("today", "last year"): the story has come back to it
_PRESENT_RULES = frozenset({"deixis", "edge_year"})


class StoryDates(SaidDays, StoryWeeks, StoryYears):
    """The dates a text has given so far, read in order: later expressions count from them."""

    def __init__(self, text: str, spots: tuple[Spot, ...]) -> None:
        self.text = text
        self.spots = spots
        self.sentence_starts = [start for start, _ in sentences(text)]
        self.anchor: str | None = None  # the date the narrative last gave
        self.anchor_sentence = -1
        self.day_anchor: str | None = None  # ... and the last full day it gave ("the previous session")
        self.day_anchor_at = -1  # ... and where that day was given
        self.year_sentence = -1  # the sentence that last wrote a year out, and the year
        self.year: str | None = None
        # where that year was said, while no other year has been set since: "In 2022, ...
        # In March, ..." carries it through the paragraph
        self.year_end: int | None = None
        self.year_value = ""  # ... and what it said: "In March 2022, ..."
        self.year_aside_end = -1  # where a relative clause holding that year closes, if one does
        self.week_sentence = -2  # the sentence that last gave a day with its weekday
        self.week_day = ""  # ... and the day
        self.week_section_end = -1  # ... and where the section it heads ends, if it is a heading
        # the last day or month the story dated with a year written out (or carried on from
        # one), and its sentence: "On Dec. 5" after "filmed on Dec. 3, 2022" is 2022's
        self.dated: date | None = None
        self.dated_sentence = -9
        self.story_steps = 0  # dates told since then against the story's own time
        self._carried = False  # whether the spot just placed took its year from the story
        self.previous_end = -1
        self.bare_year: tuple[int, str] | None = None  # where the last year said alone ended, and it
        self.spot_starts = [s.start for s in spots]
        self.dateline = _dateline(text, spots)  # the spot that dates the story's filing, if any
        self.filed: date | None = None  # ... and its day, once placed
        self.posts = embedded_posts(text, spots, self.spot_starts)  # posts with a dated signature
        self.days_named: dict[str, str] = {}  # "02-09" -> the day a month and day were placed on
        self.months_named: dict[int, str] = {}  # 8 -> the year "last August" named
        self.placed: dict[int, str | None] = {}  # where a spot starts -> the value it was given
        self.said_day: tuple[str, int] | None = None  # the day someone was last said to speak on, and its paragraph
        self.paragraph_starts = [0] + [m.end() for m in PARAGRAPH_BREAK_RE.finditer(text)]
        self.previous_value: str | None = None  # the value the spot placed last was given

    def place(self, spot: Spot, published: date | None) -> str | None:
        """The ISO value of ``spot``, the next spot of the text in order."""
        text = self.text
        here = self.sentence(spot.start)
        if self.filed is not None and spot.rule in _FILED_RULES:
            published = self.filed  # "KYIV, Feb. 10 (Reuters) - ... on Thursday": Feb. 8
        # "the following Tuesday" counts from the story's days, in a quotation too
        quotation = quotation_around(text, spot.start) if spot.rule in _SPEAKER_TIME_RULES and (
            (spot.get("mod") or "").lower() not in _STORY_MODS) and not (
            spot.rule == "weekday" and self._weekday_beside(spot)) else None  # "on the Thursday before"
        if spot.rule == "weekday" and self.day_anchor and _WEEKDAY_APPOSITION_RE.fullmatch(
                text, self.previous_end, spot.start):
            value = self.day_anchor  # "on Dec. 18, a Wednesday": the weekday of the day just given
            self.week_sentence, self.week_day = here, value
        elif spot.rule == "weekday" and not spot.get("mod") and (value := self._weekday_back_then(spot, published)):
            # "A year ago, on a Friday evening in February": the Friday of that week a year back
            self.week_sentence, self.week_day = here, value
            self.day_anchor, self.day_anchor_at, self.anchor, self.anchor_sentence = value, spot.start, value, here
        elif spot.rule == "holiday" and self.previous_end >= 0 and _HOLIDAY_APPOSITION_RE.fullmatch(
                text, self.previous_end, spot.start) and len(self.previous_value or "") == 10:
            value = self.previous_value  # "on July 28, Peru's Independence Day": that day
        elif _placed_against_event(spot) and (
                day := adjacent_event_day(text, self.spots, self.spot_starts, spot, published)
                or self._clause_event_day(spot, published)):
            value = count_from(spot, day, published)  # "a day before the Dec. 20 deadline"
        elif spot.rule == "that_unit" or spot.rule == "the_unit" and spot.get("that"):
            value = self._that_unit(spot, published)  # "that same day": the story's, with nothing of its own
            self.story_steps += 1
            if value and len(value) == 4 and not spot.get("back"):  # "that year, ... in the third quarter and in late September"
                self.year, self.year_sentence, self.year_value, self.year_end = value, here, value, None
        elif _narrative_relative(spot, text) and _APPOSITION_RE.fullmatch(text, self.previous_end, spot.start) and (
                self.previous_value):
            # "Last Tuesday, 37 years later, ...": the gap restates the day just given
            value = at_unit(self.previous_value, spot.get("unit") or spot.get("unit2"))
        elif _narrative_relative(spot, text):
            unit = spot.get("unit") or spot.get("unit2")
            anchor = self.day_anchor if unit in DAY_UNITS else (
                unit == "year" and (self._sentence_year(spot, here) or (
                    self.anchor_sentence != here and self._quarter_told(here))) or self.anchor)
            value = resolve_from_anchor(spot, anchor)
            if value and published and middle_day(value) > published and counts_back(spot) and (
                    tense_near(text, spot.start, spot.end) == "past"):
                # "meets on Dec. 1 ... after rising 1.2% in the previous session": what is told as
                # past does not count back from a day to come, but from the reporting's
                value = resolve_from_anchor(spot, published.isoformat())
            self.story_steps += 1  # "Two days later": the story goes on being told
        elif _placed_against_event(spot) and here == self.anchor_sentence and self.anchor and (
                _APPOSITION_RE.fullmatch(text, self.previous_end, spot.start)
                or finer(spot.get("unit"), self.anchor)):
            # "on Dec. 18, a day before the vote", "in 1998 ... three days before the deadline":
            # the sentence has dated what the phrase places; the event it counts from has no date
            value = self.anchor
        elif _placed_against_event(spot) and (day := (
                adjacent_event_day(text, self.spots, self.spot_starts, spot, published)
                or named_event_day(text, self.spots, self.spot_starts, spot, published))):
            value = count_from(spot, day, published)  # "two days before the election on Nov. 5"
        elif spot.rule in _SPEAKER_TIME_RULES and (post := post_around(self.posts, spot.start)) and (
                day := resolve(post.dated, text, published)) and len(day) == 10:
            value = resolve(spot, text, date.fromisoformat(day))  # a post's "today": the day it was posted
        elif quotation is not None and (spot.rule in _DEICTIC_RULES or self._attributed_day(quotation, published)):
            # "yesterday" is always the speaker's; "this week", "on Friday" only when the day
            # they spoke is given ('"This week was hard," she said last Friday')
            value = self._in_quotation(spot, quotation, published)
            if value and self.year and value[:4] != self.year:
                self.year_end = None  # '"In 2019 the state arrived late. This year ... in June"': the present again
        else:
            value = resolve(spot, text, self._said_long_ago(spot, published) or published)
            value = self._in_story_time(spot, value, here, published)
            value = self._as_named_before(spot, value)
            value = self._month_named_before(spot, value)
            self._note_dated(spot, value, here)
            if value and spot.get("year") and self._frames_its_sentence(spot, here):
                self.year, self.year_sentence = spot.get("year"), here
                self.year_aside_end = self._aside_end(spot, here)
                # only a year that opens its sentence sets the paragraph's time ("In 2022, ...")
                self.year_end = spot.end if self._opens_its_sentence(spot, here) else None
                self.year_value = value
            elif value and not self._carried and (spot.rule not in _KEEPS_STORY_YEAR or spot.get("which")):
                # "last month", "in 2009", "in January of this year": the story's year is set anew
                self.year_end = None
                if self.year_sentence == here and self.year and value[:4] != self.year:
                    # "resurfaced in the autumn of 2022 and again early this year, ... in early March":
                    # the sentence has gone on to another year, and what follows in it is that year's
                    self.year, self.year_value, self.year_aside_end = value[:4], value, -1
            self.bare_year = (spot.end, spot.get("year")) if spot.rule == "year" and value else self.bare_year
            self.anchor = value or self.anchor
            self.anchor_sentence = here if value else self.anchor_sentence
            if value and len(value) == 10:
                self.day_anchor, self.day_anchor_at = value, spot.start
                if spot.get("weekday") and spot.rule != "weekday":
                    self.week_sentence, self.week_day = here, value  # "Wednesday, Dec. 18"
                    self.week_section_end = self._section_end(spot)
        self.previous_end, self.previous_value = spot.end, value
        self.placed[spot.start] = value
        if spot.rule in SAID_ON_RULES and value and len(value) == 10 and self._spoken_on(spot) and (
                quotation_around(text, spot.start) is None):  # not a day inside the words quoted
            self.said_day = (value, bisect_right(self.paragraph_starts, spot.start) - 1)  # "said Wednesday"
        if spot is self.dateline and value and len(value) == 10:
            self.filed = date.fromisoformat(value)
        return value

    def _said_long_ago(self, spot: Spot, published: date | None) -> date | None:
        """ 'In an email dated June 30, 2023, he wrote: "We fix it by year-end."': a month,
        quarter or part of a year inside words whose attribution gives the day they were said
        or written, long before publication, is read against that day."""
        if published is None or spot.rule not in _SAID_PERIOD_RULES or (
                quotation := quotation_around(self.text, spot.start)) is None:
            return None
        said = self._said_after(quotation[1], published, strict=True) or self._said_before(quotation[0], published)
        day = date.fromisoformat(said) if said and len(said) == 10 else None
        return day if day is not None and abs((day - published).days) > PUBLICATION_NEAR else None

    def _clause_event_day(self, spot: Spot, published: date | None) -> str | None:
        """ "11 years after Python 3.0 was released on December 3, 2008": the date that ends
        the clause naming the event, in the same sentence."""
        if not _ends_at_direction(spot, self.text):
            return None
        i = bisect_right(self.spot_starts, spot.start)
        after = self.spots[i] if i < len(self.spots) else None
        if after is None or after.rule in {"ago", "anchored"} or not _CLAUSE_DATE_RE.fullmatch(
                self.text, spot.end, after.start):
            return None
        value = resolve(after, self.text, published)
        return value if value and "W" not in value else None

    def _note_dated(self, spot: Spot, value: str | None, here: int) -> None:
        """Keep the story's last dated day or month, when its year was written (or carried)."""
        if value and spot.rule in _PRESENT_RULES and here != self.dated_sentence:
            # "today", "last year": the story came back to the present; in the sentence that
            # dated the story, an aside ("on Feb. 24, a coincidence she called fitting last month")
            self.dated = None
        elif value and len(value) == 4 and self.dated is not None and value != str(self.dated.year):
            self.dated = None  # "in 2011": the story has moved to another year
        if not value or "W" in value or len(value) < 7:
            return
        if current_language().dates.YEAR_EDGE_BEFORE_RE.search(self.text, max(0, spot.start - 8), spot.start) or (
                current_language().dates.SINCE_CLAUSE_BEFORE_RE.search(self.text, max(0, spot.start - 50), spot.start)):
            return  # "since 2013", "since Ferreira took over in February 2023": an edge, not the story's time
        if spot.get("year") or spot.get("which") and spot.rule not in _PRESENT_RULES or spot.rule == "iso" or (
                self._carried):
            self.story_steps = self.story_steps + 1 if self._carried else 0
            self.dated, self.dated_sentence = middle_day(value), here  # "January of this year" too
        elif spot.rule in _YEARLESS_RULES or spot.rule == "weekday":
            self.dated = None  # the story came back to the publication's time

    def _in_narrative_year(self, spot: Spot, value: str, here: int, published: date) -> str:
        """A day or month without a year, told just after the story dated one in an earlier
        year, a few sentences on at most: placed just after that date rather than near
        publication ("filmed on Dec. 3, 2022. On Dec. 5, ..."; "invaded in February 2022. By
        March, ..."), when it falls within a quarter after it and the publication's reading is
        not itself within a month. A date before the dated one is left to publication: texts
        that step back ("an Oct. 13 report ... (November 2022)") seldom stay in that year."""
        if self.dated is None or here - self.dated_sentence > _NARRATIVE_SENTENCES:
            return value
        ours = middle_day(value)
        # near publication, the publication's reading stands ("filmed on Feb. 3, 2022. It
        # resurfaced on Feb. 12"), unless the story has gone on being told since its date
        # ("on Jan. 9, 2023 ... Two days later ... A second consignment followed on Feb. 24")
        if abs((ours - published).days) <= PUBLICATION_NEAR and not self.story_steps or tense_near(
                self.text, spot.start, spot.end) == "future":
            return value
        best = None
        # "On March 9, 2022, ... two days later ... By December, it had conducted eleven tests":
        # a story that goes on being told in the past keeps the rest of its year (up to
        # publication); a date alone after it ("filmed on May 3, 2021. It went viral on Oct. 2")
        # is the present's
        # ("began moving funds on Jan. 9, 2018, ... and made the last transfer on Oct. 22": in its sentence too)
        reach = max(_NARRATIVE_REACH, (min(date(self.dated.year, 12, 31), published) - self.dated).days) if (
            (self.story_steps or here == self.dated_sentence)
            and tense_near(self.text, spot.start, spot.end) == "past") else _NARRATIVE_REACH
        for year in range(max(1000, self.dated.year - 1), min(9999, self.dated.year + 1) + 1):
            moved = in_year(spot, value, str(year), self.text)
            # a story told in order moves on: only a date after the dated one follows it
            gap = (middle_day(moved) - self.dated).days if moved[:4] == str(year) else None
            if gap is not None and -_NARRATIVE_BACK <= gap <= reach and (best is None or abs(gap) < best[0]):
                best = (abs(gap), moved)
        if best is None:
            return value
        self._carried = True
        return best[1]

    def _next_day_told(self, spot: Spot, value: str, published: date) -> str | None:
        """ "On Nov. 8 she wrote that ... On Nov. 14: "No boat tonight."": a day with no year and
        no tense of its own, in the paragraph of a day the story placed long before
        publication, follows that day in its year, when it comes soon after it."""
        if self.day_anchor is None or self.paragraph(self.day_anchor_at) != self.paragraph(spot.start):
            return None
        told = date.fromisoformat(self.day_anchor)
        if (published - told).days <= PUBLICATION_NEAR:
            return None
        tense = tense_near(self.text, spot.start, spot.end)
        if tense is not None and not (tense == "future" and self._future_in_past(spot)):
            return None
        for year in (told.year, told.year + 1):
            moved = in_year(spot, value, str(year), self.text)
            if moved != value and moved[:4] == str(year) and 0 <= (middle_day(moved) - told).days <= _NARRATIVE_REACH:
                return moved
        return None

    def _future_in_past(self, spot: Spot) -> bool:
        """ "Two companies would cross on the night of Oct. 16": a future told from the story's
        past, in the clause before the date."""
        here = self.sentence(spot.start)
        start = max(self.sentence_starts[here] if here >= 0 else 0, spot.start - 200)
        return current_language().dates.FUTURE_IN_PAST_RE.search(self.text[start : spot.start]) is not None

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos) - 1

    def _paragraph_year(self, spot: Spot, published: date | None) -> bool:
        """Whether the year that framed an earlier sentence still sets the time here: in the
        same paragraph, with no other year set since, and not where a past year would be
        told of in the future ("In 2022, ... In May, talks will resume")."""
        if self.year is None or self.year_end is None or self.text.find("\n", self.year_end, spot.start) >= 0:
            return False
        if published is not None and int(self.year) != published.year and (
                tense_near(self.text, spot.start, spot.end) == "future") == (int(self.year) < published.year):
            return False
        return True

    def _frames_its_sentence(self, spot: Spot, here: int) -> bool:
        """Whether a year sets the time of what its sentence tells next: "In 1998, ...", "in
        the summer of 2004". A year in passing ("the firm, founded in 2009, said in January")
        or at an edge ("since 2013") does not."""
        if current_language().dates.YEAR_EDGE_BEFORE_RE.search(self.text, max(0, spot.start - 8), spot.start):
            return False
        return spot.rule in _PERIOD_RULES or self._opens_its_sentence(spot, here)

    def _opens_its_sentence(self, spot: Spot, here: int) -> bool:
        return bool(current_language().dates.SENTENCE_OPENING_RE.fullmatch(
            self.text, self.sentence_starts[here] if here >= 0 else 0, spot.start))

    def _in_story_time(self, spot: Spot, value: str | None, here: int,
                       published: date | None) -> str | None:
        """A month or weekday the publication date would place, placed in the story's time.

        "in the summer of 2004 ... in mid-August": the sentence gave the year; "April next
        year" names it. "on Dec. 18, a Wednesday ... late Tuesday": the sentence before gave
        a day with its weekday, so the story is told in that week, far from the publication's."""
        self._carried = False
        if value is None or spot.get("year") or spot.get("weekday") and spot.rule != "weekday":
            return value
        if _CORRECTION_BEFORE_RE.fullmatch(self.text, self.text.rfind("\n", 0, spot.start) + 1, spot.start):
            return value  # "Correction, October 17: An earlier version ...": the day of the correction
        if spot.rule in {"mdy", "dmy", "my"} and spot.get("which"):
            return value  # "May 3 last year": the words name the year
        if spot.rule in {"month", "mdy", "dmy"} and (year := self._listed_before_year(spot)):
            return in_year(spot, value, year, self.text)  # "into June, July or August 2020": 2020's June
        if spot.get("story_year") or spot.rule in DAY_RULES and _OF_THAT_YEAR_RE.match(self.text, spot.end):
            # "in 2014. After the annexation in March of that year", "on November 14 of that year"
            return in_year(spot, value, self.anchor[:4], self.text) if self.anchor else None
        if spot.rule == "weekday" and (day := self._bracketed_day(spot, published) or self._its_holiday(spot, published)
                                       or self._weekday_again(spot, here)):
            return day
        mod = (spot.get("mod") or "").lower()
        if spot.rule == "weekday" and (day := self._weekday_beside(spot)):
            return day
        if spot.rule == "weekday" and mod in _STORY_MODS and (day := self._day_listed(here) or self.day_anchor):
            # "the following Monday": the first Monday after the day the story last gave, or the day
            # just listed in its sentence ("then again on Saturday, then the cup the following Tuesday")
            return weekday_after(date.fromisoformat(day), spot)
        anchor = self.anchor or ""
        if spot.rule == "nth_day" and len(anchor) >= 7 and "W" not in anchor and (
                here - self.anchor_sentence <= 1 or spot.get("that")):
            # "In January, talks broke down on the 7th": the month the story is in
            moved = f"{anchor[:7]}-{int(spot.get('day')):02d}"
            return moved if valid_iso(moved) else value
        which = current_language().dates.WHICH_YEAR_AFTER_RE.match(self.text, spot.end)
        if spot.rule in _YEARLESS_RULES and which and published:
            # "in April next year": the year named after the month, not the nearest April
            year = published.year + current_language().dates.WHICH_OFFSETS[which.group("which").lower()]
            return in_year(spot, value, str(year), self.text)
        deictic = (spot.get("rel") or "").lower().split()[-1:] in (["last"], ["next"], ["this"]) or (
            spot.rule == "holiday" and current_language().dates.HOLIDAY_DEICTIC_BEFORE_RE.search(
                self.text, max(0, spot.start - 16), spot.start) is not None)  # "this Thanksgiving"
        if (spot.rule in _YEARLESS_RULES and not deictic and value and self.anchor_sentence == here
                and len(anchor) == 7 and "W" not in anchor and value[4:7] == anchor[4:7] and value[:4] != anchor[:4]):
            # "Last December's ice storm, which left thousands without power on Christmas Eve":
            # the month its sentence has just placed
            self._carried = True
            return in_year(spot, value, anchor[:4], self.text)
        if spot.rule in _YEARLESS_RULES and self.year and self.year_sentence == here and not deictic and (
                not 0 <= self.year_aside_end < spot.start):  # "Solberg, who was hired in August 2022, said ..."
            self._carried = True
            moved = in_year(spot, value, self.year, self.text)
            if moved[:7] < self.year_value[:7] and self.previous_value == self.year_value and (
                    current_language().dates.COORDINATION_RE.search(self.text, self.previous_end, spot.start)):
                # "posted a preprint in November 2023 and had it accepted in March": what
                # follows in order falls after it, in the next year (if not after publication)
                following = in_year(spot, value, str(int(self.year) + 1), self.text)
                moved = following if published is None or middle_day(following) <= published else moved
            return moved
        if spot.rule in _YEARLESS_RULES and not deictic and self._paragraph_year(spot, published):
            moved = in_year(spot, value, self.year, self.text)
            if moved[:7] >= self.year_value[:7]:  # a story told in order moves on from its date
                self._carried = True  # "In 2022, Russia fired ... In March, it struck": 2022's March
                return moved
        if (spot.rule in _YEARLESS_RULES and not deictic and self.bare_year and current_language().dates.
                COORDINATED_AFTER_YEAR_RE.fullmatch(self.text, self.bare_year[0], spot.start)
                and tense_near(self.text, spot.start, spot.end) == "past"):
            return in_year(spot, value, self.bare_year[1], self.text)  # "arrested in 2019 and fled in August"
        if (spot.rule in _PART_OF_YEAR_RULES and not spot.get("year") and not spot.get("which") and (
                year := self._sentence_year(spot, here) or (self.year if self.year_sentence == here else None))
                and tense_near(self.text, spot.start, spot.end) != "future"):
            # "Much of the 2024 decline came in the first quarter", "that year, most of them in the
            # third quarter": a part of a year told without one, in the sentence of a year, is its
            self._carried = year != value
            return year
        if spot.rule in _PART_OF_YEAR_RULES and not spot.get("year") and not spot.get("which") and (
                entry := self._entry_day(spot)):
            return entry[:4]  # "March 31: First-quarter fundraising period closes.": that March's year
        if (spot.rule == "season" and not spot.get("year") and published and self.dated is not None
                and here - self.dated_sentence <= _NARRATIVE_SENTENCES
                and tense_near(self.text, spot.start, spot.end) == "past"):
            # "on 5 January 2022 ... By the spring, the assessment had changed": the story's spring
            middle = current_language().dates.SEASON_MIDDLES[spot.get("season").lower()]
            year = self.dated.year if middle >= self.dated.month else self.dated.year + 1
            if year < published.year:
                self._carried = True
                return str(year)
        listed = self.previous_value or ""
        if (spot.rule in _YEARLESS_RULES and not deictic and len(listed) >= 7 and "W" not in listed
                and current_language().dates.COORDINATED_DATES_RE.fullmatch(self.text, self.previous_end, spot.start)):
            moved = in_year(spot, value, listed[:4], self.text)
            if moved[:7] >= listed[:7] and not (published and middle_day(moved) > published and tense_near(
                    self.text, spot.start, spot.end) == "past"):  # "fell between January and March" in February
                self._carried = moved[:4] != value[:4]
                return moved  # "on 7 May and on 19 August": the year of the date listed with it
        if spot.rule in DAY_RULES and not deictic and published and (moved := self._next_day_told(spot, value, published)):
            self._carried = True
            return moved
        if spot.rule in _YEARLESS_RULES and not deictic and published:
            return self._in_narrative_year(spot, value, here, published)
        if spot.rule == "weekend" and published and (week := self._which_weekend(spot, published)):
            return week
        if spot.rule == "weekday" and not spot.get("mod") and published and (day := self._story_week_day(spot, published)):
            return day  # "By sunrise on Thursday", "Saturday and Sunday" as a heading: the story's week, long ago
        if (spot.rule == "weekday" and " ".join((spot.get("mod") or "").lower().split()) not in _DEICTIC_MODS
                # under a heading day ("Tuesday, Aug. 29"), its section; else the next sentence, where
                # "Okafor told the Ledger in an interview on Wednesday" is the reporting's own week
                and self.day_anchor and published and (spot.start < self.week_section_end or (
                    here - self.week_sentence <= 1 and not self._spoken_on(spot)))):
            day = date.fromisoformat(self.week_day)
            if abs((day - published).days) > 6:
                # "On Monday, Oct. 14, the shelling began. By Wednesday night ...": what a deadline
                # runs to is after the day given; else the tense says which side of it
                tense = "future" if current_language().dates.DEADLINE_BEFORE_RE.search(
                    self.text, max(0, spot.start - 24), spot.start) else tense_near(self.text, spot.start, spot.end)
                return weekday_near(day, current_language().dates.WEEKDAYS[spot.get("weekday").lower()], tense)
        return value


# What words said long ago place against the day they were said: "by year-end", "in March"
_SAID_PERIOD_RULES = frozenset({"the_unit", "quarter", "month", "season", "mdy", "dmy", "holiday"})
# What a speaker places against the day they speak: "yesterday", "this week", "on Friday"
_SPEAKER_TIME_RULES = frozenset({"deixis", "two_off", "edge_year", "weekday", "ago"})
# ... and what is always the speaker's: "yesterday", "the day before yesterday"
_DEICTIC_RULES = frozenset({"deixis", "two_off"})
_DATELINE_REACH = 600  # a dateline opens the story: after its headline, before this
_FILED_RULES = frozenset({"weekday", "weekday_of_week", "deixis"})  # what counts from the day filed


def _dateline(text: str, spots: tuple[Spot, ...]) -> Spot | None:
    """The day a dateline gives ("KYIV, Feb. 10 (Reuters) -"), at the start of a line near
    the top of the text."""
    words = current_language().dates
    for spot in spots:
        if spot.start > _DATELINE_REACH:
            break
        line_start = text.rfind("\n", 0, spot.start) + 1
        if spot.rule in {"mdy", "dmy"} and words.DATELINE_BEFORE_RE.fullmatch(text, line_start, spot.start) and (
                words.DATELINE_AFTER_RE.match(text, spot.end)):
            return spot
    return None


def _narrative_relative(spot: Spot, text: str) -> bool:
    """ "the year before", "four hours later": counted from the story's last date, not today.
    "two days after the deadline" names its own event, whose date the text may not give."""
    direction = (spot.get("dir") or "").lower()
    if spot.rule == "ago" and direction not in {"later", "earlier", "before", "after"}:
        return False
    if direction in {"before", "after"} and _ends_at_direction(spot, text):
        return False  # "11 years after Python 3.0 was released": an event, not the story's last date
    return spot.rule in {"ago", "anchored"} and text[spot.start : spot.end].lower().endswith(
        (direction or "\0", "day", "week", "fortnight", "month", "year", "session", "morning", "afternoon",
         "evening", "night"))


def _ends_at_direction(spot: Spot, text: str) -> bool:
    """ "two years after" with a clause to follow ("after the war began"), not the event's name."""
    direction = (spot.get("dir") or "").lower()
    return bool(direction) and text[spot.start : spot.end].lower().endswith(direction) and bool(
        _CLAUSE_FOLLOWS_RE.match(text, spot.end))


def _placed_against_event(spot: Spot) -> bool:
    """ "two days after the deadline": a gap counted from a named event, not from a date."""
    direction = (spot.get("dir") or "").lower()
    return spot.rule in {"ago", "anchored"} and direction in {"before", "after"}
