"""When kvet ends badly, the next start says so once, and no report or log holds health data."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
from logging.handlers import QueueHandler
from pathlib import Path

import pytest

from kvet.system import crashlog

CHILD = """
import os, signal, sys
from pathlib import Path
from kvet.system import crashlog
reporting = crashlog.start(Path(sys.argv[1]))
crashlog.log.info("working")
log = Path(sys.argv[1]) / crashlog.LOG_NAME
while "working" not in log.read_text():  # the log is written by its own thread
    pass
how = sys.argv[2]
if how == "abort":
    os.abort()
if how == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
reporting.stop()
"""


def session_in_child(folder: Path, how: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), how],
        capture_output=True,
        timeout=60,
        check=False,
    )
    return done.returncode


def next_start(folder: Path) -> Path | None:
    reporting = crashlog.start(folder)
    reporting.stop()
    return reporting.previous_crash


def test_a_session_that_aborts_is_reported_once_at_the_next_start(tmp_path: Path) -> None:
    assert session_in_child(tmp_path, "abort") != 0
    report = next_start(tmp_path)
    assert report is not None
    assert report.is_file()
    text = report.read_text()
    assert "Fatal Python error" in text  # faulthandler's own words, kept for a helper
    assert "working" in text  # and the log's last lines
    assert next_start(tmp_path) is None  # said once, not at every start


def test_a_session_killed_from_outside_is_reported_too(tmp_path: Path) -> None:
    assert session_in_child(tmp_path, "kill") != 0
    report = next_start(tmp_path)
    assert report is not None
    assert "ended unexpectedly" in report.read_text()


def test_a_session_that_ends_well_is_not_reported(tmp_path: Path) -> None:
    assert session_in_child(tmp_path, "quit") == 0
    assert next_start(tmp_path) is None
    assert "kvet closed normally" in (tmp_path / crashlog.LOG_NAME).read_text()


def test_technical_details_name_the_error_and_place_but_never_its_message() -> None:
    def save(name: str) -> None:
        raise ValueError(f"could not save the note for {name}")

    try:
        save("Sunrise Ketamine Wellness")
    except ValueError as error:
        details = crashlog.technical_details(type(error), error, error.__traceback__)
    assert "builtins.ValueError" in details
    assert "in save" in details
    assert "test_crashlog.py" in details
    assert "Sunrise" not in details
    assert "note for" not in details


def test_the_log_and_reports_only_their_owner_can_read(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    assert session_in_child(folder, "abort") != 0
    report = next_start(folder)
    assert report is not None
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in (folder / crashlog.LOG_NAME, folder / crashlog.CRASH_NAME, report):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="needs O_NOFOLLOW")
def test_a_planted_link_is_never_written_through(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / crashlog.CRASH_NAME).symlink_to(target)
    with pytest.raises(OSError, match="link"):
        crashlog.start(folder)
    assert target.read_text() == "keep me"
    # and the refused start left nothing behind: no file open, no log thread fed
    if PROC_FDS.is_dir():
        assert open_inside(folder) == []
    assert not any(isinstance(h, QueueHandler) for h in crashlog.log.handlers)


PROC_FDS = Path("/proc/self/fd")


def open_inside(folder: Path) -> list[str]:
    """The names of the files this process holds open inside ``folder`` (as Linux lists them)."""
    names = []
    for fd in PROC_FDS.iterdir():
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            target = Path(os.readlink(fd))
            if target.parent == folder.resolve():
                names.append(target.name)
    return sorted(names)


@pytest.mark.skipif(not PROC_FDS.is_dir(), reason="reads the open files from /proc")
def test_a_session_that_ends_well_leaves_no_log_file_open(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    reporting = crashlog.start(folder)
    assert set(open_inside(folder)) == {crashlog.LOG_NAME, crashlog.CRASH_NAME}
    reporting.stop()
    # The crash file stays armed for the interpreter's own shutdown, unless kvet only borrowed
    # the crash handler from a test runner, which gets it back.
    assert open_inside(folder) == ([] if reporting.borrowed else [crashlog.CRASH_NAME])
