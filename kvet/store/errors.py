"""Storage errors: a code and its values (kvet.text.errors), worded for the user by
kvet.content.catalogue."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kvet.text.errors import KvetError, Value, Words


class StorageError(KvetError):
    """Something is wrong with the database; the words say what, and what the user can do.

    ``path`` is the database (or backup) concerned; it also fills ``{path}`` in the words."""

    def __init__(self, code: str, /, path: Path | None = None, **values: Value) -> None:
        if path is not None:
            values.setdefault("path", path)
        super().__init__(code, **values)
        self.path = path


class DatabaseCorruptError(StorageError):
    """The file is not a SQLite database, or is damaged. It has not been modified.

    ``detail`` is what was found (for a developer reading the code path), never shown."""

    detail = ""


class NotKvetDatabaseError(DatabaseCorruptError):
    """The file is a healthy SQLite database of some other program. It has not been modified.

    A subclass of ``DatabaseCorruptError`` so callers that only know that one still refuse it;
    a caller that knows better should not offer to move the file aside, since it is not kvet's.
    """


class LostChangesError(DatabaseCorruptError):
    """The write-ahead log has a damaged frame with saved changes after it: opening would drop
    those changes without a word. Neither file has been modified.

    The user may restore a backup, or open the data without the changes that cannot be read
    (``kvet.start.recovery.drop_lost_changes``)."""

    def __init__(
        self, code: str, /, path: Path | None = None, lost: int = 0, **values: Value
    ) -> None:
        super().__init__(code, path, count=lost, **values)
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


OPENING = Words("doing.open")  # what kvet was doing, for "kvet could not open your data"
SAVING = Words("doing.save")


# SQLite's primary error names and what each means for the user: the one table both the
# first look at a file (``inspection.inspect_file``) and every later read or write use.
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


def _where(path: Path | None) -> Words:
    return Words("where.database-at", path=path) if path is not None else Words("where.database")


# SQLite's words for a table or column that is not there: a damaged or half-made kvet database
# (a dropped table), never something a person can fix by trying again.
MISSING_PARTS = ("no such table", "no such column", "no such index", "no such trigger")


def locked(path: Path | None, doing: Words) -> DatabaseLockedError:
    """Another program holds SQLite's own lock on the file (not kvet's lock: see ``locking``)."""
    return DatabaseLockedError("store.busy", path, doing=doing, where=_where(path))


def explain(exc: BaseException, path: Path | None, *, doing: Words = SAVING) -> StorageError:
    """Turn a database driver error into a StorageError a person can act on.

    SQLite's own text never reaches the words (it can quote saved text, and reads like the
    inside of a program); the code says what kind of trouble it is."""
    kind = sqlite_error_kind(exc)
    where = _where(path)
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, UnicodeDecodeError) or (
        isinstance(orig, sqlite3.Error) and "decode" in str(orig)
    ):  # sqlite3 quotes the undecodable text, which could be a note: never show it
        return DatabaseCorruptError("store.unreadable-text", path, doing=doing, where=where)
    if isinstance(orig, OverflowError):  # a date that cannot be turned into UTC, e.g. year 1
        return InvalidValueError("store.date-out-of-range", path, doing=doing)
    if isinstance(orig, sqlite3.OperationalError) and str(orig).startswith(MISSING_PARTS):
        return DatabaseCorruptError("store.missing-part", path, doing=doing, where=where)
    if kind is DiskFullError:
        return DiskFullError("store.disk-full", path, doing=doing, place=path or "?")
    if kind is ReadOnlyError:
        return ReadOnlyError("store.read-only", path, doing=doing, where=where)
    if kind is DatabaseCorruptError:
        return DatabaseCorruptError("store.damaged", path, doing=doing, where=where)
    if kind is DatabaseLockedError:
        return locked(path, doing)
    if sqlite_error_name(exc).startswith("SQLITE_IOERR"):
        return StorageError("store.disk-error", path, doing=doing, where=where)
    return StorageError("store.failed", path, doing=doing, where=where)
