"""English month and weekday names, seasons, relative-date words and tense cues."""

from __future__ import annotations

import re

from workbench.detect.lang.en.date_events import (
    ANNIVERSARY_RE,
    CENTURY_ORDINALS,
    CENTURY_RE,
    EVE_RE,
    EVENT_DAYS,
    EVENT_NOUN_GAP,
    HALF_PREPOSITION_BEFORE_RE,
    QUOTED_EVENT_DAY_RE,
    SPORTS_NEAR_RE,
    TURN_OF_CENTURY_RE,
)
from workbench.detect.lang.en.date_names import PRODUCT_BEFORE_YEAR_RE
from workbench.detect.lang.en.date_references import (
    AFTER_THE_EVENT_RE,
    COORDINATED_AFTER_YEAR_RE,
    COORDINATED_DATES_RE,
    DATELINE_AFTER_RE,
    DATELINE_BEFORE_RE,
    EDGE_DAY_OF_MONTH_RE,
    EVENT_DATE_AFTER_RE,
    EVENT_DATE_BEFORE_RE,
    HOLIDAY_DEICTIC_BEFORE_RE,
    HOLIDAY_GREETING_BEFORE_RE,
    NTH_NUMBERS,
    THAT_CLAUSE_BEFORE_RE,
    WEEK_OF_MONTH_RE,
    WRITTEN_ATTRIBUTION_RE,
)
from workbench.detect.lang.en.date_seasons import (
    NEXT_NOUN_RE,
    SEASON_PREPOSITION,
    SEASON_SUBJECT_RE,
)
from workbench.detect.lang.en.date_tense import (
    ADJECTIVE_BEFORE_RE,
    BY_DAY_RE,
    CLAUSE_OPENERS,
    COORDINATION_RE,
    DEADLINE_BEFORE_RE,
    FUTURE_IN_PAST_RE,
    HEADLINE_REST_RE,
    HEADLINE_SUBJECT_RE,
    LIST_DAY_RE,
    NEXT_REPORTED_CLAUSE_RE,
    NOT_PLURAL_BEFORE_RE,
    PARTICIPLE_BY_RE,
    PASSIVE_BEFORE_RE,
    PAST_VERBS,
    PRESENT_PERFECT_RE,
    PUT_OFF_RE,
    PUT_OFF_TO_BEFORE_RE,
    RELATIVE_ASIDE_RE,
    SET_FOR_RE,
    SINCE_CLAUSE_BEFORE_RE,
    SPOKE_ON_BEFORE_RE,
    TENSE_MARKERS,
    TIME_ENDS_RE,
    TIME_STAMP_RE,
)
from workbench.detect.lang.en.date_years import (
    MONTH_FIGURES_AFTER_RE,
    MONTH_FIGURES_BEFORE_RE,
    MONTH_REPORT_AFTER_RE,
    OWNER_BEFORE_RE,
    RESULTS_AFTER_RE,
    WHICH_YEAR_AFTER_RE,
    YEAR_EDGE_BEFORE_RE,
    YEAR_POSSESSIVE_BEFORE_RE,
)
from workbench.detect.lang.en.holidays import (
    DAY_NAMED_RE,
    DEFAULT_INDEPENDENCE_DAY,
    HOLIDAY_TIME_NOUNS,
    HOLIDAYS,
    INDEPENDENCE_DAYS,
    OTHER_CALENDAR_BEFORE_RE,
)
from workbench.detect.lang.en.numbers import NUMBER_WORDS, WORD_NUMBER

