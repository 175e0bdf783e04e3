"""English currency words and symbols, measure units and the nouns a figure counts."""

from __future__ import annotations

import re

# Currency signs before a number -> ISO code.
CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "C$": "CAD", "A$": "AUD",
    "HK$": "HKD", "NZ$": "NZD", "£": "GBP", "€": "EUR", "¥": "JPY", "₽": "RUB", "₴": "UAH",
    "₹": "INR",
}  # fmt: skip
# Currency words after a number: ISO code and the factor to major units.
CURRENCY_WORDS = {
    "dollars": ("USD", 1), "dollar": ("USD", 1), "usd": ("USD", 1),
    "cents": ("USD", 0.01), "cent": ("USD", 0.01),
    "euros": ("EUR", 1), "euro": ("EUR", 1), "eur": ("EUR", 1),
    "pounds": ("GBP", 1), "sterling": ("GBP", 1), "gbp": ("GBP", 1), "pence": ("GBP", 0.01),
    "roubles": ("RUB", 1), "rubles": ("RUB", 1), "rouble": ("RUB", 1), "ruble": ("RUB", 1),
    "rub": ("RUB", 1), "kopecks": ("RUB", 0.01),
    "hryvnias": ("UAH", 1), "hryvnia": ("UAH", 1), "hryvnas": ("UAH", 1), "uah": ("UAH", 1),
    "yuan": ("CNY", 1), "renminbi": ("CNY", 1), "cny": ("CNY", 1),
    "yen": ("JPY", 1), "jpy": ("JPY", 1), "rupees": ("INR", 1), "rupee": ("INR", 1),
    "francs": ("CHF", 1), "won": ("KRW", 1), "shekels": ("ILS", 1), "lira": ("TRY", 1),
    "liras": ("TRY", 1), "rials": ("IRR", 1), "riyals": ("SAR", 1), "zlotys": ("PLN", 1),
    "zloty": ("PLN", 1),
}  # fmt: skip

# Words that follow a number as its unit even in the singular: "6.4 magnitude", "23 km".
MEASURE_UNITS = {
    "km": "kilometer", "kms": "kilometer", "kilometre": "kilometre", "kilometer": "kilometer",
    "kilometres": "kilometre", "kilometers": "kilometer", "mile": "mile", "miles": "mile",
    "m": "meter", "metre": "metre", "meter": "meter", "metres": "metre", "meters": "meter",
    "cm": "centimeter", "mm": "millimeter", "kg": "kilogram", "kilogram": "kilogram",
    "kilograms": "kilogram", "tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton",
    "lb": "pound", "lbs": "pound", "magnitude": "magnitude", "mph": "mph", "km/h": "km/h",
    "kph": "km/h", "knots": "knot", "mw": "megawatt", "gw": "gigawatt", "kw": "kilowatt",
    "mwh": "megawatt-hour", "gwh": "gigawatt-hour", "kwh": "kilowatt-hour",
    "degrees": "degree", "degree": "degree", "ft": "foot", "feet": "foot", "foot": "foot",
    "hectares": "hectare", "acres": "acre", "bp": "basis point", "storey": "storey",
    "year": "year", "day": "day", "month": "month", "week": "week", "hour": "hour",
    "minute": "minute", "inch": "inch", "inches": "inch", "kt": "kiloton", "megawatts": "megawatt", "gigawatts": "gigawatt",
}  # fmt: skip

# Plural-less nouns that name what is counted, with the unit to report.
INVARIANT_NOUNS = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "police": "police", "personnel": "personnel", "staff": "staff",
    "aircraft": "aircraft", "crew": "crew", "dead": "dead", "wounded": "wounded",
    "injured": "injured", "cattle": "cattle", "sheep": "sheep", "livestock": "livestock",
    "infantry": "infantry", "militia": "militia", "fish": "fish", "deer": "deer",
}  # fmt: skip

# Nouns a rate may be per: ``$55 per barrel``, ``20 a day``.
RATE_NOUNS = frozenset(
    {"day", "week", "month", "year", "hour", "minute", "second", "barrel", "share", "tonne",
     "ton", "head", "person", "gallon", "litre", "liter", "kilogram", "pound", "night",
     "piece", "unit", "megawatt-hour", "kilowatt-hour", "ounce", "bushel"}
)  # fmt: skip

