"""Date claims: absolute and relative temporal expressions, resolved to ISO 8601.

Spotting is a small grammar of compiled patterns (``_PATTERNS``); each match
becomes a ``Spot`` with the fields it read, the longest non-overlapping spots
win, and ``date_values.resolve`` turns a spot into an ISO value against the
publication date. ``date_spans`` exposes the spots so the figure detector can leave years
and day numbers alone without running resolution twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.date_values import (
    MONTHS,
    WEEKDAYS,
    Spot,
    resolve,
    resolve_from_anchor,
    tense_near,
)
from workbench.detect.figure_words import STOP_WORDS
from workbench.detect.lang import language
from workbench.detect.numbers import tokens
from workbench.detect.sentences import sentences

_language = language()  # English: the detectors' default language

__all__ = ["MONTHS", "WEEKDAYS", "date_spans", "detect_dates", "tense_near"]


_COUNT_BEFORE = _language.dates.COUNT_BEFORE
_COUNT_AFTER = _language.dates.COUNT_AFTER
_APPROXIMATE_YEAR_BEFORE = _language.dates.APPROXIMATE_YEAR_BEFORE
_YEAR_PREPOSITION_BEFORE = _language.dates.YEAR_PREPOSITION_BEFORE
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_YEAR_NOUNS = _language.dates.YEAR_NOUNS
_MONTHS_THAT_ARE_WORDS = _language.dates.MONTHS_THAT_ARE_WORDS


_MONTH_PREPOSITION = _language.dates.MONTH_PREPOSITION
_SEASON_PREPOSITION = _language.dates.SEASON_PREPOSITION
_NEXT_NOUN_RE = _language.dates.NEXT_NOUN_RE
_MEASURING_BEFORE_RE = _language.dates.MEASURING_BEFORE_RE
_EVENT_AFTER_RE = _language.dates.EVENT_AFTER_RE
_PLURAL_AFTER_RE = re.compile(r"\s*(?:%|[a-z]+s\b)")
_DEICTIC_AFTER_RE = _language.dates.DEICTIC_AFTER_RE
_WRITTEN_ATTRIBUTION_RE = _language.dates.WRITTEN_ATTRIBUTION_RE
_YEAR_EDGE_BEFORE_RE = _language.dates.YEAR_EDGE_BEFORE_RE
_WHICH_YEAR_AFTER_RE = _language.dates.WHICH_YEAR_AFTER_RE
_WHICH_OFFSETS = _language.dates.WHICH_OFFSETS


_PATTERNS = _language.dates.PATTERNS


_RULES: dict[str, list[re.Pattern[str]]] = {}
for _rule, _pattern in _PATTERNS:
    _RULES.setdefault(_rule, []).append(_pattern)


def _starts(*groups: tuple[tuple[str, ...], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """token -> the rules whose pattern may begin at that token."""
    table: dict[str, list[str]] = {}
    for words, rules in groups:
        for word in words:
            table.setdefault(word, []).extend(r for r in rules if r not in table.get(word, []))
    return {word: tuple(rules) for word, rules in table.items()}


_START_RULES = _starts(*_language.dates.START_WORDS)
_DIGIT_RULES = ("day_range", "iso", "slash", "dmy", "year", "decade", "ago", "fiscal_after", "quarter")


@lru_cache(maxsize=8)
def _spots(text: str) -> tuple[Spot, ...]:
    """Every date expression, longest first where they overlap."""
    found: list[Spot] = []
    for pos, token in tokens(text):
        rules = _DIGIT_RULES if token[0].isdigit() else _START_RULES.get(token)
        if not rules:
            continue
        for rule, m in ((r, p.match(text, pos)) for r in rules for p in _RULES[r]):
            if m is None or m.end() == m.start():
                continue
            if rule == "clipped_year" and not _CLIPPED_YEAR_BEFORE_RE.search(text, max(0, pos - 8), pos):
                continue  # an opening quotation mark, not a clipped year
            fields = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            end = m.end()
            if rule in {"ago", "anchored"} and (m.group("dir") or "").lower() in {"before", "after"}:
                if rule == "ago" and not _EVENT_AFTER_RE.match(text, end):
                    continue  # "for two days before" measures; "two days after the strike" places
                end = _event_end(text, end)  # "two days after the deadline": the event stays
            spot = _trim(Spot(m.start(), end, rule, fields), text)
            if spot is not None and _plausible(spot, text):
                found.append(spot)
    found.sort(key=lambda s: (-(s.end - s.start), s.start))
    chosen: list[Spot] = []
    # Chosen spots never overlap, so each new one need only be checked against
    # its neighbours in start order (a scan of all of them is quadratic).
    starts: list[int] = []
    ends: list[int] = []
    for spot in found:
        i = bisect_left(starts, spot.start)
        if (i > 0 and ends[i - 1] > spot.start) or (i < len(starts) and starts[i] < spot.end):
            continue
        starts.insert(i, spot.start)
        ends.insert(i, spot.end)
        chosen.append(spot)
    chosen.sort(key=lambda s: s.start)
    return tuple(chosen)


_EVENT_RE = _language.dates.EVENT_RE
_CLIPPED_YEAR_BEFORE_RE = _language.dates.CLIPPED_YEAR_BEFORE_RE
_NP_WORD_RE = re.compile(r"\s+([a-z][a-z-]*)\b")


def _event_end(text: str, end: int) -> int:
    """Where the event after "before"/"after" ends: "the filing deadline", "Meadows announced"."""
    em = _EVENT_RE.match(text, end)
    if em is None:
        return end
    if em.group("verb"):
        return em.end()
    pos, last = em.end(), end
    for _ in range(3):  # the noun phrase: up to three words before a preposition or clause
        wm = _NP_WORD_RE.match(text, pos)
        if wm is None or wm.group(1) in STOP_WORDS:
            break
        pos = last = wm.end()
    return last


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of all date expressions (used to keep years out of figures)."""
    return [(s.start, s.end) for s in _spots(text)]


