"""Issue 26: the day's backup is made once the data shows, not before it.

The first start of each day copies the whole database (100-200 ms at 200 clinics, most of it the
disk's). The copy is still made on that start, of the data as it opened, but after the clinics
are on screen. Counted (backups made before and after the data shows), not timed. kvet runs in
its own process, as the desktop starts it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from kvet.content.checklist import Checklist
from kvet.store import backups
from kvet.store.api import Store
from tests.gui.helpers import own_process_env

PROBE = """
import sys
from pathlib import Path
import kvet.gui.main.mainwindow
from kvet.__main__ import main
from kvet.store import backups

attach = kvet.gui.main.mainwindow.MainWindow.attach
def attach_and_look(window, store):
    attach(window, store)  # the clinics are in the window now
    print("backups when the data shows", len(backups.list_backups(Path(sys.argv[1]))))
kvet.gui.main.mainwindow.MainWindow.attach = attach_and_look
sys.exit(main(["--db", sys.argv[1]]))
"""


def names_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM comparison ORDER BY name")]
    finally:
        conn.close()


def test_the_days_backup_is_made_once_the_clinics_show(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db, daily_backup=False) as store:
        comparison = store.comparisons.create("Spring search").id
        store.clinics.add(comparison, "Riverside")
        store.settings.set_preference("last_comparison", comparison)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)],
        env=own_process_env(tmp_path / "home"),  # quits once the data shows
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "ready-at" in done.stdout  # the clinics and scores were on screen
    assert "backups when the data shows 0" in done.stdout, done.stdout
    [made] = backups.list_backups(db)  # and the day's copy was made on this start all the same
    assert names_in(made.path) == ["Spring search"]
