"""Files and folders only their owner can read, on every platform kvet runs on.

Logs, crash reports and lock files can say when kvet ran and where its data is, so they are made
private from the moment they exist. How that is done differs:

- On Linux and macOS, permission bits: folders 0700, files 0600, set on the open descriptor
  (``fchmod``) so a file that already existed with wider bits is narrowed too. A file is never
  opened through a symbolic link (``O_NOFOLLOW``): a link planted there would make kvet write
  over the file it points to.
- On Windows there are no permission bits (``chmod`` only sets "read-only") and no
  ``O_NOFOLLOW``. kvet's folders are inside the user's own profile (``%LOCALAPPDATA%``, chosen
  by platformdirs), whose access list already admits only that user and the system; new files
  inherit it. A link is refused by looking before opening, which leaves a short race that
  Windows' own rules (creating a link needs a privilege or developer mode) make hard to use.
  docs/releasing.md says so.

Platform branches are ``sys.platform`` checks so that ``mypy --platform win32`` and
``--platform darwin`` check each branch against that platform's ``os`` module.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

FOLDER_MODE = 0o700
FILE_MODE = 0o600


class LinkRefusedError(OSError):
    """The path is a symbolic link; kvet does not write through links."""


def private_folder(folder: Path) -> Path:
    """``folder``, made if missing, readable by its owner only (where the platform has modes)."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if sys.platform != "win32":
        os.chmod(folder, FOLDER_MODE)
    return folder


def open_flags(*, append: bool) -> int:
    """``os.open`` flags for writing a private file: created if missing, never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    if sys.platform == "win32":
        flags |= os.O_BINARY | os.O_NOINHERIT
    else:
        flags |= os.O_NOFOLLOW | os.O_CLOEXEC
    return flags


def open_private(path: Path, *, append: bool = False) -> int:
    """A descriptor for writing ``path``, which only its owner can read.

    Raises ``LinkRefusedError`` for a symbolic link and ``OSError`` as the system gives it.
    """
    if sys.platform == "win32":
        if path.is_symlink():
            raise LinkRefusedError(f"{path.name} is a link; kvet does not write through links")
        fd = os.open(path, open_flags(append=append), FILE_MODE)
    else:
        try:
            fd = os.open(path, open_flags(append=append), FILE_MODE)
        except OSError as exc:
            if path.is_symlink():
                raise LinkRefusedError(
                    f"{path.name} is a link; kvet does not write through links"
                ) from exc
            raise
        try:
            os.fchmod(fd, FILE_MODE)
        except OSError:
            os.close(fd)
            raise
    return fd


def open_private_text(path: Path, *, append: bool = False) -> IO[str]:
    """``open_private`` as a UTF-8 text file that writes ``\\n`` on every platform.

    ``newline="\\n"`` keeps Windows from turning each line end into ``\\r\\n``: a log or report
    copied from one computer to another reads the same.
    """
    fd = open_private(path, append=append)
    return os.fdopen(fd, "a" if append else "w", encoding="utf-8", newline="\n")
