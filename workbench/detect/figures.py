"""Figure claims: a number together with what it counts or measures.

A scan finds number cores (digits, number words, fractions, vague amounts),
then each core grows: approximators to the left (``about``), scales, ranges,
percent signs and currencies to the right, then the head noun with the
adjectives between (``Two new divisions``), a partitive (``three of its
commanders``) or a rate (``per barrel``). Cores that belong to a date, a name
or model (``S-400``, ``Leopard 2``), a time of day or page furniture are
dropped.
"""

from __future__ import annotations

import re
from operator import itemgetter

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.dates import date_spans
from workbench.detect.figure_measures import measure_at, measure_starts
from workbench.detect.figure_names import capitalised_name, is_name_or_debris
from workbench.detect.figure_nouns import (
    COMPOUND_RE,
    Figure,
    compound,
    counted,
    currency_word,
    finish,
    head_noun,
    rate,
    ratio,
    scaled,
    trailing_noun,
    units_from_comparison,
)
from workbench.detect.figure_ordinals import counting_ordinal
from workbench.detect.figure_words import figure_words
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, in_context_language, per_language
from workbench.detect.numbers import DIGITS, parse_number, singular, tokens
from workbench.detect.spans import SpanIndex

_RANGE_RE = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b)\s*")
_PERCENT_AHEAD_RE = re.compile(rf"\s+to\s+{DIGITS}\s*(?:%|percent\b|per\s+cent\b)")
_MAGNITUDE_BEFORE_RE = re.compile(r"\b[Mm]agnitude[ -]$")


@in_context_language
def detect_figures(text: str, ctx: DetectContext) -> list[Candidate]:
    """Figure candidates in ``text``, read with the words of ``ctx.language``."""
    lang = current_language()
    number_words, figure_cues = lang.numbers, lang.figures
    fw = figure_words()
    starts = measure_starts()
    dates = SpanIndex(date_spans(text))
    found: list[Figure] = []
    later: list[re.Match[str]] = []  # "about a week"
    ordinals: list[Figure] = []  # "seventh straight session", "for the second time"
    taken_until = -1
    openers = _opening_words()
    scanned = tokens(text)
    # Most words open nothing below; each distinct word is asked once, not at every occurrence.
    opening = {
        word for word in set(map(itemgetter(1), scanned))
        if word in openers or word[0].isdigit() or word[0] == "." or word.endswith("fold")
    }
    for pos, token in scanned:
        if pos < taken_until or token not in opening:
            continue
        measure = measure_at(text, pos, token) if token in starts else None
        # "Mach 5", "a fraction of an inch"; "a day after the vote" places, so it is a date only
        if measure is not None and not dates.overlaps(measure.start, measure.end):
            found.append(finish(text, measure))
            taken_until = measure.end
            continue
        if token[0].isdigit() or token[0] == "." or token in fw.core_starts:
            m = fw.core_re.match(text, pos)
            if m is not None and m.end() > m.start():
                taken_until = m.end()
                # A number inside a date (the year of ``May 2021``) is never a figure, however
                # it reads: a quarter of the numbers are, and reading them was wasted.
                figure = None if _core_in_date(dates, m) else _figure_from_core(text, m)
                if figure is not None:
                    found.append(figure)
                    taken_until = figure.consumed or figure.end
                    continue
        if token in figure_cues.APPROXIMATOR_STARTS:
            later.extend(filter(None, [figure_cues.APPROX_ONE_RE.match(text, pos)]))
        if token in number_words.ORDINALS or token in figure_cues.MULTIPLIERS or token.endswith("fold") or (
                token[0].isdigit() and text[pos + len(token) : pos + len(token) + 2] in _ORDINAL_ENDS):
            ordinal = counting_ordinal(text, pos)
            if ordinal is not None:
                ordinals.append(ordinal)
    taken = SpanIndex((f.start, f.end) for f in found)
    for m in later:
        if not (taken.overlaps(m.start(), m.end()) or dates.overlaps(m.start(), m.end())):
            found.append(Figure(m.start(), m.end(), 1, fw.measure_units.get(m.group("noun").lower()),
                                head=True))
    for figure in ordinals:
        if not (taken.overlaps(figure.start, figure.end) or dates.overlaps(figure.start, figure.end)):
            found.append(finish(text, figure))
    found.sort(key=lambda f: f.start)
    units_from_comparison(text, found)
    return [
        Candidate("figure", f.start, f.end, text[f.start : f.end], _json_number(f.value), f.unit,
                  score=0.85 if f.head or f.money else 0.55)
        for f in found
    ]


