"""The Linux applications-menu entry: a .desktop file and the icon, in the user's XDG data folder.

``workbench install-desktop`` writes them so the workbench appears in the
menu and a file manager offers it for .html, .txt and session (.json) files;
``--uninstall`` removes them. The bundle's install-desktop.sh runs the same
command from the bundled executable, so both installs write the same entry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench import APP_ID
from workbench.paths import resource

# The file names: one id for the entry and its icon, as the XDG specs advise (APP_ID).
MIME_TYPES = ("text/html", "text/plain", "application/json")


@dataclass(frozen=True)
class DesktopFiles:
    entry: Path
    icon: Path


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (the spec says to ignore it then)."""
    environ = os.environ if environ is None else environ
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def desktop_files(home: Path | None = None) -> DesktopFiles:
    home = home or data_home()
    return DesktopFiles(
        entry=home / "applications" / f"{APP_ID}.desktop",
        icon=home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    )


def launch_command() -> list[str]:
    """The command that starts this installation of the workbench, with absolute paths:
    a menu does not run it from the user's shell, so a venv's bin folder is not on its PATH."""
    if getattr(sys, "frozen", False):  # the bundle: its own executable
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0])
    if script.name.startswith("workbench") and script.is_file():  # the installed `workbench` command
        return [str(script.resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "workbench"]


def entry_text(command: Sequence[str]) -> str:
    """The .desktop entry that opens the window, with the files given to it (%F)."""
    exec_line = " ".join(_exec_argument(part) for part in [*command, "gui"]) + " %F"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Fact-Check Workbench",
        "GenericName=Fact-Checking Workbench",
        "Comment=Review the claims in news articles: verdicts, evidence and reports",
        f"Exec={_escape_value(exec_line)}",
        f"TryExec={_escape_value(command[0])}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;",
        "MimeType=" + "".join(f"{mime};" for mime in MIME_TYPES),
        "Keywords=fact-check;claims;verdicts;news;",
    ]
    return "\n".join(lines) + "\n"


def install(command: Sequence[str] | None = None, home: Path | None = None) -> DesktopFiles:
    """Write the entry and the icon (replacing an older install's) and tell the menu about them."""
    files = desktop_files(home)
    files.icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource("icons", "workbench.svg"), files.icon)
    files.entry.parent.mkdir(parents=True, exist_ok=True)
    partial = files.entry.with_suffix(".desktop.partial")  # a menu watching the folder never reads half a file
    partial.write_text(entry_text(command or launch_command()), encoding="utf-8")
    partial.replace(files.entry)
    _refresh_mime_cache(files.entry.parent)
    return files


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove the entry and the icon; the paths that were there."""
    files = desktop_files(home)
    removed = []
    for path in (files.entry, files.icon):
        if path.exists():
            path.unlink()
            removed.append(path)
    if removed:
        _refresh_mime_cache(files.entry.parent)
    return removed


def _refresh_mime_cache(applications: Path) -> None:
    # Desktops read MimeType= through this cache; without the tool (not every
    # system has desktop-file-utils) they rebuild it themselves at next login.
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run([tool, "-q", str(applications)], check=False, capture_output=True, timeout=30)


# Quoting in Exec (Desktop Entry spec, "The Exec key"): an argument with a
# reserved character goes in double quotes, where " ` $ \ take a backslash;
# a literal % is written %%. The whole value is then escaped as any string
# value is, which doubles each backslash again.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_argument(argument: str) -> str:
    argument = argument.replace("%", "%%")
    if not any(char in _RESERVED for char in argument):
        return argument
    quoted = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return f'"{quoted}"'


def _escape_value(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
