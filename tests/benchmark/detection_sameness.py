"""Detection before and after a speed change: the same claims, and how much faster.

``python -m tests.benchmark.detection_sameness [--base REF] [--rounds N]``
runs the detector of git ``REF`` (default: the commit where this branch left
``main``, so that changes merged into main since do not count) and the one in this
checkout over the same texts, each in its own process, and compares what they
find claim by claim (kind, span, text, value, unit, speaker, score, and the
details a detector adds: a statement's features, a date's rule). Then it
times both on the bench's speed corpus in alternation, round after round, so a
busy machine slows both alike, and prints the ratio of the medians.

The texts: the development claim texts in ``../shared/devsets/claims``, the
demo article, the article text of the extraction pages, each also with no
publication date, and all of them joined into one long text (cut into pieces
by the pipeline). Speed is timed on the bench's text repeated (as the bench
does: caches kept per text then hold it) and on a text no cache has seen. The held-out texts are compared only as a whole: whether
every claim is the same, and how many claims of each kind there are, never
which claims differ.

Exit status 1 when any claim differs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import date
from pathlib import Path

from tests.benchmark import claims_eval

_REPO = Path(__file__).resolve().parents[2]
_BENCH_PUBLISHED = date(2024, 2, 20)


# --- the child: detect or time with whichever ``workbench`` is on the path ---


def _dump(texts_file: Path, out: Path) -> None:
    from workbench.kinds import detect

    cases = json.loads(texts_file.read_text(encoding="utf-8"))
    found = {}
    for case in cases:
        published = date.fromisoformat(case["published"]) if case["published"] else None
        first = [_claim(c) for c in detect(case["text"], published)]
        # Run again: caches kept between calls must not change what is found.
        again = [_claim(c) for c in detect(case["text"], published)]
        found[case["name"]] = first if first == again else {"differs between runs": True}
    import workbench

    out.write_text(json.dumps({"package": workbench.__file__, "found": found}), encoding="utf-8")


def _claim(candidate) -> dict:  # noqa: ANN001 - a Candidate of whichever checkout runs
    # What the detector says about the claim besides (statement features, equipment category) too.
    return {**candidate.as_json(), "extra": json.loads(json.dumps(candidate.extra, default=str))}


def _time(runs: int) -> None:
    from tests.benchmark.detection_bench import texts_for_speed
    from workbench.kinds import detect

    corpus = "\n\n".join(texts_for_speed())
    words = len(corpus.split())
    detect(corpus, _BENCH_PUBLISHED)  # warm up as the bench does
    times: dict[str, list[float]] = {"bench": [], "fresh": []}
    for run in range(runs):
        # "bench": the same text again, as the bench times it; "fresh": a text no cache has
        # seen (one line more), as an article is detected once in use.
        for label, text in (("bench", corpus), ("fresh", f"{corpus}\n\nRun {run} of {runs}.")):
            began = time.perf_counter()
            detect(text, _BENCH_PUBLISHED)
            times[label].append((time.perf_counter() - began) * 1000 / words * 1000)
    print(json.dumps(times))


# --- the parent ---


def _cases() -> tuple[list[dict], set[str]]:
    """The texts to compare, and the names of the held-out ones."""
    shared = claims_eval.shared_dir()
    heldout_files = {
        json.loads(p.read_text(encoding="utf-8"))["file"] for p in claims_eval.HELDOUT_DIR.glob("*.json")
    }
    published = {}
    for path in [*claims_eval.ANNOTATIONS_DIR.glob("*.json"), *claims_eval.HELDOUT_DIR.glob("*.json")]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        published[gold["file"]] = gold.get("published")
    cases: list[dict] = []
    heldout: set[str] = set()
    for path in sorted((shared / "devsets" / "claims").glob("*.txt")):
        name = f"claims/{path.name}"
        cases.append({"name": name, "text": path.read_text(encoding="utf-8"), "published": published.get(path.name)})
        if path.name in heldout_files:
            heldout.add(name)
    demo = shared / "samples" / "belarus-ww3.txt"
    if demo.is_file():
        cases.append({"name": "demo", "text": demo.read_text(encoding="utf-8"), "published": "2024-02-20"})
    cases.extend(_page_cases(shared / "devsets" / "extraction" / "pages"))
    for case in list(cases):
        if case["published"]:
            cases.append({"name": case["name"] + " (no date)", "text": case["text"], "published": None})
            if case["name"] in heldout:
                heldout.add(case["name"] + " (no date)")
    open_texts = [c["text"] for c in cases if c["name"] not in heldout and not c["name"].endswith("(no date)")]
    cases.append({"name": "all joined", "text": "\n\n".join(open_texts), "published": "2024-02-20"})
    return cases, heldout


def _page_cases(pages: Path) -> list[dict]:
    from workbench.domain.errors import IngestError
    from workbench.ingest.extract import extract_html

    cases = []
    for page in sorted(pages.glob("*.html")):
        try:
            article = extract_html(page.read_bytes())
        except IngestError:
            continue
        cases.append({"name": f"pages/{page.name}", "text": article.text, "published": "2024-02-20"})
    return cases


def _checkout(ref: str, into: Path) -> Path:
    """``ref``'s ``workbench`` package and its data unpacked under ``into``."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, "workbench", "resources"], cwd=_REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _child(code_root: Path, *args: str) -> str:
    # The tests package always comes from this checkout, ``workbench`` from
    # ``code_root``: ``-m`` puts the working directory first on the path.
    env_path = f"{code_root}:{_REPO}"
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmark.detection_sameness", *args],
        cwd=code_root, env={**os.environ, "PYTHONPATH": env_path}, capture_output=True, text=True,
    )
    if done.returncode:
        raise SystemExit(f"the run with {code_root} failed:\n{done.stderr}")
    return done.stdout


