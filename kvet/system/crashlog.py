"""Logs and crash reports a person can hand to a helper, with no health data in them.

kvet keeps clinic names, notes, people and answers in the database only. So the log says what
kvet did (started, opened its data, closed) and, for an error, the exception's type and the code
path that raised it, but never the exception's message: a message can quote whatever value was
being handled.
A fatal error in C code (where Python cannot run a handler) is caught by ``faulthandler``, which
writes only stack frames, into a file in kvet's state folder; the next start finds that file.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import queue
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

import platformdirs

from kvet import __version__
from kvet.system.privatefiles import open_private_text, private_folder

LOG_NAME = "kvet.log"
CRASH_NAME = "crash.txt"  # faulthandler (and stderr, away from a terminal) write here
RUNNING_NAME = "running"  # holds the pid while kvet runs; left behind means it did not end well
FATAL_MARK = b"Fatal Python error"  # how both faulthandler and Python's own abort begin
REPORT_BYTES = 256 * 1024
LOG_BYTES = 512 * 1024
LOG_FILES = 3
log = logging.getLogger("kvet")


def state_folder() -> Path:
    """The platform's folder for logs and state (``~/.local/state/kvet`` on Linux)."""
    return platformdirs.user_state_path("kvet", appauthor=False)


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their owner can read."""

    def _open(self) -> IO[str]:  # type: ignore[override]
        return open_private_text(Path(self.baseFilename), append=True)


@dataclass
class Reporting:
    """What ``start`` set up; ``stop`` undoes it at a normal shutdown."""

    folder: Path
    listener: logging.handlers.QueueListener
    crash_file: IO[str]
    previous_crash: Path | None
    borrowed: bool  # faulthandler was already on (a test runner): give everything back at stop
    saved_stderr: int | None = None

    def stop(self) -> None:
        """Flush the log and say the session ended well.

        The crash file stays armed until the process ends, because a fault in the interpreter's
        own shutdown (after kvet's code returned) must be caught too.
        """
        log.info("kvet closed normally")
        self.listener.stop()
        for handler in self.listener.handlers:
            handler.close()  # the log file is closed now, not whenever it is garbage collected
        for handler in list(log.handlers):
            if isinstance(handler, logging.handlers.QueueHandler):
                log.removeHandler(handler)
        with contextlib.suppress(OSError):
            (self.folder / RUNNING_NAME).unlink()
        if self.borrowed:
            if self.saved_stderr is not None:
                os.dup2(self.saved_stderr, 2)
                os.close(self.saved_stderr)
            faulthandler.enable(file=sys.__stderr__ or sys.stderr, all_threads=True)
            self.crash_file.close()


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id still runs.

    On Windows ``os.kill(pid, 0)`` is no probe: it ends that process (TerminateProcess with exit
    code 0), so there kvet asks the system about the process instead.
    """
    if sys.platform == "win32":
        alive = _windows_pid_alive(pid)
    else:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # it exists but belongs to someone else
        alive = True
    return alive


if sys.platform == "win32":
    import ctypes

    _QUERY_LIMITED_INFORMATION = 0x1000
    _STILL_ACTIVE = 259

    def _windows_pid_alive(pid: int) -> bool:
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return False  # no such process (or one kvet may not see, which is not kvet)
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == _STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


def _ended_badly(folder: Path) -> bool:
    """The last session left its "running" mark behind (killed, aborted, power cut), or a fatal
    error was written during its shutdown, after the mark was already removed."""
    running = folder / RUNNING_NAME
    with contextlib.suppress(OSError, ValueError):
        if running.is_file() and not running.is_symlink():
            pid = int(running.read_text(encoding="ascii").strip() or "0")
            if pid != os.getpid() and not _pid_alive(pid):
                return True
    crash = folder / CRASH_NAME
    with contextlib.suppress(OSError):
        if crash.is_file() and not crash.is_symlink():
            with crash.open("rb") as f:
                return FATAL_MARK in f.read(REPORT_BYTES)
    return False


def _keep_previous_crash(folder: Path) -> Path | None:
    """Write one report of the last session's end: what Python printed, and the log's last lines."""
    if not _ended_badly(folder):
        return None
    parts = ["kvet's last session ended unexpectedly.", ""]
    crash = folder / CRASH_NAME
    with contextlib.suppress(OSError):
        with crash.open("rb") as f:
            printed = f.read(REPORT_BYTES).decode("utf-8", "replace").strip()
        parts += ["What Python printed at the end:", printed or "(nothing)", ""]
    with contextlib.suppress(OSError):
        lines = (folder / LOG_NAME).read_text(encoding="utf-8", errors="replace").splitlines()
        parts += ["The last lines of kvet's log:", *lines[-40:]]
    kept = folder / time.strftime("crash-%Y%m%d-%H%M%S.txt")
    try:
        with open_private_text(kept) as out:
            out.write("\n".join(parts) + "\n")
    except OSError:
        return None
    return kept


def start(folder: Path | None = None) -> Reporting:
    """Turn on the log file and the crash file; say whether the last session crashed.

    Writing happens on a listener thread fed by a queue, so logging never waits on the disk in
    the GUI thread. When no terminal is watching (started from the desktop's menu), what Python
    prints on a fatal error goes into the crash file too, as faulthandler's stack dump does.
    """
    folder = private_folder(folder or state_folder())
    previous = _keep_previous_crash(folder)
    # Every file is opened before anything is switched on, so a refusal (a planted link, a full
    # disk) leaves no file open and no log thread running.
    with contextlib.ExitStack() as undo:
        handler = _PrivateRotatingHandler(
            folder / LOG_NAME, maxBytes=LOG_BYTES, backupCount=LOG_FILES, encoding="utf-8"
        )
        undo.callback(handler.close)
        crash_file = open_private_text(folder / CRASH_NAME)
        undo.callback(crash_file.close)
        with open_private_text(folder / RUNNING_NAME) as mark:
            mark.write(str(os.getpid()))
        undo.pop_all()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = logging.handlers.QueueListener(records, handler)
    listener.start()
    log.addHandler(logging.handlers.QueueHandler(records))
    log.setLevel(logging.INFO)
    log.propagate = False
    borrowed = faulthandler.is_enabled()
    faulthandler.enable(file=crash_file, all_threads=True)
    saved_stderr = None
    with contextlib.suppress(OSError):
        if not os.isatty(2):
            saved_stderr = os.dup(2)
            os.dup2(crash_file.fileno(), 2)
    log.info("starting: %s", environment())
    if previous is not None:
        log.warning("the previous session ended unexpectedly; report kept as %s", previous.name)
    return Reporting(folder, listener, crash_file, previous, borrowed, saved_stderr)


def environment() -> str:
    """Versions a helper needs, read cheaply: ``platform.platform()`` starts ``uname -p`` and
    reads through the Python binary for its C library, tens of milliseconds at every start."""
    if sys.platform != "win32":
        system = "-".join(os.uname()[i] for i in (0, 2, 4))  # system, release, machine
        with contextlib.suppress(ValueError, OSError):
            libc = os.confstr("CS_GNU_LIBC_VERSION")
            if libc:
                system += "-with-" + libc.replace(" ", "")
    else:
        import platform

        system = platform.platform(terse=True)
    python = sys.version.split()[0]
    return f"kvet {__version__}, Python {python}, {system}"


def technical_details(
    kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
) -> str:
    """The error's type and where in kvet's code it happened; never the error's message.

    Shown behind "Copy technical details" and written to the log: enough for a developer to find
    the fault, nothing a person typed.
    """
    lines = [
        environment(),
        f"Error type: {kind.__module__}.{kind.__qualname__}",
        "(The error's own message is left out: it can contain what you typed.)",
        "Where it happened (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        # Paths inside kvet are shown from the package down; others by file name only.
        marker = f"{os.sep}kvet{os.sep}"
        name = frame.filename
        name = "kvet" + os.sep + name.rsplit(marker, 1)[1] if marker in name else Path(name).name
        lines.append(f"  {name}, line {frame.lineno}, in {frame.name}")
    cause = error.__cause__ or error.__context__ if error is not None else None
    if cause is not None:
        lines.append(f"It followed an error of type {type(cause).__qualname__}.")
    return "\n".join(lines)


def log_exception(
    kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
) -> str:
    details = technical_details(kind, error, tb)
    log.error("unexpected error\n%s", details)
    return details


def excepthook_for_threads(args: object) -> None:
    """Errors in other threads are logged (without their messages) instead of printed."""
    exc_type = getattr(args, "exc_type", BaseException)
    log_exception(exc_type, getattr(args, "exc_value", None), getattr(args, "exc_traceback", None))
