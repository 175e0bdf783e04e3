"""Claim detection: speed per 1,000 words and quality on the annotated set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.benchmark import claims_eval
from tests.benchmark.table import Row, median_ms
from workbench.kinds import detect

TARGET_MS_PER_1000_WORDS = 5.0  # the speed issue's (the unseen-pages issue asks for under 10)
RELAXED_TARGET = {"figure": 0.90, "date": 0.90, "equipment": 0.90, "quote": 0.90, "statement": 0.70}
STRICT_TARGET = 0.80


def speed_rows(texts: list[str]) -> list[Row]:
    corpus = "\n\n".join(texts)
    words = len(corpus.split())
    per_run = median_ms(lambda: detect(corpus, date(2024, 2, 20)), runs=5)
    per_1000 = per_run / words * 1000
    return [
        Row(
            f"detection speed ({words:,} words)",
            per_1000,
            "ms/1k words",
            f"< {TARGET_MS_PER_1000_WORDS:g}",
            per_1000 < TARGET_MS_PER_1000_WORDS,
        )
    ]


def quality_rows() -> list[Row]:
    # The demo article is part of the development set, not the held-out one.
    dev = _quality("dev", claims_eval.ANNOTATIONS_DIR, True)
    return dev + _quality("held-out", claims_eval.HELDOUT_DIR, False) + _dates_set2()


def _dates_set2() -> list[Row]:
    """Dates alone on the extraction sets' English pages, dev (read while tuning) and held-out,
    and on articles written for the purpose (dev)."""
    from tests.benchmark import dates_eval

    rows = []
    sets = (("dev", dates_eval.ANNOTATIONS), ("dev made-up", dates_eval.MADE_UP), ("held-out", dates_eval.HELDOUT),
            ("held-out made-up", dates_eval.MADE_UP_HELDOUT))
    for label, gold_dir in sets:
        result = dates_eval.evaluate(gold_dir)
        date_kind = result["kinds"].get("date")
        if not result["texts"] or not date_kind:
            rows.append(Row(f"{label} dates set 2", "skipped", "", "", None, "no annotated page present"))
            continue
        relaxed = date_kind["relaxed"]["f1"] or 0.0
        rows += [
            Row(f"{label} dates set 2: pages", f"{result['texts']} ({result['gold']} dates)", ""),
            Row(f"{label} dates set 2: relaxed F1", relaxed, "", f">= {RELAXED_TARGET['date']:.2f}",
                relaxed >= RELAXED_TARGET["date"]),
            Row(f"{label} dates set 2: value accuracy", date_kind["value"]["accuracy"], "", "", None),
        ]
    return rows


def _quality(label: str, annotations: Path, with_sample: bool) -> list[Row]:
    documents, _notes = claims_eval.load_documents(annotations, include_sample=with_sample)
    if not documents:
        return [Row(f"claim detection quality ({label})", "skipped", "", "", None, "no annotated texts present")]
    results = claims_eval.evaluate(
        lambda text, published: [c.as_json() for c in detect(text, published)],
        annotations,
        include_sample=with_sample,
    )
    claims = sum(len(doc.claims) for doc in documents)
    rows = [Row(f"{label} set: annotated texts", f"{len(documents)} ({claims} claims)", "")]
    per_kind = results["kinds"]
    for kind, relaxed_target in RELAXED_TARGET.items():
        metrics = per_kind.get(kind)
        if not metrics:
            continue
        relaxed = metrics["relaxed"]["f1"] or 0.0
        strict = metrics["strict"]["f1"] or 0.0
        rows.append(Row(f"{label} {kind}: relaxed F1", relaxed, "", f">= {relaxed_target:.2f}", relaxed >= relaxed_target))
        if kind != "statement":
            rows.append(Row(f"{label} {kind}: strict F1", strict, "", f">= {STRICT_TARGET:.2f}", strict >= STRICT_TARGET))
        for attribute in ("value", "unit", "speaker"):
            accuracy = (metrics.get(attribute) or {}).get("accuracy")
            if accuracy is not None:
                rows.append(Row(f"{label} {kind}: {attribute} accuracy", accuracy, "", "", None))
    return rows


def texts_for_speed() -> list[str]:
    documents, _notes = claims_eval.load_documents()
    if documents:
        return [doc.text for doc in documents]
    from workbench.paths import resource

    sample = resource("samples", "belarus-ww3.txt")
    return [sample.read_text(encoding="utf-8")] * 20 if sample.exists() else []


def rows() -> list[Row]:
    return speed_rows(texts_for_speed()) + quality_rows()
