"""Where an export may be written, and the half-written file it grows in.

An export is written to ``<name>.part`` and renamed over the destination when
complete. A rename replaces whatever has the name, so the destination is
checked first: only a regular file or a new name is accepted. A device, FIFO,
socket or folder is refused; renaming over ``/dev/full`` as root once replaced
the system's device with a plain file.

A symlink is written through, like a shell's ``>``: the link stays and the
file it points at is replaced (its ``.part`` sits beside that file, so the
rename stays on one file system and stays atomic). What it points at must pass
the same check.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from workbench.domain.errors import ExportError

KINDS = {
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def export_target(path: Path) -> Path:
    """The regular file an export to ``path`` replaces: ``path`` itself, or where its links lead.

    Raises ``ExportError`` when that is anything but a regular file or a name not taken yet.
    """
    try:
        mode: int | None = path.stat().st_mode  # through any links: what would be written
    except FileNotFoundError:
        mode = None  # a new file (or a link to one not made yet): nothing is replaced
    except (OSError, RuntimeError) as error:  # a symlink loop is RuntimeError in some Pythons
        raise ExportError(
            f"Cannot write to {path}: {getattr(error, 'strerror', None) or error}.",
            "Choose a new file name, or a file you can replace.",
        ) from None
    if mode is not None and not stat.S_ISREG(mode):
        kind = KINDS.get(stat.S_IFMT(mode), "not a regular file")
        where = f"{path} (a link to {os.readlink(path)})" if path.is_symlink() else str(path)
        raise ExportError(
            f"Cannot export to {where}: it is {kind}, and an export only writes regular files.",
            "Give a file name inside that folder." if kind == "a folder" else "Choose a new file name, or a file to replace.",
        )
    return path.resolve() if path.is_symlink() else path


def open_partial(target: Path) -> tuple[Path, BinaryIO]:
    """A new, empty ``<name>.part`` beside ``target``, opened for writing.

    Made with O_EXCL and O_NOFOLLOW, so a ``.part`` left by a crash that has
    since become a link or a device is never written through; such a leftover
    is removed first (only the name: unlinking a link leaves what it points at).
    """
    partial = target.with_name(target.name + ".part")
    if partial.is_symlink() or (partial.exists() and not partial.is_dir()):
        partial.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(partial, flags, 0o666)
    return partial, os.fdopen(descriptor, "wb")
