"""Choosing the headline a reader sees, without the site's name around it.

Pages declare a headline for search engines (JSON-LD, OpenGraph) and show
one in an ``h1``. They usually agree; when they differ the ``h1`` is what
readers see and cite, so it wins if it looks like a headline and is about
the same thing. The declared one wins over an ``h1`` that wraps it with a
kicker, and over ``h1``s that are logos or section names.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from workbench.ingest.metadata import PageMetadata

# "Headline | Site", "Headline - Site", "Site: Headline", "見出し-新華網"...
_SEPARATORS = re.compile(r"\s+[|\-–—:·»/]\s+|\s*[|｜]\s*")
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")
_TRUNCATED = re.compile(r"\s*(\.\.\.|…)$")
_WORD = re.compile(r"\w{4,}")
_SECTION_WORDS = 2  # "World", "Opinion", "Local news": longer parts may be the headline's


def choose_title(meta: PageMetadata, guessed: str | None, url: str | None = None) -> str | None:
    declared = _tidy(meta.title)
    h1s = [h for text in meta.h1s if (h := _tidy_markup(text))]
    h1 = next((h for h in h1s if declared and _compact(h) == _compact(declared)), None) or _headline_h1(h1s)
    title = _prefer(declared, h1) if declared else h1
    for candidate in (title, _tidy(guessed), _tidy(meta.html_title)):
        if candidate and any(_compact(candidate) == _compact(h) for h in h1s):
            return candidate  # the page's own headline, site name and all, as readers see it
        cleaned = strip_site_name(candidate, meta.site_name, url or meta.canonical_url)
        if cleaned:
            return cleaned
    return None


def _prefer(declared: str, h1: str | None) -> str:
    if not h1:
        return declared
    d, h = _compact(declared), _compact(h1)
    if d == h:
        return declared
    if h in d:
        # The declared one carries the site name or a section around the h1;
        # unless the h1 is the lesser part: then it is the section's name.
        return h1 if len(h) >= len(d) - len(h) else declared
    if d in h:
        return declared  # the h1 carries a kicker ("Open Progress Why ...")
    stem = _TRUNCATED.sub("", declared)
    if stem != declared and h.startswith(_compact(stem)):
        return h1  # the declared one was cut short for social cards
    if _shares_a_word(declared, h1):
        return h1  # a rewritten headline: readers see the h1
    return declared


def _headline_h1(h1s: list[str]) -> str | None:
    """The first h1 long enough to be a headline (logos and section names are short)."""
    for text in h1s:
        cjk = len(re.findall(rf"[{_CJK}]", text))
        if len(text.split()) >= 4 or cjk >= 8:
            return text
    return None


# Chinese and Japanese pages append the site's name without spaces: "見出し-新華網".
# A hyphen between two Latin letters or digits is a word's ("Wi-Fi"), not a separator.
_CJK_SITE_SUFFIX = re.compile(
    rf"^(.*[{_CJK}].*?)(?:\s*[|｜]\s*|\s+[-_]\s*|(?<![A-Za-z0-9])[-_]\s*|[-_]\s+)([^\s\-_|｜]{{1,12}})$"
)


def strip_site_name(title: str | None, site_name: str | None, url: str | None) -> str | None:
    """Remove a leading or trailing part that names the site."""
    title = (title or "").strip(" -|–—:·")
    if not title:
        return None
    cjk_suffix = _CJK_SITE_SUFFIX.match(title)
    if cjk_suffix and len(cjk_suffix.group(1)) > 2 * len(cjk_suffix.group(2)):
        return cjk_suffix.group(1).strip()
    separators = list(_SEPARATORS.finditer(title))
    if not separators:
        return title
    names = _site_names(site_name, url)
    last = title[separators[-1].end() :]
    if _is_site(last, names):
        kept = title[: separators[-1].start()].strip() or title
        if len(separators) >= 2 and separators[-2].group().strip() == separators[-1].group().strip():
            # "Headline | Section | Site": a short part between the headline
            # and the site, set off the same way, is the site's section.
            section = title[separators[-2].end() : separators[-1].start()]
            if len(section.split()) <= _SECTION_WORDS:
                return title[: separators[-2].start()].strip() or kept
        return kept
    first = title[: separators[0].start()]
    if _is_site(first, names):
        return title[separators[0].end() :].strip() or title
    return title


def _site_names(site_name: str | None, url: str | None) -> list[str]:
    names = [_squash(site_name)] if site_name else []
    host = urlsplit(url).hostname if url else None
    if host:
        labels = host.removeprefix("www.").split(".")
        names += [label for label in labels[:-1] if len(label) > 2]
    return [n for n in names if n]


def _is_site(part: str, names: list[str]) -> bool:
    squashed = _squash(part)
    if not squashed or len(part.split()) > 6:
        return False
    return any(squashed in name or name in squashed for name in names)


def _squash(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _shares_a_word(a: str, b: str) -> bool:
    words = {w.casefold()[:6] for w in _WORD.findall(a)}
    return any(w.casefold()[:6] in words for w in _WORD.findall(b))


def _tidy(text: str | None) -> str | None:
    """Whitespace collapsed; a declared title's spaces are the writer's, CJK ones too."""
    if not text:
        return None
    text = re.sub(r"[^\S\u3000]+", " ", text).strip()
    return text or None


def _tidy_markup(text: str | None) -> str | None:
    """An h1's text, joined from its elements: spaces between CJK characters come
    from that joining (ruby, spans), not from the writer. An ideographic space
    (U+3000) is the writer's: keep it."""
    text = _tidy(text)
    return _SPACE_IN_CJK.sub("", text) if text else None

