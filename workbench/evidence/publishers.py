"""Which sources come from the same publisher (pure functions).

Two sources are one publisher when their addresses share a registered
domain (news.example.co.uk and www.example.co.uk are both example.co.uk),
or when they name the same publisher (BBC on bbc.co.uk and on bbc.com).
Without the public suffix list, a registered domain is taken as the last
two labels, or three under a country's usual second-level labels (co.uk,
com.au, gov.br); the rare other cases count as more publishers, not fewer.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

# Second-level labels under which countries register domains (example.co.uk, example.com.au).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gob", "govt", "mil", "nic"})


def registered_domain(url: str) -> str:
    """The domain a publisher registered, from a source's address; "" for a file."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return host  # an IP address is its own publisher
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def publisher_count(sources: Iterable[tuple[str, str]]) -> int:
    """How many independent publishers ``(url, publisher)`` pairs come from."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    groups = []
    for url, publisher in sources:
        keys = [f"name:{' '.join(publisher.casefold().split())}"] if publisher.strip() else []
        domain = registered_domain(url)
        if domain:
            keys.append(f"domain:{domain}")
        elif not keys:  # a file with no publisher named: itself
            keys.append(f"file:{unquote(url)}")
        groups.append(keys)
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])
    return len({find(keys[0]) for keys in groups})
