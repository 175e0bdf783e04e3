"""Splitting a byline into author names."""

from __future__ import annotations

import re

_BY = re.compile(r"^\s*(?:by|von|par|por|di|door)\s*[:\-]?\s+", re.IGNORECASE)


def split_byline(value: str) -> list[str]:
    """``"By Ann Lee and Bo Chan"`` -> ``["Ann Lee", "Bo Chan"]``."""
    value = _BY.sub("", re.sub(r"\s+", " ", value).strip())
    parts = re.split(r"\s*(?:,|;|\||/|\band\b|&)\s*", value)
    return [p for p in (part.strip() for part in parts) if p]


_PLACEHOLDERS = frozenset({"no author", "admin", "administrator", "unknown", "author", "anonymous", "none", "null"})
_NOT_A_NAME = re.compile(
    r"^(photo|фото|foto|image|picture|bild|imagen|credit|source|quelle|fuente)\b|@|https?://|www\.",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 6


def clean_authors(names: list[str]) -> list[str]:
    """Drop what is not a person's or newsroom's name: placeholders, photo credits, links."""
    kept = []
    for name in names:
        name = re.sub(r"\s+", " ", name).strip(" ,;|-–—")
        if not name or name.casefold() in _PLACEHOLDERS or _NOT_A_NAME.search(name):
            continue
        if len(name.split()) > _MAX_NAME_WORDS or len(name) > 60:
            continue
        if name.casefold() not in {k.casefold() for k in kept}:
            kept.append(name)
    return kept


def choose_authors(candidates: list[list[str]], site_name: str | None) -> list[str]:
    """The first source naming someone other than the site itself (JSON-LD often credits the
    publisher as author); failing that, the first source naming anyone."""
    site = (site_name or "").casefold()
    cleaned = [clean_authors(names) for names in candidates]
    for names in cleaned:
        people = [n for n in names if n.casefold() != site]
        if people:
            return people
    return next((names for names in cleaned if names), [])
