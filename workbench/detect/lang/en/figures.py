"""English words around a number: approximators, labels, adverbs, named ordinals."""

from __future__ import annotations

import re

# Approximators and comparatives belong inside the figure's span.
APPROXIMATOR_RE = re.compile(
    r"\b(?P<approx>(?:just|well|slightly)\s+(?:over|under|above|below)|"
    r"about|around|approximately|roughly|nearly|almost|some|over|under|barely|"
    r"(?:(?:slightly|much|far|well|just|no|not)\s+)?(?:more|less|fewer|higher|lower|greater|bigger|"
    r"larger|smaller)\s+than|at\s+least|at\s+most|up\s+to|"
    r"as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|as\s+little\s+as|"
    r"close\s+to|upwards\s+of|in\s+excess\s+of|an\s+estimated|estimated|between)\s+$",
    re.IGNORECASE,
)

# Hyphen compounds that are names or idioms, not measures: "two-state solution".
COMPOUND_BLACKLIST = frozenset(
    {"state", "party", "way", "off", "time", "sided", "fold", "on", "thirds", "quarters",
     "third", "quarter", "fifths", "half", "up", "shot", "liner", "nil", "all", "china",
     "star", "piece", "of"}
)  # fmt: skip

# Lower-case words before a number that make it a label, not a quantity.
NAME_PRECEDERS = frozenset(
    {"page", "pages", "p", "pp", "section", "sections", "article", "articles", "chapter",
     "paragraph", "clause", "number", "no", "nos", "flight", "route", "highway", "phase",
     "stage", "grade", "category", "type", "version", "gate", "room", "platform", "line",
     "round", "tier", "exit", "episode", "season", "volume", "vol", "issue", "item",
     "resolution", "rule", "figure", "fig", "table", "step", "level", "zone", "district",
     "block", "lane", "ward", "row", "seat", "box", "code", "model", "mark", "class",
     "unit", "brigade", "division", "battalion", "regiment", "corps", "army", "squadron",
     "fleet", "building", "street", "avenue", "road", "apartment", "suite", "floor",
     "channel", "bus", "train", "track", "slide", "part", "act", "scene", "verse", "psalm",
     "week", "day", "year", "month", "quarter", "minute"}
)  # fmt: skip
