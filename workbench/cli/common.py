"""Pieces every command shares: opening the database, the reviewer's name, JSON output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from workbench.domain.errors import DatabaseUnreachableError, WorkbenchError
from workbench.services.database import (
    Database,
    open_database,
    password_prompt_target,
    with_password,
)


def open_db(args: argparse.Namespace) -> Database:
    """Open ``--db``; a server that wants a password the URL lacks asks for it on a terminal.

    Typed, not given in the URL, the password never shows in `ps`.
    """
    location = getattr(args, "db", None)
    try:
        return open_database(location)
    except DatabaseUnreachableError as error:
        target = password_prompt_target(location) if location is not None else None
        if target is None or not wants_password(error) or not sys.stdin.isatty():
            raise
        password = getpass.getpass(f"Password for {target}: ")
        return open_database(with_password(location, password))


def wants_password(error: BaseException) -> bool:
    text = str(error.__cause__ or error).lower()
    return "no password supplied" in text or "password authentication failed" in text


def reviewer_name(db: Database | None = None) -> str:
    """Who is editing: on PostgreSQL the database role's display name (see `workbench team
    name`); on a SQLite file $WORKBENCH_REVIEWER, else the name stored for the login name,
    else the login name."""
    from workbench.services.team import login_name, who_am_i

    chosen = os.environ.get("WORKBENCH_REVIEWER") or None
    if db is not None:
        return who_am_i(db, chosen).display_name
    return chosen or login_name()


def print_json(data: Any, *, indent: int | None = 2) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=indent, default=str)
    sys.stdout.write("\n")


def utf8_stdout() -> None:
    """Articles are full of non-ASCII text: never let a C locale turn it into an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


class OutputError(WorkbenchError):
    """Standard output cannot be written: the reader closed it, or its disk is full."""

    def __init__(self, error: OSError) -> None:
        if isinstance(error, BrokenPipeError):
            self.reason = "the reader closed it before the end (broken pipe)"
        else:
            self.reason = (error.strerror or str(error)).rstrip(".").lower()
        super().__init__(f"Cannot write to standard output: {self.reason}.", "")


class GuardedOutput:
    """Standard output whose write failures are an ``OutputError``, not a bug's traceback."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputError(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def drop_stdout() -> None:
    """Point standard output at the null device, so the exit's own flush of what is left in
    its buffer cannot fail again and print a traceback after the message."""
    try:
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, sys.stdout.fileno())
        os.close(descriptor)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests capture it): nothing will flush it at exit
