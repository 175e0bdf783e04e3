"""The window on a remote PostgreSQL server: 20 ms added each way by a loopback proxy (remote_probe)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.benchmark.table import Row

REPO = Path(__file__).resolve().parents[2]
DELAY_MS = 20
PRESSES_S = 3.0  # 100 J presses, each handled at once, then the details of the last claim read


def rows() -> list[Row]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "tests.benchmark.remote_probe", "0", str(DELAY_MS)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=1800, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        if "no PostgreSQL server binaries" in done.stderr:
            return [Row("remote server", "skipped", "", "", None, "no PostgreSQL server here")]
        raise RuntimeError(f"remote_probe failed: {done.stderr.strip()[-2000:]}")
    found = json.loads(lines[-1])
    near, far = found["0"], found[str(DELAY_MS)]
    label = f"remote server ({DELAY_MS} ms each way, {far['claims']:,} claims)"
    return [
        Row(f"{label}: 100 J presses", far["presses_s"], "s", f"< {PRESSES_S:g}", far["presses_s"] < PRESSES_S,
            f"{near['presses_s']:.2f} s without added latency"),
        Row(f"{label}: database statements on the GUI thread, 100 J presses", float(far["gui_statements"]), "",
            "<= 0", far["gui_statements"] <= 0),
        Row(f"{label}: background statements / round trips, 100 J presses",
            f"{far['background_statements']} / {far['round_trips']}", ""),
        Row(f"{label}: start-up until the first claim is shown", far["startup_s"], "s", "",
            None, f"{near['startup_s']:.2f} s without added latency"),
        Row(f"{label}: statements / round trips at start-up",
            f"{far['startup_statements']} / {far['startup_round_trips']}", ""),
    ]


if __name__ == "__main__":
    from tests.benchmark.table import format_table

    print(format_table(rows()))
