"""Clean-up rules for what trafilatura lets through: short blocks that are page furniture.

Only short blocks are judged: a real paragraph that mentions cookies or
sharing is article text. Each rule names a kind of furniture readers skip.
"""

from __future__ import annotations

import re

from workbench.ingest.body import TextBlock

_SHORT = 160  # characters: furniture is terse

_FURNITURE = [
    # share counts and share buttons
    r"^[\d.,]+\s*[kKm]?\s*(shares?|comments?|likes?|views?|reactions?)$",
    r"^(share|share this( article| story| page)?|share on \w+|tweet|email|print|copy link)"
    r"(\s*[|/·,]\s*(share|facebook|twitter|x|whatsapp|linkedin|email|print|copy link|pinterest|reddit|telegram))*[.:!]?$",
    r"^(facebook|twitter|x|whatsapp|linkedin|email|pinterest|reddit|telegram|print)"
    r"(\s*[|/·,]?\s*(facebook|twitter|x|whatsapp|linkedin|email|pinterest|reddit|telegram|print))+$",
    # cookie and consent banners
    r"\b(we|this (web)?site) uses? cookies\b",
    r"\b(accept|reject|manage)( all)? cookies\b",
    r"\bcookie (policy|settings|preferences)\b",
    # advertising and promotion
    r"^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?)$",
    r"^(sign up|subscribe)\b.*\b(newsletter|updates|inbox)\b",
    r"^skip to (main )?content$",
    # newsletter, subscription, app and feedback prompts
    r"\bnewsletters?\b",
    r"\b(sign(ing)? up|subscribe|register)\b.*\b(daily edition|by email|inbox|alerts)\b",
    r"^subscribe( now| today)?\b",
    r"^(see|view|check) (our |all )?(offers|plans|deals|subscription options)$",
    r"\bcancel (at )?any ?time\b",
    r"\bdownload (the|our) .*\bapps?\b",
    r"\bletters? to the editor\b",
    r"\bwe want to hear (from you|what you think)\b",
    r"^our (editorial )?standards\b",
    # copyright lines and comment counters
    r"^(©|\(c\)\s|copyright\b)",
    r"\b(view|show|read|post) comments\b|^\d+ comments?$",
    # read-more prompts
    r"^(read more|read next|related|more on this( story)?|see also|recommended|you may also like|"
    r"most (read|popular)|more from [\w ]+)\s*[:.]?$",
    r"^read more\s*[:\-–]",
    # a dateline of page metadata: "January 13, 2020 at 08:45 AM | categories: ..."
    r"^[^|]{0,40}\b(19|20)\d\d\b[^|]{0,30}\|.*\|",
    # image credits standing alone
    r"^(photo|image|picture|credit|foto)s?\s*[:©]",
    r"\((photo|image)s? (by|credit|courtesy)\b[^)]*\)$",
    r"^(getty images|reuters|ap photo|afp)( via getty images)?$",
]
_FURNITURE_RE = [re.compile(rule, re.IGNORECASE) for rule in _FURNITURE]
_READ_MORE_HEADING = re.compile(
    r"^(read more|related( (articles|stories|content|coverage))?|more (on|from|stories)\b.*|"
    r"recommended( for you)?|you (may|might) also like|most (read|popular|viewed)|"
    r"latest (news|stories)|top stories|trending)\s*[:.]?$",
    re.IGNORECASE,
)


# A block that is only a date ("Monday 18 September 2023", "Updated 12.03.2024 10:30"):
# the page's dateline, which metadata already carries.
_DATELINE_WORDS = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
    r"\b(published|updated|posted|last modified|am|pm|gmt|utc|[a-z]{2,4}t)\b|\d+|[,.:/\-–|]",
    re.IGNORECASE,
)


def is_dateline(text: str) -> bool:
    return len(text) <= 60 and bool(re.search(r"\d", text)) and not _DATELINE_WORDS.sub("", text).strip()


def drop_boilerplate(blocks: list[TextBlock]) -> list[TextBlock]:
    kept: list[TextBlock] = []
    skipping_list = False
    for block in blocks:
        if block.kind == "heading" and _READ_MORE_HEADING.match(block.text):
            skipping_list = True  # the list of links under it goes too
            continue
        if skipping_list and block.kind == "list_item":
            continue
        skipping_list = False
        if is_dateline(block.text):
            continue
        if len(block.text) <= _SHORT and any(rule.search(block.text) for rule in _FURNITURE_RE):
            continue
        kept.append(block)
    return kept
