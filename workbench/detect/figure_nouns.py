"""What a number counts: the head noun, partitive, rate or currency after it.

The figure detector (``figures.py``) finds a number and hands its span here
to grow to the right: ``Two new divisions``, ``three of its commanders``,
``$55.12 per barrel``, ``5 million euros``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.detect.figure_words import figure_words
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language
from workbench.detect.numbers import parse_number, singular

_WORD_TOKEN_RE = re.compile(
    r"\s+(?P<q>[\"“‘]?)(?P<w>(?:[A-Z]\.){2,}(?:[-‐‑][a-z]+\b)?|[A-Za-z0-9](?:[\w'’-]|[.,](?=\d))*[\w'’]|[A-Za-z0-9])"
)
_SUCH_AS_RE = re.compile(r"\s+(?:as|an?)\b")
_BASIS_RE = re.compile(r"\bbasis\s+points?$")
_PARTITIVE_RE = re.compile(r"\s+(?:out\s+)?of\s+")
_RATE_RE = re.compile(r"\s+(?:per|a|an|each|every)\s+(?P<noun>[a-z]+(?:-[a-z]+)?)\b")
# "2 million barrels of crude a day": a container or weight keeps what it holds
_CONTENTS_RE = re.compile(r"\s+of\s+(?P<w>[a-z]+)\b")
_CURRENCY_WORD_RE = re.compile(
    r"\s*(?P<adj>(?:US|U\.S\.|Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore|Taiwan)\s+)?"
    r"(?P<word>[A-Za-z]+)\b"
)


_NAME_GOES_ON_RE = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z]")
_ADJECTIVE_JOINS = frozenset({"and", "or"})
_COORDINATED_RE = re.compile(r"\s+(?:and|or)\s+(?P<words>(?:[a-z]+\s+)?[A-Za-z][a-z]+s)\b(?![-'’])")
_SENTENCE_END_IN = re.compile(r"[.!?;]\s")
_OWN_UNITS = frozenset({"percent", "percentage point", "basis point", "time", "year"})
# an all-capitals headline ("SEVERAL BUILDINGS COLLAPSE"): its plurals are words, not acronyms
_SHOUTED_BEFORE_RE = re.compile(r"\b[A-Z]{3,}\s+$")


@dataclass(frozen=True)
class _Patterns:
    """The patterns of this module built from one language's words."""

    whole_re: re.Pattern[str]
    noun_ends_re: re.Pattern[str]
    ratio_re: re.Pattern[str]


@per_language
def _patterns(lang: LanguageData) -> _Patterns:
    word_number = lang.numbers.WORD_NUMBER
    stop_words = lang.stop_words.NOUN_PHRASE_ENDS
    return _Patterns(
        # The whole of a partitive with no noun: "of the 10", "out of 12", "of which", "of whom".
        whole_re=re.compile(
            rf"(?:(?:the|its|their|these|those)\s+)?(?P<n>\d[\d,]*|{word_number})\b"
            r"(?![-.,]?\w|\s+[a-z]+s\b)|(?:which|whom)\b", re.IGNORECASE),
        # what may follow a noun that ends a list: punctuation, a verb or preposition, not a noun
        noun_ends_re=re.compile(r"\s*(?:[^\w\s]|$)|\s+(?:[a-z]+ed|[a-z]+ing|" + "|".join(
            sorted(w for w in stop_words if w.isalpha())) + r")\b"),
        ratio_re=re.compile(rf"\s+in\s+(?:every\s+)?(?P<den>\d{{1,4}}|{word_number})\b(?![-,.]?\d)",
                            re.IGNORECASE),
    )


@dataclass
class Figure:
    """A figure being assembled: its span so far and what is known of it."""

    start: int
    end: int
    value: float | list[float] | None
    unit: str | None
    money: bool = False
    head: bool = False
    consumed: int | None = None  # where scanning resumes, when not at ``end``


