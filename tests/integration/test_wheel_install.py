"""A non-editable install (a built wheel) finds its resources and migrations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from workbench import __version__

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


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The wheel installed into a folder of its own, and an environment in which only that copy of
    workbench is importable (the checkout kept off the path): installed once for the module."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    return target, env


def test_wheel_carries_resources_and_migrations(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "workbench/_resources/scales/default.json" in names
    assert any(n.startswith("workbench/_db/versions/") and n.endswith(".py") for n in names)
    assert "workbench/_db/env.py" in names


def test_installed_wheel_opens_a_database_and_lists_sessions(installed, tmp_path):
    target, env = installed  # run from an empty folder: only the installed copy is importable
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


def test_the_wheel_gives_the_command_and_the_window_command(installed, tmp_path):
    """What `pipx install` exposes: `workbench` (the command line) and `workbench-gui` (the window)."""
    target, env = installed
    env = dict(env)  # this test adds its own data folder

    def command(name: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(target / "bin" / name), *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )

    version = command("workbench", "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"workbench {__version__}"), version.stderr
    # --help shows the window's own options without opening it: the files it opens, the database.
    window_help = command("workbench-gui", "--help")
    assert window_help.returncode == 0, window_help.stderr
    assert "usage: workbench gui" in window_help.stdout and "FILE" in window_help.stdout
    # The menu entry of a pipx install starts that install's command, with the wheel's icon.
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    installed = command("workbench", "install-desktop")
    assert installed.returncode == 0, installed.stderr
    entry = (tmp_path / "data" / "applications" / "factcheck-workbench.desktop").read_text(encoding="utf-8")
    assert f"Exec={target / 'bin' / 'workbench'} gui %F" in entry
    assert (tmp_path / "data" / "icons" / "hicolor" / "scalable" / "apps" / "factcheck-workbench.svg").is_file()
