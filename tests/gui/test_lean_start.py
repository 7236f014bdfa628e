"""kvet starts lean: showing a user's data needs neither pydantic (the shipped data files are
proven valid by the tests) nor alembic (a current database needs no migration) nor the
cryptography used only for sharing files. Each costs start-up time and memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kvet.checklist import Checklist
from kvet.gui.app import EXIT_AFTER_SHOW
from kvet.sample import create_sample
from kvet.store.api import Store

PROBE = """
import sys
from kvet.__main__ import main
code = main(["--db", sys.argv[1]])
print("loaded", sorted({name.split(".")[0] for name in sys.modules}
      & {"pydantic", "alembic", "cryptography"}))
sys.exit(code)
"""


def test_showing_the_data_loads_no_validation_migration_or_crypto_library(
    tmp_path: Path, checklist: Checklist
) -> None:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path, daily_backup=False) as store:
        sample = create_sample(store)
        store.set_preference("last_comparison", sample.id)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        **{EXIT_AFTER_SHOW: "1"},
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "ready-at" in done.stdout  # the clinics and scores were on screen
    assert "loaded []" in done.stdout, done.stdout
