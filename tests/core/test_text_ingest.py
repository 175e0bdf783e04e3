"""Plain text and pasted text: kept byte-exact, split on blank lines, headline detected."""

from __future__ import annotations

import pytest

from workbench.domain.errors import EmptyPageError, NotFoundError, UnsupportedContentError
from workbench.ingest.load import from_bytes, load_source
from workbench.ingest.text import extract_text, extract_text_bytes


def texts(article) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks]


def test_pasted_text_is_kept_exactly_and_split_on_blank_lines() -> None:
    pasted = "Ferry strike called off\r\n\r\nThe union said late on Monday that talks had succeeded.\r\nSailings resume at 6am.\r\n  \r\n\r\nPassengers should check times online.\n"
    article = extract_text(pasted)
    assert article.text == pasted
    assert article.title == "Ferry strike called off"
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph"]
    assert texts(article)[1] == "The union said late on Monday that talks had succeeded.\r\nSailings resume at 6am."
    assert texts(article)[2] == "Passengers should check times online."
    assert article.provenance.source == "pasted text"


@pytest.mark.parametrize(
    "first_line",
    [
        "The council met on Monday and agreed the budget.",  # a sentence: ends with a full stop
        "A very long first line that goes on and on " * 5,  # too long to be a headline
        "2024",  # no letters
    ],
)
def test_a_first_line_that_does_not_read_as_a_headline_is_not_the_title(first_line: str) -> None:
    article = extract_text(first_line + "\n\nSecond paragraph here.")
    assert article.title is None
    assert article.blocks[0].kind == "paragraph"


def test_a_single_paragraph_has_no_title() -> None:
    assert extract_text("Only one line").title is None


def test_text_file_bytes_keep_a_byte_order_mark_and_non_ascii() -> None:
    raw = "\ufeffКиев, 3 марта\n\nСовет принял бюджет.".encode()
    article = extract_text_bytes(raw, source="news.txt")
    assert article.text == raw.decode("utf-8")
    assert texts(article)[-1] == "Совет принял бюджет."


def test_a_non_utf8_text_file_is_decoded_by_detection() -> None:
    raw = ("Écoles rénovées\n\nLe conseil régional a voté jeudi une enveloppe de dix-huit millions d'euros "
           "pour rénover les écoles primaires, très attendue par les familles.").encode("cp1252")
    article = extract_text_bytes(raw, source="ecoles.txt")
    assert "Le conseil régional a voté" in article.text


def test_empty_pasted_text_is_refused() -> None:
    with pytest.raises(EmptyPageError):
        extract_text(" \n\n\t")


def test_load_source_reads_txt_and_html_files_and_stdin(tmp_path, monkeypatch) -> None:
    txt = tmp_path / "story.txt"
    txt.write_bytes(b"Headline here\n\nBody text.\n")
    article = load_source(str(txt))
    assert article.text == "Headline here\n\nBody text.\n"
    assert article.provenance.source == str(txt) and article.provenance.content_type == "text/plain"

    import io

    piped = load_source("-", stdin=io.BytesIO(b"Pasted headline\n\nPasted body."))
    assert piped.title == "Pasted headline"


def test_unknown_suffix_is_sniffed(tmp_path) -> None:
    page = tmp_path / "saved.php"
    page.write_bytes(b"<!DOCTYPE html><html><body><article><p>" + b"The harbour council agreed on Monday to spend more on the quay walls this year. " * 4 + b"</p></article></body></html>")
    assert "harbour council" in load_source(str(page)).text
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(UnsupportedContentError, match="a PDF document"):
        load_source(str(pdf))
    png = tmp_path / "chart.dat"
    png.write_bytes(b"\x89PNG\r\n\x1a\n0000")
    with pytest.raises(UnsupportedContentError, match=r"an image \(image/png\)"):
        from_bytes(png.read_bytes(), source=str(png), suffix=".dat")


def test_missing_file_says_so(tmp_path) -> None:
    with pytest.raises(NotFoundError, match="No such file"):
        load_source(str(tmp_path / "nothere.html"))
    with pytest.raises(NotFoundError, match="https://example.com/news"):
        load_source("example.com/news")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path) -> None:
    from workbench.domain.errors import TooLargeError

    huge = tmp_path / "huge.html"
    paragraph = b"<p>" + b"The council debated the harbour budget late into the night. " * 20 + b"</p>\n"
    huge.write_bytes(b"<html><body><article>" + paragraph * (2 * 1024 * 1024 // len(paragraph) + 1) + b"</article></body></html>")
    with pytest.raises(TooLargeError, match="larger than 1 MB"):
        load_source(str(huge), max_bytes=1024 * 1024)
    assert "harbour budget" in load_source(str(huge), max_bytes=4 * 1024 * 1024).text
