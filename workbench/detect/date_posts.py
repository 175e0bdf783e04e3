"""Posts quoted in a page, dated by the signature line an embed leaves.

A news page that embeds a post keeps its text and, on the line after it, the
embed's signature: "— Seth Goldstein (@Rabbi_360) January 7, 2020". The post's
"today" is that day, not the day the article was published.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from workbench.detect.date_values import Spot

# a line opening with a dash, a name and an @handle in brackets, and then the post's date
_SIGNATURE_RE = re.compile(r"^[—–-]{1,2}[ \t]*[^\n()]{1,80}\(@\w{1,30}\)[ \t]+", re.MULTILINE)


@dataclass(frozen=True)
class Post:
    start: int  # where the post's text begins
    end: int  # where its signature line begins
    dated: Spot  # the signature's date


def embedded_posts(text: str, spots: tuple[Spot, ...], spot_starts: list[int]) -> list[Post]:
    """Each embedded post whose signature gives a date: its text is the paragraph (or
    the lines up to a blank one) just before the signature line."""
    posts = []
    for signature in _SIGNATURE_RE.finditer(text):
        i = bisect_right(spot_starts, signature.end() - 1)
        if i >= len(spots) or spots[i].start != signature.end():
            continue
        body_end = signature.start()
        start = text.rfind("\n\n", 0, len(text[:body_end].rstrip()))
        posts.append(Post(0 if start < 0 else start + 2, body_end, spots[i]))
    return posts


def post_around(posts: list[Post], pos: int) -> Post | None:
    """The embedded post whose text holds ``pos``, if any."""
    for post in posts:
        if post.start <= pos < post.end:
            return post
    return None
