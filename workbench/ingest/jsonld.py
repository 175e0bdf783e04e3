"""Reading schema.org JSON-LD: flattening ``@graph`` and lists, picking the article node."""

from __future__ import annotations

import json
import re
from typing import Any

from lxml.html import HtmlElement

from workbench.ingest.bylines import split_byline

# Most specific first: a page may carry a WebPage and a NewsArticle; the
# news type describes the article itself.
_ARTICLE_TYPES = (
    ("newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
     "backgroundnewsarticle", "reviewnewsarticle", "asknewsarticle", "askpublicnewsarticle",
     "liveblogposting"),
    ("article", "blogposting", "socialmediaposting", "report", "scholarlyarticle",
     "techarticle", "satiricalarticle", "advertisertcontentarticle", "posting"),
    ("webpage", "itempage", "recipe", "review", "qapage", "discussionforumposting",
     "creativework", "medicalwebpage", "aboutpage"),
)


_JSON_LD = re.compile(r"application/ld\+json", re.I)


def parse_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, ``@graph`` members and nested lists flattened."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if not _JSON_LD.search(script.get("type") or ""):
            continue
        data = _loads(script.text or "")
        if data is not None:
            _flatten(data, nodes)
    return nodes


def _loads(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    if not text:
        return None
    try:
        return json.loads(text, strict=False)  # strict=False: raw newlines in strings are common
    except RecursionError:
        return None  # nested thousands deep: no metadata anyone wrote by hand (found by the fuzz run)
    except json.JSONDecodeError:
        # Trailing commas are the usual hand-written mistake.
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
        except (json.JSONDecodeError, RecursionError):
            return None


def _flatten(data: Any, into: list[dict[str, Any]]) -> None:
    if isinstance(data, list):
        for item in data:
            _flatten(item, into)
    elif isinstance(data, dict):
        if "@type" in data:
            into.append(data)
        if "@graph" in data:
            _flatten(data["@graph"], into)
        for key in ("mainEntity", "mainEntityOfPage", "hasPart"):
            if isinstance(data.get(key), dict | list):
                _flatten(data[key], into)


def type_names(node: dict[str, Any]) -> list[str]:
    """``@type`` as lower-case names, whether a string, a list or a full schema.org URL."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1].split(":")[-1].lower() for v in values if isinstance(v, str)]


def article_node(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The node that describes the article: the most specific type, the richest first."""
    for group in _ARTICLE_TYPES:
        matches = [n for n in nodes if any(t in group for t in type_names(n))]
        if matches:
            return max(matches, key=_richness)
    return None


def _richness(node: dict[str, Any]) -> int:
    return sum(1 for key in ("headline", "author", "datePublished", "articleBody") if node.get(key))


def first_text(value: Any) -> str | None:
    """A string from a JSON-LD value that may be a string, a list or a ``@value`` object."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            text = first_text(item)
            if text:
                return text
    if isinstance(value, dict):
        return first_text(value.get("@value") or value.get("name"))
    return None


def author_names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Author names from a string, a Person/Organization object, an ``@id`` or a list."""
    if isinstance(value, list):
        return [name for item in value for name in author_names(item, by_id)]
    if isinstance(value, str):
        value = value.strip()
        if not value or value.startswith(("http://", "https://")):
            return []
        return split_byline(value)
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str) and value["@id"] in by_id:
            value = by_id[value["@id"]]
        name = first_text(value.get("name"))
        if not name and (value.get("givenName") or value.get("familyName")):
            name = " ".join(filter(None, [first_text(value.get("givenName")), first_text(value.get("familyName"))]))
        return [name] if name else []
    return []