def detect_dates(text: str, ctx: DetectContext) -> list[Candidate]:
    """Date candidates with ISO values resolved against ``ctx.published``."""
    out = []
    story = _Story(text)
    for spot in _spots(text):
        value = story.place(spot, ctx.published)
        score = 0.9 if spot.rule in {"iso", "mdy", "dmy", "my"} else 0.75
        out.append(Candidate("date", spot.start, spot.end, text[spot.start : spot.end], value,
                             score=score, extra={"rule": spot.rule}))
    return out


class _Story:
    """The dates a text has given so far, read in order: later expressions count from them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_starts = [start for start, _ in sentences(text)]
        self.anchor: str | None = None  # the date the narrative last gave
        self.anchor_sentence = -1
        self.day_anchor: str | None = None  # ... and the last full day it gave ("the previous session")
        self.day_sentence = -1
        self.year_sentence = -1  # the sentence that last wrote a year out, and the year
        self.year: str | None = None
        self.week_sentence = -2  # the sentence that last gave a day with its weekday
        self.previous_end = -1

    def sentence(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def place(self, spot: Spot, published: date | None) -> str | None:
        text = self.text
        here = self.sentence(spot.start)
        same = here == self.anchor_sentence
        if spot.rule == "weekday" and self.day_anchor and _WEEKDAY_APPOSITION_RE.fullmatch(
                text, self.previous_end, spot.start):
            value = self.day_anchor  # "on Dec. 18, a Wednesday": the weekday of the day just given
            self.week_sentence = here
        elif _narrative_relative(spot, text):
            unit = spot.get("unit") or spot.get("unit2")
            value = resolve_from_anchor(spot, self.day_anchor if unit in _DAY_UNITS else self.anchor)
        elif _placed_against_event(spot) and same and self.anchor and (
                _APPOSITION_RE.fullmatch(text, self.previous_end, spot.start)
                or _finer(spot.get("unit"), self.anchor)):
            # "on Dec. 18, a day before the vote", "in 1998 ... three days before the deadline":
            # the sentence has dated what the phrase places; the event it counts from has no date
            value = self.anchor
        elif spot.rule == "deixis" and _in_written_quote(text, spot.start):
            value = None  # "yesterday" in a quoted post counts from the post's day, not ours
        else:
            value = resolve(spot, text, published)
            value = self._in_story_time(spot, value, here, published)
            if value and spot.get("year") and not _YEAR_EDGE_BEFORE_RE.search(
                    text, max(0, spot.start - 8), spot.start):
                self.year, self.year_sentence = spot.get("year"), here  # not "since 2013": an edge
            self.anchor = value or self.anchor
            self.anchor_sentence = here if value else self.anchor_sentence
            if value and len(value) == 10:
                self.day_anchor, self.day_sentence = value, here
                if spot.get("weekday") and spot.rule != "weekday":
                    self.week_sentence = here  # "Wednesday, Dec. 18"
        self.previous_end = spot.end
        return value

    def _in_story_time(self, spot: Spot, value: str | None, here: int,
                       published: date | None) -> str | None:
        """A month or weekday the publication date would place, placed in the story's time.

        "in the summer of 2004 ... in mid-August": the sentence gave the year; "April next
        year" names it. "on Dec. 18 ...
        late Tuesday": the sentence before gave a day with its weekday, so the story is told
        in that week, far from the publication's."""
        if value is None or spot.get("year") or spot.get("weekday") and spot.rule != "weekday":
            return value
        which = _WHICH_YEAR_AFTER_RE.match(self.text, spot.end)
        if spot.rule in _YEARLESS_RULES and which and published:
            # "in April next year": the year named after the month, not the nearest April
            moved = str(published.year + _WHICH_OFFSETS[which.group("which").lower()]) + value[4:]
            return moved if _valid_iso(moved) else value
        if spot.rule in _YEARLESS_RULES and self.year and self.year_sentence == here:
            moved = self.year + value[4:]
            return moved if _valid_iso(moved) else value
        if (spot.rule == "weekday" and (spot.get("mod") or "").lower() not in _DEICTIC_MODS
                and self.day_anchor and published and here - self.week_sentence <= 1):
            day = date.fromisoformat(self.day_anchor)
            if abs((day - published).days) > 6:
                return _weekday_near(day, WEEKDAYS[spot.get("weekday").lower()],
                                     tense_near(self.text, spot.start, spot.end))
        return value
