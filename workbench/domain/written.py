"""Values as an article writes them, for reports people read.

The stored value is for machines (``workbench claims``, the session file):
"30%" is 0.3 with the unit percent, and a published date may carry a time
and zone. A report shows "30" with its unit, and every date in one column in
one format.
"""

from __future__ import annotations

import re
from typing import Any

PERCENT = "percent"
_DAY_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def as_written(value: Any, unit: str | None) -> Any:
    """``value`` as the article wrote it: a share in percent is shown as the percentage."""
    if unit != PERCENT:
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        shown = round(value * 100, 10)  # 0.045 * 100 is 4.500000000000001 in binary
        return int(shown) if float(shown).is_integer() else shown
    if isinstance(value, list):
        return [as_written(part, unit) for part in value]
    return value


def published_day(published: str | None) -> str:
    """A publication date as ``YYYY-MM-DD``, whether it was stored with a time or without."""
    if not published:
        return ""
    found = _DAY_RE.fullmatch(published.strip())
    return found.group(1) if found else published
