"""The end of a session: log-out and shut-down (SIGTERM, SIGHUP) are a normal quit, and the
window's own settings file is private.

These run kvet's real start in its own process, offscreen, as the desktop would start it."""

from __future__ import annotations

import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kvet.content.checklist import load_checklist
from kvet.store.api import Store
from kvet.system import crashlog
from tests.gui.helpers import own_process_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def start_kvet(home: Path, db: Path) -> subprocess.Popen[str]:
    env = own_process_env(home, exit_after_show=False)
    return subprocess.Popen(
        [sys.executable, "-m", "kvet", "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_open(home: Path, kvet: subprocess.Popen[str], timeout: float = 90) -> None:
    """Until kvet's log says the data is open (the window shows the clinics)."""
    log = home / "state" / "kvet" / crashlog.LOG_NAME
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert kvet.poll() is None, kvet.communicate()
        if log.exists() and "data opened" in log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.1)
    kvet.kill()
    pytest.fail("kvet did not open its data in time")


@pytest.mark.parametrize("ending", ["SIGTERM", "SIGHUP"])
def test_ending_kvet_at_log_out_is_a_normal_quit(tmp_path: Path, ending: str) -> None:
    home = tmp_path / "home"
    db = tmp_path / "kvet.sqlite"
    kvet = start_kvet(home, db)
    wait_until_open(home, kvet)
    kvet.send_signal(getattr(signal, ending))
    try:
        _out, err = kvet.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        kvet.kill()
        pytest.fail(f"kvet did not quit on {ending}")
    assert kvet.returncode == 0, err
    assert "Traceback" not in err
    # the database was closed, not dropped: its log was written back and removed
    assert not db.with_name("kvet.sqlite-wal").exists()
    with Store.open(load_checklist(), db, daily_backup=False) as store:
        assert [c.name for c in store.comparisons.list()] == ["My clinics"]
    # the next start does not say "kvet closed unexpectedly last time"
    reporting = crashlog.start(home / "state" / "kvet")
    try:
        assert reporting.previous_crash is None
    finally:
        reporting.stop()


def test_the_window_settings_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    conf = home / "config" / "kvet" / "kvet.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("[General]\n")
    conf.chmod(0o644)  # as an older kvet left it
    kvet = start_kvet(home, tmp_path / "kvet.sqlite")
    wait_until_open(home, kvet)
    kvet.terminate()
    kvet.communicate(timeout=60)
    assert stat.S_IMODE(conf.stat().st_mode) == 0o600
    assert "mainWindow" in conf.read_text()  # Qt wrote into it, and kept its mode
    fresh = tmp_path / "fresh"
    kvet = start_kvet(fresh, tmp_path / "other.sqlite")
    wait_until_open(fresh, kvet)
    kvet.terminate()
    kvet.communicate(timeout=60)
    made = fresh / "config" / "kvet" / "kvet.conf"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
