"""``workbench extract [--format json|jsonl|text] SOURCE...``: articles as data, no storage.

The output is a contract (our benchmark and others' scripts read it): one
record per SOURCE, in order, with exactly the keys ``source``, ``url``,
``title``, ``authors``, ``published``, ``site_name``, ``language``, ``text``
and ``error``. A bad SOURCE gets its ``error`` and the batch goes on; the
exit status is 1 if any SOURCE failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any, TextIO

from workbench.domain.errors import WorkbenchError
from workbench.services.reading import load_article

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "json", "text")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print the article extracted from URLs or files (nothing is stored)",
        description="Fetch or read each SOURCE (an http(s) URL, an .html/.htm/.txt file, "
        "or - for standard input) and print its article.",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="jsonl: one JSON object per SOURCE (default); json: one list; text: title and body",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = _utf8(sys.stdout)
    records = []
    for source in args.sources:
        record = extract_record(source)
        records.append(record)
        if args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        elif args.format == "text" and record["error"] is None:
            _write_text(out, record, first=len(records) == 1)
    if args.format == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    return 1 if any(r["error"] is not None for r in records) else 0


def extract_record(source: str) -> dict[str, Any]:
    """The contract's record for one SOURCE; errors are reported, never raised."""
    try:
        article = load_article(source)
    except WorkbenchError as error:
        _report(source, error.message, error.hint)
        return _record(source, error=error.message)
    except Exception as error:  # a bug: keep the batch going, log the traceback
        log.debug("extracting %s failed", source, exc_info=True)
        message = f"Unexpected error while extracting ({type(error).__name__}: {error})."
        _report(source, message, "This is a bug in the workbench; please report it.")
        return _record(source, error=message)
    return _record(
        source,
        url=article.url,
        title=article.title,
        authors=list(article.authors),
        published=article.published,
        site_name=article.site_name,
        language=article.language,
        text=article.text,
    )


def _record(source: str, *, error: str | None = None, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "source": source,
        "url": None,
        "title": None,
        "authors": [],
        "published": None,
        "site_name": None,
        "language": None,
        "text": None,
        "error": error,
    }
    record.update(fields)
    return record


def _write_text(out: TextIO, record: dict[str, Any], first: bool) -> None:
    if not first:
        out.write("\n\f\n")  # a page break between articles
    if record["title"] and not (record["text"] or "").startswith(record["title"]):
        out.write(record["title"] + "\n\n")  # the text opens with its headline already
    out.write((record["text"] or "") + "\n")


def _report(source: str, message: str, hint: str) -> None:
    err = _utf8(sys.stderr)
    err.write(f"workbench: error: {source}: {message}\n")
    if hint:
        err.write(f"  {hint}\n")
    err.flush()


def _utf8(stream: TextIO) -> TextIO:
    """Print non-ASCII text whatever the locale says (pipes default to ASCII in C locales)."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding != "utf-8" and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(encoding="utf-8")
        except (ValueError, OSError):  # already written to, or not reconfigurable
            pass
    return stream
