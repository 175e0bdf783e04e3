"""Counting ordinals and multipliers: ``for the second time``, ``finished fourth``,
``the fourth top-tier candidate``, ``seventh straight session``, ``a threefold rise``.

An ordinal is a figure when it counts occurrences, places or members of a
series; it is not when it names something (``the Third Reich``, ``the third
floor``, ``the second half``) or is ``first`` (the guidelines leave it out).
"""

from __future__ import annotations

import re

from workbench.detect.figure_names import sentence_start
from workbench.detect.figure_nouns import Figure, head_noun
from workbench.detect.figure_words import figure_words
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language
from workbench.detect.numbers import parse_ordinal, singular


@per_language
def _fold_re(lang: LanguageData) -> re.Pattern[str]:
    """ "threefold", "ten-fold": a small number word glued to "fold"."""
    small = lang.numbers.SMALL
    return re.compile(rf"\b(?P<n>{'|'.join(sorted(small, key=len, reverse=True))})[-‐‑]?fold\b",
                      re.IGNORECASE)


def counting_ordinal(text: str, pos: int) -> Figure | None:
    """The counting ordinal or multiplier that starts at ``pos``, if one does."""
    lang = current_language()
    words = lang.figures
    tm = words.TIMES_RE.match(text, pos)
    if tm:  # "twice as many": a multiple, like "three times"
        return Figure(pos, tm.end(), 2 if tm.group().lower() == "twice" else 3, "time")
    fm = _fold_re().match(text, pos)
    if fm:  # "a threefold increase": a multiple
        value = lang.numbers.SMALL.get(fm.group("n").lower())
        return Figure(pos, fm.end(), value, "time", head=True) if value and value > 1 else None
    om = words.ORDINAL_RE.match(text, pos)
    if om is None:
        return None
    value = parse_ordinal(om.group("ord"))
    word = om.group("ord")
    if not value or value < 2 or (word[0].isupper() and not sentence_start(text, pos)):
        return None  # "the Third Reich", "the Second World War": names
    end = om.end()
    sm = words.STREAK_RE.match(text, end)
    if sm:  # "seventh straight session", "third day in a row"
        return Figure(pos, sm.end(), value, singular(sm.group("noun") or sm.group("noun2")), head=True)
    tp = words.TIME_OR_PLACE_RE.match(text, end)
    if tp:  # "for the second time", "in fourth place"
        return Figure(pos, tp.end(), value, tp.group("noun").lower(), head=True)
    if words.RANKED_BEFORE_RE.search(text, max(0, pos - 12), pos) and words.RANK_ENDS_RE.match(text, end):
        return Figure(pos, end, value, "place", head=True)  # "finished fourth in the vote"
    if word[0].isdigit() or not words.DETERMINER_BEFORE_RE.search(text, max(0, pos - 6), pos):
        return None  # "the 20th", "Second, ...": a date or a list, not a count
    if value == 2:
        return None  # "a second submarine" is another one, "second strike" a doctrine: no count
    if re.match(r"[-‐‑\s]+(?:[a-z]+est|largest|in[-‐‑]command)\b", text[end : end + 20]):
        return None  # "the second-largest": a rank by size, not a count
    noun = head_noun(text, end, singular_ok=True, max_words=3, compound=False)
    named_nouns = words.ORDINAL_NAMED_NOUNS
    if noun is None or noun[1] in figure_words().stop_words or singular(noun[1]) in named_nouns:
        return None
    between = text[end : noun[0]]
    if any(singular(w.lower()) in named_nouns for w in re.findall(r"[A-Za-z]+", between)):
        return None
    return Figure(pos, noun[0], value, singular(noun[1]), head=True)