def _compare(base: dict, ours: dict, heldout: set[str]) -> int:
    """Print the differences; return how many cases differ."""
    differing = 0
    for name in base:
        if name in heldout:
            continue
        if base[name] != ours.get(name):
            differing += 1
            print(f"DIFFERENT: {name}")
            before = {json.dumps(c, sort_keys=True) for c in base[name]} if isinstance(base[name], list) else set()
            after = {json.dumps(c, sort_keys=True) for c in ours[name]} if isinstance(ours.get(name), list) else set()
            for line in sorted(before - after)[:10]:
                print(f"  - {line}")
            for line in sorted(after - before)[:10]:
                print(f"  + {line}")
    open_claims = sum(len(v) for k, v in base.items() if k not in heldout and isinstance(v, list))
    print(f"open texts: {len(base) - len(heldout)} cases, {open_claims} claims, {differing} cases differ")
    held_same = all(base[name] == ours.get(name) for name in heldout)
    counts = {}
    for label, found in (("before", base), ("after", ours)):
        per_kind: dict[str, int] = {}
        for name in heldout:
            for claim in found.get(name) or []:
                per_kind[claim["kind"]] = per_kind.get(claim["kind"], 0) + 1
        counts[label] = dict(sorted(per_kind.items()))
    print(f"held-out texts: {len(heldout)} cases, all the same: {held_same}; claims per kind {counts}")
    return differing + (0 if held_same else 1)


def _found(dump: Path, code_root: Path) -> dict:
    data = json.loads(dump.read_text(encoding="utf-8"))
    if not Path(data["package"]).is_relative_to(code_root):
        raise SystemExit(f"the detector came from {data['package']}, not from {code_root}")
    return data["found"]


def _alternate(base_root: Path, rounds: int, runs: int) -> None:
    times: dict[tuple[str, str], list[float]] = {}
    for round_ in range(rounds):
        order = [("base", base_root), ("ours", _REPO)]
        if round_ % 2:
            order.reverse()
        for code, root in order:
            for label, measured in json.loads(_child(root, "--time", str(runs))).items():
                times.setdefault((code, label), []).extend(measured)
    print(f"speed in ms per 1,000 words, median of {rounds * runs} runs each in {rounds} alternating rounds:")
    for label in ("bench", "fresh"):
        base_ms, our_ms = statistics.median(times["base", label]), statistics.median(times["ours", label])
        print(f"  {label:5}: base {base_ms:.2f}, this checkout {our_ms:.2f}; ratio {our_ms / base_ms:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git ref to compare with (default: where this branch left main)")
    parser.add_argument("--rounds", type=int, default=6, help="alternating timing rounds (0: no timing)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per round")
    parser.add_argument("--dump", nargs=2, metavar=("TEXTS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--time", type=int, metavar="RUNS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        _dump(Path(args.dump[0]), Path(args.dump[1]))
        return 0
    if args.time:
        _time(args.time)
        return 0
    base = args.base or subprocess.run(
        ["git", "merge-base", "main", "HEAD"], cwd=_REPO, check=True, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base_root = _checkout(base, work / "base")
        cases, heldout = _cases()
        texts = work / "texts.json"
        texts.write_text(json.dumps(cases), encoding="utf-8")
        _child(base_root, "--dump", str(texts), str(work / "base.json"))
        _child(_REPO, "--dump", str(texts), str(work / "ours.json"))
        base, ours = (_found(work / f"{label}.json", root) for label, root in (("base", base_root), ("ours", _REPO)))
        differing = _compare(base, ours, heldout)
        if args.rounds:
            _alternate(base_root, args.rounds, args.runs)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
