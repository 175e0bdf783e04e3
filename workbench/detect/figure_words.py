"""The vocabulary the figure detector reads: approximators, units, currencies, stop words.

The words themselves are language data (``lang/en/units.py``, ``figures.py``,
``stop_words.py``); these names are what the figure modules import.
"""

from __future__ import annotations

from workbench.detect.lang import language

_language = language()  # English: the detectors' default language

APPROXIMATOR_RE = _language.figures.APPROXIMATOR_RE
CURRENCY_SYMBOLS = _language.units.CURRENCY_SYMBOLS
CURRENCY_WORDS = _language.units.CURRENCY_WORDS
MEASURE_UNITS = _language.units.MEASURE_UNITS
INVARIANT_NOUNS = _language.units.INVARIANT_NOUNS
RATE_NOUNS = _language.units.RATE_NOUNS
COMPOUND_BLACKLIST = _language.figures.COMPOUND_BLACKLIST
NAME_PRECEDERS = _language.figures.NAME_PRECEDERS
STOP_WORDS = _language.stop_words.NOUN_PHRASE_ENDS
UNIT_FROM_CONTEXT = _language.units.UNIT_FROM_CONTEXT
CURRENCY_FROM_CONTEXT = _language.units.CURRENCY_FROM_CONTEXT