__all__ = ["COORDINATED_AFTER_YEAR_RE", "COORDINATED_DATES_RE", "HOLIDAY_DEICTIC_BEFORE_RE", "EDGE_DAY_OF_MONTH_RE", "HOLIDAY_GREETING_BEFORE_RE", "NTH_NUMBERS",
           "THAT_CLAUSE_BEFORE_RE", "WEEK_OF_MONTH_RE",
           "DATELINE_AFTER_RE", "DATELINE_BEFORE_RE", "EVENT_DATE_AFTER_RE", "EVENT_DATE_BEFORE_RE",
           "WRITTEN_ATTRIBUTION_RE", "AFTER_THE_EVENT_RE", "ADJECTIVE_BEFORE_RE", "ANNIVERSARY_RE", "COORDINATION_RE", "LIST_DAY_RE", "SINCE_CLAUSE_BEFORE_RE", "SPOKE_ON_BEFORE_RE",
           "TIME_ENDS_RE", "TIME_STAMP_RE", "EVE_RE", "CENTURY_ORDINALS", "CENTURY_RE", "CLAUSE_OPENERS", "DAY_NAMED_RE", "DEADLINE_BEFORE_RE", "DEFAULT_INDEPENDENCE_DAY",
           "EVENT_DAYS", "EVENT_NOUN_GAP", "HALF_PREPOSITION_BEFORE_RE", "HOLIDAYS", "HOLIDAY_TIME_NOUNS",
           "HEADLINE_REST_RE", "HEADLINE_SUBJECT_RE", "INDEPENDENCE_DAYS", "NOT_PLURAL_BEFORE_RE", "OTHER_CALENDAR_BEFORE_RE", "PARTICIPLE_BY_RE", "PRESENT_PERFECT_RE", "SET_FOR_RE", "PUT_OFF_RE", "PUT_OFF_TO_BEFORE_RE", "RELATIVE_ASIDE_RE", "NEXT_REPORTED_CLAUSE_RE", "FUTURE_IN_PAST_RE", "BY_DAY_RE", "PASSIVE_BEFORE_RE", "PAST_VERBS", "QUOTED_EVENT_DAY_RE", "PRODUCT_BEFORE_YEAR_RE", "NEXT_NOUN_RE", "SEASON_PREPOSITION", "SEASON_SUBJECT_RE", "SPORTS_NEAR_RE",
           "TENSE_MARKERS", "TURN_OF_CENTURY_RE", "MONTH_FIGURES_AFTER_RE", "MONTH_FIGURES_BEFORE_RE", "MONTH_REPORT_AFTER_RE", "OWNER_BEFORE_RE",
           "RESULTS_AFTER_RE", "WHICH_YEAR_AFTER_RE", "YEAR_EDGE_BEFORE_RE", "YEAR_POSSESSIVE_BEFORE_RE"]

# Month names and abbreviations -> month number.
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Weekday names -> ``date.weekday()`` number.
# "the first Monday of March", "the last Friday in May": which of the month's such weekdays
NTH_WEEKDAY_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
# Short weekday names, read only in front of a day and month ("Sat 11 Jan", "Wed., Nov. 6")
WEEKDAY_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6}

# Season names (``fall`` is American for autumn).
SEASONS = ("spring", "summer", "autumn", "fall", "winter", "midsummer", "midwinter")
# The month a season's name stands for when it has no more exact date.
SEASON_MIDDLES = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1, "midsummer": 7,
                  "midwinter": 1}
# ``this``/``last``/``next`` year (week, month...): the offset from the publication's.
WHICH_OFFSETS = {"this": 0, "last": -1, "next": 1}

# Month names as written in prose, for the patterns below.
MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"

# Abbreviated months, with or without their period: ``Sept.``, ``Oct``.
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"

# A weekday name, captured for the resolver.
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# ... and in front of a day and month, short too: "Sat 11 Jan", "Tues., Jan. 7"
WEEKDAY_OF_DAY = (r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                  r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?=\.|\s))\.?")

# ``Tuesday morning``: a part of the day stays in the span.
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

# "the first week of December": a part of a month stays in the span, the month is the value
# ("the last day of November" is that day)
PART_OF_MONTH = (r"(?:(?:first|last|final)\s+day|(?:first|second|third|fourth|last|final|closing|opening)\s+"
                 r"(?:(?:full\s+)?week(?:end)?s?|fortnight|half|days|ten\s+days|months|hours)|"
                  r"end|beginning|start|middle)\s+of")


# The units of ``two weeks ago``, captured singular or plural.
TIME_UNIT = r"(?P<unit>minute|hour|day|week|fortnight|month|year|decade|century)s?"

# Words before a bare year that make it a count, not a date ("some 1500 troops").
COUNT_BEFORE = re.compile(
    r"(?:about|around|approximately|nearly|almost|some|over|than|to|least|of|only|just|"
    r"roughly|estimated|killed|and|[$£€¥])\s*$", re.IGNORECASE,
)

# Words after a bare number that make it a count or a time, not a year.
COUNT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|GMT|UTC|ET\b|EST|CET|BST|[ap]\.?m\.?|hours?\b|hrs|km\b|kilomet|"
    r"metres|meters|miles|feet|people|troops|soldiers|residents|deaths|tons|tonnes)"
)

# Plural nouns a year commonly qualifies: "the 2024 elections", "1967 Six-Day War" aside.
YEAR_NOUNS = frozenset(
    {"elections", "games", "olympics", "attacks", "protests", "riots", "polls", "talks",
     "floods", "fires", "wildfires", "accords", "agreements", "sanctions", "levels", "figures",
     "results", "earnings", "midterms", "primaries", "budgets", "plans", "reforms", "rules",
     "negotiations", "deals", "events", "invasions", "campaigns", "presidential", "estimates"}
)

