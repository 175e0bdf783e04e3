"""Where a walk of the gazetteer's name trie may find a name, worked out per word.

The equipment detector walks the trie from every word that opens a name. Most
such words name nothing where they stand ("a", "is" and "Su" open names such as
"A-10" or "Su-25", but go on to "new", "the" or nothing): these say, before the
walk, whether the word names something on its own or the word after it goes on
along a name, and the walk is skipped where neither holds. It could only have
found nothing there.
"""

from __future__ import annotations

from typing import Any

# A word that opens a name, and the words that may follow it on a name (None: the
# word or its plural names something on its own, and the walk always starts there).
Openers = dict[str, dict[str, Any] | None]


def name_openers(distinct: set[str], children: dict[str, Any]) -> Openers:
    """The words of ``distinct`` that open a name of the trie whose first words are ``children``.

    A word opens a name as the walk reads it: its case-folded form is a first word, or it is
    the plural of one ("Kinzhals").
    """
    openers: Openers = {}
    for word in distinct:
        key = word.casefold()
        if key not in children and not (word.endswith("s") and word[:-1].casefold() in children):
            continue
        node = children.get(key)
        stem = children.get(key[:-1]) if key.endswith("s") else None
        if (stem is not None and stem.aliases) or (node is not None and node.aliases):
            openers[word] = None
        else:
            openers[word] = node.children if node is not None else {}
    return openers


def may_name_at(openers: Openers, words: list[str], i: int) -> bool:
    """Whether a walk from ``words[i]`` (an opener) may find a name: the word names one, or
    the next word, or its plural, goes on along one."""
    nexts = openers[words[i]]
    if nexts is None:
        return True
    if i + 1 >= len(words):
        return False
    key = words[i + 1].casefold()
    return key in nexts or key.endswith("s") and key[:-1] in nexts
