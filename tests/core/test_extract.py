"""Extraction from handwritten fixture pages: body, structure and metadata a reader would see."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.domain.errors import EmptyPageError, NoArticleTextError
from workbench.ingest.extract import EXTRACTOR, extract_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def extract(name: str, **kwargs: object):
    return extract_html((FIXTURES / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def block_texts(article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


ARTICLE_PAGES = sorted(p.name for p in FIXTURES.glob("*.html") if p.name not in ("empty.html", "no_article.html"))


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_every_article_fixture_gives_blocks_that_index_the_text_exactly(name: str) -> None:
    charset = "windows-1251" if "header_only" in name else None
    article = extract(name, headers_charset=charset)
    assert article.text == "\n\n".join(text for _, text in block_texts(article))
    assert all(text and text == text.strip() for _, text in block_texts(article))
    assert not re.search(r"</?(p|div|span|script|a)\b", article.text)


def test_json_ld_news_article_metadata_and_clean_body() -> None:
    article = extract("jsonld_newsarticle.html")
    assert article.title == "Bridge repairs to cost twice the estimate"
    assert article.authors == ["Elena Varga", "Tomás Ruiz"]
    assert article.published == "2024-03-12T07:30:00+01:00"
    assert article.site_name == "The Harbour Gazette"
    assert article.language == "en-GB"
    assert article.url == "https://harbour-gazette.example/news/2024/03/12/bridge-repairs"
    # the headline opens the text once, as its title block; the body follows
    assert article.text.startswith("Bridge repairs to cost twice the estimate\n\nThe regional transport authority")
    assert block_texts(article)[0] == ("title", "Bridge repairs to cost twice the estimate")
    assert article.text.count("Bridge repairs to cost twice the estimate") == 1
    assert article.body.startswith("The regional transport authority confirmed on Tuesday")
    assert article.text.endswith("without a public tender.")
    for furniture in ("We use cookies", "1.2k shares", "autumn fashion range", "Ferry timetable", "All rights reserved", "Politics"):
        assert furniture not in article.text
    assert article.provenance.extractor == EXTRACTOR
    assert article.provenance.sha256 and article.provenance.raw.startswith(b"<!DOCTYPE")


def test_opengraph_only_page_strips_the_site_name_from_the_title() -> None:
    article = extract("opengraph_only.html")
    assert article.title == "Boil-water notice for 46,000 homes after reservoir tests"
    assert article.authors == ["Hannah Wright"]
    assert article.published == "2023-09-17T18:45:00+00:00"
    assert article.site_name == "Northern Times"
    assert article.language == "en-GB"


def test_graph_with_id_references_and_a_list_of_types() -> None:
    article = extract("jsonld_graph.html")
    assert article.title == "Smallest autumn catch in a decade as cod moves north"
    assert article.authors == ["Ingrid Solberg"]
    assert article.published == "2022-10-28"
    assert article.site_name == "Coastal Post"
    assert article.extra["schema_type"] == "newsarticle"


def test_byline_string_and_written_date_in_blog_posting() -> None:
    article = extract("blogposting_byline_string.html")
    assert article.authors == ["Jonas Berg"]
    assert article.published == "2021-03-03"


def test_microdata_author_and_time_element_without_json_ld() -> None:
    article = extract("microdata_time.html")
    assert article.title == "Three new primary schools by 2027"
    assert article.authors == ["Clara Jensen"]
    assert article.published == "2022-11-30"


def test_visible_headline_wins_over_a_rewritten_social_title() -> None:
    article = extract("rewritten_headline.html")
    assert article.title == "Heavy rain let bacteria into reservoirs, water company admits"
    assert article.published.startswith("2023-09-18")
    assert "Monday 18 September 2023" not in article.text  # the dateline is metadata, not body


@pytest.mark.parametrize(
    ("name", "charset", "expected", "encoding"),
    [
        ("cp1251_meta.html", None, "Городской совет утвердил план ремонта набережной", "cp1251"),
        ("cp1251_header_only.html", "windows-1251", "Городской совет утвердил план ремонта набережной", "cp1251"),
        ("latin1_meta.html", None, "Le conseil régional a voté jeudi", "cp1252"),
        ("shift_jis_meta.html", None, "港湾地区に新しい図書館を建設する計画を発表した", "cp932"),
        ("utf8_bom_wrong_meta.html", None, "Zoë Müller, who leads the parents' forum", "utf-8"),
        ("utf16_bom.html", None, "The summer music festival drew a record 86,000 visitors", "utf-16-le"),
        ("xhtml_xml_declaration.html", None, "Die Sanierung der Hafenbrücke kostet", "iso8859-1"),
    ],
)
def test_charsets_header_meta_and_bom(name: str, charset: str | None, expected: str, encoding: str) -> None:
    article = extract(name, headers_charset=charset)
    assert expected in article.text
    assert article.extra["encoding"].replace("_", "-") in (encoding, encoding.replace("iso8859-1", "cp1252"))


def test_the_header_charset_beats_a_wrong_meta_and_detection_is_the_last_resort() -> None:
    raw = (FIXTURES / "cp1251_header_only.html").read_bytes()
    assert "Городской совет" in extract_html(raw, headers_charset="windows-1251").text
    detected = extract_html(raw)  # no header, no meta: charset-normalizer decides
    assert detected.extra["encoding_source"] == "detected"
    assert "Городской совет" in detected.text


def test_shift_jis_title_keeps_the_ideographic_space() -> None:
    assert extract("shift_jis_meta.html").title == "港湾地区に新図書館\u3000総工費四十五億円"


def test_mis_encoded_bytes_become_a_replacement_character_not_mojibake() -> None:
    article = extract("misencoded.html")
    assert "Café owners in the old town" in article.text
    assert "22 years\ufffdand counting" in article.text
    assert article.extra["replaced_bytes"] == 1


def test_structure_keeps_headings_quotes_and_list_items() -> None:
    blocks = block_texts(extract("structure.html"))
    kinds = [kind for kind, _ in blocks]
    assert ("heading", "The cost estimate was rushed") in blocks
    assert ("quote", "The figure presented to the council in March could not have been accurate, and the authority's engineers knew it.") in blocks
    assert ("list_item", "put contracts above one million euros out to public tender;") in blocks
    assert kinds.count("list_item") == 3 and kinds.count("heading") == 3


def test_table_rows_are_kept_as_rows() -> None:
    blocks = block_texts(extract("table.html"))
    assert ("table_row", "Security | 640,000") in blocks


def test_live_blog_keeps_each_update_with_its_heading() -> None:
    article = extract("liveblog.html")
    assert article.title == "Regional election night: live updates"
    assert ("heading", "Polls have closed") in block_texts(article)
    assert "Counting has begun in all 24 districts." in article.text
    assert article.published == "2024-06-02T17:30:00+00:00"


def test_paywall_teaser_keeps_the_teaser_and_drops_the_sales_pitch() -> None:
    article = extract("paywall_teaser.html")
    assert article.body.startswith("For six years the port authority has kept a second budget")
    assert "9 million euros a year" in article.text
    for pitch in ("Subscribe", "See offers", "Cancel any time"):
        assert pitch not in article.text


def test_boilerplate_heavy_page_keeps_only_the_article() -> None:
    article = extract("boilerplate_heavy.html")
    assert article.body.startswith("The summer music festival drew a record 86,000 visitors")
    assert "Ana Sousa" in article.text
    for furniture in ("cookies", "newsletter", "Advertisement", "Share this article", "342 comments", "Most read", "Storm warning", "Home"):
        assert furniture not in article.text
    assert article.published is None  # the footer's "© 2024" is not a publication date


def test_json_ld_article_body_is_used_when_the_page_renders_it_with_script() -> None:
    article = extract("jsonld_articlebody_only.html")
    assert article.authors == ["Nora Lindgren"]
    assert [kind for kind, _ in block_texts(article)] == ["title"] + ["paragraph"] * 3
    assert article.body.startswith("The island ferry operator will add two extra winter sailings")
    assert "enable JavaScript" not in article.text


def test_scripts_styles_and_comments_never_reach_the_text() -> None:
    article = extract("xhtml_xml_declaration.html")
    assert article.language == "de"
    for hidden in ("tracking", "not text", "color:red", "interner Kommentar"):
        assert hidden not in article.text


def test_empty_page_is_an_empty_page_error() -> None:
    with pytest.raises(EmptyPageError):
        extract("empty.html")


def test_page_of_links_has_no_article_text() -> None:
    with pytest.raises(NoArticleTextError, match="No article text found"):
        extract("no_article.html")


def test_markup_without_a_body_has_no_article_text() -> None:
    with pytest.raises(NoArticleTextError):
        extract_html(b"<html><head><title>x</title></head><body></body></html>")