def counted(text: str, figure: Figure) -> Figure:
    """Run to the counted noun: a head noun, a partitive, a measure unit, or nothing."""
    patterns = _patterns()
    lang = current_language()
    fw = figure_words()
    value = figure.value
    single = isinstance(value, int | float) and value is not None and value <= 1
    gm = lang.units.GLUED_MEASURE_RE.match(text, figure.end)
    if gm:  # "150-200km", "10kg"
        figure.end, figure.unit, figure.head = gm.end(), fw.measure_units[gm.group().lower()], True
        if figure.unit in {"millimeter", "centimeter"}:  # a calibre names what it measures
            noun = head_noun(text, figure.end, singular_ok=True, max_words=3, compound=True)
            if noun is not None:  # "152mm HE-FRAG projectiles"
                figure.end = noun[0]
        return rate(text, figure)
    pm = _PARTITIVE_RE.match(text, figure.end)
    if pm:
        noun = head_noun(text, pm.end() - 1, singular_ok=single, partitive=True)
        if noun is not None:
            figure.consumed = pm.end()  # "one of its five systems": both count
            figure.end, figure.unit, figure.head = noun[0], noun[1], True
            return rate(text, figure)
        whole = patterns.whole_re.match(text, pm.end())
        if whole:  # "Two of the 10 have ...", "one of which": the partitive ends at its whole
            figure.end, figure.head = whole.end(), True
            if whole.group("n"):  # the whole is a figure of its own, as in "of its five systems"
                figure.consumed = whole.start("n")
            return figure
        return standalone(text, figure)
    noun = head_noun(text, figure.end, singular_ok=single)
    if noun is not None:
        unit_word = text[figure.end : noun[0]].strip().lower()
        figure.end, figure.unit, figure.head = noun[0], noun[1], True
        if noun[1] == "point" and _BASIS_RE.search(text, figure.start, noun[0]):
            figure.unit = "basis point"
        if unit_word in fw.measure_units:
            trailing_noun(text, figure)
        elif not single:
            _coordinated(text, figure)
        return rate(text, figure)
    return standalone(text, figure)


def _coordinated(text: str, figure: Figure) -> None:
    """ "128 missiles and drones", "939 Iskanders and Kinzhals": one count of a list of nouns."""
    patterns = _patterns()
    lang = current_language()
    fw = figure_words()
    cm = _COORDINATED_RE.match(text, figure.end)
    if cm is None:
        return
    words = [w.lower() for w in cm.group("words").split()]
    if is_plural(words[-1]) and not any(w in fw.stop_words or w in lang.numbers.NUMBER_WORDS for w in words):
        if not patterns.noun_ends_re.match(text, cm.end()):
            return  # "20 tanks and claims ...": a verb, the list ended
        figure.end = cm.end()


def standalone(text: str, figure: Figure) -> Figure:
    """A number with no noun: the unit is what the clause says it counts, if anything."""
    lang = current_language()
    fw = figure_words()
    rm = lang.units.STANDALONE_RATE_RE.match(text, figure.end)
    if rm:  # "38.5 per dollar", "92 to the dollar": an exchange rate keeps its denominator
        figure.end = rm.end()
    clause = re.split(r"[.;:!?\n](?!\d)", text[max(0, figure.start - 80) : figure.start])[-1].lower()
    if rm:
        # the currency priced is the one named nearest before the rate
        named = [(m.end(), unit) for pattern, unit in fw.currency_from_context
                 for m in pattern.finditer(clause)]
        figure.unit = max(named)[1] if named else None
        return figure
    if lang.figures.AGE_APPOSITION_RE.search(text, max(0, figure.start - 30), figure.start) and (
        text[figure.end : figure.end + 1] in {",", ")"} and isinstance(figure.value, int | float)
        and 0 < figure.value < 120 and figure.value == int(figure.value)
    ):
        figure.unit = "year"  # "the gunman, 22, was arrested": an age in apposition
        return figure
    # the counted noun named nearest before the number: "a quake that killed 10 had a magnitude of 7.4"
    named = [(m.end(), unit) for pattern, unit in fw.unit_from_context for m in pattern.finditer(clause)]
    if named:
        figure.unit = max(named)[1]
    return figure


