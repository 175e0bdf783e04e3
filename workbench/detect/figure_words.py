"""The vocabulary the figure detector reads: approximators, units, currencies, stop words.

The words themselves are language data (``lang/en/units.py``, ``figures.py``,
``stop_words.py``); ``figure_words()`` gathers the current language's for the
figure modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workbench.detect.first_chars import skipping
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import per_language
from workbench.detect.numbers import DIGITS


@dataclass(frozen=True)
class FigureWords:
    """One language's words around a figure, under the names the figure modules use."""

    approximator_re: re.Pattern[str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, tuple[str, float]]  # word -> (currency code, multiplier)
    measure_units: dict[str, str]
    invariant_nouns: dict[str, str]
    rate_nouns: frozenset[str]
    compound_blacklist: frozenset[str]
    name_preceders: frozenset[str]
    stop_words: frozenset[str]
    unit_from_context: list[Any]  # (pattern of the context, the unit it implies)
    currency_from_context: list[Any]
    # Built from the words above: the figure detector's patterns in this language.
    core_re: re.Pattern[str]  # the number core: digits with sign and scale, number words
    core_starts: frozenset[str]  # tokens a core may begin at
    counted_whole_re: re.Pattern[str]  # what a partitive's whole may be: "of the 10", "of which"
    one_measures: frozenset[str]  # what "one" may count without being a mere determiner
    # How a counted noun reads as plural (see ``figure_nouns.is_plural``).
    plural_ending: str
    singular_endings: tuple[str, ...]
    plurals_without_ending: frozenset[str]


@per_language
def figure_words(lang: LanguageData) -> FigureWords:
    """The figure words of the language detection runs in."""
    figures = lang.figures
    return FigureWords(
        approximator_re=skipping(lang.figures.APPROXIMATOR_RE),  # searched before every figure
        currency_symbols=lang.units.CURRENCY_SYMBOLS,
        currency_words=lang.units.CURRENCY_WORDS,
        measure_units=lang.units.MEASURE_UNITS,
        invariant_nouns=lang.units.INVARIANT_NOUNS,
        rate_nouns=lang.units.RATE_NOUNS,
        compound_blacklist=lang.figures.COMPOUND_BLACKLIST,
        name_preceders=lang.figures.NAME_PRECEDERS,
        stop_words=lang.stop_words.NOUN_PHRASE_ENDS,
        unit_from_context=lang.units.UNIT_FROM_CONTEXT,
        currency_from_context=lang.units.CURRENCY_FROM_CONTEXT,
        core_re=re.compile(
            rf"(?<![\w.,#@/\\:+])(?:{figures.CURRENCY_SIGN}\s?)?(?P<num>{DIGITS})\+?(?P<pct>\s*%)?"
            rf"{figures.SCALE_AFTER_DIGITS}?(?P<pct2>\s*%)?"
            rf"|\b(?P<word>{figures.WORD_CORE})\b"
            rf"|\b(?P<vague>{figures.VAGUE_CORE})\b",
            re.IGNORECASE,
        ),
        core_starts=frozenset(
            lang.numbers.NUMBER_WORDS | set(lang.units.CURRENCY_SYMBOLS) | figures.CORE_START_WORDS
        ),
        counted_whole_re=re.compile(rf"\d|\b(?:{lang.numbers.WORD_NUMBER}|which|whom)\b", re.IGNORECASE),
        one_measures=(
            frozenset(lang.units.MEASURE_UNITS.values()) | lang.units.RATE_NOUNS | figures.ONE_MEASURES
        ),
        plural_ending=lang.numbers.PLURAL_ENDING,
        singular_endings=lang.numbers.SINGULAR_ENDINGS_IN_S,
        plurals_without_ending=lang.numbers.PLURALS_WITHOUT_ENDING,
    )
