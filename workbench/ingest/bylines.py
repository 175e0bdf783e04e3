"""Splitting a byline into author names."""

from __future__ import annotations

import re

_BY = re.compile(r"^\s*(?:by|von|par|por|di|door)\s*[:\-]?\s+", re.IGNORECASE)


def split_byline(value: str) -> list[str]:
    """``"By Ann Lee and Bo Chan"`` -> ``["Ann Lee", "Bo Chan"]``."""
    value = _BY.sub("", re.sub(r"\s+", " ", value).strip())
    parts = re.split(r"\s*(?:,|;|\||/|\band\b|&)\s*", value)
    return [p for p in (part.strip() for part in parts) if p]
