"""An importer in another process, for the crash test of imports.

    python tests/integration/import_worker.py DB_URL SESSION_ID COUNT

Imports the same long article COUNT times, printing ``imported <id> <claims>``
after each import returns (what the window would show as imported).
"""

from __future__ import annotations

import sys

from tests.factories import long_read, make_article
from workbench.services.importing import store_extracted
from workbench.storage.database import open_database


def main(url: str, session_id: int, count: int) -> None:
    db = open_database(url)
    article = make_article(long_read(3000))
    for _ in range(count):
        result = store_extracted(db, session_id, article, by="importer")
        print(f"imported {result.article.id} {result.claims_added}", flush=True)
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
