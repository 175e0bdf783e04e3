"""Claim detection: speed per 1,000 words and quality on the annotated set."""

from __future__ import annotations

from datetime import date

from tests.benchmark import claims_eval
from tests.benchmark.table import Row, median_ms
from workbench.detect.pipeline import detect

TARGET_MS_PER_1000_WORDS = 10.0
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
    documents, _notes = claims_eval.load_documents()
    if not documents:
        return [Row("claim detection quality", "skipped", "", "", None, "../shared not present")]
    results = claims_eval.evaluate(
        lambda text, published: [c.as_json() for c in detect(text, published)]
    )
    rows = [Row("annotated texts", str(len(documents)), "docs")]
    per_kind = results["kinds"]
    for kind, relaxed_target in RELAXED_TARGET.items():
        metrics = per_kind.get(kind)
        if not metrics:
            continue
        relaxed = metrics["relaxed"]["f1"] or 0.0
        strict = metrics["strict"]["f1"] or 0.0
        rows.append(Row(f"{kind}: relaxed F1", relaxed, "", f">= {relaxed_target:.2f}", relaxed >= relaxed_target))
        if kind != "statement":
            rows.append(Row(f"{kind}: strict F1", strict, "", f">= {STRICT_TARGET:.2f}", strict >= STRICT_TARGET))
        for attribute in ("value", "unit", "speaker"):
            accuracy = (metrics.get(attribute) or {}).get("accuracy")
            if accuracy is not None:
                rows.append(Row(f"{kind}: {attribute} accuracy", accuracy, "", "", None))
    return rows


def texts_for_speed() -> list[str]:
    documents, _notes = claims_eval.load_documents()
    if documents:
        return [doc.text for doc in documents]
    from workbench.paths import resource

    sample = resource("samples", "demo-article.txt")
    return [sample.read_text(encoding="utf-8")] * 20 if sample.exists() else []


def rows() -> list[Row]:
    return speed_rows(texts_for_speed()) + quality_rows()
