"""English month and weekday names, seasons, relative-date words and tense cues."""

from __future__ import annotations

import re

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

TENSE_MARKERS = re.compile(
    # a future auxiliary takes its verb with it: "will be held" is future, not past "held"
    r"(?P<future>\b(?:(?:will|won't|shall|going\s+to|due\s+to|expected\s+to|scheduled\s+to|"
    r"plans?\s+to|set\s+to|would|is\s+to|are\s+to)(?:\s+not)?(?:\s+(?:be|have\s+been))?"
    r"(?:\s+[a-z]+)?|scheduled|planned|upcoming|next)\b|'ll\b)"
    r"|(?P<past>\b(?:since|was|were|had|did|said|told|met|went|came|took|gave|made|held|left|began|"
    r"saw|struck|fell|rose|won|lost|sent|spoke|ago|last|[a-z]+ed)\b)",
    re.IGNORECASE,
)

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"

MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"

WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

# "the first week of December": a part of a month stays in the span, the month is the value
PART_OF_MONTH = (r"(?:(?:first|second|third|fourth|last|final)\s+(?:week|fortnight|half|days|ten\s+days)|"
                  r"end|beginning|start|middle)\s+of")

TIME_UNIT = r"(?P<unit>minute|hour|day|week|month|year|decade|century)s?"

# Words before a bare year that make it a count, not a date ("some 1500 troops").
COUNT_BEFORE = re.compile(
    r"(?:about|around|approximately|nearly|almost|some|over|than|to|least|of|only|just|"
    r"roughly|estimated|killed|and|[$£€¥])\s*$", re.IGNORECASE,
)

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

MONTH_PREPOSITION = re.compile(
    r"\b(?:in|by|until|since|from|through|throughout|during|before|after|of|till)\s+$"
)

SEASON_PREPOSITION = re.compile(r"\b(?:in|during|by|until|over|through|since|before|after)\s+(?:the\s+)?$")

NEXT_NOUN_RE = re.compile(r"\s+(?!of\b|and\b|or\b|to\b|as\b|at\b|in\b|on\b|with\b|when\b|for\b|after\b|before\b)[a-z]{3,}\b(?!\s*,)")

MEASURING_BEFORE_RE = re.compile(r"\b(?:for|over|within|in|during|lasting|last|took|takes)\s+$", re.I)

EDGES = ("early", "late", "mid", "end", "beginning", "start", "middle")
