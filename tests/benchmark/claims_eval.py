"""Score claim detection against hand annotations made by ``claim-guidelines.md``.

The annotations in ``annotations/*.json`` hold offsets and attributes only:
the texts they index are third-party and stay in ``../shared`` (next to the
repository), so the scorer reads them from there and checks each one's
sha256 before trusting the offsets. Whatever is absent is skipped with a note.

Matching, per kind:
- strict: same kind and identical ``start``/``end``;
- relaxed: same kind and overlapping spans, paired one-to-one greedily by
  largest overlap.
Over the relaxed pairs the attributes are compared: ``value`` (figure, date,
equipment), ``unit`` (figure) and ``speaker`` (quote).

Run ``python -m tests.benchmark.claims_eval`` to score the detector pipeline.
"""

from __future__ import annotations

import datetime
import hashlib
import inspect
import json
import math
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Claim = Mapping[str, Any]
DetectFn = Callable[[str, datetime.date | None], Iterable[Claim]]

KINDS = ("figure", "date", "equipment", "quote", "statement")
# Which attributes are judged for which kind: the guidelines give no value to
# quotes or statements, no unit to anything but figures.
ATTRIBUTES = {"value": ("figure", "date", "equipment"), "unit": ("figure",), "speaker": ("quote",)}

_HERE = Path(__file__).resolve().parent
ANNOTATIONS_DIR = _HERE / "annotations"
# Texts annotated after the detector was built, never used to tune it: the
# honest estimate of how it does on articles it has not seen.
HELDOUT_DIR = ANNOTATIONS_DIR / "heldout"


def shared_dir() -> Path:
    """``../shared`` next to the repository, unless WORKBENCH_SHARED points elsewhere."""
    override = os.environ.get("WORKBENCH_SHARED")
    return Path(override) if override else _HERE.parents[2] / "shared"


# --- matching -----------------------------------------------------------------


def _overlap(a: Claim, b: Claim) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def _strict_pairs(gold: Sequence[Claim], pred: Sequence[Claim]) -> int:
    """Count one-to-one exact matches (duplicates in the predictions do not count twice)."""
    gold_spans = Counter((g["start"], g["end"]) for g in gold)
    pred_spans = Counter((p["start"], p["end"]) for p in pred)
    return sum(min(n, pred_spans[span]) for span, n in gold_spans.items())


def _relaxed_pairs(gold: Sequence[Claim], pred: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """Pair gold and predicted claims greedily, largest overlap first.

    Ties go to the pair whose boundaries are closest, then to text order, so
    the result does not depend on the order of the input lists.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = _overlap(g, p)
            if overlap > 0:
                distance = abs(g["start"] - p["start"]) + abs(g["end"] - p["end"])
                candidates.append((-overlap, distance, g["start"], p["start"], gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for *_, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


# --- attribute comparison -------------------------------------------------------


def values_equal(gold: Any, pred: Any) -> bool:
    """Numbers within 1e-9 relative, lists element-wise, everything else by equality."""
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold is pred
    if isinstance(gold, int | float) and isinstance(pred, int | float):
        return math.isclose(gold, pred, rel_tol=1e-9, abs_tol=0.0)
    if isinstance(gold, list | tuple) and isinstance(pred, list | tuple):
        return len(gold) == len(pred) and all(
            values_equal(g, p) for g, p in zip(gold, pred, strict=True)
        )
    return gold == pred


def _text_equal(gold: Any, pred: Any) -> bool:
    """Case-insensitive exact comparison for units and speakers; None only equals None."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return str(gold).strip().casefold() == str(pred).strip().casefold()


_COMPARE = {"value": values_equal, "unit": _text_equal, "speaker": _text_equal}


# --- tallies and metrics ----------------------------------------------------------


def _tally(gold_claims: Iterable[Claim], predicted_claims: Iterable[Claim]) -> dict[str, Counter]:
    """Raw counts per kind; counts add up across documents (micro-averaging)."""
    gold_by_kind: dict[str, list[Claim]] = {}
    pred_by_kind: dict[str, list[Claim]] = {}
    for claim in gold_claims:
        gold_by_kind.setdefault(claim["kind"], []).append(claim)
    for claim in predicted_claims:
        pred_by_kind.setdefault(claim["kind"], []).append(claim)
    tallies: dict[str, Counter] = {}
    for kind in sorted(set(gold_by_kind) | set(pred_by_kind)):
        gold = gold_by_kind.get(kind, [])
        pred = pred_by_kind.get(kind, [])
        counts: Counter = Counter(gold=len(gold), predicted=len(pred))
        counts["strict_tp"] = _strict_pairs(gold, pred)
        pairs = _relaxed_pairs(gold, pred)
        counts["relaxed_tp"] = len(pairs)
        for attribute, kinds in ATTRIBUTES.items():
            if kind not in kinds:
                continue
            compare = _COMPARE[attribute]
            counts[f"{attribute}_n"] = len(pairs)
            counts[f"{attribute}_ok"] = sum(
                compare(g.get(attribute), p.get(attribute)) for g, p in pairs
            )
        tallies[kind] = counts
    return tallies


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _prf(tp: int, gold: int, predicted: int) -> dict[str, float | None]:
    precision = _ratio(tp, predicted)
    recall = _ratio(tp, gold)
    if precision is None or recall is None:
        f1 = None
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1}