@per_language
def _opening_words(lang: LanguageData) -> frozenset[str]:
    """The words ``detect_figures`` looks at further: a figure, an amount or an ordinal may start there."""
    return frozenset(
        measure_starts(lang) | figure_words(lang).core_starts | lang.figures.APPROXIMATOR_STARTS
        | set(lang.numbers.ORDINALS) | lang.figures.MULTIPLIERS
    )


# --- one core ---------------------------------------------------------------------


def _figure_from_core(text: str, m: re.Match[str]) -> Figure | None:
    if m.group("vague"):
        return _vague(text, m)
    if m.group("word"):
        return _word_number(text, m)
    return _digit_number(text, m)


# Compiled once: ``_digit_number`` runs for every number of a text.
_ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b")
_MODEL_DASH_BEFORE_RE = re.compile(r"\d[-‐‑]$")
_DASH_DIGIT_RE = re.compile(r"[-‐‑]\d")


def _digit_number(text: str, m: re.Match[str]) -> Figure | None:
    lang = current_language()
    number_words, figure_cues = lang.numbers, lang.figures
    fw = figure_words()
    start, end = m.start(), m.end()
    num_start = m.start("num")
    if _ORDINAL_SUFFIX_RE.match(text[m.end("num") : m.end("num") + 3]):
        return None  # "36th Combined Arms Army": an ordinal used as a name
    if _MODEL_DASH_BEFORE_RE.search(text[max(0, num_start - 2) : num_start]):
        return None  # the "9" of "787-9"
    if is_name_or_debris(text, num_start, m.end("num"), explicit=bool(
            m.group("cur") or m.group("pct") or m.group("pct2") or m.group("abbr"))):
        return None
    slash = _SLASH_RE.match(text, m.end("num"))
    if slash:
        return _fraction(text, m, slash)
    mixed = _MIXED_FRACTION_RE.match(text, m.end("num")) if not m.group("cur") else None
    if mixed and 0 < int(mixed.group("n")) < int(mixed.group("d")):
        whole = parse_number(m.group("num")) or 0  # "down 1-4/32": a bond price, 1 and 4/32
        value = whole + int(mixed.group("n")) / int(mixed.group("d"))
        return finish(text, counted(text, Figure(m.start(), mixed.end(), value, None)))
    if not m.group("pct") and not m.group("pct2") and not m.group("abbr") and not m.group("scale"):
        if figure_cues.TIME_AFTER_RE.match(text, m.end("num")):
            return None
        if re.fullmatch(r"[0-2]\d[0-5]\d", m.group("num")) and figure_cues.MILITARY_TIME_RE.match(
                text, m.end("num")):
            return None
    value = parse_number(m.group("num"))
    if value is None or (m.group("abbr") or "").lower() == "t" and not m.group("cur"):
        return None
    scale = _scale_of(m)
    value *= scale
    currency = fw.currency_symbols.get(m.group("cur") or "")
    neg = _NEGATIVE_RE.search(text[max(0, start - 7) : start]) if not currency else None
    if neg:  # "-15 degrees", "minus 40C": the sign is part of the number
        start -= len(neg.group()) - (1 if neg.group()[0].isspace() else 0)
        value = -value
    end = m.end()
    end = _strip_end(text, end)
    spaced = None if scale != 1.0 else _SPACED_SCALE_RE.match(text, end)
    if spaced and (currency or spaced.group("noun")):  # "2 m people", "$5 m": a scale before a counted noun, not metres
        scale = float(number_words.ABBREVIATED_SCALES[spaced.group(1).lower()])
        value *= scale
        end = spaced.end()
    figure = Figure(start, end, value, None, money=currency is not None)
    percent = bool(m.group("pct") or m.group("pct2"))
    # a range: "10-15 troops", "10 to 15 per cent", "$10-15 billion", "1 million to 2 million"
    _extend_range(text, figure, scale, currency, percent=percent)
    if not isinstance(figure.value, list) and _DASH_DIGIT_RE.match(text[figure.end : figure.end + 2]):
        return None  # "787-9", "2-1": a model number or a score, not a range
    if percent:
        figure.value = scaled(figure.value, 0.01)
        figure.unit = "percent"
        return finish(text, trailing_noun(text, figure))
    pm = figure_cues.PERCENT_RE.match(text, figure.end)
    if not pm and _PERCENT_AHEAD_RE.match(text, figure.end):
        figure.value = scaled(figure.value, 0.01)  # "from 10 to 15 percent": both are percent
        figure.unit = "percent"
        return finish(text, figure)
    if pm and not figure.money:
        figure.end = pm.end()
        figure.value = scaled(figure.value, 0.01)
        figure.unit = "percentage point" if pm.group("pp") else "percent"
        return finish(text, trailing_noun(text, figure))
    if currency:
        figure.unit = currency_word(text, figure) or currency
        return finish(text, rate(text, figure))
    cur = currency_word(text, figure)
    if cur:
        figure.unit = cur
        return finish(text, rate(text, figure))
    if ratio(text, figure):
        return finish(text, figure)
    measure = compound(text, figure)
    if measure:
        return finish(text, measure)
    mm = _MAGNITUDE_BEFORE_RE.search(text, max(0, figure.start - 12), figure.start)
    if mm:  # "magnitude 6.4": the unit comes first
        figure.start, figure.unit, figure.head = mm.start(), "magnitude", True
        return finish(text, figure)
    grown = counted(text, figure)
    if (grown is not None and not grown.head and grown.unit is None
            and _MODEL_AFTER_RE.match(text, grown.end)
            and figure_cues.MODEL_DETERMINER_BEFORE_RE.search(text, max(0, figure.start - 6), figure.start)):
        return None  # "the 737 Max", "an 800 Series": a determiner, a number, a name: a model
    return finish(text, grown)


