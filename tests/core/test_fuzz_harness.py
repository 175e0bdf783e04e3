"""The fuzz harness of `make bench` works: mutants are reproducible and a few run to an outcome."""

from __future__ import annotations

from tests.benchmark.fuzz_bench import FIXTURES, MUTATORS, make_mutant, run_one


def test_a_mutant_is_the_same_for_the_same_seed():
    page = (FIXTURES / "structure.html").read_bytes()

    assert make_mutant(page, 7) == make_mutant(page, 7)
    assert any(make_mutant(page, seed)[0] != page for seed in range(5))


def test_every_mutator_returns_bytes():
    import random

    page = (FIXTURES / "jsonld_newsarticle.html").read_bytes()
    for mutator in MUTATORS:
        assert isinstance(mutator(page, random.Random(1)), bytes)


def test_five_mutants_end_in_a_result_or_a_clear_refusal():
    page = (FIXTURES / "jsonld_newsarticle.html").read_bytes()
    outcomes = [run_one(page, seed) for seed in range(5)]

    assert all(status in ("ok", "refused", "crash") for status, _ in outcomes)
    assert any(status in ("ok", "refused") for status, _ in outcomes)