def head_noun(text: str, pos: int, *, singular_ok: bool, partitive: bool = False,
               max_words: int = 4, compound: bool = False) -> tuple[int, str] | None:
    """End offset and singular form of the head noun after ``pos``, if one follows.

    Adjectives, models and acronyms may stand between (``25 operational Ka-52
    helicopters``); a partitive may also pass determiners, possessives and
    numbers (``one of its five THAAD systems``). ``singular_ok`` accepts a
    singular head (after ``one``, a fraction or a compound measure);
    ``compound`` lets it run on through a noun-noun compound
    (``17-storey apartment building``).
    """
    lang = current_language()
    fw = figure_words()
    content = 0
    last = ""  # the previous content word
    for _ in range(max_words + 6):
        wm = _WORD_TOKEN_RE.match(text, pos)
        if not wm:
            return None
        word = wm.group("w")
        lowered = word.lower()
        pos = wm.end()
        if lowered in _ADJECTIVE_JOINS and last and not partitive and _joins_modifiers(text, pos, last):
            last = ""
            continue  # "13,000 American and British soldiers": two modifiers of one noun
        if not partitive and lowered[-2:] in {"s'", "s’"} and is_plural(lowered[:-1]):
            return wm.end() - 1, singular(lowered[:-1])  # "the two billionaires’ strategies"
        if lowered == "such" and not _SUCH_AS_RE.match(text, pos):
            continue  # "10 such tanks"
        if lowered[-2:] in {"'s", "’s"} and word[0].isupper() and not partitive and _NAME_GOES_ON_RE.match(
                text, pos):
            continue  # "three People's Liberation Army ships": a possessive inside a name
        if lowered in fw.stop_words or lowered.endswith(("'s", "’s", "s'", "s’")):
            if partitive and (lowered in lang.figures.DETERMINERS or lowered[-2:] in {"'s", "’s"}):
                continue
            return None
        if partitive and lowered in lang.numbers.NUMBER_WORDS:
            continue
        content += 1
        last = word
        if content > max_words:
            return None
        if any(c.isdigit() for c in word):
            if re.search(r"\d[A-Za-z]?s$", word):
                return pos, word[:-1]  # "58 Russian KA-52s"
            continue  # a model before its noun: "25 Ka-52 helicopters"
        if content == 1 and lowered in fw.measure_units:
            return pos, fw.measure_units[lowered]
        if lowered in fw.invariant_nouns:
            nxt = _WORD_TOKEN_RE.match(text, pos)
            if nxt and is_plural(nxt.group("w").lower()) and nxt.group("w")[0].islower():
                continue  # "armored personnel carriers", "police officers": a modifier
            return pos, fw.invariant_nouns[lowered]
        if word.isupper() and len(word) > 1 and "." not in word and not (
                is_plural(lowered) and _SHOUTED_BEFORE_RE.search(text, max(0, pos - len(word) - 12),
                                                                 pos - len(word))):
            nxt = _WORD_TOKEN_RE.match(text, pos)
            if nxt and nxt.group("w")[0].islower() and next_is_noun(text, pos):
                continue
            return pos, word  # "20 HIMARS": an acronym keeps its spelling
        if is_plural(lowered):
            if singular_ok and not partitive and content == 1 and not compound:
                return None  # "one defines": a verb, not a plural head
            if word[0].isupper() and _name_runs_on(text, pos):
                continue  # "Marine Corps pilots", "M1 Abrams tanks": a name before the noun
            return pos, singular(lowered)
        if singular_ok and word[0].islower() and not lowered.endswith(("ed", "ly")):
            nxt = _WORD_TOKEN_RE.match(text, pos)
            nxt_word = nxt.group("w").lower() if nxt else ""
            runs_on = next_is_noun(text, pos) and (
                not nxt_word.endswith(("ed", "ly")) or nxt_word in lang.figures.LY_NOUNS)
            plural_next = is_plural(nxt_word)
            if runs_on and (compound or (plural_next if partitive else not plural_next)):
                continue
            return pos, lowered
    return None


def _joins_modifiers(text: str, pos: int, last: str) -> bool:
    """ "American and British soldiers": "and" joins two modifiers when the word before it
    is no plural noun and a word, not a number, follows."""
    lang = current_language()
    fw = figure_words()
    if is_plural(last.lower()) or last.lower() in fw.measure_units:
        return False
    nxt = _WORD_TOKEN_RE.match(text, pos)
    if not nxt:
        return False
    word = nxt.group("w")
    lowered = word.lower()
    return word.isalpha() and lowered not in fw.stop_words and lowered not in lang.numbers.NUMBER_WORDS


def _name_runs_on(text: str, pos: int) -> bool:
    """After a capitalised plural, a model or a lower-case plural noun carries the count on."""
    fw = figure_words()
    nxt = _WORD_TOKEN_RE.match(text, pos)
    if not nxt:
        return False
    word = nxt.group("w")
    if any(c.isdigit() for c in word):
        return True
    if not word[0].islower() or word in fw.stop_words:
        return False
    if is_plural(word) or word in fw.invariant_nouns:
        return True
    after = _WORD_TOKEN_RE.match(text, nxt.end())  # "Corps helicopter pilots": a compound
    return (not word.endswith(("ed", "ly", "ing")) and after is not None
            and after.group("w").islower() and is_plural(after.group("w")))


