"""`workbench export SESSION --format ...` and `workbench import-session FILE.json`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.common import OutputError, open_db, utf8_stdout
from workbench.domain.errors import ExportError, SessionFileError
from workbench.services.export_formats import ExportOptions, ExportOutcome, formats
from workbench.services.kinds import kind_names

if TYPE_CHECKING:
    from workbench.services.database import Database


def register(subparsers: argparse._SubParsersAction) -> None:
    from workbench.cli import add_db_option

    # Choices and help come from the format registry, read when the parser is built.
    titles = [f.title for f in formats.FORMATS]
    printed = [f.title for f in formats.FORMATS if f.printed]
    export = subparsers.add_parser(
        "export",
        help="write a session's claims as " + _either(titles),
        description="Export a review session. Without --out the export goes to standard output"
        + (f" ({_either(printed)} needs --out)" if printed else "")
        + ". Filters combine: all must match.",
    )
    export.add_argument("session", metavar="SESSION", help="the session's id or title")
    export.add_argument("--format", choices=formats.names(), default="csv", help="default: csv")
    export.add_argument("--out", metavar="PATH", type=Path, help="the file to write")
    export.add_argument("--accepted-only", action="store_true", help="only claims marked accepted")
    export.add_argument(
        "--approved-only", action="store_true", help="only claims whose review is approved (verdict locked)"
    )
    export.add_argument(
        "--verdict", nargs="+", action="extend", default=[], metavar="V",
        help="only claims with these verdicts (key, label or digit; 'unreviewed' for none)",
    )
    export.add_argument(
        "--kind", nargs="+", action="extend", default=[], metavar="K",
        help="only claims of these kinds: " + ", ".join(kind_names()),
    )
    export.add_argument("--article", type=int, metavar="ID", help="only this article of the session")
    export.add_argument(
        "--include-unreviewed", action="store_true",
        help=_for("include_unreviewed", "unreviewed and dismissed claims too (a report leaves them out)"),
    )
    export.add_argument("--no-bom", action="store_true", help=_for("bom", "plain UTF-8 without a byte order mark"))
    export.add_argument("--publisher", metavar="NAME", help=_for("publisher", "the fact-checking organisation"))
    export.add_argument(
        "--review-url", metavar="URL", help=_for("review_url", "the page where the fact check is published")
    )
    add_db_option(export)
    export.set_defaults(func=export_command)

    importer = subparsers.add_parser(
        "import-session", help="add a session from a JSON file made by `workbench export --format json`"
    )
    importer.add_argument("file", metavar="FILE.json", type=Path)
    importer.add_argument("--title", help="a title for the new session (default: the one in the file)")
    add_db_option(importer)
    importer.set_defaults(func=import_command)


def _either(titles: list[str]) -> str:
    """["CSV", "JSON", "PDF"] -> "CSV, JSON or PDF"."""
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " or " + titles[-1]


def _for(option: str, text: str) -> str:
    """An option's help, prefixed with the formats that read it: "CSV: ..."."""
    readers = ", ".join(f.title for f in formats.accepting(option))
    return f"{readers}: {text}" if readers else text


def export_command(args: argparse.Namespace) -> int:
    from workbench.domain.scales import get_scale
    from workbench.services.export import export_target, export_to_path
    from workbench.services.export_formats import ExportFilter
    from workbench.services.sessions import find_session

    chosen = formats.find(args.format)
    if chosen.printed and args.out is None:
        raise ExportError(
            f"A {chosen.title} cannot be written to the terminal.", f"Give a file name with --out report{chosen.suffix}."
        )
    if args.out is not None:
        export_target(args.out)  # refuse a device, FIFO or folder before any work is done
    utf8_stdout()
    db = open_db(args)
    try:
        session = find_session(db, args.session)
        claim_filter = ExportFilter.from_user(
            get_scale(session.scale),
            accepted_only=args.accepted_only,
            verdicts=args.verdict,
            kinds=args.kind,
            article_id=args.article,
            approved_only=args.approved_only,
        )
        options = ExportOptions(
            args.format, claim_filter, bom=not args.no_bom, publisher=args.publisher, review_url=args.review_url,
            include_unreviewed=args.include_unreviewed,
        )
        if chosen.printed:  # Qt prints it: imported only now, so other formats need no display
            from workbench.gui.pdf_export import export_printed

            outcome = export_printed(db, session.id, options, args.out)
        elif args.out is not None:
            outcome = export_to_path(db, session.id, options, args.out)
        else:
            outcome = export_to_stdout(db, session.id, options)
    finally:
        db.close()
    for warning in outcome.warnings:
        print(f"workbench: warning: {warning}", file=sys.stderr)
    if args.out is not None:
        print(f"Wrote {outcome.count} claim(s) from '{session.title}' to {args.out}", file=sys.stderr)
    return 0


def export_to_stdout(db: Database, session_id: int, options: ExportOptions) -> ExportOutcome:
    """The export on standard output; a closed pipe or a full disk is an error that says so."""
    from workbench.services.export import export

    try:
        outcome = export(db, session_id, options, sys.stdout)
        sys.stdout.flush()
    except OutputError as error:
        raise ExportError(f"Cannot write the export to standard output: {error.reason}.") from None
    return outcome


def import_command(args: argparse.Namespace) -> int:
    from workbench.services.export import import_session_file

    try:
        handle = args.file.open("rb")
    except OSError as error:
        raise SessionFileError(
            f"Cannot read {args.file}: {error.strerror or error}.", "Check the file name and try again."
        ) from None
    with handle:
        utf8_stdout()
        db = open_db(args)
        try:
            session = import_session_file(db, handle, title=args.title)
        finally:
            db.close()
    print(
        f"Imported '{session.title}' as session {session.id}: "
        f"{session.article_count} article(s), {session.claim_count} claim(s)."
    )
    return 0
