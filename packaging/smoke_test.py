"""Smoke test of the bundle as a reviewer gets it:
``python packaging/smoke_test.py ARCHIVE [--old-database PATH]``.

Unpacks the archive into a temporary folder and runs the unpacked
``workbench-app`` under ``env -i`` (no PATH, no venv, no Python of ours, a
fresh home): ``--version``, ``claims`` on the demo article, ``extract`` on
fixture pages, ``install-desktop.sh``, and the window started offscreen on an
empty database, where it must open the demo and quit cleanly on SIGTERM (as
a desktop's logout asks). If Xvfb is there, the window is also started on
the xcb platform, which a reviewer's desktop uses. A database of a newer
version must be refused untouched; one of an older version (``--old-database``,
made by packaging/old_database.py) must be upgraded, with a backup of the old
file beside it. Only the standard library is used here, so any python3 can
run it. Exit status 0 when every check passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "samples" / "belarus-ww3.txt"
PAGES = {  # fixture page -> the title extraction must find
    REPO / "tests" / "fixtures" / "html" / "jsonld_newsarticle.html": "Bridge repairs to cost twice the estimate",
    # main text found by trafilatura, which reads its settings file at run time
    REPO / "tests" / "fixtures" / "html" / "boilerplate_heavy.html": "Record crowds at summer festival",
}
# What Qt may say on stderr that is not a fault: the offscreen platform has no
# window manager, and env -i leaves no locale, so Qt picks C.UTF-8 and says so.
HARMLESS = ("propagateSizeHints", "locale", "Qt depends on a UTF-8", "reconfigure your locale",
            "for more information")


class Failed(Exception):
    pass


def main(archive: Path, old_database: Path | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as scratch:
        root = Path(scratch)
        app = unpack(archive, root / "unpacked")
        home = root / "home"
        home.mkdir()
        checks = [
            ("--version", lambda: check_version(app, home)),
            ("claims on the demo article", lambda: check_claims(app, home)),
            ("extract on fixture pages", lambda: check_extract(app, home)),
            ("install-desktop.sh and --uninstall", lambda: check_desktop_entry(app, home)),
            ("the window offscreen: the demo, then quit", lambda: check_window(app, root / "offscreen")),
            ("the window on X (Xvfb, xcb platform)", lambda: check_window_on_x(app, root / "xcb")),
            ("a database of a newer version is refused", lambda: check_newer_database(app, root / "newer")),
            ("a database of an older version is upgraded, with a backup",
             lambda: check_older_database(app, root / "older", old_database)),
        ]
        failed = 0
        for name, check in checks:
            started = time.monotonic()
            try:
                note = check()
            except Failed as error:
                failed += 1
                print(f"FAIL  {name}: {error}")
            else:
                print(f"ok    {name} ({time.monotonic() - started:.1f} s){': ' + note if note else ''}")
        print(f"{len(checks) - failed} of {len(checks)} checks passed")
        return 1 if failed else 0


def unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="tar")
    folders = [p for p in into.iterdir() if p.is_dir()]
    if len(folders) != 1:
        raise SystemExit(f"{archive}: expected one top folder, found {[p.name for p in folders]}")
    return folders[0]


def clean_env(home: Path, **extra: str) -> list[str]:
    """``env -i`` with only a home folder (and what the check adds): nothing of the build's environment."""
    return ["env", "-i", f"HOME={home}", *(f"{k}={v}" for k, v in extra.items())]


def run(app: Path, home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*clean_env(home, **extra), str(app / "workbench-app"), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=home, check=False,
    )


