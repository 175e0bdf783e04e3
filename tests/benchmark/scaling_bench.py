"""Cost against size: big pages of paragraphs, deeply nested markup, a 15 MB text to detect in.

Each of these once grew superlinearly (trafilatura's jusText fallback,
BeautifulSoup on deep nesting, the detectors' per-text tables). Run alone:
``python -m tests.benchmark.scaling_bench``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmark.table import Row, format_table
from workbench.ingest.extract import extract_html

PARAGRAPHS_MB = 4
PARAGRAPHS_TARGET_S = 10
NESTED = 200_000
NESTED_TARGET_S = 10
DETECT_MB = 15
DETECT_TARGET_MB = 1000


def paragraph_page(megabytes: float) -> bytes:
    """A page of plain paragraphs, long and short ones mixed, every one different."""
    parts = ["<html><head><title>Bridge costs</title></head><body>"]
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        if i % 3:
            paragraph = f"<p>Item {i}: see page {i % 97}.</p>\n"
        else:
            paragraph = (
                f"<p>The council said on day {i} that the new bridge would cost {i} million pounds, "
                f"and that work would resume once the {i % 40} contractors had been paid.</p>\n"
            )
        parts.append(paragraph)
        size += len(paragraph)
        i += 1
    parts.append("</body></html>")
    return "".join(parts).encode()


ARTICLE_SENTENCE = "Paragraph {i}: the council said the new bridge would cost {i} million pounds more than planned."


def nested_page(depth: int) -> bytes:
    """An article after ``depth`` nested ``<div>``s: the article must survive them."""
    article = "<article><h1>Bridge costs rise again this year</h1>" + "".join(
        f"<p>{ARTICLE_SENTENCE.format(i=i)}</p>" for i in range(12)
    ) + "</article>"
    return f"<html><body>{'<div>' * depth}deep{'</div>' * depth}{article}</body></html>".encode()


def prose(megabytes: float) -> str:
    """Plain text of news paragraphs with figures, dates, quotes and equipment."""
    paragraphs = []
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        paragraph = (
            f"The council said on March {i % 28 + 1}, 2024 that the bridge would cost {i} million pounds, "
            f"up 12% from last year. \u201cWe will not accept another delay,\u201d said Mayor Jane Smith, "
            f"who has led the city since 2019. Officials expect about {i % 90 + 10} trucks a day to cross it "
            f"once the F-16 hangar is moved."
        )
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    return "\n\n".join(paragraphs)


_DETECT_PEAK = """
import resource, sys
from tests.benchmark.scaling_bench import prose
from workbench.kinds import detect
text = prose(float(sys.argv[1]))
found = detect(text)
from tests.benchmark.table import peak_mb
print(len(found), int(peak_mb()))
"""


def detection_peak_mb(megabytes: float) -> tuple[int, int]:
    """Claims found and the peak resident memory (MB) of a fresh process detecting in the text."""
    done = subprocess.run(
        [sys.executable, "-c", _DETECT_PEAK, str(megabytes)], capture_output=True, text=True, check=True
    )
    found, peak = done.stdout.split()
    return int(found), int(peak)


IMPORT_CLAIMS = 200_000
IMPORT_TARGET_MB = 500

_SESSION_FILE = """
import copy, json, sys, tempfile
from pathlib import Path
from tests.export_session import build_review
from workbench.export.json_export import session_document
from workbench.storage.database import open_database
with tempfile.TemporaryDirectory() as folder:
    db = open_database(Path(folder) / "seed.sqlite")
    document = session_document(db, build_review(db).session_id)
    db.close()
article = document["articles"][0]
model = article["claims"][0]
claims = []
for n in range(int(sys.argv[2])):
    claim = copy.deepcopy(model)
    claim["id"] = 10_000_000 + n
    claim["rationale"] = f"Checked against the ministry's table, row {n}."
    claims.append(claim)
article["claims"] = claims
document["articles"] = [article]
Path(sys.argv[1]).write_text(json.dumps(document), encoding="utf-8")
"""

_IMPORT_PEAK = """
import resource, sys, time
from pathlib import Path
from workbench.services.export import import_session_file
from workbench.storage.database import open_database
db = open_database(Path(sys.argv[2]))
began = time.perf_counter()
with open(sys.argv[1], "rb") as file:
    session = import_session_file(db, file)
from tests.benchmark.table import peak_mb
print(session.claim_count, time.perf_counter() - began, int(peak_mb()))
"""


def session_import(claims: int) -> tuple[int, float, int, float]:
    """Import a session file of one article with ``claims`` claims into a fresh database:
    claims imported, seconds, peak resident memory (MB) and the file's size (MB)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large-session.json"
        subprocess.run([sys.executable, "-c", _SESSION_FILE, str(path), str(claims)], check=True)
        done = subprocess.run(
            [sys.executable, "-c", _IMPORT_PEAK, str(path), str(Path(folder) / "import.sqlite")],
            capture_output=True, text=True, check=True,
        )
        imported, seconds, peak = done.stdout.split()
        return int(imported), float(seconds), int(peak), path.stat().st_size / 1e6


def _seconds(run) -> tuple[float, object]:
    began = time.perf_counter()
    result = run()
    return time.perf_counter() - began, result


def rows() -> list[Row]:
    page = paragraph_page(PARAGRAPHS_MB)
    seconds, _ = _seconds(lambda: extract_html(page))
    result = [
        Row(f"extract a {PARAGRAPHS_MB} MB page of paragraphs", seconds, "s", f"<= {PARAGRAPHS_TARGET_S}",
            seconds <= PARAGRAPHS_TARGET_S),
    ]
    seconds, article = _seconds(lambda: extract_html(nested_page(NESTED)))
    kept = ARTICLE_SENTENCE.format(i=11) in article.text  # type: ignore[attr-defined]
    result.append(
        Row(f"extract a page with {NESTED:,} nested divs", seconds, "s", f"<= {NESTED_TARGET_S}, article kept",
            seconds <= NESTED_TARGET_S and kept, "article kept" if kept else "article LOST")
    )
    found, peak = detection_peak_mb(DETECT_MB)
    result.append(
        Row(f"detect in a {DETECT_MB} MB text: peak memory", float(peak), "MB", f"< {DETECT_TARGET_MB}",
            peak < DETECT_TARGET_MB, f"{found:,} claims")
    )
    imported, seconds, peak, size = session_import(IMPORT_CLAIMS)
    result.append(
        Row(f"import-session: {IMPORT_CLAIMS:,} claims ({size:.0f} MB file): peak memory", float(peak), "MB",
            f"< {IMPORT_TARGET_MB}", peak < IMPORT_TARGET_MB and imported == IMPORT_CLAIMS,
            f"{seconds:.1f} s, {imported:,} claims")
    )
    return result


if __name__ == "__main__":
    print(format_table(rows()))