_WEEKDAY_APPOSITION_RE = re.compile(r",\s+(?:a|which\s+was\s+a)\s+")
# "on Dec. 18, a day before ...", "on Dec. 19 — about five hours before ...": the same day again
_APPOSITION_RE = re.compile(r"\s*(?:,|—|–|--)\s*")
_DAY_UNITS = frozenset({"minute", "hour", "day", "session"})
_DEICTIC_MODS = frozenset({"last", "next", "this"})
_YEARLESS_RULES = frozenset({"mdy", "dmy", "month", "day_range"})
_UNIT_RANK = {"minute": 0, "hour": 1, "day": 2, "session": 2, "week": 3, "month": 4, "year": 5}
_QUOTE_OPENERS = "“\""
_QUOTE_CLOSERS = "”\""


def _placed_against_event(spot: Spot) -> bool:
    """ "two days after the deadline": a gap counted from a named event, not from a date."""
    direction = (spot.get("dir") or "").lower()
    return spot.rule in {"ago", "anchored"} and direction in {"before", "after"}


def _finer(unit: str | None, anchor: str) -> bool:
    """Whether a gap of ``unit`` stays inside the period ``anchor`` names (days inside 1998)."""
    precision = "day" if len(anchor) == 10 else "week" if "W" in anchor else (
        "month" if len(anchor) == 7 else "year")
    return _UNIT_RANK.get((unit or "").lower(), 9) < _UNIT_RANK[precision]


def _valid_iso(value: str) -> bool:
    try:
        date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return False
    return True


def _weekday_near(day: date, weekday: int, tense: str | None) -> str:
    """The given weekday in the days around ``day``: before it unless the sentence looks ahead."""
    if tense == "future":
        return (day + timedelta(days=(weekday - day.weekday()) % 7)).isoformat()
    return (day - timedelta(days=(day.weekday() - weekday) % 7)).isoformat()


