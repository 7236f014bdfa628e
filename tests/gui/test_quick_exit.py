"""Quitting kvet ends its process at once: Python does not take apart every module and Qt
object it loaded (a fifth of a short session, issue 26), yet nothing the user has is lost: the
database is closed cleanly and can be opened again, the log says the session ended well, and
work still running in a thread of its own (a save) finishes before the process ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kvet.content.checklist import Checklist
from kvet.store.api import Store
from tests.gui.helpers import own_process_env, sample_shown_at_start

# Started as the ``kvet`` program is (``kvet.__main__.launch``). The witness speaks only if
# Python tears its modules down; the late save is a thread that is still working at the quit.
PROBE = """
import atexit, sys, threading, time
from pathlib import Path

class Witness:
    def __del__(self):
        print("torn down", flush=True)

witness = Witness()

late = Path(sys.argv[2])

def save_late():
    time.sleep(0.5)
    late.write_text("saved", encoding="utf-8")

threading.Thread(target=save_late).start()
atexit.register(lambda: print("atexit ran", flush=True))
sys.argv = ["kvet", "--db", sys.argv[1]]
from kvet.__main__ import launch
launch()
"""


def test_quitting_ends_at_once_with_the_data_closed_and_a_late_save_finished(
    tmp_path: Path, checklist: Checklist
) -> None:
    path = tmp_path / "kvet.sqlite"
    sample_id = sample_shown_at_start(checklist, path)
    late = tmp_path / "late-save.txt"
    state = tmp_path / "state"
    env = own_process_env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), str(late)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "ready-at" in done.stdout  # the clinics were on screen before the quit
    assert "torn down" not in done.stdout  # no teardown of every module and object
    assert "atexit ran" in done.stdout  # what was asked to run at exit did
    assert late.read_text(encoding="utf-8") == "saved"  # the save still running finished
    log = (state / "kvet" / "kvet.log").read_text(encoding="utf-8")
    assert log.rstrip().endswith("kvet closed normally")
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # every change is in the database file
    with Store.open(checklist, path, daily_backup=False) as again:  # the lock was let go
        assert [c.name for c in again.clinics.list(sample_id)]