def _fraction(text: str, m: re.Match[str], slash: re.Match[str]) -> Figure | None:
    """ "7/32" (a bond price move in 32nds), "3/4 of the staff": a fraction is its quotient;
    "24/7" and "9/11" are no fractions at all."""
    numerator, denominator = parse_number(m.group("num")), int(slash.group(1))
    if numerator is None or m.group("cur") or not 0 < numerator < denominator:
        return None
    figure = Figure(m.start(), slash.end(), numerator / denominator, None)
    return finish(text, counted(text, figure))


def _word_number(text: str, m: re.Match[str]) -> Figure | None:
    lang = current_language()
    number_words, figure_cues = lang.numbers, lang.figures
    articles, half = number_words.INDEFINITE_ARTICLES, number_words.HALF
    fw = figure_words()
    phrase = m.group("word")
    lowered = phrase.lower()
    words = lowered.replace("-", " ").split()
    start, end = m.start(), m.end()
    value = 1.0 if lowered == number_words.A_SINGLE else parse_number(phrase)
    if value is None:
        return None
    few = (figure_cues.FEW_BEFORE_RE.search(text, max(0, start - 14), start)
           if words[0] in figure_cues.SCALE_WORDS else None)
    if few:  # "a few dozen protesters", "several hundred troops": vague, value null
        start, value = few.start(), None
    if lowered in articles:
        return None
    if lowered == number_words.A_SINGLE:
        noun = head_noun(text, end, singular_ok=True, max_words=2)
        if noun is None:
            return None
        return finish(text, Figure(start, noun[0], 1, noun[1], head=True))
    if capitalised_name(text, start, phrase):
        return None
    if figure_cues.LABEL_BEFORE_RE.search(text, max(0, start - 12), start):
        return None  # "the number one exporter", "Phase Two": a rank or label, not a count
    as_much = _AS_MUCH_RE.match(text, end) if lowered == half else None
    if as_much:  # "half as much coal-fired electricity"
        noun = head_noun(text, as_much.end(), singular_ok=True, max_words=3, compound=True)
        if noun is not None:
            return finish(text, Figure(start, noun[0], value, noun[1], head=True))
    if words[-1] in number_words.ARTICLE_FRACTIONS or lowered == half:
        one = figure_cues.UNIT_ARTICLE_AFTER_RE.match(text, end)
        if one:  # "half a percentage point", "a quarter of an hour": a fraction of one unit
            return _fraction_of_one(text, Figure(start, one.end(), value, None))
        the = figure_cues.HALF_THE_RE.match(text, end) if lowered == half else None
        noun = head_noun(text, the.start(1), singular_ok=True, partitive=True) if the else None
        if noun is not None and noun[1] not in fw.stop_words:  # "half the aid", "half its budget"
            return finish(text, Figure(start, noun[0], value, noun[1], head=True))
        # "a third" is a fraction only before "of" or alone: "a third world war" is an ordinal
        if _NEXT_LOWER_RE.match(text, end) and not _OF_RE.match(text, end):
            return None
        if lowered == half and not _OF_RE.match(text, end):
            return None
        if lowered == half and figure_cues.HALF_AS_PERIOD_RE.search(text, max(0, start - 10), start):
            return None  # "the first half of the match": a period, not a fraction
    hyphen = COMPOUND_RE.match(text, end)
    if hyphen and hyphen.group("unit").lower() in fw.compound_blacklist:
        return None
    figure = Figure(start, end, value, None)  # "a hundred" keeps its "a": it stands for one
    _extend_range(text, figure, 1.0, None)
    cur = currency_word(text, figure)
    if cur:
        figure.unit = cur
        figure.money = True
        return finish(text, rate(text, figure))
    pm = figure_cues.PERCENT_RE.match(text, figure.end)
    if pm:
        figure.end = pm.end()
        figure.value = scaled(figure.value, 0.01)
        figure.unit = "percentage point" if pm.group("pp") else "percent"
        return finish(text, trailing_noun(text, figure))
    if ratio(text, figure):
        return finish(text, figure)
    measure = compound(text, figure)
    if measure:
        return finish(text, measure)
    grown = counted(text, figure)
    if not grown.head and value == 1 and articles.isdisjoint(words):
        return None  # a lone "one" is a pronoun far more often than a count
    if lowered == number_words.ONE and not _counts_one(text, grown):
        return None  # "one way", "One version reads", "said one official": a determiner
    if not grown.head and figure_cues.DEFINITE_BEFORE_RE.search(text, max(0, start - 5), start):
        return None  # "the two have traded barbs": a pronoun for people already named
    if figure_cues.BETWEEN_THE_RE.search(text, max(0, start - 13), start):
        return None  # "between the two countries": the pair already named, no count
    return finish(text, grown)


