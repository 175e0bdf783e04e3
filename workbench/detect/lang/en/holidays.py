"""English names of holidays and named days, and how to find each one's day in a year.

A rule is one of:
``("fixed", month, day)``; ``("easter", days after Western Easter)``;
``("orthodox_easter", days after Orthodox Easter)``;
``("nth_weekday", month, weekday, n)`` (n = -1: the last such weekday of the month);
``("independence",)``: the day of the country the text speaks of (``INDEPENDENCE_DAYS``);
``("election_year", *rule)``: ``rule``, held only in years divisible by four.
Names are matched as written, capitals and all: ``the christmas tree`` is not ``Christmas``.
"""

from __future__ import annotations

import re

HOLIDAYS: dict[str, tuple] = {
    "Christmas": ("fixed", 12, 25),
    "Christmas Day": ("fixed", 12, 25),
    "Christmas Eve": ("fixed", 12, 24),
    "Orthodox Christmas": ("fixed", 1, 7),
    "Orthodox Christmas Day": ("fixed", 1, 7),
    "Orthodox Christmas Eve": ("fixed", 1, 6),
    "Boxing Day": ("fixed", 12, 26),
    "New Year": ("fixed", 1, 1),
    "New Year's": ("fixed", 1, 1),
    "New Year's Day": ("fixed", 1, 1),
    "New Year's Eve": ("fixed", 12, 31),
    "Hogmanay": ("fixed", 12, 31),
    "Epiphany": ("fixed", 1, 6),
    "Valentine's Day": ("fixed", 2, 14),
    "St. Patrick's Day": ("fixed", 3, 17),
    "St Patrick's Day": ("fixed", 3, 17),
    "Saint Patrick's Day": ("fixed", 3, 17),
    "International Women's Day": ("fixed", 3, 8),
    "Defender of the Fatherland Day": ("fixed", 2, 23),
    "May Day": ("fixed", 5, 1),
    "VE Day": ("fixed", 5, 8),
    "V-E Day": ("fixed", 5, 8),
    "Victory Day": ("fixed", 5, 9),
    "Russia Day": ("fixed", 6, 12),
    "Juneteenth": ("fixed", 6, 19),
    "Canada Day": ("fixed", 7, 1),
    "Fourth of July": ("fixed", 7, 4),
    "Bastille Day": ("fixed", 7, 14),
    "Halloween": ("fixed", 10, 31),
    "Guy Fawkes Night": ("fixed", 11, 5),
    "Bonfire Night": ("fixed", 11, 5),
    "Armistice Day": ("fixed", 11, 11),
    "Remembrance Day": ("fixed", 11, 11),
    "Veterans Day": ("fixed", 11, 11),
    "Veterans' Day": ("fixed", 11, 11),
    "Anzac Day": ("fixed", 4, 25),
    "Australia Day": ("fixed", 1, 26),
    "Easter": ("easter", 0),
    "Easter Sunday": ("easter", 0),
    "Easter Day": ("easter", 0),
    "Easter Monday": ("easter", 1),
    "Good Friday": ("easter", -2),
    "Holy Saturday": ("easter", -1),
    "Palm Sunday": ("easter", -7),
    "Maundy Thursday": ("easter", -3),
    "Orthodox Easter": ("orthodox_easter", 0),
    "Orthodox Easter Sunday": ("orthodox_easter", 0),
    "Martin Luther King Jr. Day": ("nth_weekday", 1, 0, 3),
    "Martin Luther King Day": ("nth_weekday", 1, 0, 3),
    "Presidents' Day": ("nth_weekday", 2, 0, 3),
    "Presidents Day": ("nth_weekday", 2, 0, 3),
    "Memorial Day": ("nth_weekday", 5, 0, -1),
    "Labor Day": ("nth_weekday", 9, 0, 1),
    "Columbus Day": ("nth_weekday", 10, 0, 2),
    "Thanksgiving": ("nth_weekday", 11, 3, 4),  # the American one: the fourth Thursday of November
    "Thanksgiving Day": ("nth_weekday", 11, 3, 4),
    "Black Friday": ("nth_weekday_after", 11, 3, 4, 1),  # the day after Thanksgiving
    "Cyber Monday": ("nth_weekday_after", 11, 3, 4, 4),  # the Monday after Thanksgiving
    "Remembrance Sunday": ("nth_weekday", 11, 6, 2),
    "Independence Day": ("independence",),
    # the first Tuesday of March in an American presidential election year (every fourth)
    "Super Tuesday": ("election_year", "nth_weekday", 3, 1, 1),
    # the American general election: the Tuesday after the first Monday of November, in an
    # even year (the federal ones, every second)
    "Election Day": ("even_year", "nth_weekday_after", 11, 0, 1, 1),
}  # fmt: skip

# A country's name or adjective -> its Independence Day (month, day). "Ukraine's
# Independence Day" takes the owner's; a bare one takes the day of the country the text
# names most, and the American Fourth of July when it names none of these.
INDEPENDENCE_DAYS: dict[str, tuple[int, int]] = {
    "america": (7, 4), "american": (7, 4), "u.s.": (7, 4), "us": (7, 4), "united states": (7, 4),
    "ukraine": (8, 24), "ukrainian": (8, 24), "ukrainians": (8, 24),
    "india": (8, 15), "indian": (8, 15), "pakistan": (8, 14), "pakistani": (8, 14),
    "mexico": (9, 16), "mexican": (9, 16), "brazil": (9, 7), "brazilian": (9, 7),
    "belarus": (7, 3), "belarusian": (7, 3), "georgia": (5, 26), "georgian": (5, 26),
    "moldova": (8, 27), "moldovan": (8, 27), "finland": (12, 6), "finnish": (12, 6),
    "poland": (11, 11), "polish": (11, 11), "nigeria": (10, 1), "nigerian": (10, 1),
    "kazakhstan": (12, 16), "armenia": (9, 21), "armenian": (9, 21),
}  # fmt: skip
DEFAULT_INDEPENDENCE_DAY = (7, 4)

# Words after a holiday's name that make it a day and not an adjective: "the Christmas
# holidays", "the Easter weekend", "Easter next year" still place; "the Christmas tree" does not.
HOLIDAY_TIME_NOUNS = frozenset({"holiday", "holidays", "weekend", "period", "season", "break",
                                "truce", "ceasefire", "recess", "morning", "night", "evening",
                                "afternoon", "next", "last", "this", "eve"})

# "the Victory Day parade": a name that calls itself a day (or eve, or night) still dates
# the noun it qualifies, unlike "the Christmas tree" or "the Good Friday agreement"
DAY_NAMED_RE = re.compile(r"\b(?:Day|Eve|Night)$")

# "the Lunar New Year", "Jewish New Year": a word before the name that moves the holiday to
# another calendar, whose day the table does not know.
OTHER_CALENDAR_BEFORE_RE = re.compile(
    r"\b(?:Lunar|Chinese|Jewish|Islamic|Muslim|Hijri|Persian|Iranian|Vietnamese|Korean|Tibetan|Thai|"
    r"Orthodox|Julian|Old|Hindu|Sikh|Coptic|Ethiopian)\s+$")
