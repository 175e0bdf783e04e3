"""Pieces every command shares: opening the database, the reviewer's name, JSON output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from workbench.services.database import Database, open_database


def open_db(args: argparse.Namespace) -> Database:
    return open_database(getattr(args, "db", None))


def reviewer_name() -> str:
    """Who is editing: $WORKBENCH_REVIEWER, else the login name."""
    name = os.environ.get("WORKBENCH_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def print_json(data: Any, *, indent: int | None = 2) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=indent, default=str)
    sys.stdout.write("\n")


def utf8_stdout() -> None:
    """Articles are full of non-ASCII text: never let a C locale turn it into an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
