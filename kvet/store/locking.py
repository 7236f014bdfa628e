"""One writer per database: an OS file lock, released by the OS even if kvet is killed."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import IO

from kvet.store.errors import DatabaseLockedError, ReadOnlyError, StorageError

READ_ONLY_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS)


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            handle = os.fdopen(fd, "r+", encoding="utf-8")
        except OSError as exc:
            cls = ReadOnlyError if exc.errno in READ_ONLY_ERRNOS else StorageError
            raise cls(
                f"kvet cannot write in the folder {self.path.parent}: {exc.strerror or exc}. "
                "Check that you may write to it, or choose another folder.",
                self.path,
            ) from exc
        try:
            _lock(handle)
        except OSError as exc:
            handle.close()
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
                raise StorageError(
                    f"kvet cannot lock its database in {self.path.parent}: "
                    f"{exc.strerror or exc}. Choose a folder on a local disk.",
                    self.path,
                ) from exc
            database = self.path.with_name(self.path.name.removesuffix(".lock"))
            raise DatabaseLockedError(
                "This kvet database is already open in another kvet window. Close the other "
                f"window first, then try again.\n\nDatabase: {database}",
                database,
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

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
