"""Fuzzing the path a user's page goes through: mutants of real pages, extracted then detected.

Each mutant is made from a real page by seeded mutators (byte flips,
truncation, duplicated or deleted spans, hostile snippets, a changed declared
charset, 10k wrapping ``<div>``s), then read as a saved ``.html`` file or as a
fetched page with a header charset, and its text goes through claim
detection. Every mutant runs in a worker process so that a hang (over
``HANG_SECONDS``) or a crash of the interpreter is caught and the run goes
on. A ``WorkbenchError`` is an accepted outcome ("refused"); any other
exception is a crash, reported with its seed so it can be reproduced:

    python -m tests.benchmark.fuzz_bench --reproduce SEED

The real pages are the extraction development set in ../shared when it is
there, plus the repository's HTML fixtures always; third-party pages are
never copied into the repository.
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.connection
import random
import resource
import statistics
import sys
import time
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmark.table import Row, peak_mb

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "html"
SHARED_PAGES = ROOT.parent / "shared" / "devsets" / "extraction" / "pages"
MUTANTS = 2000
HANG_SECONDS = 20.0
WORKERS = 2
PEAK_MB_TARGET = 1000
# A worker that grows past this is stopped by the kernel's address-space
# limit (MemoryError, a crash) instead of taking the shared machine down.
WORKER_ADDRESS_LIMIT = 4 * 1024**3
# Big pages are cut to this many bytes before mutating: the run stays near
# ten minutes on two cores while every page still contributes mutants.
PAGE_BYTES = 400_000

HOSTILE_SNIPPETS: tuple[bytes, ...] = (
    b"<div>" * 5000 + b"deep" + b"</div>" * 5000,
    b"<b><i>" * 3000,
    b'<a href="' + b"x" * 200_000 + b'">link</a>',
    b'<img alt="' + b"\xe2\x80\xae" * 20_000 + b'">',
    b'<meta charset="rot13">',
    b'<meta http-equiv="Content-Type" content="text/html; charset=base64">',
    b'<meta charset="utf-16">',
    b"\xff\xfe\xfd\xc0\xaf\xed\xa0\x80",  # invalid UTF-8, an encoded lone surrogate
    b"\x00" * 64,
    b"<p>surrogate \xed\xb2\x80 alone</p>",
    b"<script>var s = '</script><p>escaped</p>';</script>",
    b"<p>The deficit was " + b"9" * 5000 + b" dollars in 2023.</p>",
    b"<p>\xe2\x80\x8f\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 \xe2\x80\x8b\xe2\x80\x8c\xe2\x80\x8d"
    b"\xef\xbb\xbf 42% \xe2\x80\xae reversed</p>",
    b"<!--" + b"-" * 10_000,
    b"<![CDATA[" + b"]" * 1000,
    b'<script type="application/ld+json">{"@type":"NewsArticle","articleBody":' + b"[" * 5000 + b"}</script>",
    b"&#" + b"9" * 300 + b";&#x110000;&#0;&#xd800;",
    b"<p>" + "Ünïcödé 1,000,000 people said 50% ".encode() * 2000 + b"</p>",
    b"<svg><math><table><tr><td><select><option>" * 200,
    b"<?xml version='1.0' encoding='ebcdic-cp-us'?>",
)
CHARSETS = ("rot13", "base64", "zlib", "uu", "hex", "bz2", "quopri", "idna", "utf-16", "utf-32",
            "utf-7", "cp037", "x-user-defined", "", "\x00", "latin1", "shift_jis", "nonsense-42")


@dataclass
class Outcome:
    seed: int
    page: str
    status: str  # "ok", "refused", "crash", "hang"
    ms: float = 0.0
    detail: str = ""
    peak_mb: float = 0.0


@dataclass
class Report:
    pages: str
    seed: int
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


# --- mutators ---------------------------------------------------------------


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 50)):
        if buffer:
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, len(data))]


def _duplicate_span(data: bytes, rng: random.Random) -> bytes:
    start = rng.randint(0, len(data))
    end = min(len(data), start + rng.randint(1, 20_000))
    at = rng.randint(0, len(data))
    return data[:at] + data[start:end] * rng.randint(1, 5) + data[at:]


def _delete_span(data: bytes, rng: random.Random) -> bytes:
    start = rng.randint(0, len(data))
    return data[:start] + data[start + rng.randint(1, 50_000):]


def _insert_hostile(data: bytes, rng: random.Random) -> bytes:
    snippet = rng.choice(HOSTILE_SNIPPETS)
    at = rng.randint(0, len(data))
    return data[:at] + snippet + data[at:]


def _change_charset(data: bytes, rng: random.Random) -> bytes:
    charset = rng.choice(CHARSETS).encode("latin-1")
    lowered = data.lower()
    at = lowered.find(b"charset=")
    if at < 0:
        return b'<meta charset="' + charset + b'">' + data
    end = at + 8
    while end < len(data) and data[end:end + 1] not in b"\"' ;>":
        end += 1
    return data[: at + 8] + charset + data[end:]


def _wrap_in_divs(data: bytes, rng: random.Random) -> bytes:
    depth = 10_000
    at = data.lower().find(b"<body")
    at = data.find(b">", at) + 1 if at >= 0 else 0
    return data[:at] + b"<div>" * depth + data[at:] + b"</div>" * depth


MUTATORS = (_flip_bytes, _truncate, _duplicate_span, _delete_span, _insert_hostile, _change_charset, _wrap_in_divs)


def make_mutant(page: bytes, seed: int) -> tuple[bytes, str | None]:
    """The mutant for ``seed`` and the header charset it is fetched with (None: read as a file)."""
    rng = random.Random(seed)
    data = page[:PAGE_BYTES]
    for _ in range(rng.choice((1, 1, 2, 3))):
        data = rng.choice(MUTATORS)(data, rng)
    header = rng.choice(CHARSETS) if rng.random() < 0.25 else None
    return data, header


# --- one mutant, in a worker ------------------------------------------------


def run_one(page: bytes, seed: int, reraise: bool = False) -> tuple[str, str]:
    """("ok" | "refused" | "crash", detail): extraction then detection, as a user's page goes."""
    from workbench.domain.errors import WorkbenchError
    from workbench.ingest.fetch import FetchedPage
    from workbench.ingest.load import from_bytes, from_fetched
    from workbench.services.importing import detect_drafts

    data, header = make_mutant(page, seed)
    try:
        if header is None:
            article = from_bytes(data, source=f"mutant-{seed}.html", suffix=".html")
        else:
            url = f"https://example.org/mutant-{seed}"
            fetched = FetchedPage(url, url, 200, "text/html", header, data, datetime.now(UTC))
            article = from_fetched(fetched, url)
        detect_drafts(article.text, article.published)
    except WorkbenchError as error:
        return "refused", type(error).__name__
    except Exception as error:  # noqa: BLE001 - anything else is what the fuzz run is looking for
        if reraise:
            raise
        return "crash", _describe(error)
    return "ok", ""