# Verbs a year is often the subject of: "the report for 2023 shows", "2024 marks the tenth
# anniversary" (a plural noun there makes the number a count: "1500 soldiers").
YEAR_VERBS = frozenset(
    {"shows", "marks", "sees", "brings", "promises", "looks", "remains", "means", "ends", "begins",
     "starts", "comes", "seems", "proves", "represents", "follows", "suggests", "confirms"}
)

# Month names that are also common words (``may``, ``march``): months only where the
# context says so.
MONTHS_THAT_ARE_WORDS = frozenset({"May", "March"})
# "by year-end", "at the year's end", "until mid-year": a short year's edge places after these.
SHORT_YEAR_EDGE_BEFORE_RE = re.compile(
    r"\b(?:by|at|before|until|till|after|since|from|toward|towards|around|near|through|to|of)\s+(?:the\s+)?$",
    re.IGNORECASE)
# ``in May``: a month that is also a word is a month only after one of these.
MONTH_PREPOSITION = re.compile(
    r"\b(?:in|by|until|since|from|through|throughout|during|before|after|of|till|between|"
    # "in the 12 months to March", "the quarter ending May": the end of a reporting period
    r"(?:months?|weeks?|year|quarter|period)\s+(?:to|ending|ended)|"
    r"(?:set|scheduled|planned|slated|due|expected|postponed|delayed|moved|pushed\s+back)\s+for|"
    # "between January and March": the end of a range of months
    r"(?-i:" + MONTH_FULL + r")"
    r"(?:\s+(?:and|to|through|until|or)\s|\s*[-–]))\s*$", re.IGNORECASE
)  # "In May, ...": a sentence may open with the preposition; "set for May", not "calls for May to go"

# "the Christmas tree": a word after a holiday's name that makes the name an adjective
HOLIDAY_NOUN_AFTER_RE = re.compile(r"\s+(?P<word>[a-z]{3,})\b")

# "7 March" and "March 7": which order the text writes its days in (its numeric dates follow it)
DAY_MONTH_RE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_FULL})\b")
MONTH_DAY_RE = re.compile(rf"\b(?:{MONTH_FULL})\s+\d{{1,2}}\b(?!\d)")

# "the Sunday Times", "the Friday Prayer leader", "the Mail on Sunday": a weekday in a name
# (after "the", a capitalised word that is no month follows; or a paper named for its day)
WEEKDAY_NAME_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
WEEKDAY_NAME_AFTER_RE = re.compile(rf"\s+(?!(?:{MONTH_FULL})\b)[A-Z][a-z]+")
PAPER_ON_WEEKDAY_BEFORE_RE = re.compile(r"\b(?:Mail|Independent|Observer)\s+on\s+$")

# "the March 3 primaries": a determiner before a day makes the plural after it the dated event
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|its|their|this)\s+$", re.IGNORECASE)

NTH_DAY_BEFORE_RE = re.compile(r"\b(?:on|by|until|till|from|since|before|after)\s+$", re.IGNORECASE)

# ``for two days before``: these measure a stretch, they do not place an event.
MEASURING_BEFORE_RE = re.compile(r"\b(?:for|over|within|in|during|lasting|last|took|takes)\s+$", re.I)

# "for the next year", "over the following month": a stretch measured from the story's day
MEASURING_THE_BEFORE_RE = re.compile(r"\b(?:for|over|within|throughout)\s+the\s+$", re.I)

# Words that start an edge of a period: ``early March``, ``the end of the year``.
EDGES = ("early", "late", "mid", "end", "beginning", "start", "middle")

# --- the date grammar -------------------------------------------------------------
# Each rule's name tells ``date_values.resolve`` how to read the groups it captured.

# A month, full or abbreviated, captured as ``month``.
MONTH = rf"(?P<month>(?:{MONTH_FULL})\b|{MONTH_ABBR})"
# A day of the month, with its English ordinal suffix: ``5th``.
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)"
# "the Nineties": the decades named in words, as their first year
DECADE_WORDS = {"noughties": "2000", "twenties": "1920", "thirties": "1930", "forties": "1940",
                "fifties": "1950", "sixties": "1960", "seventies": "1970", "eighties": "1980",
                "nineties": "1990"}
