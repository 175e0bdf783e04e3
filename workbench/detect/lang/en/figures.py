"""English words around a number: approximators, labels, adverbs, named ordinals."""

from __future__ import annotations

import re

from workbench.detect.lang.en.numbers import INDEFINITE_ARTICLES, ONE, WORD_NUMBER

# Approximators and comparatives belong inside the figure's span.
APPROXIMATOR_RE = re.compile(
    r"\b(?P<approx>(?:just|well|slightly)\s+(?:over|under|above|below)|"
    r"about|around|approximately|roughly|nearly|almost|some|over|under|barely|"
    r"(?:(?:slightly|much|far|well|just|no|not)\s+)?(?:more|less|fewer|higher|lower|greater|bigger|"
    r"larger|smaller)\s+than|at\s+least|at\s+most|up\s+to|"
    r"as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|as\s+little\s+as|"
    r"close\s+to|upwards\s+of|in\s+excess\s+of|an\s+estimated|estimated|between)\s+$",
    re.IGNORECASE,
)

# Hyphen compounds that are names or idioms, not measures: "two-state solution".
COMPOUND_BLACKLIST = frozenset(
    {"state", "party", "way", "off", "time", "sided", "fold", "on", "thirds", "quarters",
     "third", "quarter", "fifths", "half", "up", "shot", "liner", "nil", "all", "china",
     "star", "piece", "of"}
)  # fmt: skip

# Lower-case words before a number that make it a label, not a quantity.
NAME_PRECEDERS = frozenset(
    {"page", "pages", "p", "pp", "section", "sections", "article", "articles", "chapter",
     "paragraph", "clause", "number", "no", "nos", "flight", "route", "highway", "phase",
     "stage", "grade", "category", "type", "version", "gate", "room", "platform", "line",
     "round", "tier", "exit", "episode", "season", "volume", "vol", "issue", "item",
     "resolution", "rule", "figure", "fig", "table", "step", "level", "zone", "district",
     "block", "lane", "ward", "row", "seat", "box", "code", "model", "mark", "class",
     "unit", "brigade", "division", "battalion", "regiment", "corps", "army", "squadron",
     "fleet", "building", "street", "avenue", "road", "apartment", "suite", "floor",
     "area", "sector", "terminal", "pier", "berth", "hangar", "runway", "interstate",
     "channel", "bus", "train", "track", "slide", "part", "act", "scene", "verse", "psalm",
     "week", "day", "year", "month", "quarter", "minute"}
)  # fmt: skip

# Determiners a partitive's head noun may follow: ``three of their commanders``.
DETERMINERS = frozenset(
    {"the", "its", "their", "his", "her", "our", "these", "those", "all", "my", "your", "whose"}
)

# Words after a unit that say where or when, not what: "-15 degrees overnight".
ADVERBS = frozenset(
    {"overnight", "apart", "abroad", "ahead", "instead", "too", "nationwide", "worldwide",
     "overall", "altogether", "respectively", "annually", "apiece", "each", "alone", "again",
     "afterwards", "beforehand", "downstream", "upstream", "offshore", "onshore", "inland",
     "underground", "below", "above", "higher", "lower", "less", "more", "tonight", "daily",
     "weekly", "monthly", "yearly", "now", "then", "since", "once", "twice", "short", "deep",
     "high", "long", "wide", "tall", "away", "south", "north", "east", "west", "southeast",
     "southwest", "northeast", "northwest", "closer", "further", "farther", "later", "earlier"}
)

# nouns that look like adverbs: "the one remaining supply line"
LY_NOUNS = frozenset({"supply", "family", "rally", "ally", "assembly", "anomaly", "monopoly",
                       "reply", "belly", "jelly", "bully"})

# ``up from 20``, ``versus 30``: the earlier figure of a comparison shares the unit.
COMPARED_RE = re.compile(r"(?:\b(?:up|down|rising|falling|rose|fell|compared|grew|climbed|jumped|"
                          r"dropped|increased|decreased|declined|surged|soared|slipped|plunged)\s+"
                          r"(?:from|with|to)|\bturned\s+(?:in)?to|\bbec[oa]me|"
                          r"\bversus|\bvs\.?|\bagainst|\bfrom)\s+(?:an?\s+estimated\s+|about\s+|"
                          r"around\s+|some\s+|nearly\s+)?$")

