"""The file as kvet last closed it well, so the next opening can skip the whole-file checks.

SQLite's full integrity check and the scans of every saved date, list and text
(``kvet.store.health``) read the whole database: 60 ms of processor time at 200 clinics,
growing with every answer. On opening they stood between the user and their data. Now they run
when kvet closes the database (every change written into the file, its log of recent changes
emptied, the lock still held, the window already gone): a file found sound then is stamped with
its length and SHA-256 digest in kvet's state folder (a session that only looked leaves the
file byte for byte as stamped: its close only reads the digest again). At the next opening, a
file whose bytes are exactly those needs no new look: nothing can have damaged it since. Any
other file (changed by anything, even one bit, a backup put back, a log of changes left by a
crash, damage written behind kvet's back while it ran, a stamp from another version of these
checks) gets the full checks on opening, as before, and its damage is said before anything is
written.

The stamp also says whether the close kept everyone's merged answers after the last change
(``kvet.store.keptanswers``): only then may the next start read them instead of the rows.

The stamp names no data: the database's place is kept only as a digest of its path. A stamp
lost or unreadable only means a full check. Writing it needs no ``fsync``: after a power cut,
a stamp that does not match the file just means the full check.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import platformdirs

from kvet.system import privatefiles

# Bump when the checks that a stamp stands for change: a file checked by fewer checks is
# checked again by the new ones.
CHECKS = "health-1"
STAMPS_NAME = "closed-well.json"
KEPT_MARK = "kept"  # after the stamp: the merged answers in the file are those of its rows
KEPT = 16  # stamps of this many database files (a user rarely has more than one)


def _stamps_file() -> Path:
    return platformdirs.user_state_path("kvet", appauthor=False) / STAMPS_NAME


def _key(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()


def _log_is_empty(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size == 0
    except FileNotFoundError:
        return True


def _stamp(path: Path) -> str:
    """The file's length and digest, with the checks it stands for."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return f"{CHECKS} {size} {digest}"


def _read_stamps() -> dict[str, str]:
    try:
        found = json.loads(_stamps_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items()}


def remember(path: Path, *, kept: bool = False) -> None:
    """Check the whole database kvet has just closed (its log emptied into it) and, when it is
    sound, keep its stamp; ``kept``: the merged answers in it were written after its last
    change (``kvet.store.keptanswers``).

    Call it with the lock still held, so no other kvet is writing. A log that is not empty (a
    connection still open) leaves the old stamp, which no longer matches: a full check.
    """
    from kvet.store.errors import StorageError
    from kvet.store.inspection import inspect_file

    try:
        if not _log_is_empty(path):
            return
        stamps = _read_stamps()
        stamp = _stamp(path)
        held = stamps.get(_key(path))
        written = f"{stamp} {KEPT_MARK}" if kept else stamp
        if held == written:
            return  # not a byte changed since it was found sound (a session that only looked)
        if held is None or _bytes_of(held) != stamp:
            inspect_file(path)  # the checks an opening would run: a damaged file gets no stamp
        stamps.pop(_key(path), None)
        stamps[_key(path)] = written
        _write(dict(list(stamps.items())[-KEPT:]))
    except (OSError, StorageError, ValueError, RuntimeError):
        return  # no stamp: the next opening checks the whole file and says what it finds


def _bytes_of(stamp: str) -> str:
    """A stamp without its mark: the checks, the length and the digest."""
    return " ".join(stamp.split(" ")[:3])


def closed_well_as_is(path: Path) -> bool:
    """Whether the file is byte for byte the one kvet last closed well, under these checks."""
    return as_closed(path)[0]


def as_closed(path: Path) -> tuple[bool, bool]:
    """``closed_well_as_is``, and whether that close also kept the merged answers after the
    file's last change (see ``remember``)."""
    try:
        expected = _read_stamps().get(_key(path))
        if expected is None or not _log_is_empty(path):
            return False, False
        if expected.split(" ")[1:2] != [str(path.stat().st_size)]:
            return False, False  # another length: no need to read it
        if _stamp(path) != _bytes_of(expected):
            return False, False
        return True, expected.split(" ")[3:] == [KEPT_MARK]
    except (OSError, IndexError):
        return False, False


def _write(stamps: dict[str, str]) -> None:
    """Whole or not at all (a rename), private to the user on every platform."""
    target = _stamps_file()
    privatefiles.private_folder(target.parent)
    temp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with privatefiles.open_private_text(temp) as out:
            out.write(json.dumps(stamps))
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
