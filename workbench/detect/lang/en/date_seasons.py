"""English words around a season's name that make it a date or leave it a word: "in the
autumn" places, "the summer heat" is an adjective, "the winter will test Europe" a subject."""

from __future__ import annotations

import re

# ``in the autumn`` places; a bare ``the winter`` need not.
SEASON_PREPOSITION = re.compile(r"\b(?:in|during|by|until|over|through|since|before|after|"
                                r"(?:set|scheduled|planned|slated|due|expected)\s+for)\s+(?:the\s+)?$",
                                re.IGNORECASE)

# "the summer is likely to be hard", "the winter will test Europe": a season as the subject
SEASON_SUBJECT_RE = re.compile(
    r"\s+(?:is|was|will|would|could|may|might|has|had|looks|promises|brought|saw)\b(?!\s+(?:of|a|an)\b)")

# A noun after a season makes it an adjective: ``the summer heat``.
# (a verb after it is no noun: "orders paused in the summer have not come back")
NEXT_NOUN_RE = re.compile(
    r"\s+(?!of\b|and\b|or\b|to\b|as\b|at\b|in\b|on\b|with\b|when\b|for\b|after\b|before\b|"
    r"(?:have|has|had|were|was|are|is|will|would|could|can|may|might|should|did|does|do|remain|remains)\b)"
    r"[a-z]{3,}\b(?!\s*,)")
