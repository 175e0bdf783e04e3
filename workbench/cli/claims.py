"""``workbench claims``: detect the claims in articles and print them.

The output contract is used by the benchmark and by scripts:
``workbench claims [--format jsonl|json|csv] [--published DATE] SOURCE...``.
For a ``.txt`` file the offsets index the file's exact decoded UTF-8 text
(read only if it is a regular file of at most 15 MB, like any other file);
for HTML files and URLs they index the plain text that ingest extracts.
A SOURCE that cannot be read, or holds no article text (a server's list of
files, say), gets an ``error`` and the batch goes on; the exit status is 1
when any SOURCE failed.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from datetime import date
from typing import Any

from workbench.domain.errors import WorkbenchError
from workbench.services.reading import detect_claims, read_source

log = logging.getLogger(__name__)

CSV_FIELDS = ["source", "kind", "start", "end", "text", "value", "unit", "speaker", "score"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "claims",
        help="detect figures, dates, equipment, quotes and statements in articles",
        description="Print the claims the workbench would propose for each SOURCE "
        "(a .txt or .html file, or an http(s) URL). Nothing is stored.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    parser.add_argument(
        "--format",
        choices=["jsonl", "json", "csv"],
        default="jsonl",
        help="jsonl: one object per SOURCE (default); json: a list; csv: one row per claim",
    )
    parser.add_argument(
        "--published",
        type=_iso_date,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for relative dates; overrides the article's own",
    )
    parser.set_defaults(func=claims_command)


def claims_command(args: argparse.Namespace) -> int:
    _utf8_stdout()
    results = []
    failed = False
    for source in args.sources:
        result = claims_for_source(source, args.published)
        failed = failed or result["error"] is not None
        if args.format == "jsonl":
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            results.append(result)
        if result["error"]:
            print(f"workbench: {source}: {result['error']}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        _write_csv(results)
    return 1 if failed else 0


def claims_for_source(source: str, published: date | None = None) -> dict[str, Any]:
    """``{"source", "claims", "error"}`` for one SOURCE; never raises for bad input."""
    try:
        text, own_date, no_text = read_source(source)
        if no_text is not None:
            message = f"This page has no article text ({no_text}). Give the article's own page, or save its text as a .txt file."
            return {"source": source, "claims": [], "error": message}
        claims = detect_claims(text, published or own_date)
    except WorkbenchError as error:
        message = f"{error.message} {error.hint}".strip()
        return {"source": source, "claims": [], "error": message}
    except Exception as error:  # a bug: report it for this SOURCE, log the traceback, go on
        log.debug("claims for %s failed", source, exc_info=True)
        message = f"Unexpected error ({type(error).__name__}: {error}). This is a bug in the workbench; please report it."
        return {"source": source, "claims": [], "error": message}
    return {"source": source, "claims": [c.as_json() for c in claims], "error": None}


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _write_csv(results: list[dict[str, Any]]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS + ["error"], lineterminator="\n")
    writer.writeheader()
    for result in results:
        if result["error"]:
            writer.writerow({"source": result["source"], "error": result["error"]})
        for claim in result["claims"]:
            row = dict(claim, source=result["source"], error="")
            if isinstance(row["value"], list):
                row["value"] = json.dumps(row["value"])
            writer.writerow(row)


def _utf8_stdout() -> None:
    """Articles are full of non-ASCII text: never let a C locale turn it into an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
