"""Evidence finder: the passage that settles a claim comes first; contradictions are flagged."""

from __future__ import annotations

import pytest

from tests.factories import make_article
from workbench.domain.errors import IngestError, NoArticleTextError, NotFoundError
from workbench.domain.records import ClaimDraft
from workbench.evidence.bm25 import BM25
from workbench.evidence.finder import find_evidence
from workbench.evidence.rank import claim_facts, rank_passages
from workbench.services import claim_edits
from workbench.storage import articles, sessions

SOURCE = (
    "Ministry report on the exercises\n\n"
    "Wheat prices rose again in the capital markets this week.\n\n"
    "About 32 000 soldiers took part in the exercises near Brest, the ministry said.\n\n"
    "Two S400 batteries were moved north on 5 March 2024.\n\n"
    "Local farmers complained about the noise."
)
CONTRADICTING = (
    "Only 30,000 troops took part in the exercises near Brest.\n\n"
    "The weather was cold."
)


def test_passage_with_the_same_figure_in_other_words_ranks_first():
    facts = claim_facts("32,000 troops joined the Brest exercises", kind="figure", value=32000, unit="troop")
    best, *rest = rank_passages(facts, SOURCE)
    assert best.text.startswith("About 32 000 soldiers")
    assert not best.conflict
    assert {"32 000 soldiers", "exercises", "Brest"} <= set(best.matched) | {
        m.removeprefix("About ") for m in best.matched
    }
    assert all(SOURCE[s:e] in best.matched for s, e in best.spans)
    assert all(p.score < best.score for p in rest)
    assert 0 < best.score <= 1


def test_a_different_number_of_the_same_thing_is_a_possible_contradiction():
    facts = claim_facts("32,000 troops joined the Brest exercises", kind="figure", value=32000, unit="troop")
    best, *_ = rank_passages(facts, CONTRADICTING)
    assert best.text.startswith("Only 30,000 troops")
    assert best.conflict and best.conflicting == ["30,000 troops"]


def test_equipment_alias_and_date_find_their_passage():
    facts = claim_facts("S-400 Triumf systems were redeployed on 5 March 2024")
    assert rank_passages(facts, SOURCE)[0].text.startswith("Two S400 batteries")


def test_a_source_that_ignores_the_claim_has_only_weak_passages():
    facts = claim_facts("Inflation reached 9 percent in Hungary", kind="figure", value=0.09, unit="percent")
    assert all(p.score < 0.3 for p in rank_passages(facts, SOURCE))
    assert rank_passages(facts, "") == []


def test_bm25_prefers_rare_terms_and_shorter_documents():
    index = BM25([["troop", "border"], ["troop", "wheat", "price", "market", "rain"], ["troop", "wheat"]])
    assert index.score(["border"], 0) > index.score(["wheat"], 2)
    assert index.score(["wheat"], 2) > index.score(["wheat"], 1)
    assert index.score(["absent"], 0) == 0


@pytest.fixture
def stored_claim(sqlite_db):
    session = sessions.create_session(sqlite_db, "Review")
    text = "Belarus said 32,000 troops took part in the exercises."
    article = articles.add_article(sqlite_db, session.id, make_article(text))
    start = text.index("32,000 troops")
    draft = ClaimDraft(kind="figure", start=start, end=start + 13, value=32000, unit="troop")
    return claim_edits.add_claim(sqlite_db, article.id, draft, by="ana").id


def test_find_evidence_reads_a_file_source(sqlite_db, stored_claim, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(SOURCE, encoding="utf-8")
    result = find_evidence(sqlite_db, stored_claim, str(path), top=2)
    # Only one passage shares anything with "32,000 troops": passages sharing nothing are left out.
    assert [p.text[:21] for p in result.passages] == ["About 32 000 soldiers"]
    assert SOURCE[result.passages[0].start : result.passages[0].end] == result.passages[0].text


def test_find_evidence_errors_are_clear(sqlite_db, stored_claim, tmp_path):
    with pytest.raises(NotFoundError):
        find_evidence(sqlite_db, 999, "x", text="some text")
    with pytest.raises(NotFoundError, match="missing.txt"):
        find_evidence(sqlite_db, stored_claim, str(tmp_path / "missing.txt"))
    with pytest.raises(IngestError):
        find_evidence(sqlite_db, stored_claim, "ftp://files.example/report.txt")
    with pytest.raises(NoArticleTextError):
        find_evidence(sqlite_db, stored_claim, "pasted", text="   \n")
