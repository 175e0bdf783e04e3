"""A source page as a ministry might publish it, and the ways it changes (written for these tests)."""

from __future__ import annotations

from html import escape

PASSAGE = "The ministry counted 32,000 soldiers at the border on Tuesday."
OTHER = "Officials declined to say how long the exercise would last."
CHANGED_PASSAGE = "The ministry counted 23,000 soldiers at the border on Tuesday."


def page(*paragraphs: str, title: str = "Troop numbers at the border", site: str = "Ministry Example") -> bytes:
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    filler = " ".join(["The exercise was announced a week ago and drew comment from neighbours."] * 3)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{escape(site)}">
<meta property="article:published_time" content="2024-02-20T09:00:00Z">
</head><body><main><article><h1>{escape(title)}</h1>
<p>{filler}</p>
{body}
</article></main></body></html>""".encode()


ORIGINAL = page(PASSAGE, OTHER)
# The passage moved below another paragraph, re-flowed and with curly quotes: still found.
MOVED = page(OTHER, PASSAGE.replace(" soldiers", "  soldiers"))
CHANGED = page(CHANGED_PASSAGE, OTHER)
REMOVED = page(OTHER)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
