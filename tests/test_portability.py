"""kvet's code paths for Windows and macOS, checked on this Linux machine.

What cannot run here (Windows' ``msvcrt``, its process API) runs against a fake that keeps
Windows' rules; what can run here (private files, line endings) runs for real. The type checker
covers the rest: ``mypy --platform win32`` and ``--platform darwin`` in scripts/test.sh.
"""

from __future__ import annotations

import ast
import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from kvet.store import locking
from kvet.store.errors import DatabaseLockedError
from kvet.system import crashlog, privatefiles

KVET = Path(__file__).resolve().parent.parent / "kvet"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="permission bits are POSIX")


class FakeMsvcrt:
    """Windows' byte-range locks as the system keeps them: one table for every process.

    A byte locked by one descriptor cannot be locked by another (EACCES, as ``LK_NBLCK`` fails),
    and unlocking a byte that this descriptor did not lock fails, as it does on Windows.
    """

    LK_NBLCK = 2
    LK_UNLCK = 0

    def __init__(self) -> None:
        self.locked: dict[tuple[int, int], int] = {}  # (file id, offset) -> descriptor

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None:
        assert nbytes == 1
        where = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        if mode == self.LK_NBLCK:
            if where in self.locked:
                raise OSError(errno.EACCES, "Permission denied")
            self.locked[where] = fd
        elif self.locked.get(where) == fd:
            del self.locked[where]
        else:
            raise OSError(errno.EACCES, "unlocking a region that is not locked")


@pytest.fixture
def windows_locks(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    windows = locking.ByteRangeLock(fake)
    monkeypatch.setattr(locking, "_lock", windows.lock)
    monkeypatch.setattr(locking, "_unlock", windows.unlock)
    return fake


def test_on_windows_a_second_kvet_is_refused_and_told_who_holds_the_database(
    tmp_path: Path, windows_locks: FakeMsvcrt
) -> None:
    database = tmp_path / "kvet.sqlite"
    first = locking.DatabaseLock(database, locking.WINDOW)
    first.acquire()
    second = locking.DatabaseLock(database, locking.COMMAND)
    with pytest.raises(DatabaseLockedError, match="another kvet window"):
        second.acquire()
    # Windows' locks are mandatory: the locked byte must lie beyond the text a second kvet
    # reads to say who holds the database, or that read would fail.
    text_length = database.with_name("kvet.sqlite.lock").stat().st_size
    assert text_length > 0
    assert all(offset > max(text_length, 200) for _, offset in windows_locks.locked)
    first.release()
    assert windows_locks.locked == {}, "unlock must free the same byte that lock took"
    second.acquire()
    second.release()


def test_on_windows_kvet_never_probes_an_old_process_with_kill(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``os.kill(pid, 0)`` ends the process on Windows: a reused process id would be killed."""

    def no_kill(pid: int, sig: int) -> None:
        raise AssertionError("os.kill called on Windows")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "kill", no_kill)
    monkeypatch.setattr(crashlog, "_windows_pid_alive", lambda pid: pid == 42, raising=False)
    assert crashlog._pid_alive(42)
    assert not crashlog._pid_alive(43)


@posix_only
def test_a_log_file_that_existed_with_wide_permissions_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "kvet.log"
    path.write_bytes(b"old\n")
    path.chmod(0o644)
    with privatefiles.open_private_text(path, append=True) as log:
        log.write("new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() == b"old\nnew\n"


@posix_only
def test_a_planted_link_is_never_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "bashrc"
    victim.write_bytes(b"keep me\n")
    (tmp_path / "crash.txt").symlink_to(victim)
    with pytest.raises(privatefiles.LinkRefusedError):
        privatefiles.open_private_text(tmp_path / "crash.txt")
    assert victim.read_bytes() == b"keep me\n"


@posix_only
def test_the_log_folder_is_private_even_when_it_existed_before(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    privatefiles.private_folder(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_reports_write_the_same_line_ends_on_every_platform(tmp_path: Path) -> None:
    """A log written with Windows' own line end (os.linesep) still ends its lines with \\n."""
    with privatefiles.open_private_text(tmp_path / "report.txt") as out:
        out.write("one\ntwo\n")
    assert (tmp_path / "report.txt").read_bytes() == b"one\ntwo\n"


def _text_writes(tree: ast.AST) -> list[int]:
    """Lines that open a file for writing in text mode without saying which line end to use."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name not in {"open", "fdopen", "write_text"}:
            continue
        keywords = {k.arg for k in node.keywords}
        if name == "write_text":
            if "newline" not in keywords:
                found.append(node.lineno)
            continue
        modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
        modes += [
            k.value.value
            for k in node.keywords
            if k.arg == "mode" and isinstance(k.value, ast.Constant)
        ]
        mode = next((m for m in modes if isinstance(m, str)), "r")
        if any(c in mode for c in "wax+") and "b" not in mode and "newline" not in keywords:
            found.append(node.lineno)
    return found


def test_no_file_is_written_in_text_mode_with_the_platforms_own_line_end() -> None:
    """CSV, .kvet and report files come out byte for byte the same on Windows, macOS and Linux."""
    offenders = {
        str(path.relative_to(KVET)): lines
        for path in KVET.rglob("*.py")
        if "forms" not in path.parts
        and (lines := _text_writes(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}


def test_the_text_mode_check_finds_a_planted_text_write() -> None:
    planted = ast.parse('open(path, "w", encoding="utf-8")\nPath(p).write_text("x")\n')
    assert _text_writes(planted) == [1, 2]


def test_linux_only_tests_are_skipped_on_windows_and_run_on_linux(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests import conftest

    class Item:
        def __init__(self, linux_only: bool) -> None:
            self.linux_only = linux_only
            self.added: list[pytest.MarkDecorator] = []

        def get_closest_marker(self, name: str) -> object:
            return object() if name == "linux_only" and self.linux_only else None

        def add_marker(self, mark: pytest.MarkDecorator) -> None:
            self.added.append(mark)

    items = [Item(True), Item(False)]
    conftest.pytest_collection_modifyitems(None, items)  # type: ignore[arg-type]
    assert [len(i.added) for i in items] == [0, 0]
    monkeypatch.setattr(sys, "platform", "win32")
    conftest.pytest_collection_modifyitems(None, items)  # type: ignore[arg-type]
    assert [len(i.added) for i in items] == [1, 0]
