"""``workbench claims``: the output contract the benchmark relies on."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from workbench.cli import main

ARTICLE = (
    "Port Fire\n\n"
    "A fire destroyed the largest grain terminal in São Paulo on Sunday, killing two workers.\n\n"
    "“We had 120 firefighters on the scene by dawn,” said Gen. Petar Ivanov.\r\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(("\ufeff" + ARTICLE).encode("utf-8"))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["claims", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_jsonl_offsets_index_the_exact_file_contents(article: Path, capsys) -> None:
    status, out, _ = run(capsys, str(article))
    assert status == 0
    [line] = out.splitlines()
    result = json.loads(line)
    assert result["source"] == str(article) and result["error"] is None
    text = article.read_bytes().decode("utf-8")
    kinds = set()
    for claim in result["claims"]:
        assert set(claim) == {"kind", "start", "end", "text", "value", "unit", "speaker", "score"}
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert 0 <= claim["score"] <= 1
        kinds.add(claim["kind"])
    assert {"quote", "statement", "figure", "date"} <= kinds
    quote = next(c for c in result["claims"] if c["kind"] == "quote")
    assert quote["speaker"] == "Petar Ivanov"


def test_published_resolves_relative_dates(article: Path, capsys) -> None:
    _, out, _ = run(capsys, "--published", "2024-06-10", str(article))
    dates = [c for c in json.loads(out)["claims"] if c["kind"] == "date"]
    assert dates and dates[0]["text"] == "Sunday" and dates[0]["value"] is not None


def test_bad_sources_get_an_error_and_the_batch_goes_on(article: Path, tmp_path: Path, capsys) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 owners said prices rose.".encode("latin-1"))
    status, out, err = run(capsys, str(tmp_path / "missing.txt"), str(latin1), str(article))
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [r["source"] for r in results] == [str(tmp_path / "missing.txt"), str(latin1), str(article)]
    assert "No such file" in results[0]["error"] and "UTF-8" in results[1]["error"]
    assert results[2]["error"] is None and results[2]["claims"]
    assert "missing.txt" in err and "Traceback" not in err


def test_json_is_a_list_and_non_ascii_stays_readable(article: Path, capsys) -> None:
    status, out, _ = run(capsys, "--format", "json", str(article))
    assert status == 0
    [result] = json.loads(out)
    assert result["error"] is None
    assert "São Paulo" in out and "\\u00e3" not in out


def test_csv_has_one_row_per_claim_with_the_source(article: Path, capsys) -> None:
    _, out, _ = run(capsys, "--format", "csv", str(article))
    rows = list(csv.DictReader(io.StringIO(out)))
    _, jsonl, _ = run(capsys, str(article))
    assert len(rows) == len(json.loads(jsonl)["claims"])
    assert all(row["source"] == str(article) for row in rows)


def test_a_bad_published_date_is_a_usage_error(article: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["claims", "--published", "20-02-2024", str(article)])
    assert exit_info.value.code == 2
    assert "ISO date" in capsys.readouterr().err


def test_html_offsets_index_the_extracted_text(tmp_path: Path, capsys) -> None:
    from workbench.ingest.load import load_source

    page = tmp_path / "page.html"
    body = "".join(
        f"<p>Paragraph {i}: rescuers pulled 12 people from the rubble of the block on Monday, "
        f"officials said, and “the search will go on through the night,” said Mayor Anna Lee.</p>"
        for i in range(6)
    )
    page.write_text(
        f"<html><head><title>Quake</title></head><body><article><h1>Quake</h1>{body}"
        "</article></body></html>",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, str(page))
    result = json.loads(out)
    assert status == 0 and result["error"] is None and result["claims"]
    text = load_source(str(page)).text
    assert all(text[c["start"] : c["end"]] == c["text"] for c in result["claims"])
    assert any(c["kind"] == "quote" and c["speaker"] == "Anna Lee" for c in result["claims"])
