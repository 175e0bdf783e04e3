"""Claim memory and evidence finder: quality and speed (``make bench`` rows).

Quality is measured on pairs built in code from ../shared/devsets/claims/*.txt
(only offsets and derived numbers live here, never the texts):

- evidence, "states": a figure the detector finds in a text, as a reviewer
  would log it (the span and the whole words around it), against that text:
  the sentence holding it must rank first;
- evidence, "contradicts": the same claim with its number changed: that
  sentence must still rank first, flagged as a conflict;
- evidence, "ignores": the claim against another text: reported, no target;
- memory: every figure, date and system of the texts is stored as reviewed
  in one session; each is looked up again written differently (``32 000``
  for ``32,000``, a unit synonym, another alias of the system) from another
  session, and with its number changed. A returned match is right when it
  states the same value. Precision = right / returned at the default threshold.

Speed: one memory lookup with 100,000 prior claims; ranking a 10,000-word source.
Run standalone: ``python -m tests.benchmark.evidence_bench``.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from workbench.detect.candidate import Candidate, DetectContext
from workbench.detect.equipment import lookup
from workbench.detect.figures import detect_figures
from workbench.detect.sentences import sentences
from workbench.evidence.rank import claim_facts, rank_passages
from workbench.kinds import claim_keys, detect
from workbench.memory.indexing import index_claims
from workbench.memory.lookup import DEFAULT_THRESHOLD, find_prior_for_text
from workbench.memory.normalise import UNIT_SYNONYMS, number_key, unit_key
from workbench.storage.database import Database, open_database
from workbench.storage.memory_models import ClaimKey, ClaimToken
from workbench.storage.models import Article, ArticleVersion, Claim, ReviewSession

SHARED = Path(__file__).resolve().parents[3] / "shared" / "devsets" / "claims"
PER_TEXT = 12
CONTEXT = 32
PRIOR_CLAIMS = 100_000


def devset_texts() -> dict[str, str]:
    if not SHARED.is_dir():
        return {}
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("*.txt"))}


# --- evidence ------------------------------------------------------------------------------


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT) : start].split(maxsplit=1)
    after = text[end : end + CONTEXT].rsplit(maxsplit=1)
    return f"{before[-1] if len(before) > 1 else ''} {after[0] if len(after) > 1 else ''}".strip()


def _figures(text: str) -> list[Candidate]:
    found = [
        c for c in detect_figures(text, DetectContext())
        if isinstance(c.value, (int, float)) and c.unit and c.value not in (0, 1)
    ]
    return found[:: max(1, len(found) // PER_TEXT)][:PER_TEXT]


def _changed(value: float) -> float:
    return round(value * 1.25) if value >= 4 else value + 3


def evidence_quality(texts: dict[str, str]) -> dict[str, float]:
    first = total = conflicts = contradicted = ignored_scores = ignored = 0
    names = list(texts)
    for index, name in enumerate(names):
        text = texts[name]
        spans = sentences(text)
        for figure in _figures(text):
            holder = next(((s, e) for s, e in spans if s <= figure.start < e), None)
            if holder is None:
                continue
            context = _context(text, figure.start, figure.end)
            changed = _changed(float(figure.value))
            for value, said, contradicts in ((figure.value, figure.text, False),
                                             (changed, f"{changed:g} {figure.unit}", True)):
                facts = claim_facts(said, kind="figure", value=value, unit=figure.unit, context=context)
                ranked = rank_passages(facts, text, top=1)
                total += 1
                top = ranked[0] if ranked else None
                if top is not None and top.start <= figure.start < top.end:
                    first += 1
                if contradicts:
                    contradicted += 1
                    conflicts += bool(top and top.conflict)
            other = texts[names[(index + 1) % len(names)]]
            facts = claim_facts(figure.text, kind="figure", value=figure.value, unit=figure.unit, context=context)
            ranked = rank_passages(facts, other, top=1)
            ignored += 1
            ignored_scores += ranked[0].score if ranked else 0.0
    return {
        "first": first / total if total else 0.0,
        "pairs": total,
        "conflict": conflicts / contradicted if contradicted else 0.0,
        "ignored": ignored_scores / ignored if ignored else 0.0,
    }


def ranking_seconds(texts: dict[str, str]) -> float:
    words = " ".join(texts.values()).split(" ")
    source = " ".join((words * (1 + 10_000 // max(1, len(words))))[:10_000])
    facts = claim_facts("About 32,000 troops were deployed near the border", kind="figure", value=32000, unit="troop")
    rank_passages(facts, source)  # warm the detectors' caches, as a running app has them
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        rank_passages(facts, source)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


# --- memory --------------------------------------------------------------------------------


def _session(db: Database, title: str, text: str) -> tuple[int, int]:
    now = datetime.now(UTC)
    with db.engine.begin() as connection:
        session_id = connection.execute(insert(ReviewSession.__table__).values(
            title=title, reviewer="bench", notes="", ui_state={}, scale="default", created_at=now, updated_at=now,
        )).inserted_primary_key[0]
        article_id = connection.execute(insert(Article.__table__).values(
            session_id=session_id, position=0, source=title, created_at=now, updated_at=now,
        )).inserted_primary_key[0]
        connection.execute(insert(ArticleVersion.__table__).values(
            article_id=article_id, number=1, text=text, authors=[], structure=[], raw_zlib=b"", raw_sha256="",
            fetched_at=now, extractor="bench",
        ))
    return session_id, article_id


def _store_reviewed(db: Database, article_id: int, candidates: list[Candidate]) -> None:
    now = datetime.now(UTC)
    with db.session() as session:  # and indexed in the same transaction, as every write path of the app does
        claims = [
            Claim(
                article_id=article_id, kind=c.kind, start=c.start, end=c.end, text=c.text, value=c.value,
                unit=c.unit, verdict="true", created_at=now, updated_at=now,
            )
            for c in candidates
        ]
        session.add_all(claims)
        session.flush()
        index_claims(session, [claim.id for claim in claims], new=True)


def _reworded(candidate: Candidate) -> str | None:
    """The claim as another article might write it."""
    if candidate.kind == "figure":
        number = number_key(candidate.value)
        if number is None or "-" in number:
            return None
        digits = f"{float(number):,.0f}".replace(",", " ") if float(number) >= 1000 else number
        unit = unit_key(candidate.unit) or ""
        synonyms = UNIT_SYNONYMS.get(unit, ())
        noun = synonyms[0] + "s" if synonyms and synonyms[0].isalpha() else (candidate.unit or "")
        return f"{digits} {noun}".strip()
    if candidate.kind == "equipment":
        entry = lookup(str(candidate.value))
        others = [n for n in entry.names if n.casefold() != candidate.text.casefold()] if entry else []
        return others[-1] if others else None
    return None


def memory_precision(texts: dict[str, str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "memory.sqlite")
        try:
            queries: list[tuple[Candidate, str, bool]] = []
            for name, text in texts.items():
                _sid, article_id = _session(db, f"prior {name}", text)
                found = [c for c in detect(text) if c.kind in ("figure", "equipment", "date") and c.value is not None]
                _store_reviewed(db, article_id, found)
                for c in found:
                    reworded = _reworded(c)
                    if reworded:
                        queries.append((c, reworded, True))
                    if c.kind == "figure" and isinstance(c.value, (int, float)):
                        queries.append((c, f"{_changed(float(c.value)):g} {c.unit or ''}", False))
            new_session, _article = _session(db, "new", "")
            returned = right = found_positive = positives = 0
            for candidate, text, same in queries:
                value = candidate.value if same else _changed(float(candidate.value))
                if candidate.kind != "figure":
                    value = candidate.value
                wanted = claim_keys(candidate.kind, value, candidate.unit, text)
                matches = find_prior_for_text(
                    db, candidate.kind, text, value=value, unit=candidate.unit if candidate.kind == "figure" else None,
                    exclude_session=new_session,
                )
                positives += same
                found_positive += bool(same and matches)
                for match in matches:
                    returned += 1
                    with db.session() as session:
                        keys = {k for (k,) in session.query(ClaimKey.key).filter(ClaimKey.claim_id == match.claim_id)}
                    right += bool(keys & wanted)
        finally:
            db.close()
    return {
        "precision": right / returned if returned else 1.0,
        "recall": found_positive / positives if positives else 0.0,
        "queries": len(queries),
    }


def lookup_seconds(prior_claims: int = PRIOR_CLAIMS) -> float:
    """Median lookup with ``prior_claims`` reviewed claims indexed (synthetic, written in bulk)."""
    rng = random.Random(10)
    vocabulary = [f"word{i}" for i in range(20_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf-like, as in prose
    units = ["troop", "tank", "drone", "person", "usd", "percent", "km", "aircraft"]
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "big.sqlite")
        try:
            _sid, article_id = _session(db, "archive", "x" * 100)
            new_session, _ = _session(db, "new", "")
            with db.engine.begin() as connection:
                for chunk in range(0, prior_claims, 10_000):
                    claims, keys, tokens = [], [], []
                    for n in range(chunk + 1, min(prior_claims, chunk + 10_000) + 1):
                        value, unit = rng.randrange(1, 50_000), rng.choice(units)
                        claims.append({"id": n, "article_id": article_id, "kind": "figure", "start": 0, "end": 10,
                                       "text": f"{value} {unit}", "prefix": "", "suffix": "", "wording": "",
                                       "value": value, "unit": unit, "origin": "detected", "status": "accepted",
                                       "verdict": "true", "rationale": "", "tags": [], "created_by": "", "updated_by": "",
                                       "version": 1, "created_at": now, "updated_at": now})
                        keys.append({"claim_id": n, "key": f"figure:{value}:{unit}"})
                        words = {f"#{value}", unit, *rng.choices(vocabulary, weights, k=8)}
                        tokens.extend({"claim_id": n, "token": w} for w in words)
                    connection.execute(insert(Claim.__table__), claims)
                    connection.execute(insert(ClaimKey.__table__), keys)
                    connection.execute(insert(ClaimToken.__table__), tokens)
            runs = []
            for _ in range(30):
                text = f"{rng.randrange(1, 50_000)} {rng.choice(units)} " + " ".join(rng.choices(vocabulary, weights, k=6))
                start = time.perf_counter()
                find_prior_for_text(db, "figure", text, exclude_session=new_session)
                runs.append(time.perf_counter() - start)
        finally:
            db.close()
    return statistics.median(runs)


def run() -> list[tuple[str, float, str, str]]:
    """Rows for the ``make bench`` table: (name, value, unit, target)."""
    texts = devset_texts()
    rows: list[tuple[str, float, str, str]] = []
    if texts:
        evidence = evidence_quality(texts)
        rows.append((f"evidence: right passage first ({evidence['pairs']} pairs)", round(100 * evidence["first"], 1), "%", ">= 80"))
        rows.append(("evidence: changed number flagged as conflict", round(100 * evidence["conflict"], 1), "%", "(info)"))
        rows.append(("evidence: best score in a source that ignores it", round(evidence["ignored"], 3), "", "(info)"))
        memory = memory_precision(texts)
        rows.append((f"memory: match precision @ {DEFAULT_THRESHOLD} ({memory['queries']} queries)", round(memory["precision"], 3), "", ">= 0.9"))
        rows.append(("memory: reworded claims found", round(100 * memory["recall"], 1), "%", "(info)"))
        rows.append(("evidence: rank a 10,000-word source", round(1000 * ranking_seconds(texts), 1), "ms", "< 200"))
    rows.append((f"memory: lookup among {PRIOR_CLAIMS:,} prior claims", round(1000 * lookup_seconds(), 2), "ms", "< 20"))
    return rows


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: quality rows skipped.", file=sys.stderr)
    for name, value, unit, target in run():
        print(f"{name:<58} {value:>9} {unit:<3} {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
