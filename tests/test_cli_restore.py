"""``kvet restore``: the backups listed with their dates and sizes; one put back, the current
file kept first."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from kvet.checklist import Checklist
from kvet.store import backups
from kvet.store.api import Store
from tests.test_damage import DAY_ONE, comparison_names, kvet


@pytest.fixture
def db(checklist: Checklist, tmp_path: Path) -> Path:
    """Three days of use, one daily backup each day: day n's backup has n comparisons."""
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path, daily_backup=False) as store:
        for n in range(3):
            store.comparisons.create(f"Day {n + 1}")
            backups.daily_backup(path, today=DAY_ONE + timedelta(days=n))
    return path


def test_the_backups_are_listed_newest_first_with_their_dates_and_sizes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = kvet(capsys, db, "restore")
    assert (code, err) == (0, "")
    rows = re.findall(r"^\s+(\d)\. (\S+)\s+daily backup\s+(\d+) KB\s+(\S+)$", out, re.MULTILINE)
    folder = db.parent / "backups"
    assert [(n, day, name) for n, day, _kb, name in rows] == [
        ("1", "2026-03-03", "kvet-backup-2026-03-03.sqlite"),
        ("2", "2026-03-02", "kvet-backup-2026-03-02.sqlite"),
        ("3", "2026-03-01", "kvet-backup-2026-03-01.sqlite"),
    ]
    for _n, _day, kb, name in rows:
        assert int(kb) == max(1, round((folder / name).stat().st_size / 1024))
    assert comparison_names(db) == ["Day 1", "Day 2", "Day 3"]  # listing changes nothing


def test_a_chosen_backup_is_restored_and_the_current_file_kept(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = db.read_bytes()
    code, out, err = kvet(capsys, db, "restore", "3")
    assert (code, err) == (0, "")
    assert comparison_names(db) == ["Day 1"]
    kept = Path(re.findall(r"kept as (.+)\.$", out, re.MULTILINE)[0])
    assert kept.read_bytes() == current
    assert "1 March 2026" in out
    code, _out, _err = kvet(capsys, db, "restore", "2026-03-02")
    assert code == 0
    assert comparison_names(db) == ["Day 1", "Day 2"]


def test_restoring_while_the_window_is_open_is_refused(
    db: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(checklist, db, daily_backup=False):
        code, _out, err = kvet(capsys, db, "restore", "1")
    assert code == 1
    assert "already open in another kvet window" in err
    assert comparison_names(db) == ["Day 1", "Day 2", "Day 3"]


def test_an_unknown_choice_and_no_backups_get_plain_messages(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = kvet(capsys, db, "restore", "9")
    assert code == 1
    assert "no single copy “9”" in err
    code, _out, err = kvet(capsys, tmp_path / "elsewhere" / "kvet.sqlite", "restore")
    assert code == 1
    assert "no backups" in err
