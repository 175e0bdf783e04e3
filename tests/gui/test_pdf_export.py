"""The printable report as PDF through Qt's printing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.export_session import build_review
from workbench.domain.errors import ExportError
from workbench.export.filters import ExportFilter
from workbench.gui.pdf_export import export_pdf, write_pdf
from workbench.storage.database import open_database


def page_count(data: bytes) -> int:
    """Pages in a PDF: the page objects (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_report_prints_to_a_pdf_with_pages(qapp, tmp_path: Path):
    db = open_database(tmp_path / "review.sqlite")
    try:
        review = build_review(db)
        path = tmp_path / "report.pdf"
        assert export_pdf(db, review.session_id, path) == 3  # reviewed claims: not the unreviewed or dismissed
        one_article = tmp_path / "prices.pdf"
        assert export_pdf(db, review.session_id, one_article, ExportFilter(article_id=review.second_article_id)) == 1
    finally:
        db.close()
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert page_count(data) >= 1
    assert one_article.read_bytes().startswith(b"%PDF-")


def test_long_report_has_several_pages(qapp, tmp_path: Path):
    path = tmp_path / "long.pdf"
    write_pdf("<h1>Report</h1>" + "<p>A claim and its rationale.</p>" * 400, path)
    assert page_count(path.read_bytes()) > 1
    assert not (tmp_path / "long.pdf.part").exists()


def test_unwritable_destination_is_a_user_error(qapp, tmp_path: Path):
    with pytest.raises(ExportError, match="Cannot write"):
        write_pdf("<p>x</p>", tmp_path / "missing-folder" / "report.pdf")


def test_printing_reports_its_pages_and_a_cancel_between_pages_leaves_no_file(qapp, tmp_path: Path):
    from workbench.domain.errors import ExportCancelled

    html = "<h1>Report</h1>" + "<p>A claim and its rationale, with a passage quoted from a source.</p>" * 600
    seen: list[str] = []
    path = tmp_path / "report.pdf"
    write_pdf(html, path, progress=lambda _fraction, message: seen.append(message))
    pages = page_count(path.read_bytes())
    assert pages > 10 and seen[-1] == f"Printing the PDF: page {pages:,} of {pages:,}…"

    asked: list[str] = []

    def cancel_after_a_few_pages() -> bool:
        return len(asked) >= 1  # once the first progress has been reported

    stopped = tmp_path / "stopped.pdf"
    with pytest.raises(ExportCancelled):
        write_pdf(html, stopped, cancel=cancel_after_a_few_pages, progress=lambda _f, message: asked.append(message))
    assert asked and asked[0].startswith("Printing the PDF: page 10 of")
    assert list(tmp_path.glob("stopped.pdf*")) == []  # neither the file nor its .part

