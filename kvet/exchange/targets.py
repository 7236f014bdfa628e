"""Where an export may be saved: a new file, or an ordinary file the user may replace.

A save replaces its target by renaming a new file onto it. Onto kvet's own database that would
destroy the data the export came from; onto a device, a pipe or a folder it would replace
something that is not a document at all. Those are refused before anything is written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kvet.exchange.errors import ExchangeError
from kvet.store.protect import belongs_to_kvet
from kvet.text.errors import Words

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def _refuse(path: Path, why: str) -> ExchangeError:
    return ExchangeError("export.refused", path=path, why=Words(why))


def check_export_target(path: Path) -> None:
    """Raise ``ExchangeError`` unless ``path`` is new or an ordinary, writable document."""
    path = Path(path)
    if belongs_to_kvet(path):
        raise _refuse(path, "why.kvet-data")
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExchangeError(
            "export.cannot-save", path=path, reason=exc.strerror or str(exc)
        ) from exc
    if stat.S_ISLNK(found.st_mode):
        raise _refuse(path, "why.link")
    if stat.S_ISDIR(found.st_mode):
        raise _refuse(path, "why.folder")
    if not stat.S_ISREG(found.st_mode):
        raise _refuse(path, "why.device")
    if not found.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise _refuse(path, "why.read-only")
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return  # the save itself will say what is wrong
    if head.startswith(SQLITE_MAGIC) or head[:4] in WAL_MAGICS:
        raise _refuse(path, "why.database")