DECADE_WORD_RE = "|".join(word.capitalize() for word in DECADE_WORDS)
# Days that name an event without a year: its day (the guidelines date "September 11, 2001"
# before "attacks"; "9/11" is that day too)
NAMED_DATES = {"9/11": "2001-09-11"}
# "the 9/11 attacks", "since 9/11", "post-9/11": the event, not a score or a fraction
NAMED_DATE_BEFORE_RE = re.compile(r"(?:\b(?:the|since|after|before|until|of)\s+|\b(?:post|pre)-)$", re.IGNORECASE)
# "Feb. 28-March 2, 2023", "28 February to 2 March 2023": what joins the two ends of a range
# whose year is written once, at its end
RANGE_JOIN_RE = re.compile(r"\s*[-–]\s*|,?\s+(?:to|until|till|through|and)\s+")
# "between January and March": "and" joins the two ends of a range only after "between"
RANGE_BETWEEN_BEFORE_RE = re.compile(r"\b[Bb]etween\s+(?:the\s+)?$")
# "May 3 last year", "February of next year": the year named after a month or a day
WHICH_YEAR = r",?\s+(?:of\s+)?(?P<which>(?i:last|next|this))\s+year\b"
# "March of that year", "in June the same year": the year the story is in
STORY_YEAR = r",?\s+(?:of\s+)?(?P<story_year>(?i:that|the\s+same))\s+year\b"
# A four-digit year from 1500 to 2099.
YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
# A four-digit year without a group, to look ahead for: "2014-2015".
YEAR_AHEAD = r"(?:1[5-9]|20)\d\d(?!\d)"
# ``early``, ``late``, ``mid-``, ``the first week of``: captured as ``edge``.
EDGE = rf"(?:(?P<edge>{PART_OF_MONTH}|early-?|late-?|mid-?|end-|start-)\s*)"  # "by end-2024", "in late-2025"
# Amount of time for "... ago": digits, number words, "a", "several" etc.
AMOUNT = rf"(?P<amount>\d+|an?|(?:{WORD_NUMBER})|several|a\s+few|a\s+couple\s+of|few|many)"


# A holiday's name as written, longest first so "Christmas Day" is not cut at "Christmas".
HOLIDAY = "(?P<holiday>" + "|".join(
    re.escape(name).replace("\\ ", " ").replace(" ", r"\s+").replace("'", "['’]")
    for name in sorted(HOLIDAYS, key=len, reverse=True)) + ")"

# "the Super Tuesday states", "Good Friday prayers": a weekday ending a holiday's name is not
# that weekday of the week, even where the name is used as an adjective
HOLIDAY_ENDING_RE = re.compile(rf"(?<![\w-]){HOLIDAY}$")

