"""The ``workbench`` command.

With no subcommand it opens the window. Each subcommand lives in its own
module under ``workbench.cli`` with a ``register(subparsers)`` function that
adds its parser and sets ``func``; ``func(args)`` returns the exit status.
The GUI is imported lazily so the command line works without a display.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path

from workbench import __version__
from workbench.domain.errors import WorkbenchError, unexpected

# One module per command group; each registers its own subcommands.
COMMAND_MODULES = [
    "workbench.cli.sessions",
    "workbench.cli.extract",
    "workbench.cli.claims",
    "workbench.cli.recheck",
    "workbench.cli.sources",
    "workbench.cli.export",
    "workbench.cli.memory",
    "workbench.cli.review",
    "workbench.cli.team",
    "workbench.cli.desktop",
]

log = logging.getLogger("workbench")

# Exit statuses: 0 done, 1 some of the work failed (the command says which), 2 a
# WorkbenchError (the user's trouble, its message printed), 70 a bug (EX_SOFTWARE).
BUG_STATUS = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Fact-Check Workbench: review the claims in news articles.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    add_db_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = subparsers.add_parser("gui", help="open the window (the default)")
    gui.add_argument("files", nargs="*", metavar="FILE", help="articles (.html, .txt) or session files (.json) to open")
    add_db_option(gui)
    gui.set_defaults(func=_run_gui)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db`` is accepted before or after the subcommand."""
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="a SQLite file path or an SQLAlchemy URL (default: workbench.sqlite "
        "in your user data folder); leave the password out of the URL: it would "
        "show in `ps` (use ~/.pgpass, PGPASSWORD or a service file, or type it "
        "when asked)",
    )


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from workbench.cli.common import GuardedOutput, OutputError, drop_stdout, utf8_stdout

    utf8_stdout()
    parser = build_parser()
    args = parser.parse_args(files_to_window(parser, sys.argv[1:] if argv is None else argv))
    if not hasattr(args, "db"):
        args.db = None
    func = getattr(args, "func", _run_gui)
    stdout = sys.stdout
    sys.stdout = GuardedOutput(stdout)  # type: ignore[assignment]
    try:
        status = int(func(args) or 0)
        sys.stdout.flush()  # what is still buffered fails here, where it is said, not at exit
        return status
    except WorkbenchError as error:
        if isinstance(error, OutputError) or isinstance(error.__context__, OutputError):
            drop_stdout()
        print_error(error)
        return 2
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: said in one line first, its traceback after it for a report
        print_error(unexpected(error, "the traceback below"))
        log.error("uncaught error", exc_info=True)
        return BUG_STATUS
    finally:
        sys.stdout = stdout


def files_to_window(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``workbench FILE...`` opens the files in the window, as ``workbench gui FILE...`` does:
    a file manager starts the program with only the files. Only a first argument that is an
    existing file and not a command does so; a mistyped command still gets argparse's error."""
    commands = next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    skip_value = False
    for index, arg in enumerate(argv):
        if skip_value:
            skip_value = False
        elif arg == "--db":
            skip_value = True
        elif not arg.startswith("-"):
            if arg in commands or not Path(arg).is_file():
                return argv
            return [*argv[:index], "gui", *argv[index:]]
    return argv


def open_window() -> int:
    """The ``workbench-gui`` entry point: the window, with any files given to it."""
    return main(["gui", *sys.argv[1:]])


def print_error(error: WorkbenchError) -> None:
    print(f"workbench: error: {error.message}", file=sys.stderr)
    if error.hint:
        print(f"  {error.hint}", file=sys.stderr)


def _run_gui(args: argparse.Namespace) -> int:
    from workbench.gui.app import main as gui_main

    return gui_main(db_url=args.db, files=getattr(args, "files", []))