# ``gained $12.40 to $2,034.10``: a verb of change before "N to M" makes it a change
# and the level reached, when the two are far apart (a range's ends are alike).
CHANGE_BEFORE_RE = re.compile(
    r"\b(?:gained|gains|rose|rises|fell|falls|added|adds|lost|loses|climbed|climbs|dropped|drops|"
    r"jumped|jumps|slipped|slips|declined|declines|advanced|advances|slid|slides|eased|eases|"
    r"firmed|firms|tumbled|tumbles|sank|sinks|up|down)\s+$", re.IGNORECASE)

# ``Among the 10 districts that burned most, seven ...``: the set a later bare number
# is taken from.
SET_BEFORE_RE = re.compile(r"\b(?:[Aa]mong|[Oo]f)\s+(?:the|its|their|these|those)\s+$")

# Word and digit ordinals a counting ordinal may be (``first`` is left out).
ORDINAL_RE = re.compile(
    r"(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(?:st|nd|rd|th))\b", re.IGNORECASE)

# ``seventh straight session``, ``third day in a row``: an ordinal that counts.
STREAK_RE = re.compile(
    r"\s+(?:(?:straight|consecutive|successive|running)\s+(?P<noun>[a-z]+)\b|"
    r"(?P<noun2>[a-z]+)(?=\s+in\s+a\s+row\b))", re.IGNORECASE)

# ``finished fourth``: a verb of ranking before an ordinal makes it a place.
RANKED_BEFORE_RE = re.compile(
    r"\b(?:finish(?:ed|es|ing)?|came|come|placed|ranked|ranks|ranking|ended)\s+$", re.IGNORECASE)

# What may follow a rank: punctuation or a preposition (``fourth in the vote``).
RANK_ENDS_RE = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:in|with|on|at|behind|after|overall)\b")

# An ordinal counts a noun only after a determiner: ``the fourth candidate``.
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|its|their|his|her)\s+$", re.IGNORECASE)

# Nouns a word ordinal names rather than counts: "the third floor", "the second half".
ORDINAL_NAMED_NOUNS = frozenset(
    {"floor", "half", "quarter", "world", "party", "reich", "way", "century", "anniversary",
     "person", "hand", "thought", "opinion", "guess", "language", "class", "generation",
     "lieutenant", "amendment", "division", "army", "corps", "brigade", "fleet", "district",
     "estate", "republic", "empire", "city", "largest", "biggest", "option", "cousin",
     "degree", "grade", "string", "nature", "look", "chance", "phase", "stage", "part",
     "place", "row", "name", "term", "reading", "line", "rate", "source"}
)  # fmt: skip

# ``twice``, ``thrice``: multiples without a number word.
TIMES_RE = re.compile(r"\b(?:[Tt]wice|[Tt]hrice)\b")

# ``for the second time``, ``in fourth place``.
TIME_OR_PLACE_RE = re.compile(r"\s+(?P<noun>time|place)\b", re.IGNORECASE)

# After a number, a time of day: ``10:30``, ``9 a.m.``, ``18:00 GMT``.
TIME_AFTER_RE = re.compile(
    r"(?::\d\d|\s*(?:[ap]\.m\.|[ap]m\b|GMT|UTC|ET\b|EST|EDT|BST|CET|CEST|MSK|local\s+time))"
)

# "0400 hours" is a time of day; "48 hours" a duration.
MILITARY_TIME_RE = re.compile(r"\s*(?:hours|hrs|h)\b")

# Capitalised labels before a number: ``Phase 2``, ``No. 5``.
LABEL_BEFORE_RE = re.compile(
    r"\b(?:[Nn]umber|No\.|[Pp]hase|[Ss]tage|[Ss]eason|[Cc]hapter|[Pp]art|[Ll]evel|[Gg]rade)\s+$"
)