def _describe(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    inner = next((f for f in reversed(frames) if "/workbench/" in f.filename), frames[-1] if frames else None)
    where = f" at {Path(inner.filename).name}:{inner.lineno} in {inner.name}" if inner else ""
    return f"{type(error).__name__}: {str(error)[:200]}{where}"


def _worker(connection, pages: dict[str, bytes]) -> None:  # noqa: ANN001 - a multiprocessing Connection
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_ADDRESS_LIMIT, WORKER_ADDRESS_LIMIT))
    import logging

    logging.disable(logging.CRITICAL)  # the detail of each refusal is not the run's business
    while True:
        task = connection.recv()
        if task is None:
            return
        name, seed = task
        began = time.perf_counter()
        status, detail = run_one(pages[name], seed)
        peak = peak_mb()
        connection.send((status, detail, (time.perf_counter() - began) * 1000, peak))


# --- the pool ---------------------------------------------------------------


class _Slot:
    """One worker process and its pipe; replaced when it hangs or dies."""

    def __init__(self, context, pages: dict[str, bytes]) -> None:  # noqa: ANN001
        self.context, self.pages = context, pages
        self.task: tuple[str, int] | None = None
        self.began = 0.0
        self._start()

    def _start(self) -> None:
        self.connection, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child, self.pages), daemon=True)
        self.process.start()
        child.close()

    def send(self, task: tuple[str, int]) -> None:
        self.task, self.began = task, time.perf_counter()
        self.connection.send(task)

    def restart(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()
        self._start()

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def real_pages() -> tuple[dict[str, bytes], str]:
    """Every real page by name, and which sets they came from."""
    pages = {f"fixtures/{p.name}": p.read_bytes() for p in sorted(FIXTURES.glob("*.html"))}
    used = f"{len(pages)} fixture pages"
    if SHARED_PAGES.is_dir():
        shared = {f"shared/{p.name}": p.read_bytes() for p in sorted(SHARED_PAGES.glob("*.htm*"))}
        pages.update(shared)
        used += f" + {len(shared)} ../shared dev pages"
    else:
        used += " (../shared not present)"
    return {name: raw for name, raw in pages.items() if raw.strip()}, used


def fuzz(mutants: int = MUTANTS, seed: int = 14, workers: int = WORKERS, progress: bool = True) -> Report:
    """Run ``mutants`` mutants over the real pages in ``workers`` processes."""
    import workbench.ingest.load  # noqa: F401
    import workbench.kinds  # noqa: F401 - the detectors, imported once here, shared by forked workers

    pages, used = real_pages()
    names = sorted(pages)
    rng = random.Random(seed)
    tasks = [(names[i % len(names)], rng.getrandbits(48)) for i in range(mutants)]
    report = Report(used, seed)
    context = multiprocessing.get_context("fork")
    slots = [_Slot(context, pages) for _ in range(workers)]
    pending = list(reversed(tasks))
    try:
        for slot in slots:
            if pending:
                slot.send(pending.pop())
        while any(slot.task for slot in slots):
            busy = [slot for slot in slots if slot.task]
            ready = multiprocessing.connection.wait([s.connection for s in busy], timeout=0.5)
            for slot in busy:
                name, mutant_seed = slot.task
                if slot.connection in ready:
                    try:
                        status, detail, ms, peak = slot.connection.recv()
                        report.outcomes.append(Outcome(mutant_seed, name, status, ms, detail, peak))
                    except EOFError:  # the worker died: a signal, an abort, the kernel
                        slot.process.join()
                        code = slot.process.exitcode
                        report.outcomes.append(Outcome(mutant_seed, name, "crash", 0.0, f"worker died, exit {code}"))
                        slot.restart()
                elif time.perf_counter() - slot.began > HANG_SECONDS:
                    report.outcomes.append(Outcome(mutant_seed, name, "hang", HANG_SECONDS * 1000, "killed"))
                    slot.restart()
                else:
                    continue
                slot.task = None
                if pending:
                    slot.send(pending.pop())
                if progress and len(report.outcomes) % 100 == 0:
                    print(f"  fuzz: {len(report.outcomes)}/{mutants}", file=sys.stderr, flush=True)
    finally:
        for slot in slots:
            slot.stop()
    return report


def rows(mutants: int = MUTANTS, seed: int = 14) -> list[Row]:
    report = fuzz(mutants, seed)
    times = [o.ms for o in report.outcomes if o.status in ("ok", "refused")]
    peak = max((o.peak_mb for o in report.outcomes), default=0.0)
    crashes, hangs = report.count("crash"), report.count("hang")
    first_crash = next((o for o in report.outcomes if o.status == "crash"), None)
    first_hang = next((o for o in report.outcomes if o.status == "hang"), None)
    _print_failures(report)
    return [
        Row("fuzz mutants run", len(report.outcomes), "", ">= 2000", len(report.outcomes) >= 2000,
            f"seed {seed}; {report.pages}"),
        Row("fuzz crashes", crashes, "", "<= 0", crashes == 0,
            f"first: seed {first_crash.seed} ({first_crash.page}): {first_crash.detail}" if first_crash else ""),
        Row(f"fuzz hangs over {HANG_SECONDS:.0f} s", hangs, "", "<= 0", hangs == 0,
            f"first: seed {first_hang.seed} ({first_hang.page})" if first_hang else ""),
        Row("fuzz peak memory of a worker", peak, "MB", f"< {PEAK_MB_TARGET}", peak < PEAK_MB_TARGET),
        Row("fuzz refused with a clear error", report.count("refused"), "", "", None, "a WorkbenchError"),
        Row("fuzz time per mutant, median", statistics.median(times) if times else 0.0, "ms"),
        Row("fuzz time per mutant, slowest", max(times, default=0.0), "ms"),
    ]


def _print_failures(report: Report) -> None:
    """Each kind of crash or hang once, with the seeds that reproduce it (the table has room for one)."""
    kinds: dict[str, list[Outcome]] = {}
    for outcome in report.outcomes:
        if outcome.status in ("crash", "hang"):
            kinds.setdefault(f"{outcome.status}: {outcome.detail}", []).append(outcome)
    for kind, outcomes in kinds.items():
        seeds = ", ".join(f"{o.seed} ({o.page})" for o in outcomes[:3])
        print(f"  fuzz {kind} [{len(outcomes)}x] seeds {seeds}", file=sys.stderr)
    if kinds:
        print(f"  reproduce one: python -m tests.benchmark.fuzz_bench --seed {report.seed} --reproduce SEED",
              file=sys.stderr)


def reproduce(seed: int, mutants: int = MUTANTS, run_seed: int = 14) -> None:
    """Run one mutant in this process, with its traceback if it crashes."""
    pages, _ = real_pages()
    names = sorted(pages)
    rng = random.Random(run_seed)
    by_seed = {rng.getrandbits(48): names[i % len(names)] for i in range(mutants)}
    name = by_seed[seed]
    data, header = make_mutant(pages[name], seed)
    print(f"{name}, {len(data):,} bytes, header charset {header!r}")
    print(run_one(pages[name], seed, reraise=True))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=int, default=MUTANTS)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--reproduce", type=int, metavar="MUTANT_SEED", help="run one mutant in this process")
    args = parser.parse_args(argv)
    if args.reproduce is not None:
        reproduce(args.reproduce, args.mutants, args.seed)
        return 0
    from tests.benchmark.table import format_table

    print(f"fuzz seed {args.seed}", file=sys.stderr)
    table = rows(args.mutants, args.seed)
    print(format_table(table))
    # A short run (--mutants 100 while developing) misses only the count target.
    missed = [row for row in table if row.ok is False and row.name != "fuzz mutants run"]
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
