"""Date claims: absolute and relative temporal expressions, resolved to ISO 8601.

Spotting is a small grammar of compiled patterns (``_PATTERNS``); each match
becomes a ``Spot`` with the fields it read, the longest non-overlapping spots
win, and ``_resolve`` turns a spot into an ISO value against the publication
date. ``date_spans`` exposes the spots so the figure detector can leave years
and day numbers alone without running resolution twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.figure_words import STOP_WORDS
from workbench.detect.numbers import NUMBER_WORDS, WORD_NUMBER, parse_number, tokens

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS = ("spring", "summer", "autumn", "fall", "winter")

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"
MONTH = rf"(?P<month>(?:{_MONTH_FULL})\b|{_MONTH_ABBR})"
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)"
YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
EDGE = r"(?:(?P<edge>early|late|mid-?|end\s+of|beginning\s+of|start\s+of|middle\s+of)\s*)"
# Amount of time for "... ago": digits, number words, "a", "several" etc.
AMOUNT = rf"(?P<amount>\d+|an?|(?:{WORD_NUMBER})|several|a\s+few|a\s+couple\s+of|few|many)"
TIME_UNIT = r"(?P<unit>day|week|month|year|decade|century)s?"

# Words before a bare year that make it a count, not a date ("some 1500 troops").
_COUNT_BEFORE = re.compile(
    r"(?:about|around|approximately|nearly|almost|some|over|than|to|least|of|only|just|"
    r"roughly|estimated|killed|and|[$£€¥])\s*$", re.IGNORECASE,
)
_COUNT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|GMT|UTC|ET\b|EST|CET|BST|[ap]\.?m\.?|hours?\b|hrs|km\b|kilomet|"
    r"metres|meters|miles|feet|people|troops|soldiers|residents|deaths|tons|tonnes)"
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# Plural nouns a year commonly qualifies: "the 2024 elections", "1967 Six-Day War" aside.
_YEAR_NOUNS = frozenset(
    {"elections", "games", "olympics", "attacks", "protests", "riots", "polls", "talks",
     "floods", "fires", "wildfires", "accords", "agreements", "sanctions", "levels", "figures",
     "results", "earnings", "midterms", "primaries", "budgets", "plans", "reforms", "rules",
     "negotiations", "deals", "events", "invasions", "campaigns", "presidential", "estimates"}
)


_MONTH_PREPOSITION = re.compile(
    r"\b(?:in|by|until|since|from|through|throughout|during|before|after|of|till)\s+$"
)
_TENSE_MARKERS = re.compile(
    # a future auxiliary takes its verb with it: "will be held" is future, not past "held"
    r"(?P<future>\b(?:(?:will|won't|shall|going\s+to|due\s+to|expected\s+to|scheduled\s+to|"
    r"plans?\s+to|set\s+to|would|is\s+to|are\s+to)(?:\s+not)?(?:\s+(?:be|have\s+been))?"
    r"(?:\s+[a-z]+)?|scheduled|planned|upcoming|next)\b|'ll\b)"
    r"|(?P<past>\b(?:since|was|were|had|did|said|told|met|went|came|took|gave|made|held|left|began|"
    r"saw|struck|fell|rose|won|lost|sent|spoke|ago|last|[a-z]+ed)\b)",
    re.IGNORECASE,
)


_SENTENCE_REACH = 300
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n")
_PLURAL_AFTER_RE = re.compile(r"\s*(?:%|[a-z]+s\b)")
_DEICTIC_AFTER_RE = re.compile(r"\s+(?:this|next|last|in\s+the)\b", re.I)


def tense_near(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None: the tense marker nearest to a span in its sentence."""
    # Look no further than a long sentence's length: unbounded searches make
    # a text without full stops quadratic.
    floor, ceiling = max(0, start - _SENTENCE_REACH), min(len(text), end + _SENTENCE_REACH)
    # a sentence ends at a mark followed by a space: "0.5%" and "Oct.7" do not end one
    lefts = [m.end() for m in _SENTENCE_END_RE.finditer(text, floor, start)]
    left = lefts[-1] if lefts else floor
    rm = _SENTENCE_END_RE.search(text, end, ceiling)
    right = rm.start() if rm else ceiling
    best: tuple[int, str] | None = None
    for m in _TENSE_MARKERS.finditer(text, left, right):
        if start <= m.start() < end:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        kind = "future" if m.group("future") else "past"
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class Spot:
    """A spotted date expression and the fields its pattern read."""

    start: int
    end: int
    rule: str
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        return dict(self.fields).get(name)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)(?![\d-])")),
    ("slash", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])")),
    ("mdy", re.compile(rf"(?:{WEEKDAY},?\s+)?{EDGE}?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?")),
    ("dmy", re.compile(rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?<![\d.,]){DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?")),
    ("day_range", re.compile(
        rf"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])\s*[-–]\s*{DAY}\s+{MONTH}(?:,?\s+{YEAR})?")),
    ("day_range", re.compile(rf"{MONTH}\s+(?:[12]\d|3[01]|0?[1-9])\s*[-–]\s*{DAY}(?:,?\s+{YEAR})?")),
    ("my", re.compile(rf"{EDGE}?{MONTH},?\s+(?:of\s+)?{YEAR}")),
    ("month", re.compile(
        rf"(?:(?P<rel>last|next|this|early|late|mid-?|earlier\s+this|later\s+this)\s*)?"
        rf"\b(?P<month>{_MONTH_FULL})\b(?!\s+\d)")),
    ("decade", re.compile(
        r"(?:(?P<edge>early|late|mid)[- ](?:the\s+)?)?(?P<decade>(?:1[5-9]|20)\d0)'?s\b")),
    ("decade2", re.compile(r"(?:(?P<edge>early|late|mid)[- ])?['\u2019](?P<decade>\d0)s\b")),
    ("year", re.compile(rf"(?<![\w$£€¥,.\-/:]){EDGE}?(?:(?P<fy>fiscal)\s+)?{YEAR}(?![\w%]|[-–/.,:]\d)")),
    ("edge_year", re.compile(
        r"(?P<edge>early|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+end\s+of)?\s*"
        r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<which>this|last|next)\s+"
        r"(?P<unit>week(?:end)?|month|year|spring|summer|autumn|fall|winter|quarter)\b", re.I)),
    ("the_unit", re.compile(
        r"(?P<edge>end|beginning|start|middle)\s+of\s+the\s+(?P<unit>week|month|year)\b", re.I)),
    ("weekday", re.compile(
        rf"(?:(?P<mod>(?i:early|late|last|next|this))\s+)?{WEEKDAY}{PART_OF_DAY}")),
    ("deixis", re.compile(
        r"\b(?P<word>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)(?:\s+(?:morning|afternoon|evening|night))?\b"
        r"|\b(?P<word2>this\s+(?:morning|afternoon|evening)|last\s+night)\b")),
    ("vague", re.compile(
        r"\b(?:coming|recent)\s+(?:days|weeks|months|years)\b|\b(?:days|weeks|months)\s+ahead\b",
        re.I)),
    ("weekend", re.compile(r"(?<=\bthe\s)weekend\b")),
    ("fiscal", re.compile(rf"\b(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?){YEAR}")),
    ("fiscal_after", re.compile(rf"(?<![\w$,.]){YEAR}\s+(?:fiscal|financial)\s+year\b")),
    ("ago", re.compile(
        rf"\b(?:(?P<approx>about|around|nearly|almost|roughly|some|over|more\s+than|less\s+than|"
        rf"under|just\s+over|just\s+under)\s+)?{AMOUNT}\s+{TIME_UNIT}\s+(?P<dir>ago|earlier|later)\b",
        re.IGNORECASE)),
    ("quarter", re.compile(
        rf"\b(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|Q(?P<q>[1-4]))"
        rf"(?:\s+(?:of\s+)?(?:{YEAR}|(?P<which>this|last|next)\s+year))?")),
    ("quarter", re.compile(
        rf"\b(?:(?P<half>first|second|1st|2nd)\s+half|H(?P<h>[12]))\s+(?:of\s+)?"
        rf"(?:{YEAR}|(?P<which>this|last|next)\s+year)", re.I)),
    ("season", re.compile(rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?{YEAR}")),
]


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


_EDGES = ("early", "late", "mid", "end", "beginning", "start", "middle")
_START_RULES = _starts(
    (tuple(MONTHS), ("mdy", "my", "month", "day_range")),
    (tuple(WEEKDAYS), ("mdy", "dmy", "weekday")),
    (_EDGES, ("mdy", "my", "month", "year", "decade", "decade2", "edge_year", "weekday",
              "the_unit")),
    (("the",), ("dmy", "edge_year")),
    (("this", "last", "next"), ("month", "edge_year", "weekday", "deixis")),
    (("earlier", "later"), ("month", "edge_year")),
    (("today", "tonight", "yesterday", "tomorrow"), ("deixis",)),
    (("coming", "recent", "days", "weeks", "months"), ("vague",)),
    (("weekend",), ("weekend",)),
    (("fiscal", "financial", "fy"), ("fiscal", "year")),
    (("about", "around", "nearly", "almost", "roughly", "some", "over", "more", "less",
      "under", "just", "a", "an", "several", "few", "many") + tuple(NUMBER_WORDS), ("ago",)),
    (("first", "second", "third", "fourth", "1st", "2nd", "q", "h"), ("quarter",)),
    (SEASONS, ("season",)),
    (("'", "’"), ("decade2",)),
)
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
            fields = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            spot = _trim(Spot(m.start(), m.end(), rule, fields), text)
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


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of all date expressions (used to keep years out of figures)."""
    return [(s.start, s.end) for s in _spots(text)]


def detect_dates(text: str, ctx: DetectContext) -> list[Candidate]:
    """Date candidates with ISO values resolved against ``ctx.published``."""
    out = []
    for spot in _spots(text):
        value = _resolve(spot, text, ctx.published)
        score = 0.9 if spot.rule in {"iso", "mdy", "dmy", "my"} else 0.75
        out.append(Candidate("date", spot.start, spot.end, text[spot.start : spot.end], value,
                             score=score, extra={"rule": spot.rule}))
    return out


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
        if re.search(r"\b(?:since|in|from|until|by|before|after)\s+(?:about|around|roughly|"
                     r"approximately)\s+$", before, re.I):
            return True  # "since around 2024": still a year
        if _COUNT_BEFORE.search(before) and not spot.get("edge"):
            return bool(re.search(r"\b(?:in|of|since|from|to|until|by|and)\s*$", before, re.I)) and (
                not _COUNT_AFTER.match(text, spot.end)
            )
        if _COUNT_AFTER.match(text, spot.end) or _counts_a_noun(text, spot.end):
            return False
        if re.search(r"(?:\bNo\.?|\b[Nn]umber|\b[Pp]age|\b[Ff]light|\b[Rr]oute)\s*$", before):
            return False
    if spot.rule == "month" and spot.get("month") in {"May", "March"} and not spot.get("rel"):
        return bool(_MONTH_PREPOSITION.search(text, max(0, spot.start - 12), spot.start))
    if spot.rule == "edge_year" and spot.get("which").lower() in {"last", "next"} and not spot.get("mod"):
        # "the last year", "over the past ... next month" measure a stretch, they do not place
        if re.search(r"\b(?:the|past)\s+$", text[max(0, spot.start - 8) : spot.start], re.I):
            return False
    if spot.rule == "mdy" and spot.get("month") in {"May", "March"} and not spot.get("year"):
        # "May 5" is a date, but "March 2 kilometres" is not
        return not _PLURAL_AFTER_RE.match(text, spot.end)
    if spot.rule in {"mdy", "dmy"}:
        after = text[spot.end : spot.end + 12]
        if re.match(r"\s*(?:%|percent|[ap]\.?m\b|GMT)", after):
            return False
    if spot.rule == "deixis" and text[spot.start].isupper() and not _after_sentence_end(text, spot.start):
        return False  # "NBC's Today show": a name
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


# --- resolution ---------------------------------------------------------------


def _resolve(spot: Spot, text: str, published: date | None) -> str | None:
    rule = spot.rule
    try:
        if rule == "iso":
            return date(int(spot.get("year")), int(spot.get("mon")), int(spot.get("day"))).isoformat()
        if rule == "slash":
            a, b, y = int(spot.get("a")), int(spot.get("b")), int(spot.get("year"))
            month, day = (a, b) if a <= 12 else (b, a)
            return date(y, month, day).isoformat()
        if rule in {"mdy", "dmy"}:
            return _resolve_day(spot, text, published)
        if rule in {"my", "month", "day_range"}:
            return _resolve_month(spot, text, published)
        if rule in {"decade", "decade2"}:
            decade = spot.get("decade")
            if rule == "decade2":
                decade = ("19" if int(decade) >= 30 else "20") + decade
            return decade[:3] + "X"
        if rule in {"year", "season", "fiscal", "fiscal_after"}:
            return spot.get("year")
        if rule == "quarter":
            return _resolve_quarter(spot, text, published)
        if rule == "edge_year":
            return _resolve_this_last_next(spot, published)
        if rule == "the_unit":
            return _period_value(published, spot.get("unit").lower(), 0) if published else None
        if rule == "weekday":
            return _resolve_weekday(spot, text, published)
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
    except ValueError:  # 30 February and the like: a date-shaped typo, not a date
        return None
    return None


def _resolve_day(spot: Spot, text: str, published: date | None) -> str | None:
    month = MONTHS[spot.get("month").rstrip(".").lower()]
    day = int(spot.get("day"))
    if spot.get("year"):
        return date(int(spot.get("year")), month, day).isoformat()
    if published is None:
        return None  # a day without a year cannot be placed without the publication date
    weekday = spot.get("weekday")
    if weekday:
        # "Tuesday, November 19": the weekday says which year
        years = [y for y in (published.year, published.year - 1, published.year + 1)
                 if _valid(y, month, day) and date(y, month, day).weekday() == WEEKDAYS[weekday.lower()]]
        if years:
            return date(years[0], month, day).isoformat()
    year = _nearest_year(published, month, day, tense_near(text, spot.start, spot.end))
    return date(year, month, day).isoformat()


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _resolve_month(spot: Spot, text: str, published: date | None) -> str | None:
    month = MONTHS[(spot.get("month") or spot.get("month2")).rstrip(".").lower()]
    if spot.get("year"):
        return f"{spot.get('year')}-{month:02d}"
    if published is None:
        return None
    rel = (spot.get("rel") or "").lower()
    if rel == "last":
        year = published.year if month < published.month else published.year - 1
    elif rel == "next":
        year = published.year if month > published.month else published.year + 1
    else:
        year = _nearest_year(published, month, 15, tense_near(text, spot.start, spot.end))
    return f"{year}-{month:02d}"


def _nearest_year(published: date, month: int, day: int, tense: str | None) -> int:
    """The publication year, or its neighbour when that is nearer or the tense demands it."""
    def candidate(year: int) -> date:
        return date(year, month, min(day, 28 if month == 2 else day))

    years = (published.year - 1, published.year, published.year + 1)
    best = min(years, key=lambda y: (abs((candidate(y) - published).days), y != published.year))
    gap = (candidate(best) - published).days
    if tense == "past" and gap > 2:
        best -= 1
    elif tense == "future" and gap < -2:
        best += 1
    return best


def _resolve_weekday(spot: Spot, text: str, published: date | None) -> str | None:
    if published is None:
        return None
    target = WEEKDAYS[spot.get("weekday").lower()]
    mod = (spot.get("mod") or "").lower()
    back = (published.weekday() - target) % 7
    forward = (target - published.weekday()) % 7
    if mod == "last":
        day = published - timedelta(days=back or 7)
    elif mod == "next":
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


def _resolve_this_last_next(spot: Spot, published: date | None) -> str | None:
    if published is None:
        return None
    offset = {"this": 0, "last": -1, "next": 1}[spot.get("which").lower()]
    unit = spot.get("unit").lower()
    if unit in SEASONS:
        # "last winter" in February is the winter we are in; only the year is asked
        return str(published.year + offset)
    if unit == "quarter":
        return str((published + relativedelta(months=3 * offset)).year)
    return _period_value(published, unit, offset)


def _period_value(published: date, unit: str, offset: int) -> str:
    if unit in {"week", "weekend"}:
        year, week, _ = (published + timedelta(weeks=offset)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        moved = published + relativedelta(months=offset)
        return f"{moved.year}-{moved.month:02d}"
    return str(published.year + offset)


def _resolve_quarter(spot: Spot, text: str, published: date | None) -> str | None:
    if spot.get("year"):
        return spot.get("year")
    if published is None:
        return None
    which = spot.get("which")
    if which:
        return str(published.year + {"this": 0, "last": -1, "next": 1}[which.lower()])
    # "the fourth quarter" in February is last year's when the text speaks of the past
    nth = (spot.get("nth") or spot.get("q") or "")[:1]
    quarter = {"f": 1, "1": 1, "s": 2, "2": 2, "t": 3, "3": 3, "4": 4}.get(nth.lower())
    if nth.lower() == "f" and (spot.get("nth") or "").lower().startswith("fo"):
        quarter = 4
    current = (published.month - 1) // 3 + 1
    tense = tense_near(text, spot.start, spot.end)
    if quarter and tense == "past" and quarter > current:
        return str(published.year - 1)
    if quarter and tense == "future" and quarter < current:
        return str(published.year + 1)
    return str(published.year)


def _resolve_ago(spot: Spot, published: date | None) -> str | None:
    if published is None or spot.get("dir").lower() != "ago":
        return None
    if (spot.get("approx") or "").lower().split()[-1:] in (["over"], ["than"], ["under"]):
        return None  # "over a month ago" is an open interval, not a period
    amount_text = re.sub(r"\s+", " ", spot.get("amount").lower())
    amount = 1.0 if amount_text in {"a", "an"} else parse_number(amount_text)
    if amount is None or amount != int(amount):
        return None
    n = int(amount)
    unit = spot.get("unit").lower()
    if unit == "day":
        return (published - timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (published - timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        moved = published - relativedelta(months=n)
        return f"{moved.year}-{moved.month:02d}"
    years = {"year": 1, "decade": 10, "century": 100}[unit]
    return str(published.year - n * years)
