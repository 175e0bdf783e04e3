"""A page already read gives its title and publisher by the same rules as a fetched link."""

from __future__ import annotations

from workbench.ingest.link_details import details_from_article
from workbench.ingest.load import from_bytes

PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Briefing | Ministry</title>
<meta property="og:title" content="Ministry briefing on the border">
<meta property="og:site_name" content="Ministry of Defence"></head>
<body><article><h1>Ministry briefing</h1><p>About 32,000 troops were deployed near the border on Tuesday,
officials of the ministry said in a statement published on its website this morning.</p>
<p>Talks on trade would resume next month in a neutral country, diplomats said.</p></article></body></html>"""
BARE = b"""<!doctype html><html><head><meta charset="utf-8"></head><body><article>
<h1>Troops at the border</h1><p>About 32,000 troops were deployed near the border on Tuesday, officials said
in a statement, and more were expected to arrive before the end of the week.</p></article></body></html>"""


def test_metadata_of_the_page_itself_comes_first() -> None:
    article = from_bytes(PAGE, source="https://www.mod.example/briefing", suffix=".html")
    details = details_from_article(article, "https://www.mod.example/briefing")
    assert (details.title, details.publisher) == ("Ministry briefing on the border", "Ministry of Defence")


def test_a_page_without_metadata_falls_back_to_its_headline_and_host() -> None:
    article = from_bytes(BARE, source="https://www.border.example/story", suffix=".html")
    details = details_from_article(article, "https://www.border.example/story")
    assert details.publisher == "border.example"
    assert details.title == "Troops at the border"  # the extracted headline: the page has no <title>