# What a lone number counts, read from its clause: "the camp's population is around 40,000".
UNIT_FROM_CONTEXT = [
    (re.compile(r"\b(?:population|residents|inhabitants|death\s+toll|toll|people|"
                r"killed|kills|killing|dead|died|deaths|casualties|injured|wounded|"
                r"evacuated|displaced|refugees|victims)\b"), "person"),
    (re.compile(r"\btroops\b|\bsoldiers\b"), "troop"),
    (re.compile(r"\bmagnitude\b"), "magnitude"),
]
# A currency named in the clause gives a bare rate its unit.
CURRENCY_FROM_CONTEXT = [
    # an exchange rate counts the currency it prices: "the hryvnia weakened to 38.5 per dollar"
    (re.compile(r"\bhryvnias?\b"), "UAH"),
    (re.compile(r"\br(?:ou|u)bles?\b"), "RUB"),
    (re.compile(r"\byuan\b|\brenminbi\b"), "CNY"),
    (re.compile(r"\byen\b"), "JPY"),
    (re.compile(r"\blira\b"), "TRY"),
    (re.compile(r"\brupees?\b"), "INR"),
    (re.compile(r"\bshillings?\b"), "KES"),
    (re.compile(r"\brand\b"), "ZAR"),
    (re.compile(r"\bnaira\b"), "NGN"),
    (re.compile(r"\bzloty\b"), "PLN"),
    (re.compile(r"\bforint\b"), "HUF"),
    (re.compile(r"\bwon\b"), "KRW"),
    (re.compile(r"\brupiah\b"), "IDR"),
    (re.compile(r"\bringgit\b"), "MYR"),
    (re.compile(r"\bbaht\b"), "THB"),
    (re.compile(r"\bswiss\s+franc\b"), "CHF"),
    (re.compile(r"\bsterling\b|\bpound\b"), "GBP"),
    (re.compile(r"\beuro\b"), "EUR"),
]

# Containers and weights that keep what they hold as the unit: ``barrels of crude``.
CONTAINERS = frozenset({"barrel", "tonne", "ton", "gallon", "litre", "liter", "bag", "sack",
                         "bottle", "kilogram", "pound", "ounce", "cubic", "bushel", "crate"})

# ``38.5 per dollar``: an exchange rate counts the currency it prices.
STANDALONE_RATE_RE = re.compile(
    r"\s+(?:per|to\s+the|against\s+the)\s+(?:US\s+|U\.S\.\s+)?(?:dollar|euro|pound|yen|yuan|"
    r"rouble|ruble|franc|greenback)\b", re.I)

# Units written onto digits: ``150km``, ``10kg``.
GLUED_MEASURE_RE = re.compile(r"(?:km|kg|mm|cm|ft|mph|kph|kt|mw|gw|kw|kwh|mwh|gwh)\b", re.I)

# Letters glued to digits that are still a number's unit or suffix, not a model name.
GLUED_UNIT_RE = re.compile(
    r"(?:bn|mn|mln|tn|trn|m|k|b|t|km|kg|mm|cm|kt|mph|st|nd|rd|th|s|x|gw|mw|kw|kwh|gwh|mwh|ft|"
    r"lb|lbs|bp)\b", re.IGNORECASE,
)

# "Iranian 122-mm rockets": a calibre after a capitalised word is a measure, not a model name
CALIBRE_AFTER_RE = re.compile(r"[-‐‑]?(?:mm|cm|km|kg)\b")

# Nouns that count the same thing. The first word is the canonical unit.
UNIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "troop": ("soldier", "serviceman", "servicemen", "servicemember", "service member",
              "military personnel", "personnel", "fighter", "trooper"),
    "person": ("people", "individual", "resident", "civilian"),
    "percent": ("%", "per cent", "pct"),
    "USD": ("dollar", "$", "us dollar", "usd"),
    "EUR": ("euro", "€", "eur"),
    "GBP": ("pound", "£", "gbp", "pound sterling"),
    "km": ("kilometre", "kilometer", "kms"),
    "death": ("dead", "fatality", "killed"),
    "tank": ("main battle tank",),
    "aircraft": ("plane", "jet", "airplane", "warplane"),
    "drone": ("uav", "unmanned aerial vehicle"),
}  # fmt: skip

# "Canadian dollars": the dollar a country adjective names (plain "dollars" are USD).
DOLLAR_ADJECTIVES = {"canadian": "CAD", "australian": "AUD", "hong kong": "HKD",
                     "new zealand": "NZD", "singapore": "SGD", "taiwan": "TWD"}
