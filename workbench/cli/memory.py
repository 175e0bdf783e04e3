"""`workbench verdict`, `workbench memory` and `workbench evidence`.

verdict SESSION CLAIM_ID VERDICT [--rationale TEXT]
    set a claim's verdict (a label, key or digit of the session's scale)
memory SESSION [--format json]
    each claim of the session with the claims reviewed in OTHER sessions
    that say the same thing, best first
evidence SESSION CLAIM_ID SOURCE [--top N] [--format json]
    the passages of SOURCE (URL or file) that bear most on the claim
"""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli.common import open_db, print_json, reviewer_name
from workbench.domain.errors import WorkbenchError
from workbench.domain.records import ClaimRecord, SessionSummary
from workbench.services.database import Database


def register(subparsers: argparse._SubParsersAction) -> None:
    from workbench.cli import add_db_option

    verdict = subparsers.add_parser("verdict", help="set a claim's verdict")
    verdict.add_argument("session", metavar="SESSION", help="session title or id")
    verdict.add_argument("claim_id", metavar="CLAIM_ID", type=int)
    verdict.add_argument("verdict", metavar="VERDICT", help="a label or key of the session's scale")
    verdict.add_argument("--rationale", metavar="TEXT", default=None)
    add_db_option(verdict)
    verdict.set_defaults(func=verdict_command)

    memory = subparsers.add_parser(
        "memory", help="claims of a session already reviewed in other sessions"
    )
    memory.add_argument("session", metavar="SESSION")
    memory.add_argument("--format", choices=["text", "json"], default="text")
    add_db_option(memory)
    memory.set_defaults(func=memory_command)

    evidence = subparsers.add_parser(
        "evidence", help="the passages of a source that bear on a claim"
    )
    evidence.add_argument("session", metavar="SESSION")
    evidence.add_argument("claim_id", metavar="CLAIM_ID", type=int)
    evidence.add_argument("source", metavar="SOURCE", help="a URL or a .html/.txt file")
    evidence.add_argument("--top", metavar="N", type=_positive, default=5)
    evidence.add_argument("--format", choices=["text", "json"], default="text")
    add_db_option(evidence)
    evidence.set_defaults(func=evidence_command)


def verdict_command(args: argparse.Namespace) -> int:
    from workbench.services.claim_edits import set_verdict
    from workbench.services.edits import apply

    db = open_db(args)
    try:
        session = _session(db, args.session)
        claim = _claim_in(db, session, args.claim_id)
        edit = set_verdict(claim.id, args.verdict, rationale=args.rationale, expected_version=claim.version)
        (record,) = apply(db, edit, by=reviewer_name()).claims
    finally:
        db.close()
    print(f"claim {record.id}: verdict {record.verdict or 'unreviewed'}"
          + (f", rationale: {record.rationale}" if args.rationale is not None else ""))
    return 0


def memory_command(args: argparse.Namespace) -> int:
    from workbench.services.memory import prior_reviews_of_session

    db = open_db(args)
    try:
        session = _session(db, args.session)
        rows = [
            {"claim_id": c.id, "text": c.display_text, "matches": [_match_json(m) for m in matches]}
            for c, matches in prior_reviews_of_session(db, session.id)
        ]
    finally:
        db.close()
    if args.format == "json":
        print_json(rows)
        return 0
    checked = [row for row in rows if row["matches"]]
    print(f"{len(checked)} of {len(rows)} claims in \u201c{session.title}\u201d were checked before.")
    for row in checked:
        print(f"\n[{row['claim_id']}] {row['text']}")
        for m in row["matches"]:
            print(f"  {m['score']:.2f}  {m['verdict']:<14} claim {m['claim_id']} in \u201c{m['session']}\u201d: {m['text']}")
            if m["rationale"]:
                print(f"        {m['rationale']}")
    return 0


def evidence_command(args: argparse.Namespace) -> int:
    from workbench.services.evidence import find_evidence

    db = open_db(args)
    try:
        session = _session(db, args.session)
        claim = _claim_in(db, session, args.claim_id)
        try:
            passages = find_evidence(db, claim.id, args.source, top=args.top).passages
            error = None
        except WorkbenchError as problem:  # the source, not the request: report it in the output
            passages, error = [], problem
    finally:
        db.close()
    result = {
        "claim_id": claim.id,
        "source": args.source,
        "passages": [
            {"text": p.text, "start": p.start, "end": p.end, "score": p.score,
             "matched": p.matched, "conflict": p.conflict}
            for p in passages
        ],
        "error": str(error) if error else None,
    }
    if args.format == "json":
        print_json(result)
    else:
        _print_passages(claim, result)
    if error is not None:
        from workbench.cli import print_error

        print_error(error)
        return 1
    return 0


def _print_passages(claim: ClaimRecord, result: dict[str, Any]) -> None:
    print(f"claim {claim.id}: {claim.display_text}")
    print(f"source: {result['source']}")
    if not result["passages"] and not result["error"]:
        print("No passage of the source mentions anything the claim says.")
    for rank, p in enumerate(result["passages"], 1):
        flag = "  POSSIBLE CONTRADICTION" if p["conflict"] else ""
        print(f"\n{rank}. score {p['score']:.2f} (characters {p['start']}-{p['end']}){flag}")
        print(f"   {p['text']}")
        if p["matched"]:
            print("   matched: " + ", ".join(p["matched"]))


def _match_json(match: Any) -> dict[str, Any]:
    return {
        "session": match.session,
        "session_id": match.session_id,
        "claim_id": match.claim_id,
        "text": match.text,
        "verdict": match.verdict,
        "rationale": match.rationale,
        "score": match.score,
        "reason": match.reason,
        "reviewed_at": match.reviewed_at.isoformat(),
        "sources": [{"url": s.url, "stance": s.stance, "passage": s.passage} for s in match.sources],
    }


def _session(db: Database, name: str) -> SessionSummary:
    from workbench.services.sessions import find_session

    return find_session(db, name)


def _claim_in(db: Database, session: SessionSummary, claim_id: int) -> ClaimRecord:
    """The claim, refused unless it belongs to the session the user named."""
    from workbench.services.claims_read import claim_in_session

    return claim_in_session(db, session, claim_id)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got '{text}'")
    return value