# Sentence-initial words that quantify the number after them ("Nearly 200 civilians"),
# unlike a capitalised name before a number ("Leopard 2").
QUANTIFIER_WORDS = frozenset(
    {"nearly", "almost", "roughly", "approximately", "around", "about", "over", "under",
     "only", "just", "exactly", "precisely", "fully", "barely", "estimated", "another",
     "upwards", "maybe", "perhaps", "possibly", "probably", "reportedly", "officially",
     "altogether", "overall", "already", "still", "now", "today", "yesterday", "since",
     "after", "before", "with", "without", "of", "among", "including", "excluding", "those",
     "these", "all", "by", "for", "at", "in", "on", "from", "to", "and", "but", "or"}
)

# Capitalised words a count may follow without being a name: "the US 10 ..." is rare,
# but title-case headlines ("Suffered 71,000 Dead") put verbs there.
COUNTRY_LIKE = frozenset({"US", "UK", "EU", "UN", "NATO"})

# --- the cores a figure grows from ----------------------------------------------

# A currency sign before digits.
CURRENCY_SIGN = r"(?P<cur>US\$|U\.S\.\s?\$|C\$|A\$|HK\$|NZ\$|\$|£|€|¥|₽|₴|₹)"
# A scale after digits: "1.5bn", "3 million".
SCALE_AFTER_DIGITS = r"(?:(?:(?=\s?(?:bn|mn|mln|tn|trn)\b)\s?|(?=[mkbtMKBT]\b))(?P<abbr>bn|mn|mln|tn|trn|m|k|b|t)\b|\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)"
# Number words, fractions among them: "a hundred", "two-thirds", "half a".
WORD_CORE = (
    rf"(?:an?\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b)|half\s+an?\s+)?"
    rf"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten)[-\s](?:thirds?|quarters?|halves|fifths?|tenths?)|"
    rf"{WORD_NUMBER}|a\s+third|a\s+quarter|a\s+half|a\s+single|half)"
)
# Vague amounts: "tens of thousands", "dozens", "a handful".
VAGUE_CORE = (
    r"(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|"
    r"millions|billions|scores|several|a\s+handful"
)
# Tokens other than number words and currency signs a core may start at.
CORE_START_WORDS = frozenset(
    {"us", "u", "c", "a", "an", "hk", "nz", "half", "tens",
     "hundreds", "thousands", "millions", "billions", "dozens", "scores", "several"}
)

# Tokens where ``about a week`` may start.
APPROXIMATOR_STARTS = frozenset(
    {"about", "around", "nearly", "almost", "roughly", "over", "under", "more", "less", "at",
     "up", "within"}
)

# ``about a week``, ``more than a year``: one unit with an approximator.
APPROX_ONE_RE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|over|under|more\s+than|less\s+than|at\s+least|"
    r"up\s+to|within)\s+an?\s+(?P<noun>day|week|month|year|decade|hour|minute|mile|"
    r"kilometre|kilometer)\b",
    re.IGNORECASE,
)

# ``for a day before collapsing``: one unit of time before or after that measures (where
# it places an event instead, the date detector has the phrase).
ONE_GAP_RE = re.compile(
    r"\b(?:an?|one)\s+(?P<noun>day|week|month|year|decade|hour|minute)(?=\s+(?:after|before)\b)",
    re.IGNORECASE,
)

# ``a week or more``, ``killed in a day``: one unit of time that measures.
ONE_SPAN_RE = re.compile(
    r"\b(?:an?)\s+(?P<noun>day|week|month|year|decade|hour|minute)\b"
    r"(?P<more>\s+or\s+(?:more|longer|less|so)\b)?", re.IGNORECASE)
IN_BEFORE_RE = re.compile(r"\b(?:[Ii]n|[Ff]or)\s+$")

