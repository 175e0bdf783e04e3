"""Start-up against its floor: a bare PySide6 window, started in turn with the workbench.

Each pair starts the floor (a window with a splitter, nothing else) and the
workbench on a 41-claim session one after the other, as whole processes, and
the ratio is taken pair by pair, so a machine that slows down meanwhile
slows both. On a real X server (Xvfb, when installed) as a reviewer's
desktop would show it, else offscreen.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmark.table import Row

REPO = Path(__file__).resolve().parents[2]
PAIRS = 7
CLAIMS = 41


def _run(args: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    result = subprocess.run([sys.executable, "-m", "tests.benchmark.startup_probe", *args],
                            capture_output=True, text=True, env=env, cwd=REPO, check=True, timeout=120)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return {key: value - started if key != "rows" else value for key, value in found.items()}


def _environment(display: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python caches compiled modules
    if display:
        env["QT_QPA_PLATFORM"], env["DISPLAY"] = "xcb", display
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def rows() -> list[Row]:
    from tests.benchmark.export_bench import build_database

    display = None
    if shutil.which("Xvfb") and shutil.which("xdpyinfo"):
        from tests.realx.xsession import start_display

        display = start_display()
    where = "Xvfb" if display else "offscreen"
    try:
        env = _environment(display.name if display else None)
        with tempfile.TemporaryDirectory() as folder:
            db, _session = build_database(Path(folder) / "start.sqlite", CLAIMS, articles=1)
            db.close()
            workbench = ["workbench", str(Path(folder) / "start.sqlite"), folder]
            _run(["floor"], env)
            _run(workbench, env)  # the first start writes the caches
            pairs = [(_run(["floor"], env), _run(workbench, env)) for _ in range(PAIRS)]
    finally:
        if display:
            display.stop()
    floor = statistics.median(f["shown"] for f, _ in pairs)
    shown = statistics.median(w["shown"] for _, w in pairs)
    listed = statistics.median(w["claims"] for _, w in pairs)
    ratio = statistics.median(w["shown"] / f["shown"] for f, w in pairs)
    listed_ratio = statistics.median(w["claims"] / f["shown"] for f, w in pairs)
    return [
        Row(f"start-up floor: a bare window with a splitter ({where})", floor * 1000, "ms", "", None),
        Row(f"start-up to the shown window, {CLAIMS}-claim session ({where})", shown * 1000, "ms", "", None),
        Row("start-up: shown window against the floor (pair by pair)", round(ratio, 2), "x", "<= 2", ratio <= 2),
        Row(f"start-up until the {CLAIMS} claims are listed", listed * 1000, "ms", "", None),
        Row("start-up: claims listed against the floor", round(listed_ratio, 2), "x", "", None),
    ]
