"""Web pages: the headline opens the text and is read for claims; captions and bylines are set apart."""

from __future__ import annotations

import lxml.html

from workbench.domain.articles import HEADLINE_TAG
from workbench.ingest.body import TextBlock
from workbench.ingest.extract import extract_html
from workbench.ingest.set_apart import marked_texts, set_apart
from workbench.services.importing import detect_drafts, store_extracted
from workbench.storage import claims, sessions

PAGE = b"""<html><head><title>Port of Valdora spends $9 billion on new cranes</title></head>
<body><article><h1>Port of Valdora spends $9 billion on new cranes</h1>
<p>By Tom Reyes and Ana Ruiz</p>
<p>The Port of Valdora has spent $8.8 billion on 140 new cranes since 2019, the harbour
authority said in its annual report.</p>
<p>Cranes stand at the container terminal on March 3, 2024, after 12 were delivered. (Photo: Tom Reyes/Reuters)</p>
<p>Contributor/Getty Images</p>
<p>The authority said the new cranes had cut unloading times by 30 percent compared with 2018,
when the terminal handled 4 million containers.</p>
<p>More: Valdora dockers strike for a second week</p>
<p>Ship traffic rose to 12,400 vessels last year, the highest number since records began in 1962,
according to the report.</p>
</article></body></html>"""


def kinds_and_texts(article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def test_the_headline_opens_the_text_and_captions_bylines_are_their_own_blocks() -> None:
    article = extract_html(PAGE)
    blocks = kinds_and_texts(article)
    assert blocks[0] == ("title", "Port of Valdora spends $9 billion on new cranes")
    assert article.text.count("$9 billion") == 1  # the body's copy of the headline is not repeated
    assert ("byline", "By Tom Reyes and Ana Ruiz") in blocks
    assert ("caption", "Contributor/Getty Images") in blocks
    assert [kind for kind, text in blocks if text.startswith("Cranes stand")] == ["caption"]
    assert "dockers strike" not in article.text  # a link to another story is dropped
    assert [kind for kind, _ in blocks].count("paragraph") == 3


def test_headline_claims_are_tagged_and_captions_give_none(any_db) -> None:
    article = extract_html(PAGE)
    session = sessions.create_session(any_db, "Ports", reviewer="ana")
    store_extracted(any_db, session.id, article, by="ana")
    stored = claims.list_claims(any_db, session_id=session.id)
    figures = {c.text: c.tags for c in stored if c.kind == "figure"}
    assert figures["$9 billion"] == [HEADLINE_TAG]
    assert figures["$8.8 billion"] == []
    caption_start = article.text.index("Cranes stand")
    caption_end = article.text.index("Contributor/Getty Images") + len("Contributor/Getty Images")
    assert not [c for c in stored if caption_start <= c.start < caption_end]
    assert not [c for c in stored if "Tom Reyes" in c.text]
    # the body's own claims are still proposed, without the headline tag
    assert any(c.kind == "statement" and c.text.startswith("Ship traffic rose") and not c.tags for c in stored)


def test_the_markup_names_captions_and_bylines() -> None:
    tree = lxml.html.fromstring(
        '<div><div class="wp-caption-text">Workers at the dock in 2023</div>'
        '<span class="byline__name">Lena Ortiz, Harbour Desk</span></div>'
    )
    blocks = [TextBlock("paragraph", "Workers at the dock in 2023"),
              TextBlock("paragraph", "Lena Ortiz, Harbour Desk"),
              TextBlock("paragraph", "Workers at the dock struck for 3 days in 2023.")]
    assert [b.kind for b in set_apart(blocks, marked_texts(tree))] == ["caption", "byline", "paragraph"]


def test_a_sentence_mentioning_a_photo_stays_a_paragraph() -> None:
    text = "The photo by a local resident showed 40 trucks queuing at the gate on Friday."
    assert set_apart([TextBlock("paragraph", text)]) == [TextBlock("paragraph", text)]


def test_detection_without_structure_proposes_everything() -> None:
    text = "Dockers struck for 3 days.\n\nContributor/Getty Images"
    assert any(d.kind == "figure" for d in detect_drafts(text, None))


def test_a_headline_that_reads_like_a_sentence_does_not_make_a_list_of_links_an_article() -> None:
    from dataclasses import replace

    from workbench.ingest.article_text import page_without_text
    from workbench.ingest.extract import assemble

    headline = "Prices rose 5%: what the rise means for every household in the region"
    links = [TextBlock("list_item", f"Harbour story number {n} about cranes ships and dockers in the port")
             for n in range(8)]
    text, blocks = assemble([TextBlock("title", headline), *links])
    article = replace(extract_html(PAGE), title=headline, text=text, blocks=blocks)
    assert page_without_text(article) == "only links or short labels, no sentences"


def test_the_headline_is_not_repeated_when_the_body_block_opens_with_it() -> None:
    items = "".join(f"<li><a href='/d{n}'>Dock {n} handled {n * 1000} containers in the year to March</a></li>" for n in range(1, 7))
    page = (
        "<html><head><title>Valdora docks handled 21,000 containers</title></head><body><main>"
        f"<h1>Valdora docks handled 21,000 containers</h1><ul>{items}</ul></main></body></html>"
    ).encode()
    article = extract_html(page)
    assert article.text.count("Valdora docks handled 21,000 containers") == 1
    assert article.text.startswith("Valdora docks handled 21,000 containers\n\nDock 1 handled")
