"""English words around a year or a part of one: what bounds it, whose year it is, what a
quarter's or a month's figures are of."""

from __future__ import annotations

import re

# ``since 2013``, ``until 2030``: a year that bounds a stretch does not set the story's year
# for a month named later in the sentence.
YEAR_EDGE_BEFORE_RE = re.compile(r"\b(?:since|until|till|by|before|after|from)\s+$", re.IGNORECASE)

# ``April next year``, ``on May 3 last year``: the year a month or day falls in, named after it.
WHICH_YEAR_AFTER_RE = re.compile(r",?\s+(?:of\s+)?(?P<which>last|next|this)\s+year\b", re.IGNORECASE)

# "2023's first quarter", "last year's second half": the year a quarter or half is of, before it
YEAR_POSSESSIVE_BEFORE_RE = re.compile(
    r"(?:\b(?P<year>(?:1[5-9]|20)\d\d)|\b(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+year)['’]s\s+$")

# ``fourth-quarter results``: what a company reports is a quarter that has ended, whatever
# the tense of the sentence announcing the report.
RESULTS_AFTER_RE = re.compile(
    r"\s+(?:(?:net|operating|adjusted|core)\s+)?(?:results|earnings|profits?|losses|revenues?|"
    r"sales|figures|numbers|report)\b", re.IGNORECASE)
# "the February estimate", "March data": a month's figures, of a month gone (not "the January
# report", which may be one still to come; but "in its October report", an owner's, is one out)
MONTH_FIGURES_AFTER_RE = re.compile(
    r"\s+(?:sales|figures|numbers|data|estimates?|readings?|payrolls|inflation)\b", re.IGNORECASE)
MONTH_REPORT_AFTER_RE = re.compile(r"\s+(?:report|survey|bulletin|minutes)\b", re.IGNORECASE)
OWNER_BEFORE_RE = re.compile(r"\b(?:its|their|our)\s+$", re.IGNORECASE)
# ... "the consumer price index for January", "payrolls for March"
MONTH_FIGURES_BEFORE_RE = re.compile(
    r"\b(?:index|sales|figures|numbers|data|estimates?|readings?|payrolls|inflation)\s+for\s+$", re.IGNORECASE)