# Tokens where the figures above may start: ``a day after``, ``in a day``, ``a fraction of``
# (``one`` gives a gap, ``in one day`` counts), and where ``Mach 5`` does.
ONE_GAP_STARTS = INDEFINITE_ARTICLES | {ONE}
ONE_SPAN_STARTS = INDEFINITE_ARTICLES
FRACTION_OF_ONE_STARTS = frozenset({"fraction", "a"})
MACH_STARTS = frozenset({"mach"})

# ``a fraction of an inch``: an unnamed part of one unit.
FRACTION_OF_ONE_RE = re.compile(
    r"(?:\b[Aa]\s+(?:tiny\s+|small\s+)?)?\b[Ff]raction\s+of\s+(?:an?|one)\s+(?P<noun>[a-z]+)\b")

# ``Mach 5``, ``Mach 5-plus``: a speed in multiples of the speed of sound, unit first.
MACH_RE = re.compile(r"\b[Mm]ach\s+(?P<num>\d+(?:\.\d+)?)(?:[-‐‑ ]?plus\b|\+)?")

# A percent after a number: ``%``, ``percent``, ``per cent``, ``percentage points``.
PERCENT_RE = re.compile(
    r"\s*(?:%|(?P<pp>\s?percentage[\s-]points?)|[\s-]percent\b|\sper\s?cent\b)", re.IGNORECASE
)

# Scales that ``a few`` or ``several`` may multiply: ``several hundred``.
SCALE_WORDS = frozenset({"dozen", "hundred", "thousand", "million", "billion"})

# ``a few hundred``, ``several thousand``: vague multipliers before a scale.
FEW_BEFORE_RE = re.compile(r"\b(?:[Aa]\s+few|[Ss]everal|[Aa]\s+couple\s+of|[Ff]ew|[Mm]any)\s+$")

# ``the first half``: a period of a match or a year, not a fraction.
HALF_AS_PERIOD_RE = re.compile(r"\b(?:first|second|other|latter|top|bottom)\s+$", re.I)

# ``half the aid``, ``half its budget``: ``half`` of a noun phrase.
HALF_THE_RE = re.compile(r"\s+(?:the|its|their|his|her|our|this|that)(\s)")

# Tokens where ``twice``/``thrice`` start.
MULTIPLIERS = frozenset({"twice", "thrice"})

# What "one" may count besides measure units and rate nouns: "one second", "one round".
ONE_MEASURES = frozenset({"second", "decade", "century", "percent", "time", "round"})

# Articles and determiners around a number, as the figure detector reads them:
# ``half a percentage point``, ``a quarter of an hour``: the article of the one unit divided;
UNIT_ARTICLE_AFTER_RE = re.compile(r"(?:\s+of)?\s+an?(?=\s+[a-z])")
# ``a 10-km radius``: an article before a compound measure stands for one;
ARTICLE_BEFORE_RE = re.compile(r"\b[Aa]n?\s+$")
# ``the 737 Max``, ``an 800 Series``: a determiner, a number, a name make a model;
MODEL_DETERMINER_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+$")
# ``the two have traded barbs``: a bare number after "the" stands for people named;
DEFINITE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
# ``between the two countries``: the pair already named, no count;
BETWEEN_THE_RE = re.compile(r"\b[Bb]etween\s+the\s+$")
# ``only one engagement``, ``the one remaining supply line``: "one" stressed as a count.
ONE_STRESSED_RE = re.compile(r"\b(?:[Oo]nly|[Jj]ust|[Tt]he)\s+$")

# A span selected by hand that reads as a figure at a glance: a number with its noun.
SELECTED_FIGURE_RE = re.compile(
    r"^(?:about |around |nearly |some |more than |over |at least )?"
    r"[$€£¥]?\d[\d,.]*\s*(?:%|percent|[a-z]+)|^(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozens|hundreds|thousands|millions)\s+[a-z]+",
    re.IGNORECASE,
)

# ``a man, 45,``: a number in apposition to a person is an age.
AGE_APPOSITION_RE = re.compile(r"(?:\b[A-Z][a-z]+|\b(?:man|woman|boy|girl|gunman|suspect|driver|"
                                r"victim|soldier|mother|father|son|daughter|wife|husband)), \(?$")
