"""A non-editable install (a built wheel) finds its resources and migrations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    return next(out.glob("*.whl"))


def test_wheel_carries_resources_and_migrations(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "workbench/_resources/scales/default.json" in names
    assert any(n.startswith("workbench/_db/versions/") and n.endswith(".py") for n in names)
    assert "workbench/_db/env.py" in names


def test_installed_wheel_opens_a_database_and_lists_sessions(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    # Only the installed copy of workbench may be importable: run from an
    # empty folder with the checkout kept off the path.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    db_path = tmp_path / "fresh.sqlite"
    code = (
        "import json, workbench.paths as p, workbench.cli as c\n"
        f"assert str(p.resources_dir()).startswith({str(target)!r}), p.resources_dir()\n"
        f"raise SystemExit(c.main(['sessions', '--format', 'json', '--db', {str(db_path)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert (tmp_path / "fresh.sqlite").exists()
