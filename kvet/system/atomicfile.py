"""Write a file whole or not at all: into a temporary file beside it, then rename over it.

A crash, a full disk or a failed rename must never leave half a file where the user's file was,
nor a temporary file behind: every way out of ``replacing`` other than success removes the
temporary file (and any side files SQLite made beside it) and leaves the target as it was.
The temporary file is private (readable by its owner only) from the moment it exists, since it
may hold health data. Used by exports and by backups alike.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".partial"  # what a half-made file is called (backups clear leftovers by it)


@contextmanager
def replacing(target: Path, side_suffixes: Iterable[str] = ()) -> Iterator[Path]:
    """A new, empty, private temporary file beside ``target``, renamed over it on success.

    The caller writes the temporary file in the ``with`` block (any way it likes: bytes, SQLite's
    backup, a copy). ``side_suffixes`` names files a writer may leave beside it (SQLite's
    ``-journal``), removed too. Raises ``OSError`` as the system gave it.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        _fsync(temp)
        os.replace(temp, target)
    except BaseException:
        for leftover in (temp, *(temp.with_name(temp.name + s) for s in side_suffixes)):
            leftover.unlink(missing_ok=True)
        raise


def write_bytes(target: Path, data: bytes) -> None:
    """``data`` as the whole of ``target``, or ``target`` unchanged (``OSError`` says why)."""
    with replacing(target) as temp, open(temp, "wb") as handle:
        handle.write(data)


def _fsync(path: Path) -> None:
    """On disk before the rename: otherwise a power cut could leave the new name empty.

    Opened for writing: Windows refuses to flush a descriptor opened read-only (EBADF).
    """
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