# The rules, tried longest first where they overlap; a rule may have more than one pattern.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)(?![\d-])")),
    # "7/3/2024"; "07.03.2024" (``dot``) is European, day first
    # "2024/02/12": year first, as in East Asian and official writing
    ("iso", re.compile(r"(?<![\d/.])(?P<year>(?:1[5-9]|20)\d\d)/(?P<mon>\d\d?)/(?P<day>\d\d?)(?![\d/]|\.\d)")),
    # "12-02-2024" like "12/02/2024"; "12/02/24" with its year cut to two digits
    ("slash", re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})/|(?P<dot>\.)(?P<b2>\d{1,2})\.|-(?P<b3>\d{1,2})-)"
                         r"(?P<year>\d{4})(?![\d/-]|\.\d)")),
    ("slash", re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<yy>\d\d)(?![\d/]|\.\d)")),
    ("mdy", re.compile(rf"(?:{WEEKDAY_OF_DAY}{PART_OF_DAY},?\s+)?{EDGE}?{MONTH}\s+{DAY}(?:,?\s+{YEAR}|{WHICH_YEAR})?")),
    ("dmy", re.compile(rf"(?:{WEEKDAY_OF_DAY}{PART_OF_DAY},?\s+)?(?:the\s+)?(?<![\d.,]){DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR}|{WHICH_YEAR})?")),
    ("day_range", re.compile(
        rf"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:\s*[-–]\s*|\s+(?:to|and|through|until|till)\s+)"
        rf"{DAY}\s+{MONTH}(?:,?\s+{YEAR})?")),
    # "March 14 to 15", not "March 14 and 15 troops"
    ("day_range", re.compile(rf"{MONTH}\s+(?:[12]\d|3[01]|0?[1-9])(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)"
                             rf"{DAY}(?!\s+[A-Za-z]+s\b)(?:,?\s+{YEAR})?")),
    ("my", re.compile(rf"{EDGE}?{MONTH},?\s+(?:of\s+)?{YEAR}")),
    # "February of last year", "April next year": the month in the year named after it
    ("my", re.compile(rf"{EDGE}?(?P<month>(?:{MONTH_FULL})\b|{MONTH_ABBR})(?:{WHICH_YEAR}|{STORY_YEAR})")),
    ("month", re.compile(
        rf"(?:(?P<rel>{PART_OF_MONTH}|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly-?|[Ll]ate-?|[Mm]id-?|earlier\s+this|later\s+this)\s*)?"
        rf"\b(?P<month>{MONTH_FULL})\b(?!\s+\d)")),
    ("decade", re.compile(
        r"(?:(?P<edge>early|late|mid)[- ](?:the\s+)?)?(?P<decade>(?:1[5-9]|20)\d0)'?s\b")),
    # "the Nineties", "the early eighties": a decade in words (capitalised, or early or late, since
    # "temperatures in the nineties", "the mid-nineties" are degrees)
    ("decade", re.compile(
        r"(?<=\b[Tt]he\s)(?:(?P<edge>early|late)[- ](?P<lower>" + DECADE_WORD_RE.lower() + r")|"
        r"(?:(?P<edge2>early|late|mid)[- ])?(?P<upper>" + DECADE_WORD_RE + r"))\b")),
    # "the 19th century", "the early twentieth century": 18XX, 19XX
    ("century", CENTURY_RE),
    ("century", TURN_OF_CENTURY_RE),
    # "the 9/11 attacks": a day that names an event, written without its year (``NAMED_DATES``)
    ("named_date", re.compile(r"(?<![\w/.])(?P<named>9/11)(?![\w/]|\.\d)")),
    ("decade2", re.compile(r"(?:(?P<edge>early|late|mid)[- ])?['\u2019](?P<decade>\d0)s\b")),
    ("clipped_year", re.compile(r"['\u2019](?P<clipped>\d\d)\b(?!['\u2019]?s\b|[.,:]\d|\s*%)")),
    # "2014-2015": each year of a range is a date (as "from 2019 to 2021"), so a year may follow or
    # precede another across a dash (``_plausible`` asks the second to be the later);
    # "2022-23", "2014–15", "2023/24": a season or fiscal year named by its two years is one date, its
    # first year (a season is its year, and it begins in the first)
    ("year", re.compile(rf"(?:(?<=\d\d\d\d[-–/])|(?<![\w$£€¥,.\-–/:])){EDGE}?(?:(?P<fy>fiscal)\s+)?{YEAR}"
                        rf"(?:[-–/](?P<to>\d\d)(?![\w%]|[-–/.,:]\d)|(?=[-–/]{YEAR_AHEAD})|(?![\w%]|[-–/.,:]\d))")),
    ("edge_year", re.compile(
        r"(?P<edge>early|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+end\s+of)?\s*"
        r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<which>this(?:\s+past|\s+coming)?|past(?=\s+weekend)|coming(?=\s+week)|last|next)\s+"
        r"(?P<unit>week(?:end)?|month|year|spring|summer|autumn|fall|winter|quarter|decade)\b", re.I)),
    ("the_unit", re.compile(
        r"(?P<edge>end|beginning|start|middle)\s+of\s+(?:the|(?P<that>that))\s+(?P<unit>week|month|year|decade)\b", re.I)),
    # "by year-end", "at the year's end", "by mid-year": the publication year or the year written
    # (after a preposition only, ``SHORT_YEAR_EDGE_BEFORE_RE``: "year-end bonuses" date nothing)
    ("the_unit", re.compile(rf"(?<![\w-])(?P<unit>[Yy]ear|[Mm]onth|[Ww]eek)(?P<short>[- ]end|['’]s\s+end)\b(?:\s+{YEAR})?")),
    ("the_unit", re.compile(rf"(?<![\w-])(?P<short>[Mm]id-?)(?P<unit>year)\b(?:\s+{YEAR})?")),
    # "on Tuesday last week", "Friday of next week": that day of the week named
    ("weekday_of_week", re.compile(
        rf"{WEEKDAY}{PART_OF_DAY}\s+(?:of\s+)?(?P<which>(?i:last|next|this))\s+week\b(?![\w'’-])")),
    ("weekday", re.compile(
        rf"(?:(?P<mod>(?i:early|late|last|next|this\s+coming|this|coming|following|previous|preceding))\s+)?{WEEKDAY}"
        rf"{PART_OF_DAY}")),
    ("deixis", re.compile(
        r"\b(?P<word>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)(?:\s+(?:morning|afternoon|evening|night))?\b"
        # "Last night the shelling ...": capitalised where it opens the sentence
        r"|\b(?P<word2>[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night)\b")),
    ("vague", re.compile(
        r"\b(?:coming|recent)\s+(?:days|weeks|months|years)\b|\b(?:days|weeks|months)\s+ahead\b"
        # "the deal was signed days ago": a time back that the words do not count
        r"|\b(?:days|weeks|months|years|decades)\s+ago\b"
        # "in the next few days" as "coming days"; "for the next few days" measures
        r"|(?<!\b[Ff]or\s[Tt]he\s)(?<=\b[Tt]he\s)next\s+(?:few|several|couple\s+of)\s+(?:days|weeks|months)\b",
        re.I)),
    # "the late summer": an edge of the season stays in its span
    ("season", re.compile(
        r"(?<=\b[Tt]he\s)(?:(?P<edge>early|late|mid-?)[ -]?)?(?P<season>spring|summer|autumn|fall|winter|midsummer|"
        r"midwinter)\b(?!\s+(?:of\b|\d))")),
    # "in summer", "by midsummer", "in late summer": a season after a preposition, without "the"
    # (see ``_plausible``)
    ("season", re.compile(r"(?<=[a-z]\s)(?:(?P<edge>early|late|mid-?)[ -]?)?(?P<season>spring|summer|autumn|fall|"
                          r"winter|midsummer|midwinter)\b(?!\s+(?:of\b|\d))")),
    ("weekend", re.compile(r"(?<=\bthe\s)weekend\b")),
    # "fiscal 2023-24", "FY2022/23": the year it is named by first; "FY24": 2024
    ("fiscal", re.compile(rf"\b(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?){YEAR}(?:[-–/]\d\d(?![\w%]|[-–/.,:]\d))?")),
    ("fiscal", re.compile(r"\bFY\s?(?P<fy_clipped>\d\d)(?![\w%]|[-–/.,:]\d)")),
    ("fiscal_after", re.compile(rf"(?<![\w$,.]){YEAR}\s+(?:fiscal|financial)\s+year\b")),
    ("ago", re.compile(
        rf"\b(?:(?P<approx>about|around|nearly|almost|roughly|some|over|more\s+than|less\s+than|"
        rf"under|just\s+over|just\s+under)\s+)?{AMOUNT}\s+{TIME_UNIT}\s+(?P<dir>ago|earlier|later|after|before|into)\b"
        # "a week into the new year", "three months into 2024": counted from the year's start
        rf"(?:(?<=into)\s+(?:(?P<into>(?:the\s+)?(?:new\s+)?year)\b|{YEAR}))?"
        # "20 years ago this month", "a year ago today": the same day (week, month) back then
        r"(?:(?<=ago)\s+(?P<same>today|tomorrow|yesterday|this\s+(?:week|month))\b)?"
        # "a week ago Sunday" (American): that weekday of so many weeks back
        r"(?:(?<=ks\sago|ek\sago)\s+(?-i:(?P<agoday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b)?",
        re.IGNORECASE)),
    ("ago", re.compile(
        r"(?P<agoday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
        rf"(?i:{AMOUNT}\s+(?P<unit>week)s?\s+(?P<dir>ago))\b")),
    # "in two weeks' time", "in a fortnight": counted forward from publication
    ("in_time", re.compile(
        rf"\b[Ii]n\s+{AMOUNT}\s+(?P<unit>day|week|fortnight|month|year)s?(?P<time>['’]s?\s+time\b)?")),
    # "this time last year", "this time a year ago": about the same time, a year (month) away
    ("this_time", re.compile(
        r"\b[Tt]his\s+time\s+(?:(?P<which>last|next)\s+(?P<unit>year|month)|an?\s+(?P<unit2>year|month)\s+ago)\b")),
    # "the week before last", "the day after tomorrow": two units from publication
    ("two_off", re.compile(
        r"(?<=\b[Tt]he\s)(?P<unit>day|week|month|year)\s+(?P<rel>before\s+(?:last|yesterday)|after\s+(?:next|tomorrow))\b"
        r"(?![\s-]+(?:[a-z]+['’]s\b|year|month|week|weekend|night|time|season|spring|summer|autumn|fall|winter|"
        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))")),
    # "the weekend of March 9", "the week of 4 March": the ISO week of that day
    ("week_of", re.compile(rf"(?<=\b[Tt]he\s)(?P<unit>week(?:end)?)\s+of\s+{MONTH}\s+{DAY}(?:\s*[-–]\s*\d{{1,2}}\b)?"
                           rf"(?:,?\s+{YEAR})?")),
    ("week_of", re.compile(rf"(?<=\b[Tt]he\s)(?P<unit>week(?:end)?)\s+of\s+{DAY}\s+{MONTH}(?:,?\s+{YEAR})?")),
    # "on the 7th", "by the 15th": a day of the month the story is in (after a preposition,
    # ``NTH_DAY_BEFORE_RE``)
    ("nth_day", re.compile(
        r"(?<=\b[Tt]he\s)(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
        # "on the 10th of that month": the month the story is in, however far back it was given
        r"(?:\s+of\s+(?P<that>that|the\s+same)\s+month\b|(?![\s-]*(?:of\b|[a-z]|\d)))")),
    # "that same day", "on the same day", "during that month": the day or month the story is in
    # "that summer", "that first winter", "that March": the story's year, or its month
    # "in the same month last year", "the same period a year earlier": the story's time, a year back
    ("that_unit", re.compile(
        r"(?<=\b[Tt]he\s)same\s+(?P<back_unit>day|week|month|quarter|period|time|season)\s+"
        r"(?P<back>last\s+year|a\s+year\s+(?:earlier|before|ago))\b")),
    ("that_unit", re.compile(
        r"(?:\b[Tt]hat(?:\s+(?:same|first))?|(?<=\b[Tt]he\s)same)\s+"
        rf"(?:(?P<unit>day|morning|afternoon|evening|night|week|month|year|spring|summer|autumn|fall|winter)|(?P<month>{MONTH_FULL}))\b(?![-’'])")),
    # placed against the narrative, not the publication: "the year before", "the following day"
    ("anchored", re.compile(
        # "the week prior": the week before the one the story is in ("prior to" names an event)
        r"(?<=\b[Tt]he\s)(?:(?P<unit>day|week|month|year|{PARTS})\s+(?P<dir>before|after|earlier|later|prior(?!\s+to\b))|"
        r"(?P<which>following|previous|preceding|next)\s+(?P<unit2>day|week|month|year|session|{PARTS}))\b(?!-\w)"
        .replace("{PARTS}", "morning|afternoon|evening|night"))),  # "the next morning": the next day
    # "the eve of the invasion", "its first anniversary": read as "anchored" gaps (see ``dates``)
    ("event_gap", EVE_RE), ("event_gap", ANNIVERSARY_RE),
    # "the first Monday of March", "the last Friday in May": that weekday of the month
    ("nth_weekday", re.compile(
        rf"(?<=\b[Tt]he\s)(?P<nth>(?i:first|second|third|fourth|last|final))\s+"
        rf"(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of|in)\s+{MONTH}"
        rf"(?:,?\s+{YEAR})?")),
    ("quarter", re.compile(
        rf"\b(?:(?P<nth>(?i:first|second|third|fourth)|1st|2nd|3rd|4th)[- ]quarter|Q(?P<q>[1-4]))"
        rf"(?:\s+(?:of\s+)?(?:(?:FY\s?|fiscal\s+(?:year\s+)?)?{YEAR}|FY\s?(?P<fy_clipped>\d\d)(?![\w%])|"
        rf"(?P<which>this|last|next)\s+year))?")),
    ("quarter", re.compile(
        rf"\b(?:(?P<half>first|second|1st|2nd)\s+half|H(?P<h>[12]))\s+(?:of\s+)?"
        rf"(?:(?:FY\s?|fiscal\s+(?:year\s+)?)?{YEAR}|FY\s?(?P<fy_clipped>\d\d)(?![\w%])|"
        rf"(?P<which>this|last|next)\s+year|the\s+year\b)", re.I)),
    # "1H24", "2H23": a half named the way results are, its year clipped (a half is its year)
    ("quarter", re.compile(r"(?<![\w.])[12]H(?P<fy_clipped>\d\d)(?![\w%])")),
    # "sales will rise in the second half": a half of the year, named alone (see ``_plausible``)
    ("quarter", re.compile(r"(?<=\b[Tt]he\s)(?P<half>first|second)\s+half\b(?![\w-]|\s+of\b)")),
    # "on Christmas Day", "by Easter 2025": a named day, found by ``date_holidays``
    # "over the Thanksgiving holiday weekend": the weekend, the week it falls in
    ("holiday", re.compile(rf"(?<![\w-]){HOLIDAY}(?P<weekend>\s+(?:holiday\s+)?weekend)?(?![\w'’-])(?:\s+{YEAR})?")),
    # "the winter of 2022-23": the season that spans two years keeps both in its span
    ("season", re.compile(rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?{YEAR}"
                          rf"(?:[-–/]\d\d(?![\w%]|[-–/.,:]\d))?")),
    # "the summer and autumn of 2024": two seasons share the year
    ("season", re.compile(rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:and|or|to|through)\s+"
                          rf"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?{YEAR}")),
]

