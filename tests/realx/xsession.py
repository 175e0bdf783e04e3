"""A real X display for the window: Xvfb, the app as a subprocess, and xdotool's keys.

The offscreen tests call Qt from inside the test process; these start the
real program the way a reviewer does (``python -m workbench gui --db``) on a
private Xvfb display and press real keys at it, so a crash, a freeze or a
lost key shows as it would on a desk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.factories import long_read
from workbench.domain.records import ClaimRecord
from workbench.services.importing import import_text
from workbench.storage import claims as claim_store
from workbench.storage import sessions
from workbench.storage.database import open_database

TITLE = "Fact-Check Workbench"
TOOLS = ("Xvfb", "xdotool", "xdpyinfo", "import")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(done: Callable[[], object], timeout: float, what: str, step: float = 0.05) -> object:
    deadline = time.monotonic() + timeout
    while True:
        result = done()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.1f} s for {what}")
        time.sleep(step)


@dataclass
class Display:
    number: int
    process: subprocess.Popen

    @property
    def name(self) -> str:
        return f":{self.number}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_display(width: int = 1400, height: int = 900) -> Display:
    """Xvfb on the first free display number from :90 up."""
    for number in range(90, 140):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        process = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        display = Display(number, process)
        try:
            wait_for(lambda p=process, d=display: p.poll() is not None or _answers(d.name), 10, "Xvfb to answer")
        except TimeoutError:
            display.stop()
            continue
        if process.poll() is None:
            return display
    raise RuntimeError("no free X display number between :90 and :139")


def _answers(name: str) -> bool:
    return subprocess.run(["xdpyinfo", "-display", name], capture_output=True, check=False).returncode == 0


def prepare_database(path: Path, words: int = 10_000) -> int:
    """A database with one session holding a ~``words``-word article and its claims; its claim count."""
    db = open_database(path)
    try:
        session = sessions.create_session(db, "Long read", reviewer="tester")
        import_text(db, session.id, long_read(words), by="tester", source="long read")
        return len(claim_store.list_claims(db, session_id=session.id))
    finally:
        db.close()


def read_claims(path: Path) -> list[ClaimRecord]:
    """The claims as stored now (SQLite lets a second reader look while the app runs)."""
    db = open_database(path)
    try:
        return claim_store.list_claims(db)
    finally:
        db.close()


@dataclass
class App:
    """The real program on the display, with its stderr kept in a file."""

    display: Display
    home: Path
    process: subprocess.Popen
    stderr_path: Path
    window: str = ""
    env: dict[str, str] = field(default_factory=dict)

    def xdotool(self, *args: str, timeout: float = 120) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout, check=False)
        return done.stdout.strip()

    def key(self, *keys: str, delay_ms: int = 12, repeat: int = 1) -> None:
        """Real key presses to the focused window (what the X server sends to the app)."""
        args = ["key", "--clearmodifiers", "--delay", str(delay_ms)]
        if repeat > 1:
            args += ["--repeat", str(repeat)]
        self.xdotool(*args, *keys)

    def type(self, text: str, delay_ms: int = 12) -> None:
        self.xdotool("type", "--delay", str(delay_ms), text)

    def active_window_name(self) -> str:
        return self.xdotool("getactivewindow", "getwindowname", timeout=5)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stderr_lines(self) -> list[str]:
        """Everything the app printed. Nothing is filtered: under Xvfb, with its own
        XDG_RUNTIME_DIR, Qt prints no notes at all, and a review or a quit logs
        nothing, so any line is news (a traceback, a Qt warning, a job that would not stop)."""
        return [line for line in self.stderr().splitlines() if line.strip()]

    def screenshot(self, path: Path) -> Path:
        subprocess.run(["import", "-display", self.display.name, "-window", "root", str(path)],
                       env=self.env, capture_output=True, timeout=30, check=True)
        return path

    def wait_exit(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.alive():
            self.process.kill()
            self.process.wait()


def launch(display: Display, db_path: Path, home: Path, timeout: float = 60) -> App:
    """Start the program on ``db_path`` with settings kept under ``home``; wait for its window."""
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("QT_", "XDG_", "WAYLAND")) and key not in ("DISPLAY", "HOME")
    }
    # QSettings and platformdirs read HOME and XDG_*: the user's own settings and recent list stay untouched.
    env.update(
        DISPLAY=display.name, QT_QPA_PLATFORM="xcb", HOME=str(home), XDG_CONFIG_HOME=str(config),
        XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(runtime),
        PYTHONFAULTHANDLER="1",
    )
    stderr_path = home / "app-stderr.txt"
    with stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "workbench", "gui", "--db", str(db_path)],
            env=env, stdout=subprocess.DEVNULL, stderr=stderr, cwd=str(home),
        )
    app = App(display, home, process, stderr_path, env=env)
    try:
        app.window = str(wait_for(lambda: _find_window(app), timeout, "the window to appear", step=0.2))
    except TimeoutError:
        app.stop()
        raise AssertionError(f"no window within {timeout} s; stderr:\n{app.stderr()}") from None
    app.xdotool("windowactivate", "--sync", app.window, timeout=10)
    app.xdotool("windowfocus", "--sync", app.window, timeout=10)
    return app


def _find_window(app: App) -> str:
    if not app.alive():
        raise AssertionError(f"the app exited with {app.process.returncode} before showing a window:\n{app.stderr()}")
    found = app.xdotool("search", "--onlyvisible", "--name", TITLE, timeout=5).split()
    return found[-1] if found else ""
