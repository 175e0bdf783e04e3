"""Date claims: absolute and relative temporal expressions, resolved to ISO 8601.

Spotting is a small grammar of compiled patterns (the language's ``PATTERNS``); each match
becomes a ``Spot`` with the fields it read, the longest non-overlapping spots
win, and ``date_values.resolve`` turns a spot into an ISO value against the
publication date. ``date_spans`` exposes the spots so the figure detector can leave years
and day numbers alone without running resolution twice.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.date_ranges import in_order
from workbench.detect.date_shifts import at_precision
from workbench.detect.date_story import StoryDates
from workbench.detect.date_tense import tense_near
from workbench.detect.date_values import Spot
from workbench.detect.figure_words import figure_words
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, in_context_language, per_language
from workbench.detect.numbers import tokens

_log = logging.getLogger(__name__)

__all__ = ["date_spans", "detect_dates", "tense_near"]


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_PLURAL_AFTER_RE = re.compile(r"\s*(?:%|[a-z]+s\b)")
_PREPOSITION_RE = re.compile(r"[A-Za-z]+\s+")


@dataclass(frozen=True)
class _Grammar:
    """One language's date patterns, indexed by the token a pattern may begin at."""

    rules: dict[str, list[re.Pattern[str]]]  # rule name -> its patterns
    start_rules: dict[str, tuple[str, ...]]  # token -> the rules whose pattern may begin there


@per_language
def _grammar(lang: LanguageData) -> _Grammar:
    rules: dict[str, list[re.Pattern[str]]] = {}
    for rule, pattern in lang.dates.PATTERNS:
        rules.setdefault(rule, []).append(pattern)
    return _Grammar(rules, _starts(*lang.dates.START_WORDS))