# token -> the rules whose pattern may begin there, as (words, rules) pairs; a
# pattern is tried only where one of its first words stands.
START_WORDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (tuple(MONTHS), ("mdy", "my", "month", "day_range")),
    (tuple(WEEKDAYS), ("mdy", "dmy", "weekday", "ago", "weekday_of_week")),
    (tuple(WEEKDAY_SHORT), ("mdy", "dmy")),
    (EDGES, ("mdy", "my", "month", "year", "decade", "decade2", "edge_year", "weekday",
              "the_unit", "century", "season")),
    (("the",), ("dmy", "edge_year")),
    (tuple(DECADE_WORDS), ("decade",)),
    (tuple({word.split("-")[0] for word in CENTURY_ORDINALS}) + ("turn",), ("century",)),
    (("this", "last", "next"), ("month", "edge_year", "weekday", "deixis")),
    (("past",), ("edge_year",)),  # "over the past weekend"
    (("coming",), ("edge_year", "weekday")),  # "the coming weekend", "coming Sunday"
    (("following", "previous", "preceding"), ("weekday",)),
    (("earlier", "later"), ("month", "edge_year")),
    (("today", "tonight", "yesterday", "tomorrow"), ("deixis",)),
    (("coming", "recent", "days", "weeks", "months", "years", "decades", "next"), ("vague",)),
    (("weekend",), ("weekend",)),
    (("day", "week", "month", "year", "following", "previous", "preceding", "next", "morning",
      "afternoon", "evening", "night"), ("anchored",)),
    (("eve", "anniversary") + tuple(w for w in CENTURY_ORDINALS if "-" not in w), ("event_gap",)),
    (("day", "week", "month", "year"), ("two_off",)),
    (("year", "month", "week", "mid", "midyear"), ("the_unit",)),
    (("week", "weekend"), ("week_of",)),
    (("this",), ("this_time",)),
    (("that", "same"), ("that_unit",)),
    (("in",), ("in_time",)),
    (("fiscal", "financial", "fy"), ("fiscal", "year")),
    (("about", "around", "nearly", "almost", "roughly", "some", "over", "more", "less",
      "under", "just", "a", "an", "several", "few", "many") + tuple(NUMBER_WORDS), ("ago",)),
    (("first", "second", "third", "fourth", "1st", "2nd", "q", "h"), ("quarter",)),
    (SEASONS, ("season",)),
    (("first", "second", "third", "fourth", "last", "final"), ("month", "my", "mdy", "nth_weekday", "year")),
    (("closing", "opening"), ("month", "my", "mdy", "year")),  # "the closing months of 2023"
    (("'", "’"), ("decade2", "clipped_year")),
    (tuple(sorted({re.match(r"[A-Za-z]+", name).group().lower() for name in HOLIDAYS})), ("holiday",)),
)

