"""A throwaway PostgreSQL server for the tests.

PostgreSQL refuses to run as root, and our sessions and CI run as root: so
when we are root the server runs as an unprivileged user (``postgres`` from
Debian's package, else ``nobody``). pytest-postgresql's janitor then gives
each test a fresh database on it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

USER = "workbench_test"


@dataclass
class Server:
    host: str
    port: int
    user: str
    data: Path
    run_as: list[str]
    bindir: Path

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.data.parent, ignore_errors=True)


def find_bindir() -> Path | None:
    candidates = []
    if pg_config := shutil.which("pg_config"):
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def start() -> Server:
    """Start a server or raise RuntimeError saying why not."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) found; install Debian's postgresql")
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:
        owner = _unprivileged_user()
        run_as = ["runuser", "-u", owner, "--"]
    base = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
    data = base / "data"
    if owner:
        entry = pwd.getpwnam(owner)
        os.chown(base, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    _run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-instructions"])
    _run(
        [
            *run_as,
            str(bindir / "pg_ctl"),
            "-D", str(data),
            "-l", str(base / "server.log"),
            "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off",
            "-w", "-t", "60",
            "start",
        ]
    )
    return Server(host="127.0.0.1", port=port, user=USER, data=data, run_as=run_as, bindir=bindir)


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed: {result.stderr.strip() or result.stdout.strip()}")
