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
    args = parser.parse_args(argv)
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


def print_error(error: WorkbenchError) -> None:
    print(f"workbench: error: {error.message}", file=sys.stderr)
    if error.hint:
        print(f"  {error.hint}", file=sys.stderr)


def _run_gui(args: argparse.Namespace) -> int:
    from workbench.gui.app import main as gui_main

    return gui_main(db_url=args.db)