def _metrics(counts: Counter) -> dict[str, Any]:
    result: dict[str, Any] = {
        "gold": counts["gold"],
        "predicted": counts["predicted"],
        "strict_tp": counts["strict_tp"],
        "relaxed_tp": counts["relaxed_tp"],
        "strict": _prf(counts["strict_tp"], counts["gold"], counts["predicted"]),
        "relaxed": _prf(counts["relaxed_tp"], counts["gold"], counts["predicted"]),
    }
    for attribute in ATTRIBUTES:
        if f"{attribute}_n" in counts:
            n, ok = counts[f"{attribute}_n"], counts[f"{attribute}_ok"]
            result[attribute] = {"n": n, "correct": ok, "accuracy": _ratio(ok, n)}
    return result


def _report(tallies: Mapping[str, Counter]) -> dict[str, Any]:
    kinds = {kind: _metrics(counts) for kind, counts in tallies.items()}
    overall: Counter = Counter()
    for counts in tallies.values():
        overall.update({k: counts[k] for k in ("gold", "predicted", "strict_tp", "relaxed_tp")})
    return {"kinds": kinds, "all": _metrics(overall)}


def score(gold_claims: Iterable[Claim], predicted_claims: Iterable[Claim]) -> dict[str, Any]:
    """Score one document's predictions against its gold claims.

    Returns ``{"kinds": {kind: metrics}, "all": metrics}`` where metrics hold
    ``gold``, ``predicted``, ``strict_tp``, ``relaxed_tp``, ``strict`` and
    ``relaxed`` (``precision``/``recall``/``f1``, None when undefined) and,
    for the kinds that carry them, ``value``/``unit``/``speaker``
    (``n``, ``correct``, ``accuracy``) over the relaxed pairs.
    """
    return _report(_tally(list(gold_claims), list(predicted_claims)))


# --- the annotated documents ----------------------------------------------------------


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    published: datetime.date | None
    claims: list[dict[str, Any]]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _document(
    name: str, text_path: Path, gold: Mapping[str, Any], notes: list[str]
) -> Document | None:
    if not text_path.is_file():
        notes.append(f"{name}: skipped, text not found at {text_path}")
        return None
    text = text_path.read_text(encoding="utf-8")
    if _sha256(text) != gold["text_sha256"]:
        notes.append(f"{name}: skipped, {text_path} does not have the annotated sha256")
        return None
    claims = [dict(c) for c in gold["claims"]]
    for claim in claims:
        if not 0 <= claim["start"] < claim["end"] <= len(text):
            raise ValueError(f"{name}: claim {claim} does not index its text")
    return Document(name, text, _parse_date(gold.get("published")), claims)


