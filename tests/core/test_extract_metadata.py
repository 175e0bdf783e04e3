"""Metadata helpers: dates, bylines, JSON-LD shapes and titles."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from workbench.ingest.bylines import choose_authors, split_byline
from workbench.ingest.dates import find_written_date, normalise_date
from workbench.ingest.jsonld import article_node, author_names, parse_json_ld
from workbench.ingest.titles import strip_site_name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-20T06:05:18Z", "2020-01-20T06:05:18+00:00"),
        ("2020-01-20", "2020-01-20"),
        ("Mon, 20 Jan 2020 06:00:00 GMT", "2020-01-20T06:00:00+00:00"),
        ("March 3, 2021", "2021-03-03"),
        ("1579500318", "2020-01-20T06:05:18+00:00"),
        ("not a date", None),
        ("1066-10-14", None),  # before the web
        ("2999-01-01", None),  # in the future
        ("", None),
    ],
)
def test_dates_are_normalised_to_iso_8601(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday, 6 January 2020", "2020-01-06"),
        ("Updated 2010 GMT (0410 HKT) March 14, 2021", "2021-03-14"),
        ("Written: 2023-11-07 15:03:30", "2023-11-07"),
        ("Veröffentlicht am 19.02.2020", "2020-02-19"),
        ("2019年6月24日 11時30分", "2019-06-24"),
        ("no date here", None),
    ],
)
def test_written_dates_are_found_in_running_text(text: str, expected: str | None) -> None:
    assert find_written_date(text) == expected


def test_bylines_split_into_names_and_publishers_credited_as_authors_give_way() -> None:
    assert split_byline("By Ann Lee and Bo Chan") == ["Ann Lee", "Bo Chan"]
    assert split_byline("AFP/The Local") == ["AFP", "The Local"]
    assert choose_authors([["Coastal Post"], ["Ingrid Solberg"]], "Coastal Post") == ["Ingrid Solberg"]
    assert choose_authors([["No Author"], ["Photo: J. Smith"]], None) == []


def test_json_ld_graph_lists_and_references() -> None:
    tree = lxml_html.fromstring(
        """<html><head><script type="application/ld+json">{"@graph": [
             {"@type": "WebPage", "name": "page"},
             {"@type": "Person", "@id": "#p1", "name": "Ada Byron"},
             {"@type": ["Article", "NewsArticle"], "headline": "H", "author": [{"@id": "#p1"}, "Bo Chan", {"name": "Cy Dee"}],},
           ]}</script>
           <script type="application/ld+json">not json</script></head></html>"""
    )
    nodes = parse_json_ld(tree)
    node = article_node(nodes)
    assert node is not None and node["headline"] == "H"
    by_id = {n["@id"]: n for n in nodes if "@id" in n}
    assert author_names(node["author"], by_id) == ["Ada Byron", "Bo Chan", "Cy Dee"]


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Bridge repairs | The Harbour Gazette", "The Harbour Gazette", None, "Bridge repairs"),
        ("Temperature alte - La Stampa", None, "https://www.lastampa.it/x", "Temperature alte"),
        ("Chapter 1: Prologue - Murdered", None, None, "Chapter 1: Prologue - Murdered"),
        ("武汉的声音：有英勇的你，才有英雄的城！-新华网", None, None, "武汉的声音：有英勇的你，才有英雄的城！"),
    ],
)
def test_site_names_are_stripped_from_titles(title: str, site: str | None, url: str | None, expected: str) -> None:
    assert strip_site_name(title, site, url) == expected