def next_is_noun(text: str, pos: int) -> bool:
    fw = figure_words()
    wm = _WORD_TOKEN_RE.match(text, pos)
    if not wm:
        return False
    word = wm.group("w")
    return word.lower() not in fw.stop_words and (word[0].islower() or word.isupper())


def trailing_noun(text: str, figure: Figure) -> Figure:
    """ "3 percent level", "6.4 magnitude tremor": a unit may qualify one noun after it."""
    lang = current_language()
    fw = figure_words()
    wm = _WORD_TOKEN_RE.match(text, figure.end)
    if wm and not wm.group("q"):
        word = wm.group("w")
        if (word.isalpha() and word.islower() and word not in fw.stop_words
                and word not in lang.figures.ADVERBS
                and not word.endswith(("ly", "ed", "ing")) and not next_is_noun(text, wm.end())):
            figure.end = wm.end()
    return figure


def rate(text: str, figure: Figure) -> Figure:
    """Keep a denominator: "$55.12 per barrel", "2 million barrels a day"."""
    lang = current_language()
    fw = figure_words()
    cm = _CONTENTS_RE.match(text, figure.end) if figure.unit in lang.units.CONTAINERS else None
    if cm and cm.group("w") not in fw.stop_words and _RATE_RE.match(text, cm.end()):
        figure.end = cm.end()
    rm = _RATE_RE.match(text, figure.end)
    if rm and (rm.group(0).lstrip().startswith("per") or rm.group("noun") in fw.rate_nouns):
        figure.end = rm.end()
    return figure


def currency_word(text: str, figure: Figure) -> str | None:
    """ "5 million euros", "$27 dollars", "34 cents" -> ISO code (cents scale the value)."""
    lang = current_language()
    fw = figure_words()
    cm = _CURRENCY_WORD_RE.match(text, figure.end)
    if not cm:
        return None
    word = cm.group("word").lower()
    if word not in fw.currency_words:
        return None
    code, factor = fw.currency_words[word]
    adj = (cm.group("adj") or "").strip().lower()
    if code == "USD" and adj:
        code = lang.units.DOLLAR_ADJECTIVES.get(adj, "USD")
    figure.end = cm.end()
    figure.value = scaled(figure.value, factor)
    figure.money = True
    return code


def scaled(value: float | list[float] | None, factor: float) -> float | list[float] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return [round(v * factor, 12) for v in value]
    return round(value * factor, 12)


def is_plural(word: str) -> bool:
    fw = figure_words()
    return (len(word) > 3 and word.endswith(fw.plural_ending) and not word.endswith(fw.singular_endings)
            and word not in fw.stop_words) or word in fw.plurals_without_ending


def ratio(text: str, figure: Figure) -> bool:
    """ "one in five children", "1 in 4 adults": a proportion, as a fraction."""
    patterns = _patterns()
    rm = patterns.ratio_re.match(text, figure.end)
    if not rm or not isinstance(figure.value, int | float):
        return False
    denominator = parse_number(rm.group("den"))
    if not (denominator and figure.value < denominator <= 1000 and denominator == int(denominator)):
        return False
    # the noun after the denominator is counted as a plural ("in five children")
    figure.end = rm.end()
    figure.value = figure.value / denominator
    noun = head_noun(text, figure.end, singular_ok=False)
    if noun is not None:
        figure.end, figure.unit, figure.head = noun[0], noun[1], True
    return True


