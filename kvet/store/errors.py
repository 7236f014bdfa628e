"""Storage errors carry a message fit to show the user as it is."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Something is wrong with the database; the message says what, and what the user can do."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DatabaseCorruptError(StorageError):
    """The file is not a SQLite database, or is damaged. It has not been modified."""


class DatabaseLockedError(StorageError):
    """Another kvet already has this database open."""


class DatabaseTooNewError(StorageError):
    """The database was written by a newer kvet; it is never downgraded."""


class NotFoundError(StorageError):
    """A comparison, clinic or person that does not exist (any more)."""


class InvalidValueError(StorageError, ValueError):
    """A value the user typed that cannot be stored, e.g. an empty name or a negative price."""
