"""`workbench source add|show` and `workbench sources`: the evidence ledger on the command line.

- ``source add SESSION CLAIM_ID URL_OR_FILE [--stance S] [--passage TEXT] [--format json]``
  links the source to the claim, archives it, and prints it. The link is
  kept even when the source cannot be fetched: the error is said on stderr,
  the exit status is 1, and ``workbench recheck SESSION --sources`` retries.
- ``sources SESSION [--format json]``: each source with the archived copy
  its evidence rests on (the newest that holds the page, else the newest
  attempt), the error of a later failed fetch (``last_error``), and the
  claims citing it (JSON: one list).
- ``source show SOURCE_ID [--snapshot ID]``: the archived text, read from
  the database alone.
"""

from __future__ import annotations

import argparse
import json
import sys

from workbench.cli.common import open_db, print_json, reviewer_name
from workbench.domain.errors import NotFoundError, WorkbenchError

STANCES = ["supports", "refutes", "context"]


def register(subparsers: argparse._SubParsersAction) -> None:
    from workbench.cli import add_db_option

    source = subparsers.add_parser("source", help="cite and archive a source, or read its archived text")
    add_db_option(source)
    commands = source.add_subparsers(dest="source_command", metavar="SOURCE_COMMAND", required=True)

    add = commands.add_parser("add", help="link a source to a claim and archive it")
    add.add_argument("session", metavar="SESSION", help="the session's id or title")
    add.add_argument("claim_id", metavar="CLAIM_ID", type=int)
    add.add_argument("location", metavar="URL_OR_FILE")
    add.add_argument("--stance", choices=STANCES, default="context")
    add.add_argument("--passage", metavar="TEXT", default="", help="the passage of the source quoted")
    add.add_argument("--format", choices=["text", "json"], default="text")
    add_db_option(add)
    add.set_defaults(func=add_command)

    show = commands.add_parser("show", help="print a source's archived text")
    show.add_argument("source_id", metavar="SOURCE_ID", type=int)
    show.add_argument("--snapshot", metavar="ID", type=int, help="this snapshot, not the newest")
    add_db_option(show)
    show.set_defaults(func=show_command)

    listing = subparsers.add_parser("sources", help="a session's sources, their snapshots and citations")
    listing.add_argument("session", metavar="SESSION", help="the session's id or title")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    add_db_option(listing)
    listing.set_defaults(func=sources_command)


def add_command(args: argparse.Namespace) -> int:
    from workbench.services.sessions import find_session
    from workbench.services.snapshots import cite_source, ledger

    db = open_db(args)
    try:
        session = find_session(db, args.session)
        cited = cite_source(db, session, args.claim_id, args.location, by=reviewer_name(db),
                            stance=args.stance, passage=args.passage)
        entry = next(e for e in ledger(db, session.id) if e.source.id == cited.link.source.id)
    finally:
        db.close()
    if args.format == "json":
        print_json(entry.as_json())
    else:
        _print_entry(entry)
    snapshot = cited.snapshot
    if snapshot is not None and snapshot.failed:
        print(f"workbench: the source is cited but not archived: {snapshot.error}", file=sys.stderr)
        print(f"  Try again with `workbench recheck {session.id} --sources`.", file=sys.stderr)
        return 1
    return 0


def sources_command(args: argparse.Namespace) -> int:
    from workbench.services.sessions import find_session
    from workbench.services.snapshots import ledger

    db = open_db(args)
    try:
        entries = ledger(db, find_session(db, args.session).id)
    finally:
        db.close()
    if args.format == "json":
        print_json([entry.as_json() for entry in entries])
    else:
        for entry in entries:
            _print_entry(entry)
    return 0


def show_command(args: argparse.Namespace) -> int:
    from workbench.services.snapshots import read_snapshot

    db = open_db(args)
    try:
        archived = read_snapshot(db, args.source_id, args.snapshot)
    finally:
        db.close()
    if archived is None:
        raise NotFoundError(f"Source {args.source_id} was never archived.",
                            "Archive it with `workbench recheck SESSION --sources`.")
    snapshot = archived.snapshot
    if snapshot.failed:
        raise WorkbenchError(f"Source {args.source_id} could not be fetched: {snapshot.error}",
                             "Try again with `workbench recheck SESSION --sources`.")
    if not snapshot.text:
        raise WorkbenchError(f"Source {args.source_id} has no text to show: {snapshot.text_missing}",
                             "Its bytes are archived as they came.")
    sys.stdout.write(snapshot.text.rstrip("\n") + "\n")
    return 0


def _print_entry(entry) -> None:  # noqa: ANN001 (a LedgerEntry; imported lazily)
    data = entry.as_json()
    print(f"source {data['id']}: {data['url']}")
    if data["title"] or data["publisher"]:
        print(f"  {data['title']} ({data['publisher']})")
    snapshot = data["snapshot"]
    if snapshot is None:
        print("  not archived")
    elif snapshot["error"]:
        print(f"  FAILED {snapshot['fetched_at']}: {snapshot['error']}")
    else:
        status = f" (HTTP {snapshot['http_status']})" if snapshot["http_status"] is not None else ""
        print(f"  archived {snapshot['fetched_at']}{status} sha256 {snapshot['sha256']}")
        if snapshot["text_missing"]:
            print(f"  {snapshot['text_missing']}")
    if data["last_error"]:
        print(f"  the last fetch FAILED: {data['last_error']}")
    for citation in data["citations"]:
        passage = f" {json.dumps(citation['passage'], ensure_ascii=False)}" if citation["passage"] else ""
        print(f"  claim {citation['claim_id']}: {citation['stance']}{passage}")