# ``the class of '91``, ``in ’08``: the words a clipped year follows (elsewhere the mark
# may open a quotation: "'30 soldiers died,' he said").
CLIPPED_YEAR_BEFORE_RE = re.compile(
    r"\b(?:of|in|since|from|by|until|till|the|class|spring|summer|autumn|fall|winter)\s+$",
    re.IGNORECASE)

# ``two days after the strike``: an event follows, so the phrase places a date.
EVENT_AFTER_RE = re.compile(r"\s+(?:an?|the|his|her|its|their|[A-Z][a-z]+|[a-z]+ing)\b")

# ``two years later this week``: the date is what follows, not the ``later``.
DEICTIC_AFTER_RE = re.compile(r"\s+(?:this|next|last|in\s+the)\b", re.I)

# The event after ``before``/``after``: a determiner, an owner, or a name and its verb.
EVENT_RE = re.compile(
    r"\s+(?:(?:the|an?|his|her|its|their|[A-Z][a-z]+(?:'s|’s))(?=\s)"
    r"|(?:[A-Z][a-z]+\s+){1,2}(?P<verb>[a-z]+ed)\b)")

# "since around 2024": an approximated year after a preposition is still a year.
APPROXIMATE_YEAR_BEFORE = re.compile(
    r"\b(?:since|in|from|until|by|before|after)\s+(?:about|around|roughly|approximately|at\s+least)\s+$", re.I
)
# "of about 1500": a count-like word before a year, but a preposition right before it.
YEAR_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|since|from|to|until|by|and)\s*$", re.I)


# ``In 1998, ...``: the words that may open a sentence before a year that frames it.
SENTENCE_OPENING_RE = re.compile(
    r"[\W_]*(?:(?:in|during|throughout|by|over)\s+)?(?:the\s+)?(?:(?:early|late|mid)[- ]?)?",
    re.IGNORECASE)
