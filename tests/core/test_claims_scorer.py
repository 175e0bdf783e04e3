"""The claim-detection scorer: strict and relaxed matching, attribute accuracy, evaluation runs."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

import pytest

from tests.benchmark.claims_eval import evaluate, format_table, score, values_equal


def claim(kind: str, start: int, end: int, **attributes: object) -> dict[str, object]:
    return {"kind": kind, "start": start, "end": end, **attributes}


def test_identical_predictions_score_perfectly() -> None:
    gold = [
        claim("figure", 10, 23, value=90000, unit="troop"),
        claim("quote", 30, 60, speaker="Alexander Lukashenko"),
        claim("date", 70, 77, value="2024-02-20"),
    ]
    result = score(gold, gold)
    for kind in ("figure", "quote", "date"):
        assert result["kinds"][kind]["strict"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["kinds"]["figure"]["value"]["accuracy"] == 1.0
    assert result["kinds"]["figure"]["unit"]["accuracy"] == 1.0
    assert result["kinds"]["quote"]["speaker"]["accuracy"] == 1.0
    assert result["all"]["strict_tp"] == 3


def test_a_shifted_span_counts_only_as_relaxed_match() -> None:
    gold = [claim("figure", 10, 30, value=90000, unit="troop")]
    pred = [claim("figure", 17, 30, value=90000, unit="troop")]
    kind = score(gold, pred)["kinds"]["figure"]
    assert kind["strict"]["recall"] == 0.0
    assert kind["relaxed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_kinds_never_match_each_other() -> None:
    gold = [claim("statement", 0, 50)]
    pred = [claim("figure", 0, 50, value=2, unit="year")]
    result = score(gold, pred)
    assert result["kinds"]["statement"]["relaxed"]["recall"] == 0.0
    assert result["kinds"]["figure"]["relaxed"]["precision"] == 0.0
    assert result["kinds"]["statement"]["relaxed"]["precision"] is None  # nothing predicted


def test_adjacent_spans_do_not_overlap() -> None:
    gold = [claim("date", 0, 10, value="2024")]
    pred = [claim("date", 10, 20, value="2024")]
    assert score(gold, pred)["kinds"]["date"]["relaxed_tp"] == 0


def test_relaxed_matching_is_one_to_one_and_prefers_the_larger_overlap() -> None:
    gold = [claim("figure", 0, 10, value=1, unit="a"), claim("figure", 8, 20, value=2, unit="b")]
    # One long prediction overlaps both gold spans: it may match only one, the larger overlap.
    pred = [claim("figure", 5, 20, value=2, unit="b")]
    kind = score(gold, pred)["kinds"]["figure"]
    assert kind["relaxed_tp"] == 1
    assert kind["relaxed"]["recall"] == 0.5
    assert kind["value"] == {"n": 1, "correct": 1, "accuracy": 1.0}


def test_duplicate_predictions_count_once() -> None:
    gold = [claim("equipment", 5, 10, value="S-400 Triumf")]
    pred = [claim("equipment", 5, 10, value="S-400 Triumf")] * 2
    kind = score(gold, pred)["kinds"]["equipment"]
    assert kind["strict_tp"] == 1
    assert kind["strict"]["precision"] == 0.5


def test_attribute_accuracy_is_measured_over_relaxed_pairs() -> None:
    gold = [
        claim("figure", 0, 10, value=1200000000, unit="USD"),
        claim("figure", 20, 30, value=0.4, unit="percent"),
        claim("quote", 40, 80, speaker="Alexander Lukashenko"),
    ]
    pred = [
        claim("figure", 0, 10, value=1.2, unit="usd"),  # millions not converted: wrong value
        claim("figure", 22, 30, value=0.4, unit="point"),  # right value, wrong unit
        claim("quote", 40, 80, speaker="alexander lukashenko"),  # case does not matter
    ]
    result = score(gold, pred)
    assert result["kinds"]["figure"]["value"] == {"n": 2, "correct": 1, "accuracy": 0.5}
    assert result["kinds"]["figure"]["unit"] == {"n": 2, "correct": 1, "accuracy": 0.5}
    assert result["kinds"]["quote"]["speaker"]["accuracy"] == 1.0
    assert "value" not in result["kinds"]["quote"]


def test_value_comparison_rules() -> None:
    assert values_equal(0.1 + 0.2, 0.3)
    assert values_equal([10, 15], [10.0, 15.0])
    assert not values_equal([10, 15], [10, 16])
    assert values_equal(None, None)
    assert not values_equal(None, 0)
    assert values_equal("2024-W08", "2024-W08")
    assert not values_equal("2024-02", "2024-02-20")


def test_precision_recall_f1_arithmetic() -> None:
    gold = [claim("date", i * 10, i * 10 + 5, value=None) for i in range(4)]
    pred = gold[:2] + [claim("date", 100, 105, value=None)]
    strict = score(gold, pred)["kinds"]["date"]["strict"]
    assert strict["precision"] == pytest.approx(2 / 3)
    assert strict["recall"] == pytest.approx(0.5)
    assert strict["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def _write_fixture(
    tmp_path: Path, text: str, claims: list[dict[str, object]], sha: str | None = None
) -> tuple[Path, Path]:
    shared = tmp_path / "shared"
    (shared / "devsets" / "claims").mkdir(parents=True)
    (shared / "devsets" / "claims" / "tiny.txt").write_text(text, encoding="utf-8")
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    gold = {
        "file": "tiny.txt",
        "text_sha256": sha or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "published": "2024-02-20",
        "claims": claims,
    }
    (annotations / "tiny.json").write_text(json.dumps(gold), encoding="utf-8")
    return annotations, shared


def test_evaluate_runs_the_detector_on_each_text_with_its_publication_date(tmp_path: Path) -> None:
    text = "Around 90,000 troops took part on Tuesday.\n"
    gold = [
        claim("figure", 0, 20, value=90000, unit="troop"),
        claim("date", 34, 41, value="2024-02-20"),
    ]
    annotations, shared = _write_fixture(tmp_path, text, gold)
    seen = []

    def detect(text: str, published: datetime.date | None) -> list[dict[str, object]]:
        seen.append(published)
        return [claim("figure", 7, 20, value=90000, unit="troop")]

    result = evaluate(detect, annotations, shared)
    assert seen == [datetime.date(2024, 2, 20)]
    assert list(result["documents"]) == ["tiny"]
    assert result["kinds"]["figure"]["relaxed"]["recall"] == 1.0
    assert result["kinds"]["date"]["relaxed"]["recall"] == 0.0
    assert any("belarus-ww3" in note for note in result["notes"])  # sample absent from this fixture
    table = format_table(result)
    assert "figure" in table and "date" in table and "all" in table


def test_evaluate_skips_a_text_whose_checksum_changed(tmp_path: Path) -> None:
    annotations, shared = _write_fixture(
        tmp_path, "Edited text.\n", [claim("date", 0, 6)], sha="0" * 64
    )
    result = evaluate(lambda text, published: [], annotations, shared)
    assert result["documents"] == {}
    assert any("tiny" in note and "sha256" in note for note in result["notes"])


def test_evaluate_skips_a_missing_text(tmp_path: Path) -> None:
    annotations, shared = _write_fixture(tmp_path, "Some text.\n", [claim("date", 0, 4)])
    (shared / "devsets" / "claims" / "tiny.txt").unlink()
    result = evaluate(lambda text, published: [], annotations, shared)
    assert result["documents"] == {}
    assert any("tiny" in note and "not found" in note for note in result["notes"])
