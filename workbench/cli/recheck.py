"""`workbench recheck SESSION [--article ID | --sources] [--format json|text]`.

Fetches every article of the session again (or one), stores new versions
where the text or metadata changed and re-anchors the claims. JSON output is
one object per article per line. Exit 0 when every article was re-checked,
1 if any failed. ``--sources`` re-checks the session's sources instead
(``cli.source_recheck``).
"""

from __future__ import annotations

import argparse
import json
import sys

from workbench.cli.common import open_db, reviewer_name
from workbench.services.recheck import FAILED, RecheckResult


def register(subparsers: argparse._SubParsersAction) -> None:
    from workbench.cli import add_db_option

    parser = subparsers.add_parser(
        "recheck",
        help="fetch the session's articles again; store edits and re-anchor claims",
    )
    parser.add_argument("session", metavar="SESSION", help="the session's id or title")
    parser.add_argument("--article", type=int, metavar="ID", help="only this article")
    parser.add_argument("--sources", action="store_true",
                        help="re-check the session's sources (the evidence) instead of its articles")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_db_option(parser)
    parser.set_defaults(func=recheck_command)


def recheck_command(args: argparse.Namespace) -> int:
    from workbench.services.articles_read import article_in_session
    from workbench.services.recheck import recheck_session
    from workbench.services.sessions import find_session

    if args.sources:
        from workbench.cli.source_recheck import recheck_sources_command

        return recheck_sources_command(args)
    db = open_db(args)
    try:
        session = find_session(db, args.session)
        article_ids = None
        if args.article is not None:
            article_ids = [article_in_session(db, session, args.article).id]
        progress = _progress_to_stderr if args.format == "text" and sys.stderr.isatty() else None
        kwargs = {"progress": progress} if progress else {}
        results = recheck_session(db, session.id, by=reviewer_name(db), article_ids=article_ids, **kwargs)
    finally:
        db.close()
    for result in results:
        if args.format == "json":
            sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, default=str) + "\n")
        else:
            _print_text(result)
    return 1 if any(r.status == FAILED for r in results) else 0


def _print_text(result: RecheckResult) -> None:
    print(f"article {result.article_id}: {result.status}  {result.url}")
    if result.error:
        print(f"  error: {result.error}")
    for name, (old, new) in result.metadata_changes.items():
        print(f"  {name}: {old!r} -> {new!r}")
    for claim in result.claims:
        if claim.outcome in ("unchanged", "moved"):
            line = f"  claim {claim.id}: {claim.outcome} ({claim.confidence:.2f})"
        elif claim.outcome == "changed":
            line = (
                f"  claim {claim.id}: CHANGED ({claim.confidence:.2f}) "
                f"{claim.old_text!r} -> {claim.new_text!r}  (review it)"
            )
        else:
            line = f"  claim {claim.id}: GONE ({claim.confidence:.2f}) {claim.old_text!r}  (review it)"
        print(line)


def _progress_to_stderr(fraction: float, message: str) -> None:
    sys.stderr.write(f"\r{fraction:4.0%} {message[:70]:<70}")
    if fraction >= 1.0:
        sys.stderr.write("\n")
    sys.stderr.flush()
