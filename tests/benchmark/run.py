"""`make bench`: every speed, memory and quality measure in one table.

Each section is a module with its own standalone entry point; this runner
collects their rows. Quality sections read the development data in
../shared when it is there and say so when it is not. Exit status 1 when a
target is missed or a section fails.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable

from tests.benchmark.table import Row, format_table


def extraction() -> list[Row]:
    from tests.benchmark import extraction as bench

    results = bench.run()
    if not results:
        return [Row("extraction quality", "skipped", "", "", None, "../shared not present")]
    ours, alone = results[0], results[1]

    def share(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0

    return [
        Row(f"extraction body F1 ({ours.pages} pages)", ours.f1, "", f">= {alone.f1:.3f} (trafilatura alone)",
            ours.f1 >= alone.f1),
        Row("extraction pages passing all snippets", f"{ours.passed}/{ours.pages}", "",
            f"trafilatura alone {alone.passed}/{alone.pages}", ours.passed >= alone.passed),
        Row(f"title right, news pages ({len(ours.title_news_checked)}, annotation errors out)",
            share(ours.title_news_checked), "", ">= 0.95", share(ours.title_news_checked) >= 0.95,
            f"{len(ours.title_news) - len(ours.title_news_checked)} annotated titles are not on their page"),
        Row(f"title right, news pages ({len(ours.title_news)}, as annotated)", share(ours.title_news), "",
            f"trafilatura alone {share(alone.title_news):.2f}", None),
        Row("publication date right", share(ours.date), "", ">= 0.90", share(ours.date) >= 0.90),
        Row("author right", share(ours.author), "", "", None),
    ] + _extraction_set2(bench, bench.set1_pages())


def _extraction_set2(bench, set1_pages: list[bytes]) -> list[Row]:  # noqa: ANN001 - the bench module
    """Set 2 (other libraries' test pages): title and date, dev and held-out apart; speed."""
    rows: list[Row] = []
    set2 = bench.run_set2()
    if not set2:
        rows.append(Row("set 2 title and date", "skipped", "", "", None,
                        "pages not fetched: python -m tests.benchmark.extraction2_pages"))
    for split in ("dev", "held-out"):
        mine = next((r for r in set2 if r.split == split and r.system == "workbench"), None)
        lib = next((r for r in set2 if r.split == split and r.system != "workbench"), None)
        if mine is None or lib is None:
            continue
        for what, ours_hits, lib_hits in (("title", mine.title, lib.title), ("date", mine.date, lib.date)):
            ours_share = sum(ours_hits) / max(len(ours_hits), 1)
            lib_share = sum(lib_hits) / max(len(lib_hits), 1)
            rows.append(Row(f"{what} right, set 2 {split} ({len(ours_hits)} pages), ours vs trafilatura",
                            ours_share, "", f">= {lib_share:.2f} (trafilatura alone)", ours_share >= lib_share))
    pages = set1_pages + (bench.set2_pages() if set2 else [])
    ours_ms, alone_ms = bench.interleaved_ms(pages)
    rows.append(Row(f"extraction time per page ({len(pages)} pages, timed in turn)", ours_ms, "ms/page",
                    f"<= 1.5x trafilatura alone ({alone_ms:.0f} ms): {ours_ms / alone_ms:.2f}x",
                    ours_ms <= 1.5 * alone_ms))
    return rows


def detection() -> list[Row]:
    from tests.benchmark import detection_bench

    return detection_bench.rows()


def storage() -> list[Row]:
    from tests.benchmark import storage_bench

    return storage_bench.rows()


def window() -> list[Row]:
    from tests.benchmark import gui_bench

    return gui_bench.rows()


def start_up() -> list[Row]:
    from tests.benchmark import startup_bench

    return startup_bench.rows()


def scaling() -> list[Row]:
    from tests.benchmark import scaling_bench

    return scaling_bench.rows()


def review() -> list[Row]:
    from tests.benchmark import review_bench

    return review_bench.rows()


def remote() -> list[Row]:
    from tests.benchmark import remote_bench

    return remote_bench.rows()


def export() -> list[Row]:
    from tests.benchmark import export_bench

    rows = []
    for name, value, unit, target, ratio in export_bench.run():
        ok = ratio <= export_bench.TARGET_RATIO if target else None
        rows.append(Row(name, float(value), unit, target, ok, f"{ratio}x floor" if target else ""))
    return rows


def reports() -> list[Row]:
    from tests.benchmark import report_bench

    return report_bench.rows()


def recheck() -> list[Row]:
    from tests.benchmark import recheck_bench, source_watch_bench

    measured = recheck_bench.rows() + source_watch_bench.rows()
    return [Row(name, float(value), unit) for name, value, unit in measured]


def evidence() -> list[Row]:
    from tests.benchmark import evidence_bench

    rows = []
    for name, value, unit, target in evidence_bench.run():
        rows.append(Row(name, value, unit, target, _meets(value, target)))
    return rows


def fuzz() -> list[Row]:
    from tests.benchmark import fuzz_bench

    return fuzz_bench.rows()


def _meets(value: float | str, target: str) -> bool | None:
    """Targets are written '< 20', '<= 1.5', '>= 0.8'."""
    if not target or isinstance(value, str):
        return None
    operator, _, number = target.partition(" ")
    try:
        bound = float(number.rstrip("x%"))
    except ValueError:
        return None
    return {"<": value < bound, "<=": value <= bound, ">": value > bound, ">=": value >= bound}.get(operator)


SECTIONS: list[tuple[str, Callable[[], list[Row]]]] = [
    ("extraction", extraction),
    ("detection", detection),
    ("storage", storage),
    ("window", window),
    ("start-up", start_up),
    ("review keys and stalls", review),
    ("remote server", remote),
    ("export", export),
    ("reports", reports),
    ("re-check", recheck),
    ("memory and evidence", evidence),
    ("cost against size", scaling),
    ("fuzz", fuzz),
]


def main(argv: list[str]) -> int:
    wanted = set(argv)
    rows: list[Row] = []
    failed = False
    for name, section in SECTIONS:
        if wanted and name not in wanted:
            continue
        began = time.perf_counter()
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            rows.extend(section())
        except Exception:  # a broken section is reported, the others still run
            failed = True
            traceback.print_exc()
            rows.append(Row(f"{name}: FAILED", "error", "", "", False))
        print(f"  {name} took {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    print(format_table(rows))
    return 1 if failed or any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
