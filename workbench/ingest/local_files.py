"""Reading a local file with a byte cap that holds whatever the path points at.

The size a file reports is not trusted: devices (``/dev/zero``), files under
``/proc`` and files still being written report 0 or less than they hold. So
the cap is enforced while reading, in chunks, never reading more than
``max_bytes + 1`` bytes. Only regular files are read; symlinks are followed
to them. Devices, FIFOs and sockets are refused (reading a FIFO can block
forever, waiting for a writer): to read a stream, pipe it to ``-``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workbench.domain.errors import (
    IngestError,
    NotFoundError,
    TooLargeError,
    UnsupportedSourceError,
)

# The cap on a page's bytes, for a local file and (fetch.DEFAULT_MAX_BYTES) a download;
# defined here so that reading a text file does not import the HTTP stack.
FILE_MAX_BYTES = 15 * 1024 * 1024
_CHUNK = 1024 * 1024
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # absent on Windows, where there are no FIFOs to open
_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def read_file_capped(path: Path, *, source: str | None = None, max_bytes: int = FILE_MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; raise an ``IngestError`` for anything else.

    Missing files raise ``NotFoundError``; folders, devices, pipes and sockets
    ``UnsupportedSourceError``; files over ``max_bytes`` ``TooLargeError``.
    """
    source = source or str(path)
    try:
        # Refuse special files before opening them: opening some devices acts.
        _check_regular(os.stat(path).st_mode, source)
        # O_NONBLOCK: should a FIFO replace the file now, opening it will not wait for a writer.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise NotFoundError(f"No such file: {source}", "Check the path.") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the path
        raise _unreadable(source, error) from None
    try:
        # fstat, not stat: what was opened is what is checked (no swap in between).
        info = os.fstat(fd)
        _check_regular(info.st_mode, source)
        check_size(info.st_size, max_bytes, source)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return _read_up_to(fd, max_bytes, source)
    except OSError as error:
        raise _unreadable(source, error) from None
    finally:
        os.close(fd)


def check_size(size: int, max_bytes: int, what: str) -> None:
    if size > max_bytes:
        raise TooLargeError(
            f"{what} is larger than {max_bytes / (1024 * 1024):g} MB.",
            "News articles are much smaller; check that this is the article's page or text.",
        )


def _read_up_to(fd: int, max_bytes: int, source: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        check_size(total, max_bytes, source)  # a file growing while read, or one that under-reports


def _check_regular(mode: int, source: str) -> None:
    if stat.S_ISDIR(mode):
        raise _folder(source)
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    raise UnsupportedSourceError(
        f"{source} is not a regular file (it is {kind}).",
        "Give an .html or .txt file; to read a stream, pipe it to the command and give - as the source.",
    )


def _folder(source: str) -> UnsupportedSourceError:
    return UnsupportedSourceError(f"{source} is a folder, not a file.", "Give an .html or .txt file.")


def _unreadable(source: str, error: OSError | ValueError) -> IngestError:
    reason = getattr(error, "strerror", None) or error
    return IngestError(f"Cannot read {source}: {reason}.", "Check the path and the file's permissions.")
