"""One writer per database: an OS file lock, released by the OS even if kvet is killed.

The lock file is never followed through a link (a link there would make kvet write over the
file it points to), and it says who holds it, so a second kvet can say what to close.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import IO, Protocol

from kvet.store.errors import DatabaseLockedError, ReadOnlyError, StorageError

READ_ONLY_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS)
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
WINDOW = "window"
COMMAND = "command"
_IN_USE = {WINDOW: "lock.in-use-window", COMMAND: "lock.in-use-command"}


def _reason(exc: OSError) -> str:
    """The system's own reason, as it says it (it names no data)."""
    return exc.strerror or str(exc)


def holder_of(lock_path: Path) -> str:
    """Who wrote the lock file last ("window", "command"), or "" when it does not say."""
    try:
        fd = os.open(lock_path, os.O_RDONLY | NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        words = os.read(fd, 200).decode("utf-8", "replace").split()
    finally:
        os.close(fd)
    return words[1] if len(words) > 1 and words[1] in _IN_USE else ""


class DatabaseLock:
    def __init__(self, db_path: Path, holder: str = WINDOW) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.holder = holder
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise StorageError("lock.is-link", self.path) from exc
            cls = ReadOnlyError if exc.errno in READ_ONLY_ERRNOS else StorageError
            raise cls(
                "lock.cannot-write", self.path, folder=self.path.parent, reason=_reason(exc)
            ) from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise StorageError("lock.not-ordinary-file", self.path)
        try:
            handle = os.fdopen(fd, "r+", encoding="utf-8", newline="\n")
        except OSError as exc:
            os.close(fd)
            cls = ReadOnlyError if exc.errno in READ_ONLY_ERRNOS else StorageError
            raise cls(
                "lock.cannot-write", self.path, folder=self.path.parent, reason=_reason(exc)
            ) from exc
        try:
            _lock(handle)
        except OSError as exc:
            handle.close()
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
                raise StorageError(
                    "lock.cannot-lock", self.path, folder=self.path.parent, reason=_reason(exc)
                ) from exc
            database = self.path.with_name(self.path.name.removesuffix(".lock"))
            said = _IN_USE.get(holder_of(self.path), "lock.in-use")
            raise DatabaseLockedError(said, database) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {self.holder}\n")
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


class MsvcrtLike(Protocol):
    """The part of Windows' ``msvcrt`` module the lock uses (a fake stands in for it in tests)."""

    LK_NBLCK: int
    LK_UNLCK: int

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None: ...


# Windows' locks are mandatory: a locked byte cannot even be read by another process. The lock is
# therefore taken on one byte far past the text that says who holds it (as SQLite locks a byte at
# 1 GiB), so a second kvet can still read that text and say what to close.
LOCK_OFFSET = 0x40000000


class ByteRangeLock:
    """The lock as Windows does it: ``msvcrt.locking`` on one byte at ``LOCK_OFFSET``.

    ``msvcrt.locking`` starts at the file's current position, so both calls seek there first and
    back to the start after, where the holder's text is written.
    """

    def __init__(self, msvcrt_module: MsvcrtLike) -> None:
        self.msvcrt = msvcrt_module

    def lock(self, handle: IO[str]) -> None:
        self._at_lock_byte(handle, self.msvcrt.LK_NBLCK)

    def unlock(self, handle: IO[str]) -> None:
        self._at_lock_byte(handle, self.msvcrt.LK_UNLCK)

    def _at_lock_byte(self, handle: IO[str], mode: int) -> None:
        handle.seek(LOCK_OFFSET)
        try:
            self.msvcrt.locking(handle.fileno(), mode, 1)
        finally:
            handle.seek(0)


if sys.platform == "win32":
    import msvcrt

    _windows = ByteRangeLock(msvcrt)

    def _lock(handle: IO[str]) -> None:
        _windows.lock(handle)

    def _unlock(handle: IO[str]) -> None:
        _windows.unlock(handle)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
