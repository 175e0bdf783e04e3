"""One row of the `make bench` table, and how the table is printed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    name: str
    value: float | str
    unit: str = ""
    target: str = ""
    ok: bool | None = None  # None: no target to meet
    note: str = ""


def median_ms(run: Callable[[], object], runs: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        run()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def format_table(rows: list[Row]) -> str:
    header = ("measure", "value", "unit", "target", "")
    body = [
        (
            r.name,
            f"{r.value:,.2f}" if isinstance(r.value, float) else str(r.value),
            r.unit,
            r.target,
            {True: "ok", False: "MISSED", None: ""}[r.ok] + (f" ({r.note})" if r.note else ""),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(5)]
    lines = [
        " | ".join(cell.ljust(widths[i]) if i != 1 else cell.rjust(widths[i]) for i, cell in enumerate(line))
        for line in [header, *body]
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def peak_mb() -> float:
    """This process's peak resident memory, in MB.

    Linux's ``VmHWM`` counts this program alone. ``ru_maxrss`` is the fallback
    elsewhere, but on Linux it also keeps the memory the parent had when it
    forked the probe (the bench process, hundreds of MB by then), so it is
    not used there.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
