"""One writer per database: an OS file lock, released by the OS even if kvet is killed."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from kvet.store.errors import DatabaseLockedError, StorageError


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        except OSError as exc:
            raise StorageError(
                f"kvet cannot create its lock file {self.path}: {exc.strerror or exc}", self.path
            ) from exc
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise DatabaseLockedError(
                "This kvet database is already open in another kvet window. Close the other "
                f"window first, then try again.\n\nDatabase: {self.path.with_suffix('')}",
                self.path,
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            try:
                _unlock(self._handle)
            finally:
                self._handle.close()
                self._handle = None


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
