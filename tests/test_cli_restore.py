"""``kvet restore``: the backups listed with their dates and sizes; one put back, the current
file kept first."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from kvet.store import backups
from kvet.store.api import Store
from tests.test_damage import (
    DAY_ONE,
    comparison_names,
    emptied_with_only_a_before_migration_copy,
    kvet,
)


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


# --- issue 23, item 4: only what passes the checks of an opening is restored ----------------


def test_an_empty_backup_is_refused_and_the_database_kept(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (db.parent / "backups" / "kvet-backup-2026-03-04.sqlite").write_bytes(b"")
    current = db.read_bytes()
    code, out, _err = kvet(capsys, db, "restore")
    [listed] = [line for line in out.splitlines() if "2026-03-04" in line]
    assert listed.endswith("(damaged or empty: cannot be restored)")
    assert "cannot be restored" not in out.replace(listed, "")
    code, out, err = kvet(capsys, db, "restore", "1")
    assert code == 1
    assert "Restored" not in out
    assert "is empty" in err
    assert db.read_bytes() == current
    assert not list((db.parent / "backups").glob("kvet-before-restore-*"))


def test_a_backup_with_damaged_treatment_entries_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kvet.content.checklist import load_checklist
    from tests.test_damage import raw_update, with_a_treatment_record

    damaged = db.parent / "elsewhere" / "kvet.sqlite"
    damaged.parent.mkdir()
    with_a_treatment_record(load_checklist(), damaged)
    raw_update(damaged, "UPDATE course_entry SET kind = 'unknown kind'")
    damaged.replace(db.parent / "backups" / "kvet-backup-2026-03-04.sqlite")
    code, _out, err = kvet(capsys, db, "restore", "2026-03-04")
    assert code == 1
    assert "treatment entry" in err
    assert comparison_names(db) == ["Day 1", "Day 2", "Day 3"]


def test_a_planted_trigger_is_left_out_of_a_restore(
    db: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from kvet.rating.answers import Choice

    backup = db.parent / "backups" / "kvet-backup-2026-03-03.sqlite"
    with Store.open(checklist, backup, daily_backup=False) as store:
        day1 = store.comparisons.list()[0]
        clinic = store.clinics.add(day1.id, "Riverside")
        store.answers.set(clinic.id, "rf_no_screening", Choice.SEEN)
    conn = sqlite3.connect(backup)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON clinic BEGIN DELETE FROM answer; END")
    conn.execute("CREATE VIEW peek AS SELECT * FROM clinic")
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    code, out, err = kvet(capsys, db, "restore", "1")
    assert (code, err) == (0, "")
    assert "2 command(s) kvet did not make" in out
    with Store.open(checklist, db, daily_backup=False) as store:
        comparison = store.comparisons.list()[0]
        store.clinics.add(comparison.id, "Hilltop")  # the trigger would delete every answer now
        assert "rf_no_screening" in store.answers.by_item(clinic.id)


def test_a_linked_backup_is_neither_listed_nor_restored(
    db: Path, checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kvet.store import restore
    from kvet.store.errors import StorageError

    elsewhere = tmp_path / "elsewhere.sqlite"
    with Store.open(checklist, elsewhere, daily_backup=False) as store:
        store.comparisons.create("Someone else's")
    link = db.parent / "backups" / "kvet-backup-2026-03-09.sqlite"
    link.symlink_to(elsewhere)
    code, out, _err = kvet(capsys, db, "restore")
    assert code == 0
    assert "2026-03-09" not in out
    code, _out, err = kvet(capsys, db, "restore", "2026-03-09")
    assert code == 1
    assert "no single copy" in err
    with pytest.raises(StorageError, match="is a link"):
        restore.restore_backup(db, link)
    assert comparison_names(db) == ["Day 1", "Day 2", "Day 3"]


def test_every_copy_kvet_keeps_is_listed_and_can_be_restored(
    db: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
) -> None:
    """Daily backups, and the copies made before an update, an import and a restore."""
    for reason in ("before-migration", "before-import"):
        backups.safety_copy(db, reason)
    code, _out, _err = kvet(capsys, db, "restore", "3")  # makes a before-restore copy
    assert code == 0
    code, out, err = kvet(capsys, db, "restore")
    assert (code, err) == (0, "")
    kinds = re.findall(r"^\s+\d+\. \S+\s+(daily backup|before an? \w+)\s", out, re.MULTILINE)
    assert sorted(set(kinds)) == [
        "before a restore",
        "before an import",
        "before an update",
        "daily backup",
    ]
    assert len(kinds) == 6
    assert kinds[0] == "before a restore"  # the newest first
    number = 1 + kinds.index("before a restore")
    code, out, _err = kvet(capsys, db, "restore", str(number))
    assert code == 0
    assert "the copy made before a restore" in out
    assert comparison_names(db) == ["Day 1", "Day 2", "Day 3"]  # the data the restore replaced


# --- issue 23, item 5: clocks and a linked backups folder -----------------------------------


def test_backups_dated_in_the_future_do_not_push_out_todays(db: Path, checklist: Checklist) -> None:
    from datetime import date

    folder = db.parent / "backups"
    source = folder / "kvet-backup-2026-03-03.sqlite"
    for n in range(7):  # a clock that was once years ahead
        (folder / f"kvet-backup-2031-01-0{n + 1}.sqlite").write_bytes(source.read_bytes())
    with Store.open(checklist, db) as store:
        made = store.db.backup_made
    assert made is not None
    assert made.exists()
    kept = backups.list_backups(db)
    assert len(kept) == backups.KEEP
    assert kept[0].made_on == date.today()  # today's, offered first
    assert all(b.path.exists() for b in kept)
    tomorrow = date.today() + timedelta(days=1)
    assert backups.daily_backup(db, today=tomorrow) is not None
    assert backups.list_backups(db, today=tomorrow)[0].made_on == tomorrow
    assert (folder / f"kvet-backup-{date.today().isoformat()}.sqlite").exists()


def test_a_linked_backups_folder_is_not_followed(
    db: Path, checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    elsewhere = tmp_path / "elsewhere"
    shutil.move(db.parent / "backups", elsewhere)
    (db.parent / "backups").symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.name for p in elsewhere.iterdir())
    with Store.open(checklist, db) as store:
        assert store.db.backup_made is None
        assert store.backup_problem is not None
        assert "is a link" in str(store.backup_problem)
    assert sorted(p.name for p in elsewhere.iterdir()) == before  # nothing written or deleted
    code, _out, err = kvet(capsys, db, "restore")
    assert code == 1
    assert "is a link" in err


# --- issue 23, item 6: before-import copies are cleaned -------------------------------------


def test_copies_made_before_imports_are_kept_to_the_newest_few(
    db: Path, checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "brother.kvet"
    code, _out, _err = kvet(capsys, db, "export", str(shared), "-c", "Day 1")
    assert code == 0
    for _ in range(backups.IMPORT_COPIES_KEPT + 3):
        assert kvet(capsys, db, "import", str(shared), "--into", "Day 1")[0] == 0
    copies = list((db.parent / "backups").glob("kvet-before-import-*.sqlite"))
    assert len(copies) == backups.IMPORT_COPIES_KEPT


def test_before_import_copies_older_than_a_month_go_but_the_newest_stays(db: Path) -> None:
    from datetime import datetime

    folder = db.parent / "backups"
    old = [folder / f"kvet-before-import-202601{day:02d}-100000-000000.sqlite" for day in (1, 2)]
    for path in old:
        path.write_bytes(db.read_bytes())
    removed = backups.prune_import_copies(db, now=datetime(2026, 3, 10))
    assert removed == [old[0]]
    assert old[1].exists()


# --- issue 23, item 7: an emptied database with only a before-migration copy ----------------


def test_an_emptied_database_with_only_a_before_migration_copy_is_not_started_afresh(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    emptied_with_only_a_before_migration_copy(checklist, db)
    code, out, err = kvet(capsys, db, "list")
    assert (code, out) == (1, "")
    assert "holds no kvet data" in err
    assert "Run kvet restore" in err
    assert db.read_bytes() == b""
    code, out, err = kvet(capsys, db, "restore")
    assert "before an update" in out
    assert kvet(capsys, db, "restore", "1")[0] == 0
    assert comparison_names(db) == ["Spring search"]


# --- issue 23, point 14: a table gone is damage, said plainly, with kvet restore named ---------


@pytest.mark.parametrize(
    ("lang", "damaged", "restore"),
    [
        ("en", "is damaged", "Run kvet restore to see the backups."),
        ("es", "está dañado", "Use kvet restore para ver las copias de seguridad."),
    ],
)
def test_a_missing_table_is_said_as_damage_and_names_kvet_restore(
    db: Path, capsys: pytest.CaptureFixture[str], lang: str, damaged: str, restore: str
) -> None:
    from tests.test_damage import raw_update

    raw_update(db, "DROP TABLE rater")
    code, out, err = kvet(capsys, db, "--lang", lang, "list")
    assert (code, out) == (1, "")
    assert damaged in err
    assert err.rstrip().endswith(restore)
    for internal in ("no such table", "main.rater", "sqlite3", "rater"):
        assert internal not in err
    code, out, _err = kvet(capsys, db, "restore", "1")  # the way back it names works
    assert code == 0
    assert comparison_names(db) == ["Day 1", "Day 2", "Day 3"]
