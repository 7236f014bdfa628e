"""Storage errors carry a message fit to show the user as it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StorageError(Exception):
    """Something is wrong with the database; the message says what, and what the user can do."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DatabaseCorruptError(StorageError):
    """The file is not a SQLite database, or is damaged. It has not been modified."""


class NotKvetDatabaseError(DatabaseCorruptError):
    """The file is a healthy SQLite database of some other program. It has not been modified.

    A subclass of ``DatabaseCorruptError`` so callers that only know that one still refuse it;
    a caller that knows better should not offer to move the file aside, since it is not kvet's.
    """


class DatabaseLockedError(StorageError):
    """Another kvet already has this database open."""


class DatabaseTooNewError(StorageError):
    """The database was written by a newer kvet; it is never downgraded."""


class DiskFullError(StorageError):
    """The disk (or the user's quota) is full; the change was not saved, nothing half-written."""


class ReadOnlyError(StorageError):
    """The database or its folder cannot be written to."""


class NotFoundError(StorageError):
    """A comparison, clinic or person that does not exist (any more)."""


class InvalidValueError(StorageError, ValueError):
    """A value the user typed that cannot be stored, e.g. an empty name or a negative price."""


NOT_CHANGED = "kvet has not changed it."
RECOVERY_HINT = "You can restore the newest backup, or start a new database beside it."


def sqlite_error_name(exc: BaseException) -> str:
    """SQLite's own name for an error (``SQLITE_FULL``...), or "" when it is not SQLite's."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.Error):
        return str(getattr(orig, "sqlite_errorname", "") or "")
    return ""


def explain(
    exc: BaseException, path: Path | None, *, doing: str = "save your change"
) -> StorageError:
    """Turn a database driver error into a StorageError a person can act on."""
    name = sqlite_error_name(exc)
    where = f"the database {path}" if path is not None else "the database"
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, UnicodeDecodeError) or (
        isinstance(orig, sqlite3.Error) and "decode" in str(orig)
    ):  # sqlite3 quotes the undecodable text, which could be a note: never show it
        return DatabaseCorruptError(
            f"kvet could not {doing}: some saved text in {where} cannot be read (it is "
            f"damaged). {RECOVERY_HINT}",
            path,
        )
    if isinstance(orig, OverflowError):  # a date that cannot be turned into UTC, e.g. year 1
        return InvalidValueError(
            f"kvet could not {doing}: a date in it is outside the range kvet can keep (the years "
            "1 to 9999, in UTC). Nothing was changed.",
            path,
        )
    if name.startswith("SQLITE_FULL"):
        return DiskFullError(
            f"kvet could not {doing}: the disk is full. Nothing was changed. Free some space "
            f"(or choose a database on another disk), then try again.\n\nDatabase: {path or '?'}",
            path,
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")):
        return ReadOnlyError(
            f"kvet could not {doing}: it may not write to {where} or its folder ({orig}). "
            "Nothing was changed. Check the folder's permissions, or choose another folder.",
            path,
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DatabaseCorruptError(
            f"kvet could not {doing}: {where} is damaged ({orig}). {RECOVERY_HINT}", path
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseLockedError(
            f"kvet could not {doing}: another program is using {where}. Close it, then try again.",
            path,
        )
    if name.startswith("SQLITE_IOERR"):
        return StorageError(
            f"kvet could not {doing}: the disk reported an error while writing {where} "
            f"({orig}). Nothing was changed. If the disk is full, free some space; otherwise "
            "check the disk, then try again.",
            path,
        )
    return StorageError(f"kvet could not {doing} in {where}: {orig}", path)
