"""Claim kinds: one spec per kind, listed once, and everything that goes over kinds reads the list."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.demo_gold import demo_text
from workbench.detect.candidate import Candidate, DetectContext
from workbench.domain.kinds import ClaimKind
from workbench.evidence.facts import ClaimFacts
from workbench.evidence.rank import claim_facts
from workbench.kinds import KINDS, KindRegistry, KindSpec, Selection
from workbench.kinds.spec import on_its_own

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"

# A kind made up for the test: "zorp", a word no real kind knows.
_ZORP = re.compile(r"\bzorp\b", re.IGNORECASE)


def _detect_zorps(text: str, ctx: DetectContext) -> list[Candidate]:
    return [Candidate("zorp", m.start(), m.end(), m.group(0), value=m.group(0).lower()) for m in _ZORP.finditer(text)]


def _zorp_keys(value: Any, unit: str | None, text: str) -> set[str]:
    return {f"zorp:{text.strip().lower()}"} if text.strip() else set()


def _zorp_facts(found: ClaimFacts, value: Any, unit: str | None) -> ClaimFacts:
    return replace(found, names=found.names | {str(value)}) if value else found


def _fits_zorp(selection: Selection) -> bool:
    return _ZORP.fullmatch(selection.said) is not None


ZORP = KindSpec(
    name="zorp",
    detector=on_its_own(_detect_zorps),
    memory_keys=_zorp_keys,
    evidence_facts=_zorp_facts,
    fits_selection=_fits_zorp,
    guess_order=0,
)
# Adding a kind: its module (above) and one line in the list.
WITH_ZORP = KindRegistry((*KINDS.specs, ZORP), fallback=KINDS.fallback)

TEXT = "A zorp landed near Brest on 5 March 2024, and 32,000 troops watched it."


def test_a_registered_kind_is_detected_alongside_the_others():
    found = WITH_ZORP.detect(TEXT)
    assert [(c.kind, c.text) for c in found if c.kind == "zorp"] == [("zorp", "zorp")]
    assert {"date", "figure"} <= {c.kind for c in found}
    assert not any(c.kind == "zorp" for c in KINDS.detect(TEXT))


def test_a_registered_kind_is_keyed_for_the_memory():
    assert WITH_ZORP.claim_keys("zorp", None, None, " Zorp ") == {"zorp:zorp"}
    assert KINDS.claim_keys("zorp", None, None, " Zorp ") == set()
    # The kinds already there keep their keys.
    assert WITH_ZORP.claim_keys("date", "2024-03-05", None, "5 March") == {"date:2024-03-05"}


def test_a_registered_kind_is_guessed_for_a_hand_selection():
    start = TEXT.index("zorp")
    assert WITH_ZORP.guess_kind(TEXT, start, start + 4) == "zorp"
    assert KINDS.guess_kind(TEXT, start, start + 4) == "statement"
    date_start = TEXT.index("5 March")
    assert WITH_ZORP.guess_kind(TEXT, date_start, date_start + len("5 March 2024")) == "date"


def test_a_registered_kind_says_what_evidence_to_look_for():
    assert "zorpco" in claim_facts("A zorp landed", kind="zorp", value="zorpco", kinds=WITH_ZORP).names
    assert "zorpco" not in claim_facts("A zorp landed", kind="zorp", value="zorpco").names


def test_guesses_follow_the_guess_order_not_the_list_order():
    # Registered last but asked first, the made-up kind takes a quoted selection from quotes.
    text = "He said “zorp” twice."
    start = text.index("zorp")
    assert KINDS.guess_kind(text, start, start + 4) == "quote"
    assert WITH_ZORP.guess_kind(text, start, start + 4) == "zorp"
    later = KindRegistry((*KINDS.specs, replace(ZORP, guess_order=99)), fallback=KINDS.fallback)
    assert later.guess_kind(text, start, start + 4) == "quote"


def test_every_claim_kind_has_exactly_one_spec():
    assert sorted(KINDS.names()) == sorted(k.value for k in ClaimKind)
    assert KINDS.fallback == ClaimKind.STATEMENT


def test_a_registry_refuses_two_specs_for_one_kind_or_an_unknown_fallback():
    with pytest.raises(ValueError, match="figure"):
        KindRegistry((*KINDS.specs, KindSpec(name="figure")), fallback="statement")
    with pytest.raises(ValueError, match="zorp"):
        KindRegistry(KINDS.specs, fallback="zorp")


def test_each_detector_labels_its_claims_with_its_own_kind():
    text = demo_text()
    for spec in KINDS:
        if spec.detector is None:
            continue
        found = spec.detector(text, DetectContext(), [])
        assert found, spec.name
        assert {c.kind for c in found} == {spec.name}


def test_statements_are_detected_after_the_kinds_they_read():
    names = KINDS.names()
    assert all(names.index("statement") > names.index(kind) for kind in ("figure", "date", "equipment", "quote"))


def _workbench_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("workbench"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("workbench")}
    return found


def test_the_parts_kinds_are_built_from_do_not_import_kinds():
    below = [*(PACKAGE / "detect").rglob("*.py"), *(PACKAGE / "domain").rglob("*.py"),
             PACKAGE / "memory" / "normalise.py", PACKAGE / "evidence" / "facts.py"]
    offenders = [str(p.relative_to(PACKAGE)) for p in below
                 if any(m.startswith("workbench.kinds") for m in _workbench_imports(p))]
    assert offenders == []


def test_kinds_import_only_the_parts_they_are_built_from():
    allowed = ("workbench.domain", "workbench.detect", "workbench.memory.normalise",
               "workbench.evidence.facts", "workbench.kinds")
    imported = set().union(*(_workbench_imports(p) for p in (PACKAGE / "kinds").glob("*.py")))
    assert imported, "the kinds package imports nothing from workbench?"
    assert sorted(m for m in imported if not m.startswith(allowed)) == []
