"""English abbreviations that do not end a sentence, and words that start one."""

from __future__ import annotations

# A period after one of these never ends a sentence: they precede a name or number.
ALWAYS_ABBREVIATIONS = frozenset(
    """mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig
    rep sen gov pres supt insp det amb rev hon fr st mt ft no nos vol pp p para art sec
    fig approx ca vs v cf e.g i.e u.s u.k u.n u.s.a e.u""".split()
)

# Months and the like: not a boundary when a number follows (``Feb. 24``).
BEFORE_NUMBER = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos".split())

# Words that usually begin a new sentence: after ``U.S.`` or an initial they
# tell a real boundary (``... in the U.S. The ...``) from a name (``U.S. Patriot``).
STARTERS = frozenset(
    """the a an he she it they we i you but and in on at this that these those there
    his her its their our as after before when while if so yet still however meanwhile
    some many most one two three four five six seven eight nine ten""".split()
)

# Abbreviations that may also end a sentence, when a usual starter follows: "... in the U.S. The".
ABBREVIATIONS_ENDING = frozenset({"u.s", "u.k", "u.n", "u.s.a", "e.u", "no", "st"})
