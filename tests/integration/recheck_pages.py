"""Two versions of a demo article, as a publisher might silently edit it (written for these tests)."""

from __future__ import annotations

from html import escape

FIGURE_A = "About 90,000 troops were deployed near the border on Tuesday"
FIGURE_B = "About 95,000 troops were deployed near the border on Tuesday"
QUOTE = "\u201cWe must be prepared as much as possible,\u201d Alexander Lukashenko said"
SYSTEMS = "Two new divisions of S-400 air defence systems are now in service"
DRILLS_A = "a \u2018show of force\u2019 aimed at neighbouring states"
DRILLS_B = "a 'show of force' aimed at neighbouring states"
INSERTED = (
    "Editor's note: this article was updated with new figures from the defence ministry "
    "and a statement from the border guard service."
)

PARAGRAPHS_A = [
    "Belarus has moved troops closer to its border with Ukraine, the defence ministry in "
    "Minsk said, describing the movement as part of a routine readiness exercise.",
    f"{FIGURE_A}, officials said, along with tanks and artillery units drawn from three regions.",
    f"{QUOTE} at a meeting with senior commanders in the capital on Wednesday morning.",
    f"{SYSTEMS}, according to the ministry, which did not give further details about them.",
    f"Analysts called the drills {DRILLS_A} and said the build-up would be watched closely.",
    "Neighbouring governments have asked for talks, and diplomats expect a meeting in the "
    "coming weeks, although no date has yet been set by either side.",
]

PARAGRAPHS_B = [
    INSERTED,
    PARAGRAPHS_A[0],
    PARAGRAPHS_A[1].replace(FIGURE_A, FIGURE_B),
    # The quote is gone.
    PARAGRAPHS_A[3],
    PARAGRAPHS_A[4].replace(DRILLS_A, DRILLS_B),
    PARAGRAPHS_A[5].replace(", and diplomats", ",  and diplomats"),
]

TITLE_A = "Belarus moves troops to the Ukrainian border"
TITLE_B = "Belarus moves 95,000 troops to the Ukrainian border"


def page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="News Example">
<meta name="author" content="Ana Reporter">
<meta property="article:published_time" content="2024-02-20T09:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>{escape(title)}</h1>
{body}
</article></main>
<footer><p>Copyright News Example</p></footer>
</body></html>"""


VERSION_A = page(TITLE_A, PARAGRAPHS_A)
VERSION_B = page(TITLE_B, PARAGRAPHS_B)
