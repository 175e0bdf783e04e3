"""English number words: cardinals, scales, ordinals, fractions, vague amounts, plurals."""

from __future__ import annotations

# Cardinal number words below twenty.
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
# Multiples of ten, for ``twenty-five``.
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Scale words that multiply what precedes them.
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip
# Abbreviated scales glued to digits or following them: 1.5bn, $3m, 10k.
ABBREVIATED_SCALES = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000, "t": 1_000_000_000_000,
}  # fmt: skip
# Ordinal words: ``seventh``; ``twenty-first`` is read as tens plus an ordinal.
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
# Denominators; "half" and "quarter" besides the ordinals from third on.
FRACTIONS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4} | {
    name + suffix: n for name, n in ORDINALS.items() if n >= 3 for suffix in ("", "s")
}
# Amounts with no number the reader could check exactly: value null.
VAGUE_WORDS = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores",
     "several", "handful", "tens"}
)  # fmt: skip

# Every word a written-out cardinal may be made of.
NUMBER_WORDS = set(SMALL) | set(TENS) | set(SCALES) | {"dozen"}

# --- patterns built from the words --------------------------------------------

_WORD = "|".join(sorted(NUMBER_WORDS | set(TENS), key=len, reverse=True))
_TENS_UNIT = r"(?:{tens})[-\u2010\u2011 ](?:{small})".format(
    tens="|".join(TENS), small="|".join(k for k in SMALL if SMALL[k] < 10 and k != "zero")
)
# A run of number words: "twenty-five", "one hundred and twenty", "two thousand".
WORD_NUMBER = (
    rf"(?:{_TENS_UNIT}|{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_TENS_UNIT}|{_WORD}))*"
)
# A scale after digits, full or abbreviated: ``3 million``, ``1.5bn``.
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|bn|mn|mln|tn|trn|[mkb])"

# Nouns ending in -s that are not plurals, and plurals not made with -s.
NO_SINGULAR = frozenset(
    {"politics", "economics", "physics", "mathematics", "athletics", "ethics", "logistics",
     "statistics", "always", "perhaps"}
)
# Plurals not made with -s, and abbreviations' plurals: ``people`` -> ``person``.
IRREGULAR_PLURALS = {
    "people": "person", "men": "man", "women": "woman", "children": "child",
    "lives": "life", "wives": "wife", "knives": "knife", "thieves": "thief",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "criteria": "criterion", "phenomena": "phenomenon", "data": "data",
    "police": "police", "personnel": "personnel", "aircraft": "aircraft",
    "buses": "bus", "gases": "gas", "crises": "crisis", "analyses": "analysis",
    "kms": "km", "yrs": "year", "hrs": "hour", "mins": "minute", "lbs": "lb",
    # -ies plurals of nouns in -ie, not -y
    "sorties": "sortie", "movies": "movie", "calories": "calorie", "zombies": "zombie",
    "rookies": "rookie", "cookies": "cookie", "selfies": "selfie", "hoodies": "hoodie",
    "brownies": "brownie", "goalies": "goalie", "lies": "lie", "ties": "tie",
    "pies": "pie", "dies": "die", "magpies": "magpie", "aunties": "auntie",
}  # fmt: skip

# Endings of nouns that are singular though they end in -s: "press", "campus", "series".
NOT_PLURAL_ENDINGS = ("ss", "us", "is", "news", "series", "species")

# --- function words of written-out numbers --------------------------------------

# Indefinite articles: "a hundred", "an estimated" - one of what follows.
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# Words joining the parts of one number: "one hundred and twenty".
NUMBER_JOINERS = frozenset({"and"})
# The word for one half: "half a million", "half the aid", "half as much".
HALF = "half"
# Fractions an article counts one of: "a third", "a quarter", "half".
ARTICLE_FRACTIONS = frozenset({"third", "quarter", "half"})
# Words that multiply the group being built rather than close it: "three hundred thousand".
GROUP_MULTIPLIERS = {"dozen": 12, "hundred": 100}
# "a single soldier": one, stressed.
A_SINGLE = "a single"
# The number word that is also a pronoun or determiner: "one way", "said one official".
ONE = "one"
# The vague amount that needs a plural noun or a partitive: "several cities", "several of them".
SEVERAL = "several"

# A counted noun is plural when it ends so ("troops"), unless a singular ends so too
# ("boss", "bus", "crisis", "famous"), or when it is a plural without that ending.
PLURAL_ENDING = "s"
SINGULAR_ENDINGS_IN_S = ("ss", "us", "is", "ous")
PLURALS_WITHOUT_ENDING = frozenset({"men", "women", "children", "people"})

# How a regular plural becomes singular; the first ending that fits wins:
# (ending, letters dropped, letters added, shortest word it applies to).
PLURAL_ENDINGS = (
    ("ies", 3, "y", 5),  # "casualties" -> "casualty"
    ("sses", 2, "", 0), ("xes", 2, "", 0), ("ches", 2, "", 0), ("shes", 2, "", 0),
    ("zes", 2, "", 0),
    ("s", 1, "", 0),
)  # fmt: skip