def _counts_one(text: str, figure: Figure) -> bool:
    """ "one hour", "one day a week", "at least one video", "one of its five systems" count;
    "one way", "one office", "one of the neighbours" do not."""
    fw = figure_words()
    if current_language().figures.ONE_STRESSED_RE.search(text, max(0, figure.start - 6), figure.start):
        return True  # "only one engagement", "the one remaining supply line": the count is the point
    if figure.unit in fw.one_measures or fw.approximator_re.search(text, max(0, figure.start - 25),
                                                              figure.start):
        return True
    if figure.consumed is not None:  # a partitive counts when the whole is counted too
        return bool(fw.counted_whole_re.search(text, figure.consumed, figure.end))
    last = text[figure.start : figure.end].rsplit(None, 1)[-1].lower()
    return singular(last) != (figure.unit or "").lower()  # a rate ran on: "one meal a day"


def _fraction_of_one(text: str, figure: Figure) -> Figure | None:
    figure_cues = current_language().figures
    fw = figure_words()
    pm = figure_cues.PERCENT_RE.match(text, figure.end)
    if pm and pm.group("pp"):
        figure.end, figure.unit, figure.head = pm.end(), "percentage point", True
        figure.value = scaled(figure.value, 0.01)
        return finish(text, figure)
    noun = head_noun(text, figure.end, singular_ok=True, max_words=2)
    if noun is None or noun[1] in fw.stop_words:
        return None
    figure.end, figure.unit, figure.head = noun[0], noun[1], True
    return finish(text, figure)


def _vague(text: str, m: re.Match[str]) -> Figure | None:
    number_words = current_language().numbers
    phrase = m.group("vague").lower()
    figure = Figure(m.start(), m.end(), None, None)
    if (capitalised_name(text, m.start(), m.group("vague"))
            and phrase.partition(" ")[0] not in number_words.INDEFINITE_ARTICLES):
        return None  # "A handful" may open a sentence
    if phrase == number_words.SEVERAL and _OF_RE.match(text, figure.end):
        return finish(text, counted(text, figure))  # "several of the cities"
    if phrase == number_words.SEVERAL:
        noun = head_noun(text, figure.end, singular_ok=False)
        if noun is None:
            return None
        figure.end, figure.unit, figure.head = noun[0], noun[1], True
        return finish(text, figure)
    again = _AND_AGAIN_RE.match(text, figure.end)
    if again and again.group(1).lower() == phrase:  # "thousands and thousands of systems": one vague amount
        figure.end = again.end()
    om = _OF_RE.match(text, figure.end)
    probe = Figure(om.end() if om else figure.end, 0, None, None)
    probe.end = probe.start
    cur = currency_word(text, probe)
    if cur:  # "millions of dollars": an amount of money, value unknown
        figure.end, figure.unit, figure.money = probe.end, cur, True
        return finish(text, rate(text, figure))
    return finish(text, counted(text, figure))