def _starts(*groups: tuple[tuple[str, ...], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """token -> the rules whose pattern may begin at that token."""
    table: dict[str, list[str]] = {}
    for words, rules in groups:
        for word in words:
            table.setdefault(word, []).extend(r for r in rules if r not in table.get(word, []))
    return {word: tuple(rules) for word, rules in table.items()}


_DIGIT_RULES = ("day_range", "iso", "slash", "dmy", "year", "decade", "ago", "nth_day",
                "fiscal_after", "quarter", "named_date", "century")


# The gap "the eve of" and "the anniversary of" stand for, counted from the event named after
_EVENT_DAY_RULES = frozenset({"mdy", "dmy"})  # the rules a day named for its event comes in
_EVE_GAP = (("dir", "before"), ("unit", "day"))
_ANNIVERSARY_GAP = (("dir", "after"), ("unit", "year"))


def _spots(text: str) -> tuple[Spot, ...]:
    """Every date expression, longest first where they overlap."""
    return _spots_in(text, current_language())


@lru_cache(maxsize=8)
def _spots_in(text: str, lang: LanguageData) -> tuple[Spot, ...]:
    date_words = lang.dates
    grammar = _grammar()
    found: list[Spot] = []
    for pos, token in tokens(text):
        rules = _DIGIT_RULES if token[0].isdigit() else grammar.start_rules.get(token)
        if not rules:
            continue
        for rule, m in ((r, p.match(text, pos)) for r in rules for p in grammar.rules[r]):
            if m is None or m.end() == m.start():
                continue
            if rule == "clipped_year" and not date_words.CLIPPED_YEAR_BEFORE_RE.search(
                    text, max(0, pos - 8), pos):
                continue  # an opening quotation mark, not a clipped year
            fields = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            if rule == "event_gap":  # "the eve of the vote": a gap from the event, as "the day before"
                rule, fields = "anchored", fields + (_EVE_GAP if "eve" in m.re.groupindex else _ANNIVERSARY_GAP)
            end = m.end()
            if rule in {"ago", "anchored"} and (dict(fields).get("dir") or "").lower() in {"before", "after"}:
                if rule == "ago" and not date_words.EVENT_AFTER_RE.match(text, end):
                    continue  # "for two days before" measures; "two days after the strike" places
                end = _event_end(text, end)  # "two days after the deadline": the event stays
            spot = _trim(Spot(m.start(), end, rule, fields), text)
            if spot is not None and _plausible(spot, text):
                found.append(_with_event_year(spot, text))
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


@per_language
def _event_days(lang: LanguageData) -> dict[tuple[int, int], tuple[str, re.Pattern[str]]]:
    gap = lang.dates.EVENT_NOUN_GAP
    return {day: (str(year), re.compile(rf"{gap}(?:{nouns})\b"))
            for day, (year, nouns) in lang.dates.EVENT_DAYS.items()}


def _with_event_year(spot: Spot, text: str) -> Spot:
    """ "the Jan. 6 attack", "the Sept. 11 attacks": a day that has become an event's name
    is that event's day, in its year, whenever the article came out; the year is added to
    what the spot read, as if written."""
    if spot.rule not in {"mdy", "dmy"} or spot.get("year") is not None:
        return spot
    date_words = current_language().dates
    event = _event_days().get((date_words.MONTHS[spot.get("month").rstrip(".").lower()], int(spot.get("day"))))
    if event is None or not event[1].match(text, spot.end):
        return spot
    return Spot(spot.start, spot.end, spot.rule, (*spot.fields, ("year", event[0]), ("event_day", "1")))


def _before_its_event(spot: Spot, published: date | None) -> Spot:
    """ "the Oct. 7 attack" in a text out before Oct. 7, 2023 names another day: the event's
    year is taken back and the day is read like any other."""
    if published is None or spot.get("event_day") is None:
        return spot
    month = current_language().dates.MONTHS[spot.get("month").rstrip(".").lower()]
    if date(int(spot.get("year")), month, int(spot.get("day"))) <= published:
        return spot
    return Spot(spot.start, spot.end, spot.rule, tuple(f for f in spot.fields if f[0] not in {"year", "event_day"}))


_NP_WORD_RE = re.compile(r"\s+([a-z][a-z-]*)\b")


def _event_end(text: str, end: int) -> int:
    """Where the event after "before"/"after" ends: "the filing deadline", "Meadows announced"."""
    stop_words = figure_words().stop_words
    date_words = current_language().dates
    em = date_words.EVENT_RE.match(text, end)
    if em is None:
        return end
    if em.group("verb"):
        return em.end()
    pos, last = em.end(), end
    for _ in range(3):  # the noun phrase: up to three words before a preposition or clause
        wm = _NP_WORD_RE.match(text, pos)
        if wm is None or wm.group(1) in stop_words:
            break
        pos = last = wm.end()
    return last


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of all date expressions (used to keep years out of figures)."""
    return [(s.start, s.end) for s in _spots(text)]


@in_context_language
def detect_dates(text: str, ctx: DetectContext) -> list[Candidate]:
    """Date candidates with ISO values resolved against ``ctx.published``, in ``ctx.language``."""
    spots = _spots(text)
    if ctx.published is not None and any(spot.rule in _EVENT_DAY_RULES and spot.get("event_day") for spot in spots):
        spots = tuple(_before_its_event(spot, ctx.published) for spot in spots)
    story = StoryDates(text, spots)
    values = [_as_week(spot, _placed(story, spot, text, ctx.published)) for spot in spots]
    in_order(text, spots, values)
    # "the eve of the vote", "the anniversary of their wedding", "that same day" place nothing
    # the text does not date
    return [Candidate("date", spot.start, spot.end, text[spot.start : spot.end], value,
                      score=0.9 if spot.rule in {"iso", "mdy", "dmy", "my"} else 0.75, extra={"rule": spot.rule})
            for spot, value in zip(spots, values, strict=True)
            if value is not None or not (spot.rule == "that_unit" or spot.rule == "anchored" and (
                spot.get("eve") or spot.get("anniversary")))]


def _placed(story: StoryDates, spot: Spot, text: str, published: date | None) -> str | None:
    """The spot's value; None, not a failed text, when a rule cannot place it (the other
    dates of the text keep theirs)."""
    try:
        return story.place(spot, published)
    except (ValueError, OverflowError):
        _log.warning("date %r left without a value: a rule failed on it", text[spot.start : spot.end], exc_info=True)
        return None


# "the Worlds 2023 champions", "Euro 2024 finals": a name before the year makes it the event's
# year, not a count of the noun after it (a capital that opens the sentence says nothing)
_NAME_BEFORE_RE = re.compile(r"[\w,;:’'\")]\s+[A-Z][a-z]+\s+$")
_QUOTED_ALONE_RE = re.compile(r"[“\"‘']\d{4}[,.]?[”\"’']")


def _as_week(spot: Spot, value: str | None) -> str | None:
    """ "the Thanksgiving weekend": the ISO week of the Saturday nearest the holiday (the
    weekend before a Monday holiday, after a Thursday one)."""
    if not spot.get("weekend") or value is None or len(value) != 10:
        return value
    day = date.fromisoformat(value)
    return at_precision(day + timedelta(days=(5 - day.weekday() + 3) % 7 - 3), "week")


# --- spotting checks ------------------------------------------------------------


def _trim(spot: Spot, text: str) -> Spot | None:
    """Drop a leading "the" and trailing dots that end a sentence rather than an abbreviation."""
    start, end = spot.start, spot.end
    while start < end and text[start].isspace():
        start += 1
    if text[start : start + 4].lower() == "the ":
        start += 4
    if spot.rule == "in_time":  # "in two weeks' time": the preposition ends the span (see the guidelines)
        start = _PREPOSITION_RE.match(text, start).end()
    # "Feb." keeps its dot; a date at a sentence end does not take the full stop.
    if end > start and text[end - 1] == "." and not re.search(r"\b[A-Z][a-z]{2,3}\.$", text[start:end]):
        end -= 1
    if end <= start:
        return None
    return Spot(start, end, spot.rule, spot.fields)


def _plausible(spot: Spot, text: str) -> bool:
    """Reject matches that are counts, model numbers or modal verbs rather than dates."""
    date_words = current_language().dates
    if spot.rule == "year" and not _runs_forward(spot, text):
        return False  # "2015-2014", "2014-13": not a stretch of years
    if spot.rule == "year" and spot.start > 0 and _QUOTED_ALONE_RE.match(text, spot.start - 1):
        return False  # the film “1917,”: a title in quotation marks, not a year
    if spot.rule == "year" and _DIGITS_AROUND_RE.fullmatch(text[max(0, spot.start - 2) : spot.end + 2]):
        return False  # "call 0800 1971 329": a group of a telephone number
    if spot.rule == "anchored" and (spot.get("which") or "").lower() in {"next", "following"} and (
            date_words.MEASURING_THE_BEFORE_RE.search(text, max(0, spot.start - 12), spot.start)):
        return False  # "for the next year or longer" measures a stretch
    if spot.rule == "year":
        before = text[max(0, spot.start - 30) : spot.start]
        if date_words.APPROXIMATE_YEAR_BEFORE.search(before):
            return True  # "since around 2024": still a year
        if date_words.COUNT_BEFORE.search(before) and not spot.get("edge"):
            return bool(date_words.YEAR_PREPOSITION_BEFORE.search(before)) and (
                not date_words.COUNT_AFTER.match(text, spot.end)
            )
        if date_words.COUNT_AFTER.match(text, spot.end) or (
                _counts_a_noun(text, spot.end) and not _NAME_BEFORE_RE.search(before)):
            return False
        if re.search(r"(?:\bNo\.?|\b[Nn]umber|\b[Pp]age|\b[Ff]light|\b[Rr]oute)\s*$", before):
            return False
        if date_words.PRODUCT_BEFORE_YEAR_RE.search(before):
            return False  # "Windows Server 2019": a release's name
    if spot.rule == "season" and not spot.get("year"):
        # "in the autumn" places; "the summer heat", "survive the winter" do not
        if date_words.SEASON_SUBJECT_RE.match(text, spot.end) and text[spot.start - 4 : spot.start].lower() == "the ":
            return True  # "the summer is likely to be hard": the season the sentence is about
        return bool(date_words.SEASON_PREPOSITION.search(text, max(0, spot.start - 24), spot.start)) and (
            not date_words.NEXT_NOUN_RE.match(text, spot.end))
    word_months = date_words.MONTHS_THAT_ARE_WORDS
    if spot.rule == "my" and spot.get("month") in word_months and spot.get("which"):
        return bool(date_words.MONTH_PREPOSITION.search(text, max(0, spot.start - 24), spot.start))
    if spot.rule == "month" and spot.get("month") in word_months and not spot.get("rel"):
        return bool(date_words.MONTH_PREPOSITION.search(text, max(0, spot.start - 24), spot.start))
    if spot.rule == "edge_year" and spot.get("which").lower() in {"last", "next"} and not (
            spot.get("mod") or spot.get("edge")):
        # "the last year", "over the past ... next month" measure a stretch, they do not place
        if re.search(r"\b(?:the|past)\s+$", text[max(0, spot.start - 8) : spot.start], re.I):
            return False
    if spot.rule == "mdy" and spot.get("month") in word_months and not spot.get("year"):
        # "May 5" is a date, but "March 2 kilometres" is not
        return not _PLURAL_AFTER_RE.match(text, spot.end) or bool(
            date_words.DETERMINER_BEFORE_RE.search(text, max(0, spot.start - 6), spot.start))  # "the March 3 primaries"
    if spot.rule in {"mdy", "dmy", "day_range"}:
        after = text[spot.end : spot.end + 12]
        if re.match(r"\s*(?:%|percent|[ap]\.?m\b|GMT)", after):
            return False
    if spot.rule == "the_unit" and spot.get("short") and not date_words.SHORT_YEAR_EDGE_BEFORE_RE.search(
            text, max(0, spot.start - 16), spot.start):
        return False  # "year-end bonuses", "a mid-year review": no time the sentence is placed at
    if spot.rule == "named_date" and not date_words.NAMED_DATE_BEFORE_RE.search(
            text, max(0, spot.start - 8), spot.start):
        return False
    if spot.rule == "that_unit" and date_words.THAT_CLAUSE_BEFORE_RE.search(text, max(0, spot.start - 10), spot.start) and (
            not date_words.TIME_ENDS_RE.match(text, spot.end)):
        return False  # "now that spring has come": a clause's "that", no time the story gave
    if spot.rule == "nth_day" and not date_words.NTH_DAY_BEFORE_RE.search(
            text, max(0, spot.start - 12), spot.start - 4):  # before "the "
        return False
    if spot.rule == "in_time" and not spot.get("time"):
        # "will decide in two weeks" places; "rose 5% in two weeks" measures
        return tense_near(text, spot.start, spot.end) == "future"
    if spot.rule == "holiday" and date_words.OTHER_CALENDAR_BEFORE_RE.search(
            text, max(0, spot.start - 12), spot.start):
        return False  # "the Lunar New Year" is not the first of January
    if spot.rule == "holiday" and date_words.HOLIDAY_GREETING_BEFORE_RE.search(text, max(0, spot.start - 9), spot.start):
        return False
    if spot.rule == "holiday" and not spot.get("year"):
        # "on Christmas Day" places; "the Christmas tree", "Thanksgiving dinner" do not
        wm = date_words.HOLIDAY_NOUN_AFTER_RE.match(text, spot.end)
        word = wm.group("word") if wm else ""
        if word and not word.endswith("ed") and word not in figure_words().stop_words and (
                word not in date_words.HOLIDAY_TIME_NOUNS) and (  # "Easter passed quietly": a verb
                not date_words.DAY_NAMED_RE.search(spot.get("holiday"))):  # "the Victory Day parade"
            return False
    if spot.rule == "weekday" and not spot.get("mod") and date_words.HOLIDAY_ENDING_RE.search(
            text, max(0, spot.start - 16), spot.start + len(spot.get("weekday"))):
        return False
    if spot.rule == "quarter" and text[spot.start : spot.end].endswith("half"):  # "the second half" alone
        if not date_words.HALF_PREPOSITION_BEFORE_RE.search(text, max(0, spot.start - 12), spot.start):
            return False
        return not date_words.SPORTS_NEAR_RE.search(text, max(0, spot.start - 150), spot.end + 150)
    if spot.rule == "weekday" and not spot.get("mod") and (
            date_words.WEEKDAY_NAME_BEFORE_RE.search(text, max(0, spot.start - 5), spot.start)
            and date_words.WEEKDAY_NAME_AFTER_RE.match(text, spot.end)
            or date_words.PAPER_ON_WEEKDAY_BEFORE_RE.search(text, max(0, spot.start - 16), spot.start)):
        return False  # "the Sunday Times", "the Mail on Sunday": a name
    if spot.rule == "deixis" and text[spot.start].isupper() and not _after_sentence_end(text, spot.start):
        return False  # "NBC's Today show": a name
    if spot.rule == "ago" and (spot.get("dir") or "").lower() in {"after", "before"}:
        # "two days after the strike" places an event; "for two days before" measures
        if date_words.MEASURING_BEFORE_RE.search(text, max(0, spot.start - 12), spot.start):
            return False
    if spot.rule == "ago" and date_words.DEICTIC_AFTER_RE.match(text, spot.end) and (
            text[spot.start : spot.end].lower().endswith((spot.get("dir") or "\0").lower())):
        return False  # "later this week" is the date, not "two years later" ("... the deadline in the state" is)
    if spot.rule == "ago" and (spot.get("dir") or "").lower() in {"later", "earlier"} and _THAN_RE.match(text, spot.end):
        return False  # "a day later than usual": a comparison, not a time
    if spot.rule == "ago" and (spot.get("dir") or "").lower() == "into" and not (
            spot.get("into") or spot.get("year")):
        return False  # "two months into the war": counted from an event the phrase does not date
    if spot.rule == "ago" and (spot.get("amount") or "").lower() in {"many", "few"}:
        return (spot.get("dir") or "").lower() == "ago"
    return True


_THAN_RE = re.compile(r"\s+than\b")
_DIGITS_AROUND_RE = re.compile(r"\d \d{4} \d")
_YEAR_BEFORE_DASH_RE = re.compile(r"(\d{4})[-–/]$")
_DASH_YEAR_AFTER_RE = re.compile(r"[-–/](\d{4})")


def _runs_forward(spot: Spot, text: str) -> bool:
    """A year joined by a dash to another ("2014-2015", "2022-23") is the earlier of the two or
    the later, as its place says."""
    year = int(spot.get("year"))
    if spot.get("to") is not None and int(spot.get("to")) <= year % 100:
        return False
    bm = _YEAR_BEFORE_DASH_RE.search(text, max(0, spot.start - 5), spot.start)
    if bm is not None and int(bm.group(1)) >= year:
        return False
    am = _DASH_YEAR_AFTER_RE.match(text, spot.end)
    return am is None or int(am.group(1)) > year


def _after_sentence_end(text: str, pos: int) -> bool:
    return bool(re.search(r"(?:^|[.!?\n\"“‘(:]\s*)$", text[max(0, pos - 3) : pos]))


def _counts_a_noun(text: str, end: int) -> bool:
    """ "1500 soldiers": a plural noun right after a bare four-digit number makes it a count."""
    stop_words = figure_words().stop_words
    date_words = current_language().dates
    wm = _NEXT_WORD.match(text, end)
    if not wm:
        return False
    word = wm.group(1)
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
            and word not in stop_words and word not in date_words.YEAR_NOUNS and word not in date_words.YEAR_VERBS)

