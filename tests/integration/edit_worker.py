"""A reviewer in another process, for the crash and concurrency tests.

    python tests/integration/edit_worker.py DB_URL ARTICLE_ID NAME COUNT [SHARED_CLAIM_ID]

Adds COUNT claims to the article, one commit each, printing ``saved <id>``
after each commit returns (what the window would show as saved). With a
shared claim id, it also sets that claim's verdict after every claim it adds,
using the version it last read, and prints ``conflict`` when another
reviewer got there first.
"""

from __future__ import annotations

import sys

from workbench.domain.errors import ConflictError, DatabaseLockedError
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.storage import claims
from workbench.storage.database import open_database


def main(url: str, article_id: int, name: str, count: int, shared: int | None) -> None:
    db = open_database(url)
    text_length = 60  # the tests' article text is longer than this
    seen_version = claims.get_claim(db, shared).version if shared else 0
    for i in range(count):
        start = i % (text_length - 5)
        record = claim_edits.add_claim(
            db, article_id, ClaimDraft("statement", start, start + 5, wording=f"{name}-{i}"), by=name
        )
        print(f"saved {record.id}", flush=True)
        if shared is None:
            continue
        verdict = "true" if i % 2 else "false"
        try:
            updated = claim_edits.update_claim(
                db, shared, {"verdict": verdict, "rationale": f"{name}-{i}"}, by=name,
                expected_version=seen_version,
            )
            seen_version = updated.version
            print(f"verdict {updated.version}", flush=True)
        except ConflictError as conflict:
            seen_version = conflict.their_version  # reload, as the window does
            print("conflict", flush=True)
        except DatabaseLockedError:
            print("locked", flush=True)
    db.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], int(args[1]), args[2], int(args[3]), int(args[4]) if len(args) > 4 else None)
