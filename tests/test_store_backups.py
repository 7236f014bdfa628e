"""Rolling daily backups: one a day at start-up, the last seven kept, listed and restorable."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from kvet.start import recovery
from kvet.store import backups, restore
from kvet.store.api import Store
from kvet.store.errors import DatabaseCorruptError, DatabaseLockedError

DAY_ONE = date(2026, 3, 1)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "kvet.sqlite"


@pytest.fixture
def store(checklist: Checklist, path: Path) -> Iterator[Store]:
    with Store.open(checklist, path) as opened:
        yield opened


def names_in(db: Path) -> list[str]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return [row[0] for row in conn.execute("SELECT name FROM comparison ORDER BY name")]
    finally:
        conn.close()


def test_ten_days_of_use_keep_the_last_seven_daily_backups(store: Store, path: Path) -> None:
    for n in range(10):
        day = DAY_ONE + timedelta(days=n)
        store.comparisons.create(f"Day {n + 1:02}")  # still in the WAL: the backup must include it
        made = backups.daily_backup(path, today=day)
        assert made == path.parent / "backups" / f"kvet-backup-{day.isoformat()}.sqlite"
        assert backups.daily_backup(path, today=day) is None  # once a day
    kept = backups.list_backups(path)
    assert [b.made_on for b in kept] == [DAY_ONE + timedelta(days=n) for n in range(9, 2, -1)]
    assert store.list_backups() == kept
    assert names_in(kept[0].path) == [f"Day {n:02}" for n in range(1, 11)]  # newest: all ten
    assert names_in(kept[-1].path) == [f"Day {n:02}" for n in range(1, 5)]  # oldest kept: day 4
    assert sorted(p.name for p in (path.parent / "backups").iterdir()) == sorted(
        b.path.name for b in kept
    )  # no partial files left over


def test_starting_kvet_makes_todays_backup_once(checklist: Checklist, path: Path) -> None:
    with Store.open(checklist, path) as store:
        assert store.db.backup_made is None  # a brand-new file: nothing to back up yet
        store.comparisons.create("Spring")
    with Store.open(checklist, path) as store:
        made = store.db.backup_made
        assert made is not None
        assert [b.path for b in store.list_backups()] == [made]
        assert store.list_backups()[0].made_on == date.today()
        assert store.backup_problem is None
    with Store.open(checklist, path) as store:
        assert store.db.backup_made is None
        assert len(store.list_backups()) == 1
    assert names_in(made) == ["Spring"]
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_a_backup_can_be_restored_and_the_current_file_is_kept_first(
    checklist: Checklist, path: Path
) -> None:
    with Store.open(checklist, path) as store:
        store.comparisons.create("Spring")
    monday = backups.daily_backup(path, today=DAY_ONE)
    assert monday is not None
    with Store.open(checklist, path, daily_backup=False) as store:
        store.comparisons.create("Autumn")
        (spring, _autumn) = store.comparisons.list()
        store.comparisons.delete(spring.id)  # a mistake found only after restarting

    kept = restore.restore_backup(path, monday)
    assert kept is not None
    assert kept.parent == path.parent / "backups"
    assert names_in(kept) == ["Autumn", "Spring"]  # the file as it was, deleted row included
    with Store.open(checklist, path, daily_backup=False) as store:
        assert [c.name for c in store.comparisons.list()] == ["Spring"]
        assert backups.list_backups(path) == [backups.BackupInfo(monday, DAY_ONE)]  # not rotated


def test_restoring_is_refused_while_kvet_has_the_database_open(store: Store, path: Path) -> None:
    store.comparisons.create("Spring")
    backup = backups.daily_backup(path, today=DAY_ONE)
    assert backup is not None
    store.comparisons.create("Autumn")
    with pytest.raises(DatabaseLockedError, match="already open"):
        restore.restore_backup(path, backup)
    assert [c.name for c in store.comparisons.list()] == ["Spring", "Autumn"]


def test_a_damaged_backup_is_refused_and_nothing_changes(checklist: Checklist, path: Path) -> None:
    with Store.open(checklist, path) as store:
        store.comparisons.create("Spring")
    bad = path.parent / "backups" / "kvet-backup-2026-03-01.sqlite"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00garbage" * 512)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorruptError, match=str(bad)):
        restore.restore_backup(path, bad)
    assert path.read_bytes() == before


def test_the_newest_backup_rescues_a_database_damaged_since(
    checklist: Checklist, path: Path
) -> None:
    with Store.open(checklist, path) as store:
        store.comparisons.create("Spring")
    for n in range(3):
        backups.daily_backup(path, today=DAY_ONE + timedelta(days=n))
    path.write_bytes(b"scrambled by a disk failure" * 100)
    with pytest.raises(DatabaseCorruptError):
        Store.open(checklist, path)
    used = recovery.restore_newest_backup(path)
    assert used.name == "kvet-backup-2026-03-03.sqlite"
    with Store.open(checklist, path) as store:
        assert [c.name for c in store.comparisons.list()] == ["Spring"]
    damaged = list((path.parent / "backups").glob("kvet-before-restore-*.sqlite"))
    assert [p.read_bytes() for p in damaged] == [b"scrambled by a disk failure" * 100]


def test_a_backup_that_cannot_be_made_does_not_stop_kvet(checklist: Checklist, path: Path) -> None:
    with Store.open(checklist, path) as store:
        store.comparisons.create("Spring")
    (path.parent / "backups").write_text("a file where the backup folder should be")
    with Store.open(checklist, path) as store:
        assert store.db.backup_made is None
        assert store.backup_problem is not None
        assert "could not make today's backup" in str(store.backup_problem)
        store.comparisons.create("Autumn")  # the user can still work
        assert len(store.comparisons.list()) == 2


def test_files_in_the_backup_folder_that_are_not_daily_backups_are_left_alone(
    store: Store, path: Path
) -> None:
    folder = path.parent / "backups"
    folder.mkdir()
    others = [folder / "kvet-backup-someday.sqlite", folder / "notes.txt"]
    for other in others:
        other.write_text("mine")
    store.comparisons.create("Spring")  # an empty database is not backed up over older copies
    for n in range(9):
        backups.daily_backup(path, today=DAY_ONE + timedelta(days=n))
    assert len(backups.list_backups(path)) == 7
    assert all(other.read_text() == "mine" for other in others)
