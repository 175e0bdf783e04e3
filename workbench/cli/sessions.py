"""`workbench sessions` (list) and `workbench import SOURCE... [--session NAME]`."""

from __future__ import annotations

import argparse
import logging
import sys

from workbench.cli.common import open_db, print_json, reviewer_name
from workbench.domain.errors import WorkbenchError

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    from workbench.cli import add_db_option

    listing = subparsers.add_parser("sessions", help="list the review sessions in the database")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    listing.add_argument("--search", default="", help="only sessions whose title, reviewer or article matches")
    add_db_option(listing)
    listing.set_defaults(func=list_command)

    importer = subparsers.add_parser(
        "import", help="store articles (URLs, .html/.txt files) in a review session"
    )
    importer.add_argument("sources", nargs="+", metavar="SOURCE")
    importer.add_argument(
        "--session", default="Imported articles", metavar="NAME",
        help="the session to add to (by title or id; created if needed)",
    )
    add_db_option(importer)
    importer.set_defaults(func=import_command)


def list_command(args: argparse.Namespace) -> int:
    from workbench.services.sessions import list_sessions

    db = open_db(args)
    try:
        sessions = list_sessions(db, args.search)
    finally:
        db.close()
    if args.format == "json":
        print_json(
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "reviewer": s.reviewer,
                    "articles": s.article_count,
                    "claims": s.claim_count,
                    "scale": s.scale,
                    "created": s.created_at.isoformat(),
                    "updated": s.updated_at.isoformat(),
                }
                for s in sessions
            ]
        )
        return 0
    if not sessions:
        print(f"No review sessions in {db.location} yet.")
        return 0
    print(f"{'id':>4}  {'title':<40} {'reviewer':<14} {'articles':>8} {'claims':>7}  last edited")
    for s in sessions:
        print(
            f"{s.id:>4}  {s.title[:40]:<40} {s.reviewer[:14]:<14} {s.article_count:>8} "
            f"{s.claim_count:>7}  {s.updated_at:%Y-%m-%d %H:%M}"
        )
    return 0


def import_command(args: argparse.Namespace) -> int:
    from workbench.cli import print_error
    from workbench.services.importing import import_source
    from workbench.services.sessions import delete_session_if_empty, find_or_create_session

    db = open_db(args)
    failed = 0
    try:
        session, created = find_or_create_session(db, args.session, reviewer=reviewer_name())
        for source in args.sources:
            try:
                # No one to ask "keep it?" here: a page without article text is not stored.
                result = import_source(db, session.id, source, by=reviewer_name(), refuse_without_text=True)
            except WorkbenchError as error:
                failed += 1
                print(f"{source}: not imported", file=sys.stderr)
                print_error(error)
                continue
            except Exception as error:  # a bug: report it for this SOURCE, log the traceback, go on
                log.debug("importing %s failed", source, exc_info=True)
                failed += 1
                print(f"{source}: not imported", file=sys.stderr)
                print_error(WorkbenchError(
                    f"Unexpected error ({type(error).__name__}: {error}).",
                    "This is a bug in the workbench; please report it.",
                ))
                continue
            print(
                f"{source}: article {result.article.id} "
                f"\u201c{result.article.display_title}\u201d, {result.claims_added} claims proposed "
                f"(session {session.id} \u201c{session.title}\u201d)"
            )
        if created and failed == len(args.sources):
            # A session this command created for sources that all failed is not left behind empty.
            delete_session_if_empty(db, session.id)
    finally:
        db.close()
    return 1 if failed else 0

