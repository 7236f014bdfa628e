"""A long session does not crash, loses no answer, and leaves no health data in the log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kvet.content.checklist import Checklist
from kvet.start.sample import SAMPLE_NAME
from kvet.store.api import Store
from kvet.system import crashlog

ROOT = Path(__file__).resolve().parents[1]
STEPS = 3_000


def run_session(
    home: Path, steps: int
) -> tuple[subprocess.CompletedProcess[str], Path, dict[str, Any]]:
    db = home / "kvet.sqlite"
    expected = home / "expected.json"
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "faulthandler",
            "-m",
            "tests.soak_driver",
            str(db),
            str(steps),
            str(expected),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    return done, db, json.loads(expected.read_text()) if expected.exists() else {}


@pytest.mark.slow
def test_three_thousand_steps_end_in_a_clean_exit_with_every_answer_saved(
    tmp_path: Path, checklist: Checklist
) -> None:
    done, db, expected = run_session(tmp_path, STEPS)
    state = tmp_path / "state" / "kvet"
    printed = (state / crashlog.CRASH_NAME).read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, (done.stderr + printed)[-3000:]
    counts = expected["counts"]
    # The session really did what it says: thousands of answers, notes, pages, tabs and weights.
    assert counts["answer"] > 1000
    assert counts["page"] > 300
    assert counts["tab"] > 100
    assert counts["note"] > 200
    assert counts["weight"] > 20
    assert counts["clinic"] > 100

    store = Store.open(checklist, db)
    try:
        comparison = next(c for c in store.comparisons.list() if c.name == SAMPLE_NAME)
        clinics = {c.id: c for c in store.clinics.list(comparison.id)}
        saved = {cid: store.answers.by_item(cid, expected["rater"]) for cid in clinics}
    finally:
        store.close()
    for key, choice in expected["answers"].items():
        clinic_id, item_id = key.split("|")
        got = saved[clinic_id].get(item_id)
        assert (got.choice.value if got and got.choice else None) == choice, key
    for key, note in expected["notes"].items():
        clinic_id, item_id = key.split("|")
        assert saved[clinic_id][item_id].note == note, key
    for key, number in expected["facts"].items():
        clinic_id, item_id = key.split("|")
        assert saved[clinic_id][item_id].number == number, key

    # Nothing went wrong quietly, nothing crashed, and the log holds no clinic name or note.
    log = (state / crashlog.LOG_NAME).read_text(encoding="utf-8")
    assert "unexpected error" not in log
    assert "kvet closed normally" in log
    assert "Fatal Python error" not in printed
    assert not (state / crashlog.RUNNING_NAME).exists()
    for clinic in clinics.values():
        assert clinic.name not in log
    for note in expected["notes"].values():
        assert note not in log
    assert "soaknote" not in log
    assert "fictional" not in log
