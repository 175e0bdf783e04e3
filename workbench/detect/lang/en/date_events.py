"""English words for dates that name an event or a long period: the days that have become an
event's name ("the Jan. 6 attack"), and centuries ("the 19th century")."""

from __future__ import annotations

import re

# Days whose month and day alone have become an event's name: (month, day) -> the year it
# fell in and the nouns after the day that make it that event ("the Sept. 11 attacks" is
# 2001's, "the Jan. 6 committee" is 2021's, whatever year the article came out in).
EVENT_DAYS: dict[tuple[int, int], tuple[int, str]] = {
    (9, 11): (2001, r"attacks?|terrorist\s+attacks?|hijackers?|hijackings|commission|terror\s+attacks?"),
    (1, 6): (2021, r"attacks?|riots?|rioters?|insurrection(?:ists?)?|committee|panel|hearings?|"
                   r"defendants?|investigation|probe|mob|siege|assault|Capitol\s+(?:attack|riot|breach)"),
    (10, 7): (2023, r"attacks?|massacres?|assault|raid|incursion|rampage|atrocities|onslaught|"
                    r"terror\s+attacks?|terrorist\s+attacks?|Hamas\s+(?:attacks?|massacres?|assault|raid)"),
    (2, 24): (2022, r"invasion|full[- ]scale\s+invasion|Russian\s+invasion"),
}

# Between the day and the event's noun: a possessive, and up to two words that qualify it
# ("the Oct. 7 Hamas-led attack", "the Feb. 24 full-scale invasion").
# A determiner or a verb there starts a new phrase: "on Oct. 7 the army attacks" is no event.
EVENT_NOUN_GAP = (r"(?:['’]s)?\s+(?:(?!(?:the|an?|its|their|his|her|this|that|was|were|is|are|and|or|"
                  r"to|on|in|of)\s)[\w-]+\s+){0,2}?")

# "the 19th century", "the early 20th century", "the first century": which century is in
# ``nth`` (digits or an ordinal word).
CENTURY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip

# After "the" only, and not as an adjective: "21st-century warfare" places nothing, nor does
# "the first century of the republic" (a century of something else) or "20th Century Fox".
CENTURY_RE = re.compile(
    r"(?<=\b[Tt]he\s)(?:(?P<edge>early|late|mid)[- ])?(?P<nth>(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)|"
    + "|".join(sorted(CENTURY_ORDINALS, key=len, reverse=True))
    + r")\s+century\b(?!\s+(?:(?-i:[A-Z])|of\b))",
    re.IGNORECASE)

# "at the turn of the century", "the turn of the 20th century": the year the century turned
# (the last, 2000, when no century is named)
TURN_OF_CENTURY_RE = re.compile(
    r"(?<=\b[Tt]he\s)turn\s+of\s+the\s+(?:(?P<turn>(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)|"
    + "|".join(sorted(CENTURY_ORDINALS, key=len, reverse=True))
    + r")\s+)?century\b",
    re.IGNORECASE)

# "in the second half" alone is a half of the year, but not where the sentence is about a match
SPORTS_NEAR_RE = re.compile(
    r"\b(?:goals?|scored?|scoring|match|game|half-?time|penalt(?:y|ies)|striker|quarterback|touchdown|"
    r"innings|minutes?|referee|coach)\b", re.IGNORECASE)
HALF_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|for|during|over|through|by)\s+the\s+$", re.IGNORECASE)

# "on the eve of the invasion": the day before the event the words name; "the first
# anniversary of the invasion": the event's day, that many years on. The event's name follows
# (as after "the day before"), and its day is found where the text gives it.
_EVENT_OPENS = r"(?=\s+(?:the|an?|his|her|its|their|[A-Z]))"
EVE_RE = re.compile(r"(?<=\b[Tt]he\s)(?P<eve>eve)\s+of" + _EVENT_OPENS)
ANNIVERSARY_RE = re.compile(
    r"(?<=\b[Tt]he\s)(?:(?P<anniv>"
    + "|".join(sorted((word for word in CENTURY_ORDINALS if "-" not in word), key=len, reverse=True))
    + r")\s+)?(?P<anniversary>anniversary)\s+of" + _EVENT_OPENS, re.IGNORECASE)

# '“Yesterday the base was attacked ...,” the post reads': a day word that opens a quoted
# written post whose own day is not given, and the first regular past verb after it in its
# sentence, whose stem names the event ("attacked": "the attack"), to be dated where the text
# dates that event.
QUOTED_EVENT_DAY_RE = re.compile(
    r"(?i:yesterday|today)\b[^.!?”\"]{0,80}?\b(?P<stem>[a-z]{4,}?)ed\b")
