"""English words with which a text points back at its own dates, or lists them together:
"that summer", "the end of that month", "on 7 May and on 19 August", "the first week of
July", "arrested in 2019 and fled in August"; a dateline, a post's attribution, a day
named for its event; and a holiday named as a greeting."""

from __future__ import annotations

import re

# "the first full week of January", "the last weekend of May": a week of the month, as an ISO week
WEEK_OF_MONTH_RE = re.compile(
    r"(?P<nth>first|second|third|fourth|last|final)\s+(?P<full>full\s+)?(?P<unit>week|weekend)\s+of$", re.IGNORECASE)

# "the last day of November": a day at a month's edge
EDGE_DAY_OF_MONTH_RE = re.compile(r"(?P<edge>first|last|final) day of")

NTH_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}

# "Happy Thanksgiving!": a greeting, which places nothing
HOLIDAY_GREETING_BEFORE_RE = re.compile(r"\b(?:[Hh]appy|[Mm]erry|[Bb]lessed)\s+$")

# "this Thanksgiving", "last Christmas": a holiday placed against the present, not the story
HOLIDAY_DEICTIC_BEFORE_RE = re.compile(r"\b(?:this|last|next|this\s+coming|this\s+past)\s+$", re.IGNORECASE)

# "that summer", "that same day" place a time; not the "that" of a clause: "said that summer is ...", "now that spring has come"
THAT_CLAUSE_BEFORE_RE = re.compile(
    r"\b(?:said|says|say|told|tell|think|thinks|thought|know|knows|knew|believe|believes|believed|hope|hopes|"
    r"ensure|claim|claims|claimed|noted|added|so|now|such|given|except|means|meant|show|shows|showed|but)\s+$",
    re.IGNORECASE)

# "arrested in 2019 and fled in August": a second verb of the same clause, told in the past,
# stays in the year the first gave (not "founded in 2009, said in January": that is in passing)
COORDINATED_AFTER_YEAR_RE = re.compile(r"\s+and\s+(?:[a-z]+\s+){1,3}(?:in|on|by|until)\s+"
                                       # "in early 2018, with January and February well below normal"
                                       r"|,\s+(?:with|including|especially|notably|particularly)\s+(?:in\s+)?(?:the\s+)?"
                                       # "the levels of 2022, when the invasion pushed it above $139 in March"
                                       r"|,\s+when\s+[^.;:!?\n]{0,120}?\s(?:in|on|by)\s+")

# "on 7 May and on 19 August", "on Feb. 11 and its annual meeting in March": dates listed together
COORDINATED_DATES_RE = re.compile(r",?\s+(?:and|or|then)\s+(?:(?:its|the|a|an|[a-z]+)\s+){0,3}(?:in|on|by)\s+"
                                  r"|,?\s+(?:and|or)\s+")  # "January and February"

# Words by a quotation that make it a written post with its own date ("... yesterday,"
# he tweeted; the post reads): a relative day inside it does not count from publication.
WRITTEN_ATTRIBUTION_RE = re.compile(
    r"\b(?:tweet(?:ed|s)?|posted|wrote|writes|post\s+(?:\w+\s+)?reads|(?:letter|statement|message|"
    r"caption|note)\s+(?:\w+\s+)?reads|posts?\s+on\s+(?:X|Twitter|Telegram|Facebook))\b",
    re.IGNORECASE)

# After a verb of speech: the event the words were said after ("said after the match")
AFTER_THE_EVENT_RE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}after\s+(?:the|his|her|their|its|a)\s+(?:[a-z-]+\s+)?(?:match|game|final|race|fight|bout|vote|"
    r"hearing|meeting|ruling|verdict|debate|speech|summit|session|ceremony|launch|win|victory|defeat|loss|draw|"
    r"election|count|announcement|sentencing|trial)\b", re.IGNORECASE)

# Between an event's name and the date that follows it: "the deadline at noon on Dec. 20",
# "the election on Nov. 5", "the vote, Nov. 5"; or between "a day before" and "the Dec. 20 deadline".
EVENT_DATE_AFTER_RE = re.compile(
    r"\s*,\s*|\s+(?:the\s+)?|\s+(?:(?:at|by)\s+(?:noon|midnight|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)\s+)?"
    r"(?:on|of|set\s+for|scheduled\s+for|due\s+on|fell\s+on|(?:was|is|will\s+be)(?:\s+(?:held|set|due|scheduled))?)"
    r"\s+(?:(?:on|for)\s+)?",
    re.IGNORECASE,
)

# Between a date and the event's name after it: "the Dec. 20 deadline", "Nov. 5's election".
EVENT_DATE_BEFORE_RE = re.compile(r"(?:'s|’s)?\s+(?:[a-z]+\s+)?", re.IGNORECASE)

# "KYIV, Feb. 10 (Reuters) -", "WASHINGTON, Feb. 9 —": a dateline that gives the day the
# story was filed; its weekdays and "yesterday" count from that day. Before the day: the
# place in capitals at a line's start; after it: the agency and the dash.
DATELINE_BEFORE_RE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?, ")

DATELINE_AFTER_RE = re.compile(r" ?(?:\([^()\n]{1,40}\) ?)?[—–-]{1,2} ")
