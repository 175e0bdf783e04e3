"""Second extraction set: fetch its pages into a cache, outside the repository.

The pages are third-party web pages that extraction libraries ship as test
data in their source distributions (see tests/fixtures/extraction2/README.md);
their publishers' copyright does not let us keep them in git. Run
``python -m tests.benchmark.extraction2_pages`` once: it asks the package
index (pip's ordinary client) for each source distribution named in
``expectations.json`` and unpacks only the listed pages into ``cache_dir()``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXPECTATIONS = REPO / "tests" / "fixtures" / "extraction2" / "expectations.json"


def cache_dir() -> Path:
    """``$WORKBENCH_DEVSET_CACHE/extraction2``, else ``~/.cache/workbench/devsets/extraction2``."""
    root = os.environ.get("WORKBENCH_DEVSET_CACHE")
    base = Path(root) if root else Path.home() / ".cache" / "workbench" / "devsets"
    return base / "extraction2"


def load_expectations() -> dict[str, dict]:
    return json.loads(EXPECTATIONS.read_text(encoding="utf-8"))


def fetch() -> int:
    expectations = load_expectations()
    target = cache_dir()
    wanted: dict[str, dict[str, str]] = {}  # package -> member suffix -> our name
    for name, entry in expectations.items():
        wanted.setdefault(entry["package"], {})[entry["source"]] = name
    missing = 0
    for package, members in wanted.items():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                 "--dest", tmp, package],
                check=True,
            )
            archive = next(Path(tmp).glob("*.tar.gz"))
            with tarfile.open(archive) as tar:
                for member in tar.getmembers():
                    inner = member.name.split("/", 1)[-1]
                    if inner in members and member.isfile():
                        out = target / members.pop(inner)
                        out.parent.mkdir(parents=True, exist_ok=True)
                        out.write_bytes(tar.extractfile(member).read())  # type: ignore[union-attr]
        for source in members:
            print(f"not found in {package}: {source}", file=sys.stderr)
            missing += 1
    print(f"{len(expectations) - missing} pages in {target}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(fetch())
