"""Extraction quality and speed: ours vs trafilatura alone, on the shared dev set.

Run ``python -m tests.benchmark.extraction``. Reads
``<repo>/../shared/devsets/extraction`` (pages + expectations.json, scored as
its README says: snippet containment after whitespace normalisation, exact
metadata match, dates as YYYY-MM-DD). The pages are third-party and never
copied into the repository; without them the benchmark prints a note and
returns no rows.

Targets: body F1 >= trafilatura alone; title right on >= 95% of news pages;
date right on >= 90% of the pages that state one.

Set 2 (``tests/fixtures/extraction2``, pages fetched into a cache by
``tests.benchmark.extraction2_pages``): title and date, ours against
trafilatura alone, dev and held-out apart; target: never worse than
trafilatura on held-out pages. Speed: ours at most 1.5x trafilatura a page,
the two timed in turn on every page of both sets.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from workbench.domain.errors import IngestError
from workbench.ingest.bylines import split_byline
from workbench.ingest.extract import extract_html

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO.parent / "shared" / "devsets" / "extraction"

# News pages whose annotated title appears nowhere a reader or a parser would
# take a headline from: the page's <title>, og:title, JSON-LD headline and h1
# all agree with each other and not with the annotation (it was taken from
# another version of the page, or cut short). Scored both ways, never tuned to.
TITLE_ANNOTATION_ERRORS = {
    "pages/phys.org.tool.html": "annotation cut short: 'complex thinkin'; the page says 'thinking' 10 times",
    "pages/gothamist.com-plagues.html": "annotation 'plagued ... re-election bid for city councilmember' "
                                        "is not on the page; h1, og:title and JSON-LD say 'plagues'",
    "pages/dailymail.co.uk.food.html": "the annotated headline is only in a share link's mailto subject; "
                                       "h1, og:title and JSON-LD give the shorter headline",
}


@dataclass
class Extraction:
    body: str
    title: str | None
    authors: list[str]
    date: str | None


@dataclass
class Row:
    system: str
    pages: int = 0
    passed: int = 0
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    title_news: list[bool] = field(default_factory=list)
    title_news_checked: list[bool] = field(default_factory=list)  # without TITLE_ANNOTATION_ERRORS
    title_all: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    author: list[bool] = field(default_factory=list)
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def ours(raw: bytes) -> Extraction:
    try:
        article = extract_html(raw)
    except IngestError:
        return Extraction("", None, [], None)
    return Extraction(article.body, article.title, article.authors, article.published)


def trafilatura_alone(raw: bytes) -> Extraction:
    document = trafilatura.bare_extraction(raw, include_comments=False, include_tables=True, with_metadata=True)
    if document is None:
        return Extraction("", None, [], None)
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return Extraction(document.text or "", document.title, authors, document.date)


def author_matches(found: list[str], expected: str) -> bool:
    wanted = {norm(a).casefold() for a in split_byline(expected)}
    got = {norm(a).casefold() for name in found for a in split_byline(name)}
    return bool(got) and got == wanted


def score(system: str, extract: Callable[[bytes], Extraction], expectations: dict) -> Row:
    row = Row(system)
    for name, entry in expectations.items():
        raw = (DEVSET / name).read_bytes()
        start = time.perf_counter()
        result = extract(raw)
        row.seconds += time.perf_counter() - start
        body = norm(result.body)
        found_with = [norm(s) in body for s in entry["with"]]
        found_without = [norm(s) in body for s in entry["without"]]
        row.pages += 1
        row.tp += sum(found_with)
        row.fn += len(found_with) - sum(found_with)
        row.fp += sum(found_without)
        row.tn += len(found_without) - sum(found_without)
        if all(found_with) and not any(found_without):
            row.passed += 1
        else:
            row.failures.append(name)
        if "title" in entry:
            ok = norm(result.title or "") == norm(entry["title"])
            row.title_all.append(ok)
            if entry.get("kind") == "news":
                row.title_news.append(ok)
                if name not in TITLE_ANNOTATION_ERRORS:
                    row.title_news_checked.append(ok)
        if "date" in entry:
            row.date.append((result.date or "")[:10] == entry["date"][:10])
        if "author" in entry:
            row.author.append(author_matches(result.authors, entry["author"]))
    return row


def run() -> list[Row]:
    expectations_file = DEVSET / "expectations.json"
    if not expectations_file.is_file():
        print(f"note: {DEVSET} not found; extraction benchmark skipped.", file=sys.stderr)
        return []
    expectations = json.loads(expectations_file.read_text(encoding="utf-8"))
    return [
        score("workbench", ours, expectations),
        score("trafilatura alone", trafilatura_alone, expectations),
    ]


def _share(values: list[bool]) -> str:
    return f"{sum(values)}/{len(values)} {100 * sum(values) / len(values):5.1f}%" if values else "-"


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'system':<18} {'pages ok':>9} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'title(news)':>16} {'title(all)':>16} {'date':>16} {'author':>16} {'ms/page':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.system:<18} {row.passed:>4}/{row.pages:<4} {row.precision:6.3f} {row.recall:6.3f} "
            f"{row.f1:6.3f} {_share(row.title_news):>16} {_share(row.title_all):>16} "
            f"{_share(row.date):>16} {_share(row.author):>16} {1000 * row.seconds / max(row.pages, 1):8.1f}"
        )


# --- Set 2: pages from other libraries' test data (tests/fixtures/extraction2) ---


def is_held_out(name: str) -> bool:
    """Every third page by a hash of its name: fixed, and blind to what the page says."""
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 == 0


@dataclass
class MetadataRow:
    system: str
    split: str
    title: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0
    misses: list[str] = field(default_factory=list)


def score_set2(system: str, extract: Callable[[bytes], Extraction], held_out: bool) -> MetadataRow:
    from tests.benchmark.extraction2_pages import cache_dir, load_expectations

    row = MetadataRow(system, "held-out" if held_out else "dev")
    pages = cache_dir()
    for name, entry in load_expectations().items():
        if is_held_out(name) != held_out:
            continue
        raw = (pages / name).read_bytes()
        start = time.perf_counter()
        result = extract(raw)
        row.seconds += time.perf_counter() - start
        row.pages += 1
        if "title" in entry:
            ok = norm(result.title or "") == norm(entry["title"])
            row.title.append(ok)
            if not ok:
                row.misses.append(f"title {name}: {result.title!r}")
        # Home pages and listings have no publication date of their own.
        if "date" in entry and entry["kind"] != "home or listing":
            ok = (result.date or "")[:10] == entry["date"]
            row.date.append(ok)
            if not ok:
                row.misses.append(f"date {name}: {result.date!r} (want {entry['date']})")
    return row


def run_set2() -> list[MetadataRow]:
    """Ours and trafilatura alone on set 2, dev and held-out apart; [] without the pages."""
    from tests.benchmark.extraction2_pages import cache_dir, load_expectations

    missing = [name for name in load_expectations() if not (cache_dir() / name).is_file()]
    if missing:
        print(f"note: {len(missing)} set-2 pages not in {cache_dir()}; run "
              "`python -m tests.benchmark.extraction2_pages` to fetch them. Set 2 skipped.", file=sys.stderr)
        return []
    return [
        score_set2(system, extract, held_out)
        for held_out in (False, True)
        for system, extract in (("workbench", ours), ("trafilatura alone", trafilatura_alone))
    ]


def interleaved_ms(raws: list[bytes]) -> tuple[float, float]:
    """Mean ms a page, ours and trafilatura alone, timed page by page in turn, after a warm-up round.

    Other work on a shared machine comes and goes; timing each system over the
    whole set one after the other lets that drift into the ratio, timing them
    in turn on each page does not.
    """
    # Both load lazily what they need (jusText's word lists, a second or two)
    # on the first page that calls for it: paid before timing, not by one side.
    for raw in raws:
        ours(raw)
        trafilatura_alone(raw)
    ours_seconds = alone_seconds = 0.0
    for raw in raws:
        start = time.perf_counter()
        ours(raw)
        middle = time.perf_counter()
        trafilatura_alone(raw)
        alone_seconds += time.perf_counter() - middle
        ours_seconds += middle - start
    count = max(len(raws), 1)
    return 1000 * ours_seconds / count, 1000 * alone_seconds / count


def set1_pages() -> list[bytes]:
    expectations = json.loads((DEVSET / "expectations.json").read_text(encoding="utf-8"))
    return [(DEVSET / name).read_bytes() for name in expectations]


def set2_pages() -> list[bytes]:
    from tests.benchmark.extraction2_pages import cache_dir, load_expectations

    return [(cache_dir() / name).read_bytes() for name in load_expectations()]


def print_set2(rows: list[MetadataRow], verbose: bool = False) -> None:
    print(f"\n{'set 2':<10} {'system':<18} {'title':>16} {'date':>16} {'ms/page':>8}")
    for row in rows:
        print(f"{row.split:<10} {row.system:<18} {_share(row.title):>16} {_share(row.date):>16} "
              f"{1000 * row.seconds / max(row.pages, 1):8.1f}")
        if verbose and row.split == "dev":
            print(*row.misses, sep="\n  ")


if __name__ == "__main__":
    result = run()
    if result:
        print_table(result)
        if "-v" in sys.argv:
            print("\nworkbench failures:", *result[0].failures, sep="\n  ")
    # Held-out misses are never printed: the held-out part is scored, not read.
    set2 = run_set2()
    print_set2(set2, verbose="-v" in sys.argv)
    pages = (set1_pages() if result else []) + (set2_pages() if set2 else [])
    if pages:
        ours_ms, alone_ms = interleaved_ms(pages)
        print(f"\nspeed, both sets, in turn: ours {ours_ms:.1f} ms/page, trafilatura alone {alone_ms:.1f} "
              f"({ours_ms / alone_ms:.2f}x)")