def load_documents(
    annotations_dir: Path | None = None, shared: Path | None = None, include_sample: bool = True
) -> tuple[list[Document], list[str]]:
    """Every annotated text that is present and unchanged, plus notes on what was skipped."""
    annotations_dir = annotations_dir or ANNOTATIONS_DIR
    shared = shared or shared_dir()
    documents: list[Document] = []
    notes: list[str] = []
    for path in sorted(annotations_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = _document(path.stem, shared / "devsets" / "claims" / gold["file"], gold, notes)
        if doc:
            documents.append(doc)
    sample_gold = shared / "samples" / "belarus-ww3.gold.json"
    if not include_sample:
        return documents, notes
    if sample_gold.is_file():
        gold = json.loads(sample_gold.read_text(encoding="utf-8"))
        doc = _document("belarus-ww3", shared / "samples" / "belarus-ww3.txt", gold, notes)
        if doc:
            documents.append(doc)
    else:
        notes.append(f"belarus-ww3: skipped, {sample_gold} not found")
    return documents, notes


def evaluate(
    detect_fn: DetectFn,
    annotations_dir: Path | None = None,
    shared: Path | None = None,
    include_sample: bool = True,
) -> dict[str, Any]:
    """Run ``detect_fn(text, published)`` on every annotated text and score it (micro-averaged).

    Returns the ``score`` layout for all documents together, plus
    ``documents`` (name -> that document's own score) and ``notes``.
    """
    documents, notes = load_documents(annotations_dir, shared, include_sample)
    total: dict[str, Counter] = {}
    per_document = {}
    for doc in documents:
        predicted = list(detect_fn(doc.text, doc.published))
        tallies = _tally(doc.claims, predicted)
        per_document[doc.name] = _report(tallies)
        for kind, counts in tallies.items():
            total.setdefault(kind, Counter()).update(counts)
    result = _report(total)
    result["documents"] = per_document
    result["notes"] = notes
    return result


# --- presentation ----------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value * 100:4.0f}"


def _row(label: str, m: Mapping[str, Any]) -> str:
    s, r = m["strict"], m["relaxed"]
    cells = [
        f"{label:<10}",
        f"{m['gold']:>5}",
        f"{m['predicted']:>5}",
        f"{_pct(s['precision'])} {_pct(s['recall'])} {_pct(s['f1'])}",
        f"{_pct(r['precision'])} {_pct(r['recall'])} {_pct(r['f1'])}",
    ]
    for attribute in ATTRIBUTES:
        acc = m.get(attribute)
        cells.append(f"{_pct(acc['accuracy']) if acc else '   .'}")
    return " | ".join(cells)


def format_table(results: Mapping[str, Any]) -> str:
    """A plain-text table: one row per kind and one for all kinds (percentages)."""
    header = " | ".join(
        [
            f"{'kind':<10}",
            " gold",
            " pred",
            "strict P/R/F1 ",
            "relaxed P/R/F1",
            "value",
            "unit",
            "spkr",
        ]
    )
    lines = [header, "-" * len(header)]
    kinds = results["kinds"]
    for kind in [k for k in KINDS if k in kinds] + sorted(set(kinds) - set(KINDS)):
        lines.append(_row(kind, kinds[kind]))
    lines.append(_row("all", results["all"]))
    for note in results.get("notes", []):
        lines.append(f"note: {note}")
    return "\n".join(lines)


# --- command line -----------------------------------------------------------------------


def _as_dict(candidate: Any) -> dict[str, Any]:
    if isinstance(candidate, Mapping):
        return dict(candidate)
    if hasattr(candidate, "as_json"):
        return candidate.as_json()
    raise TypeError(f"cannot score a prediction of type {type(candidate).__name__}")


def _pipeline_detect_fn() -> DetectFn | None:
    """Adapt ``workbench.kinds.detect`` to ``(text, published)``, if it exists yet."""
    try:
        from workbench import kinds
    except ImportError:
        return None
    detect = getattr(kinds, "detect", None)
    if detect is None:
        return None
    from workbench.detect.candidate import DetectContext

    params = list(inspect.signature(detect).parameters.values())
    wants_context = len(params) > 1 and (
        "context" in params[1].name
        or "ctx" in params[1].name
        or params[1].annotation in (DetectContext, "DetectContext")
    )

    def detect_fn(text: str, published: datetime.date | None) -> list[dict[str, Any]]:
        found = (
            detect(text, DetectContext(published=published))
            if wants_context
            else detect(text, published)
        )
        return [_as_dict(c) for c in found]

    return detect_fn


def main() -> int:
    detect_fn = _pipeline_detect_fn()
    if detect_fn is None:
        print("note: workbench.kinds.detect does not exist yet; nothing to score.")
        return 0
    results = evaluate(detect_fn)
    print(f"documents: {', '.join(results['documents']) or 'none'}")
    print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
