"""`workbench recheck SESSION --sources [--format json|text]`: fetch every source again.

Per source: ``id``, ``url``, ``status`` (unchanged, changed or failed),
``error``, and ``citations`` with ``claim_id`` and ``passage_found`` (true,
false, or null when no passage is quoted or the page could not be had).
JSON output is one object per source per line. Exit 0 when every source was
fetched, 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import sys

from workbench.cli.common import open_db, reviewer_name


def recheck_sources_command(args: argparse.Namespace) -> int:
    from workbench.services.sessions import find_session
    from workbench.services.source_watch import FAILED, recheck_sources

    if args.article is not None:
        from workbench.domain.errors import InvalidValueError

        raise InvalidValueError("--article and --sources cannot be used together.",
                                "Re-check the articles and the sources in two commands.")
    db = open_db(args)
    try:
        session = find_session(db, args.session)
        results = recheck_sources(db, session.id, by=reviewer_name(db))
    finally:
        db.close()
    for result in results:
        if args.format == "json":
            sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
            continue
        print(f"source {result.source_id}: {result.status}  {result.url}")
        if result.error:
            print(f"  error: {result.error}")
        for citation in result.citations:
            if citation.passage_found is False:
                print(f"  claim {citation.claim_id}: PASSAGE NOT FOUND  (review it)")
            elif result.status == "changed":
                print(f"  claim {citation.claim_id}: source changed  (review it)")
    return 1 if any(r.status == FAILED for r in results) else 0