def _in_written_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks given to a post, tweet or letter."""
    start = max(text.rfind("\n", 0, pos), 0)
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    opened = [i for i in range(start, pos) if text[i] in _QUOTE_OPENERS]
    if not opened:
        return False
    if text[opened[-1]] == "\"" and text[start:opened[-1]].count("\"") % 2:
        return False  # a straight mark that closes a quotation, not one that opens it
    close = next((i for i in range(pos, end) if text[i] in _QUOTE_CLOSERS), None)
    if close is None:
        return False
    around = text[max(start, opened[-1] - 60) : opened[-1]] + " " + text[close : close + 60]
    return bool(_WRITTEN_ATTRIBUTION_RE.search(around))


def _narrative_relative(spot: Spot, text: str) -> bool:
    """ "the year before", "four hours later": counted from the story's last date, not today.
    "two days after the deadline" names its own event, whose date the text may not give."""
    direction = (spot.get("dir") or "").lower()
    if spot.rule == "ago" and direction not in {"later", "earlier", "before", "after"}:
        return False
    return spot.rule in {"ago", "anchored"} and text[spot.start : spot.end].lower().endswith(
        (direction or "\0", "day", "week", "month", "year", "session"))


# --- spotting checks ------------------------------------------------------------


def _trim(spot: Spot, text: str) -> Spot | None:
    """Drop a leading "the" and trailing dots that end a sentence rather than an abbreviation."""
    start, end = spot.start, spot.end
    while start < end and text[start].isspace():
        start += 1
    if text[start : start + 4].lower() == "the ":
        start += 4
    # "Feb." keeps its dot; a date at a sentence end does not take the full stop.
    if end > start and text[end - 1] == "." and not re.search(r"\b[A-Z][a-z]{2,3}\.$", text[start:end]):
        end -= 1
    if end <= start:
        return None
    return Spot(start, end, spot.rule, spot.fields)


def _plausible(spot: Spot, text: str) -> bool:
    """Reject matches that are counts, model numbers or modal verbs rather than dates."""
    if spot.rule == "year":
        before = text[max(0, spot.start - 30) : spot.start]
        if _APPROXIMATE_YEAR_BEFORE.search(before):
            return True  # "since around 2024": still a year
        if _COUNT_BEFORE.search(before) and not spot.get("edge"):
            return bool(_YEAR_PREPOSITION_BEFORE.search(before)) and (
                not _COUNT_AFTER.match(text, spot.end)
            )
        if _COUNT_AFTER.match(text, spot.end) or _counts_a_noun(text, spot.end):
            return False
        if re.search(r"(?:\bNo\.?|\b[Nn]umber|\b[Pp]age|\b[Ff]light|\b[Rr]oute)\s*$", before):
            return False
    if spot.rule == "season" and not spot.get("year"):
        # "in the autumn" places; "the summer heat", "survive the winter" do not
        return bool(_SEASON_PREPOSITION.search(text, max(0, spot.start - 12), spot.start)) and (
            not _NEXT_NOUN_RE.match(text, spot.end))
    if spot.rule == "month" and spot.get("month") in _MONTHS_THAT_ARE_WORDS and not spot.get("rel"):
        return bool(_MONTH_PREPOSITION.search(text, max(0, spot.start - 12), spot.start))
    if spot.rule == "edge_year" and spot.get("which").lower() in {"last", "next"} and not spot.get("mod"):
        # "the last year", "over the past ... next month" measure a stretch, they do not place
        if re.search(r"\b(?:the|past)\s+$", text[max(0, spot.start - 8) : spot.start], re.I):
            return False
    if spot.rule == "mdy" and spot.get("month") in _MONTHS_THAT_ARE_WORDS and not spot.get("year"):
        # "May 5" is a date, but "March 2 kilometres" is not
        return not _PLURAL_AFTER_RE.match(text, spot.end)
    if spot.rule in {"mdy", "dmy"}:
        after = text[spot.end : spot.end + 12]
        if re.match(r"\s*(?:%|percent|[ap]\.?m\b|GMT)", after):
            return False
    if spot.rule == "deixis" and text[spot.start].isupper() and not _after_sentence_end(text, spot.start):
        return False  # "NBC's Today show": a name
    if spot.rule == "ago" and (spot.get("dir") or "").lower() in {"after", "before"}:
        # "two days after the strike" places an event; "for two days before" measures
        if _MEASURING_BEFORE_RE.search(text, max(0, spot.start - 12), spot.start):
            return False
    if spot.rule == "ago" and _DEICTIC_AFTER_RE.match(text, spot.end):
        return False  # "later this week" is the date, not "two years later"
    if spot.rule == "ago" and (spot.get("amount") or "").lower() in {"many", "few"}:
        return (spot.get("dir") or "").lower() == "ago"
    return True


def _after_sentence_end(text: str, pos: int) -> bool:
    return bool(re.search(r"(?:^|[.!?\n\"“‘(:]\s*)$", text[max(0, pos - 3) : pos]))


def _counts_a_noun(text: str, end: int) -> bool:
    """ "1500 soldiers": a plural noun right after a bare four-digit number makes it a count."""
    wm = _NEXT_WORD.match(text, end)
    if not wm:
        return False
    word = wm.group(1)
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
            and word not in STOP_WORDS and word not in _YEAR_NOUNS)