# --- growing a core ---------------------------------------------------------------


def _extend_range(text: str, figure: Figure, scale: float, currency: str | None,
                  *, percent: bool = False) -> None:
    figure_cues = current_language().figures
    fw = figure_words()
    before = text[max(0, figure.start - 6) : figure.start].lower()
    rm = _RANGE_RE.match(text, figure.end)
    if not rm or ("and" in rm.group() and "between" not in text[max(0, figure.start - 9) : figure.start].lower()):
        return
    if "to" in rm.group() and before.endswith(("from ", "by ")):
        return  # "rose from 10 to 15", "down by 30 to 126": a change and a level, two figures
    nm = fw.core_re.match(text, rm.end())
    if not nm or nm.group("vague") or (nm.group("cur") and currency is None and nm.group("cur")):
        return
    if percent and not (nm.group("pct") or nm.group("pct2")):
        return  # "rose 1.2% to 38,470": a change and a level, not a range
    if nm.group("word") and not figure.money and nm.group("num") is None:
        high = parse_number(nm.group("word"))
    else:
        high = parse_number(nm.group("num") or "") if nm.group("num") else None
        if high is not None:
            high *= _scale_of(nm) if (nm.group("abbr") or nm.group("scale")) else scale
    low = figure.value
    if scale == 1.0 and (nm.group("abbr") or nm.group("scale")) and isinstance(low, int | float):
        low *= _scale_of(nm)  # "$10-15 billion": the scale belongs to both ends
    if high is None or not isinstance(low, int | float) or not low < high:
        return
    if "to" in rm.group() and high > 3 * low and figure_cues.CHANGE_BEFORE_RE.search(
            text, max(0, figure.start - 12), figure.start):
        return  # "gained $12.40 to $2,034.10": a change and the level it reached
    if nm.group("num") and is_name_or_debris(text, nm.start("num"), nm.end("num")):
        return
    figure.value = [low, high]
    end = nm.end()
    figure.end = _strip_end(text, end)


# --- what a core is not -----------------------------------------------------------


_NEXT_LOWER_RE = re.compile(r"\s+[a-z]")
_MODEL_AFTER_RE = re.compile(r"\s+[A-Z][A-Za-z]*\b")
_MIXED_FRACTION_RE = re.compile(r"[-‐‑ ](?P<n>\d{1,2})/(?P<d>\d{1,3})\b(?![/.,]?\d)")
_SLASH_RE = re.compile(r"/(\d{1,3})\b(?![/.,]?\d)")
_SPACED_SCALE_RE = re.compile(
    r"\s([mk])(?:(?=\s+(?P<noun>[a-z]+s|people|children|yuan|yen)\b)|(?=\s*[.,;)]|$))")
_AS_MUCH_RE = re.compile(r"\s+as\s+(?:much|many)(?=\s)")
_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})
_NEGATIVE_RE = re.compile(r"(?:^|[\s(])(?:[-\u2212]|[Mm]inus\s+)$")
_OF_RE = re.compile(r"\s+of\b")
_AND_AGAIN_RE = re.compile(r"\s+and\s+([a-z]+)\b", re.I)
def _strip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _core_in_date(dates: SpanIndex, m: re.Match[str]) -> bool:
    core_start = m.start("num") if m.group("num") else m.start()
    core_end = m.end("num") if m.group("num") else m.end()
    return dates.overlaps(core_start, core_end)


# --- values -----------------------------------------------------------------------


def _scale_of(m: re.Match[str]) -> float:
    number_words = current_language().numbers
    abbr = (m.group("abbr") or "").lower()
    scale = (m.group("scale") or "").lower()
    if scale:
        return float(number_words.SCALES[scale])
    if abbr:
        return float(number_words.ABBREVIATED_SCALES[abbr])
    return 1.0


def _json_number(value: float | list[float] | None) -> int | float | list | None:
    if isinstance(value, list):
        return [_json_number(v) for v in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    return value
