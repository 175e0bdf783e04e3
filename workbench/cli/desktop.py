"""``workbench install-desktop [--uninstall]``: the applications-menu entry on Linux."""

from __future__ import annotations

import argparse

from workbench import desktop_entry
from workbench.domain.errors import WorkbenchError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "install-desktop",
        help="add the workbench to your applications menu (Linux) so it opens .html, .txt and session files",
        description="Write a .desktop entry and the icon under $XDG_DATA_HOME "
        "(default ~/.local/share) that start this installation of the workbench.",
    )
    parser.add_argument("--uninstall", action="store_true", help="remove the entry and the icon again")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.uninstall:
            removed = desktop_entry.uninstall()
            for path in removed:
                print(f"removed {path}")
            if not removed:
                print(f"nothing to remove: no entry at {desktop_entry.desktop_files().entry}")
            return 0
        files = desktop_entry.install()
    except OSError as error:
        raise WorkbenchError(
            f"Could not write the menu entry ({error.strerror or error}: {error.filename or ''}).",
            "Check that your data folder is writable, or set XDG_DATA_HOME to one that is.",
        ) from error
    print(f"wrote {files.entry}")
    print(f"wrote {files.icon}")
    print("The workbench is in your applications menu (Office); it may take a moment to appear.")
    return 0