def expect_ok(result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode != 0:
        raise Failed(f"exit status {result.returncode}\n{result.stderr[-2000:]}")


def check_version(app: Path, home: Path) -> str:
    result = run(app, home, "--version")
    expect_ok(result)
    version = archive_version(app)
    if result.stdout.strip() != f"workbench {version}":
        raise Failed(f"printed {result.stdout.strip()!r}, the archive is version {version}")
    return result.stdout.strip()


def archive_version(app: Path) -> str:
    return app.name.removeprefix("workbench-")  # the archive's folder is workbench-VERSION


def check_claims(app: Path, home: Path) -> str:
    result = run(app, home, "claims", "--format", "json", str(DEMO))
    expect_ok(result)
    [record] = json.loads(result.stdout)
    if record["error"] is not None or len(record["claims"]) < 10:
        raise Failed(f"error {record['error']!r}, {len(record['claims'])} claims")
    return f"{len(record['claims'])} claims"


def check_extract(app: Path, home: Path) -> str:
    result = run(app, home, "extract", "--format", "json", *map(str, PAGES))
    expect_ok(result)
    records = json.loads(result.stdout)
    for record, title in zip(records, PAGES.values(), strict=True):
        if record["error"] is not None or record["title"] != title or len(record["text"] or "") < 200:
            raise Failed(f"{record['source']}: error {record['error']!r}, title {record['title']!r}")
    authors = records[0]["authors"]
    if "Tomás Ruiz" not in authors:  # a name with an accent, printed with no locale set
        raise Failed(f"authors {authors!r}")
    return f"{len(records)} pages"


def check_desktop_entry(app: Path, home: Path) -> str:
    data = home / "xdg-data"
    script = app / "install-desktop.sh"
    result = subprocess.run([*clean_env(home, XDG_DATA_HOME=str(data)), "/bin/sh", str(script)],
                            capture_output=True, text=True, timeout=60, check=False)
    expect_ok(result)
    entry = data / "applications" / "factcheck-workbench.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "factcheck-workbench.svg"
    if not entry.is_file() or not icon.is_file():
        raise Failed(f"no entry or icon under {data}: {result.stdout}")
    text = entry.read_text(encoding="utf-8")
    if f"Exec={app / 'workbench-app'} gui %F" not in text:
        raise Failed(f"the entry does not start the unpacked executable:\n{text}")
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
        if checked.returncode != 0 or checked.stdout.strip():
            raise Failed(f"desktop-file-validate: {checked.stdout}{checked.stderr}")
    result = subprocess.run([*clean_env(home, XDG_DATA_HOME=str(data)), "/bin/sh", str(script), "--uninstall"],
                            capture_output=True, text=True, timeout=60, check=False)
    expect_ok(result)
    if entry.exists() or icon.exists():
        raise Failed("--uninstall left the entry or the icon")
    return "validated" if validator else "not validated (no desktop-file-validate)"


def check_window(app: Path, home: Path, **extra: str) -> str:
    """Start the window on a new home (an empty database): it opens the demo; SIGTERM quits it."""
    home.mkdir()
    database = home / ".local" / "share" / "workbench" / "workbench.sqlite"
    started = time.monotonic()
    window = subprocess.Popen(
        [*clean_env(home, QT_QPA_PLATFORM=extra.pop("QT_QPA_PLATFORM", "offscreen"), **extra),
         str(app / "workbench-app")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=home,
    )
    try:
        claims = wait_for_demo(window, database, timeout=90)
        shown = time.monotonic() - started
        time.sleep(0.5)  # the window shows what it stored
        window.send_signal(signal.SIGTERM)
        status = window.wait(timeout=20)
    finally:
        if window.poll() is None:
            window.kill()
    out, err = window.communicate()
    if status != 0:
        raise Failed(f"exit status {status} after SIGTERM\n{err[-2000:]}")
    said = [line for line in (out + err).splitlines() if line.strip() and not any(h in line for h in HARMLESS)]
    if said:
        raise Failed("the window printed:\n" + "\n".join(said[:20]))
    sessions = run(app, home, "sessions", "--format", "json")
    expect_ok(sessions)
    demo = [s for s in json.loads(sessions.stdout) if s["title"].startswith("Demo")]
    if len(demo) != 1 or demo[0]["articles"] != 1 or demo[0]["claims"] != claims:
        raise Failed(f"after quitting, the database holds {sessions.stdout}")
    return f"demo with {claims} claims stored {shown:.1f} s after start"


def wait_for_demo(window: subprocess.Popen[str], database: Path, timeout: float) -> int:
    """The demo's claims, once the window has stored them (read-only: the window owns the file)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if window.poll() is not None:
            raise Failed(f"the window ended by itself, status {window.returncode}\n{window.communicate()[1][-2000:]}")
        if database.exists():
            try:
                with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
                    [(claims,)] = connection.execute(
                        "SELECT count(*) FROM claim JOIN article ON claim.article_id = article.id "
                        "JOIN review_session ON article.session_id = review_session.id "
                        "WHERE review_session.title LIKE 'Demo%'"
                    ).fetchall()
            except sqlite3.Error:  # still being created and migrated
                claims = 0
            if claims:
                return claims
        time.sleep(0.2)
    raise Failed(f"no demo claims in {database} after {timeout:.0f} s")


def check_newer_database(app: Path, home: Path) -> str:
    """An older bundle meeting a database a newer version wrote: refused, untouched, said plainly."""
    home.mkdir()
    database = home / "review.sqlite"
    expect_ok(run(app, home, "sessions", "--db", str(database)))  # created at this version's schema
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '2999_01_01_0001'")
    connection.close()
    before = database.read_bytes()
    result = run(app, home, "sessions", "--db", str(database))
    if result.returncode != 2 or "newer version" not in result.stderr:
        raise Failed(f"exit status {result.returncode}: {result.stderr}")
    if database.read_bytes() != before or list(home.glob("*.bak")):
        raise Failed("the newer database was changed or backed up")
    return result.stderr.splitlines()[0]


def check_older_database(app: Path, home: Path, old_database: Path | None) -> str:
    if old_database is None:
        return "skipped: no --old-database given"
    home.mkdir()
    database = home / old_database.name
    shutil.copyfile(old_database, database)
    with sqlite3.connect(database) as connection:
        [(old_revision,)] = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    connection.close()
    result = run(app, home, "sessions", "--format", "json", "--db", str(database))
    expect_ok(result)
    listed = [(s["title"], s["articles"], s["claims"]) for s in json.loads(result.stdout)]
    if listed != [("Review from the first release", 1, 1)]:
        raise Failed(f"after the upgrade the database lists {listed}")
    backups = list(home.glob(f"{database.name}.{old_revision}.*.bak"))
    if len(backups) != 1:
        raise Failed(f"expected one backup beside the database, found {[b.name for b in backups]}")
    with sqlite3.connect(f"file:{backups[0]}?mode=ro", uri=True) as connection:  # the old schema, kept
        kept = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        titles = connection.execute("SELECT title FROM review_session").fetchall()
    connection.close()
    if kept != [(old_revision,)] or titles != [("Review from the first release",)]:
        raise Failed(f"the backup holds schema {kept} and sessions {titles}")
    return f"from schema {old_revision}, backup {backups[0].name}"


def check_window_on_x(app: Path, home: Path) -> str:
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        return "skipped: no Xvfb"
    display = f":{100 + os.getpid() % 400}"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        return check_window(app, home, QT_QPA_PLATFORM="xcb", DISPLAY=display)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--old-database", type=Path, help="a database written at an older schema")
    options = parser.parse_args()
    sys.exit(main(options.archive, options.old_database))