def units_from_comparison(text: str, found: list[Figure]) -> None:
    """ "20,000 volunteers, up from 12,000": the compared number counts the same thing."""
    lang = current_language()
    for before, figure in zip(found, found[1:], strict=False):
        if (before.unit is None and figure.unit is not None and not figure.money
                and _CHANGE_TO_LEVEL_RE.fullmatch(text, before.end, figure.start)
                and _BY_BEFORE_RE.search(text, max(0, before.start - 4), before.start)):
            before.unit = figure.unit  # "down by 30 to 126 points": the change counts points too
            continue
        # a unit guessed from the clause gives way; one read off the figure itself does not
        guessed = not figure.head and figure.unit not in _OWN_UNITS
        if (figure.unit is not None and not guessed) or figure.money or before.unit is None or before.money:
            continue
        between = text[before.end : figure.start]
        if (len(between) < 60 and not _SENTENCE_END_IN.search(between)
                and lang.figures.COMPARED_RE.search(between)):
            figure.unit = before.unit
        elif (len(between) < 120 and not _SENTENCE_END_IN.search(between)
              and lang.figures.SET_BEFORE_RE.search(text, max(0, before.start - 12), before.start)
              and re.search(r",\s*$", between)):
            figure.unit = before.unit  # "Among the 10 districts that burned most, seven ..."


_CHANGE_TO_LEVEL_RE = re.compile(r"\s+to\s+")
_BY_BEFORE_RE = re.compile(r"\bby\s+$")


# Compound measures: "61-year-old", "2-year mark", "a 25-fold rise".
COMPOUND_RE = re.compile(
    r"[-‐‑](?P<unit>[a-z]{1,12})(?:(?P<old>[-\s]old\b)|[-‐‑](?:long|wide|high|deep|tall|thick)\b)?"
    r"(?![-\w])", re.IGNORECASE
)
_NAME_AFTER_RE = re.compile(r"(?:\s+[A-Z][a-z]+){1,4}\b(?![-'’])")


def finish(text: str, figure: Figure | None) -> Figure | None:
    """Take in approximators on the left; drop a leading "the"; no trailing punctuation."""
    fw = figure_words()
    if figure is None:
        return None
    before = text[max(0, figure.start - 40) : figure.start]
    am = fw.approximator_re.search(before)
    if am:
        word = am.group("approx").lower()
        exact = isinstance(figure.value, int | float | list)
        if exact or word not in {"over", "under", "some", "only", "just"}:
            figure.start -= len(before) - am.start("approx")
            if word.startswith("between") and isinstance(figure.value, list):
                pass
    while figure.end > figure.start and text[figure.end - 1] in ".,;:!?'’\")":
        if text[figure.end - 1] == "." and re.search(r"\b[a-z]\.[a-z]\.$", text[figure.start : figure.end]):
            break  # "a.m." keeps its dots
        figure.end -= 1
    the = current_language().stop_words.DEFINITE_ARTICLE + " "
    if text[figure.start : figure.start + len(the)].lower() == the:
        figure.start += len(the)
    return figure


def compound(text: str, figure: Figure) -> Figure | None:
    """Ages and compound measures: "61-year-old", "2-year mark", "a 10-km radius"."""
    fw = figure_words()
    hm = COMPOUND_RE.match(text, figure.end)
    if not hm:
        return None
    unit_word = hm.group("unit").lower()
    if unit_word == "fold":  # "a 25-fold rise": a multiple, like "three times"
        figure.end, figure.unit, figure.head = hm.end(), "time", True
        return figure
    if unit_word in fw.compound_blacklist or unit_word.endswith("ed"):
        return None
    figure.end = hm.end()
    figure.unit = fw.measure_units.get(unit_word, singular(unit_word))
    figure.head = True
    if unit_word in fw.currency_words:  # "a million-dollar missile"
        figure.unit, factor = fw.currency_words[unit_word]
        figure.value = scaled(figure.value, factor)
        figure.money = True
        noun = head_noun(text, figure.end, singular_ok=True, max_words=3, compound=True)
        if noun is not None:  # "million-dollar Patriot missiles": the thing priced
            figure.end = noun[0]
        return figure
    if isinstance(figure.value, list):
        return figure
    if not hm.group("old"):
        noun = head_noun(text, figure.end, singular_ok=True, max_words=2, compound=True)
        name = _NAME_AFTER_RE.match(text, figure.end) if noun is None else None
        if noun is not None:
            figure.end = noun[0]
            if unit_word == "strong":  # "a 3,000-strong force": the force is what it counts
                figure.unit = noun[1]
        elif name and not any(w.lower() in fw.stop_words for w in name.group().split()):
            figure.end = name.end()  # "51-member Congressional Black Caucus": what it measures
        am = current_language().figures.ARTICLE_BEFORE_RE.search(text, max(0, figure.start - 4), figure.start)
        if am:  # "a 10-km radius": the article stands for one radius
            figure.start = am.start()
    return figure
