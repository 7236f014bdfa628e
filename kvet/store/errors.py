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


class LostChangesError(DatabaseCorruptError):
    """The write-ahead log has a damaged frame with saved changes after it: opening would drop
    those changes without a word. Neither file has been modified.

    The user may restore a backup, or open the data without the changes that cannot be read
    (``kvet.recovery.drop_lost_changes``)."""

    def __init__(self, message: str, path: Path | None = None, lost: int = 0) -> None:
        super().__init__(message, path)
        self.lost = lost


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
OPENING = "open your data"  # what kvet was doing, for messages: "kvet could not open your data"
RECOVERY_HINT = "You can restore the newest backup, or start a new database beside it."


# SQLite's primary error names and what each means for the user: the one table both the
# first look at a file (``connection.inspect_file``) and every later read or write use.
SQLITE_ERRORS: dict[str, type[StorageError]] = {
    "SQLITE_FULL": DiskFullError,
    "SQLITE_READONLY": ReadOnlyError,
    "SQLITE_PERM": ReadOnlyError,
    "SQLITE_CANTOPEN": ReadOnlyError,
    "SQLITE_AUTH": ReadOnlyError,
    "SQLITE_CORRUPT": DatabaseCorruptError,
    "SQLITE_NOTADB": DatabaseCorruptError,
    "SQLITE_FORMAT": DatabaseCorruptError,
    "SQLITE_RANGE": DatabaseCorruptError,
    "SQLITE_BUSY": DatabaseLockedError,
    "SQLITE_LOCKED": DatabaseLockedError,
    "SQLITE_IOERR": StorageError,
}


def sqlite_error_name(exc: BaseException) -> str:
    """SQLite's own name for an error (``SQLITE_FULL``...), or "" when it is not SQLite's."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.Error):
        return str(getattr(orig, "sqlite_errorname", "") or "")
    return ""


def sqlite_error_kind(exc: BaseException) -> type[StorageError] | None:
    """Which kind of storage error a SQLite error is (see ``SQLITE_ERRORS``), or None.

    Extended names count as their primary one: ``SQLITE_IOERR_WRITE`` is an ``SQLITE_IOERR``.
    """
    primary = "_".join(sqlite_error_name(exc).split("_")[:2])
    return SQLITE_ERRORS.get(primary)


def locked(path: Path | None, doing: str) -> DatabaseLockedError:
    """Another program holds SQLite's own lock on the file (not kvet's lock: see ``locking``)."""
    where = f"the database {path}" if path is not None else "the database"
    return DatabaseLockedError(
        f"kvet could not {doing}: another program is using {where}. Close it, then try again.",
        path,
    )


def explain(
    exc: BaseException, path: Path | None, *, doing: str = "save your change"
) -> StorageError:
    """Turn a database driver error into a StorageError a person can act on."""
    kind = sqlite_error_kind(exc)
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
    if kind is DiskFullError:
        return DiskFullError(
            f"kvet could not {doing}: the disk is full. Nothing was changed. Free some space "
            f"(or choose a database on another disk), then try again.\n\nDatabase: {path or '?'}",
            path,
        )
    if kind is ReadOnlyError:
        return ReadOnlyError(
            f"kvet could not {doing}: it may not write to {where} or its folder ({orig}). "
            "Nothing was changed. Check the folder's permissions, or choose another folder.",
            path,
        )
    if kind is DatabaseCorruptError:
        return DatabaseCorruptError(
            f"kvet could not {doing}: {where} is damaged ({orig}). {RECOVERY_HINT}", path
        )
    if kind is DatabaseLockedError:
        return locked(path, doing)
    if sqlite_error_name(exc).startswith("SQLITE_IOERR"):
        return StorageError(
            f"kvet could not {doing}: the disk reported an error while writing {where} "
            f"({orig}). Nothing was changed. If the disk is full, free some space; otherwise "
            "check the disk, then try again.",
            path,
        )
    return StorageError(f"kvet could not {doing} in {where}: {orig}", path)
