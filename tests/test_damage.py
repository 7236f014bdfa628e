"""A damaged, empty or linked database is never silently replaced, written to or followed.

Each story is one the adversarial test of issue 11 found: the user's file stays byte for byte as
it was, kvet says what happened in plain words, and a good backup can be put back.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from kvet.__main__ import main
from kvet.content.checklist import Checklist, Format
from kvet.start import recovery
from kvet.store import backups
from kvet.store.api import Store
from kvet.store.errors import DatabaseCorruptError, DatabaseLockedError, StorageError

DAY_ONE = date(2026, 3, 1)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder (not the lock, which says who has it open), by content."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


def comparison_names(db: Path) -> list[str]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM comparison ORDER BY name")]
    finally:
        conn.close()


def with_backup(checklist: Checklist, db: Path, name: str = "Spring search") -> Path:
    """A database holding one comparison, and a daily backup of it."""
    with Store.open(checklist, db, daily_backup=False) as store:
        store.comparisons.create(name)
    made = backups.daily_backup(db, today=DAY_ONE)
    assert made is not None
    return made


def emptied_with_only_a_before_migration_copy(checklist: Checklist, db: Path) -> None:
    """A database holding one comparison, copied aside before an update, then emptied: no
    daily backup, only the before-migration copy."""
    with Store.open(checklist, db, daily_backup=False) as store:
        store.comparisons.create("Spring search")
    backups.safety_copy(db, "before-migration")
    db.write_bytes(b"")


def riverside_with_one_answer(checklist: Checklist, db: Path) -> None:
    """A database holding one comparison with one clinic, Riverside, and one answer."""
    from kvet.rating.answers import Choice

    with Store.open(checklist, db, daily_backup=False) as store:
        clinic = store.clinics.add(store.comparisons.create("Spring search").id, "Riverside")
        store.answers.set(clinic.id, "rf_no_screening", Choice.SEEN)


def raw_update(db: Path, sql: str) -> None:
    """Damage a value behind kvet's back, as a disk or another program could."""
    conn = sqlite3.connect(db)
    try:
        conn.execute(sql)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def kvet(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


# --- item 2: empty and tiny files, damaged write-ahead logs, backups kept --------------------


@pytest.mark.parametrize("content", [b"", b"x"], ids=["0 bytes", "1 byte"])
def test_an_emptied_database_is_refused_while_a_backup_exists(
    checklist: Checklist, tmp_path: Path, content: bytes
) -> None:
    db = tmp_path / "kvet.sqlite"
    backup = with_backup(checklist, db)
    db.write_bytes(content)  # what a failed sync or a careless tool leaves
    before = fingerprint(tmp_path) | fingerprint(backup.parent)
    with pytest.raises(DatabaseCorruptError) as refused:
        Store.open(checklist, db)
    assert "has not changed it" in str(refused.value)
    assert "restore the newest backup" in str(refused.value)
    assert fingerprint(tmp_path) | fingerprint(backup.parent) == before
    assert recovery.newest_backup(db) == backup


def test_a_one_byte_file_is_not_taken_for_an_empty_database(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    db.write_bytes(b"\n")
    with pytest.raises(DatabaseCorruptError):
        Store.open(checklist, db)
    assert db.read_bytes() == b"\n"


def test_an_empty_file_with_no_backups_is_still_a_first_start(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    db.write_bytes(b"")
    with Store.open(checklist, db) as store:
        assert store.comparisons.list() == []


def crashed_with_commits_in_the_log(checklist: Checklist, folder: Path) -> Path:
    """A database whose newest commits are only in its -wal, as after a crash or a power cut."""
    live = folder / "live" / "kvet.sqlite"
    live.parent.mkdir()
    store = Store.open(checklist, live, daily_backup=False)
    try:
        for n in range(7):
            store.comparisons.create(f"Search {n}")
        db = folder / "kvet.sqlite"
        shutil.copyfile(live, db)
        shutil.copyfile(live.with_name("kvet.sqlite-wal"), folder / "kvet.sqlite-wal")
    finally:
        store.close()
    shutil.rmtree(live.parent)
    return db


def test_a_write_ahead_log_with_a_damaged_header_is_kept_not_dropped(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = crashed_with_commits_in_the_log(checklist, tmp_path)
    wal = db.with_name("kvet.sqlite-wal")
    header = bytearray(wal.read_bytes())
    header[20] ^= 0xFF  # one salt byte: the header's checksum no longer matches
    wal.write_bytes(bytes(header))
    before = fingerprint(tmp_path)
    code, out, err = kvet(capsys, db, "list")
    assert code == 1
    assert out == ""
    assert "kvet.sqlite-wal, is damaged" in err
    assert "Traceback" not in err
    assert fingerprint(tmp_path) == before  # both files, byte for byte
    with pytest.raises(DatabaseCorruptError):
        Store.open(checklist, db)
    assert fingerprint(tmp_path) == before


def test_a_sound_write_ahead_log_is_read_as_before(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = crashed_with_commits_in_the_log(checklist, tmp_path)
    code, out, _err = kvet(capsys, db, "list")
    assert code == 0
    assert [line.split("  ")[0] for line in out.splitlines() if not line.startswith(" ")] == [
        f"Search {n}" for n in range(7)
    ]


def test_an_empty_database_is_never_backed_up_over_good_backups(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    good = with_backup(checklist, db)
    recovery.set_aside(db)  # "Start a new database" after damage
    with Store.open(checklist, db, daily_backup=False):
        pass
    for n in range(1, 10):  # nine days of starting the new, empty database
        assert backups.daily_backup(db, today=DAY_ONE + timedelta(days=n)) is None
    assert [b.path for b in backups.list_backups(db)] == [good]
    assert comparison_names(good) == ["Spring search"]


# --- item 3: leftovers of a killed copy ---------------------------------------------------------


def test_half_made_backups_left_by_a_killed_kvet_are_removed_at_the_next_start(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    good = with_backup(checklist, db)
    folder = good.parent
    leftovers = [
        folder / "kvet-backup-2026-03-02.sqlite.partial",
        folder / "kvet-backup-2026-03-02.sqlite.partial-journal",
        folder / "kvet-before-migration-20260302.sqlite.partial",
        db.with_name("kvet.sqlite.restoring"),
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\0" * 4096)
    mine = folder / "notes.txt"
    mine.write_text("not kvet's")
    with Store.open(checklist, db, daily_backup=False):
        pass
    assert not any(p.exists() for p in leftovers)
    assert good.exists()
    assert mine.read_text() == "not kvet's"


# --- items 4 and 5: links ------------------------------------------------------------------


def test_a_linked_database_path_is_refused_and_its_target_untouched(
    checklist: Checklist, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "precious.txt"
    target.write_text("someone's file")
    link = tmp_path / "kvet.sqlite"
    link.symlink_to(target)
    with pytest.raises(StorageError) as refused:
        Store.open(checklist, link)
    assert not isinstance(refused.value, DatabaseCorruptError)  # no "start a new database"
    assert "is a link" in str(refused.value)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["precious.txt"]  # no .lock there
    assert target.read_text() == "someone's file"
    assert link.is_symlink()
    with pytest.raises(StorageError):
        recovery.set_aside(link)
    assert link.is_symlink()


def test_a_linked_lock_file_is_never_written_through(checklist: Checklist, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("someone's file")
    db = tmp_path / "kvet.sqlite"
    db.with_name("kvet.sqlite.lock").symlink_to(target)
    with pytest.raises(StorageError) as refused:
        Store.open(checklist, db)
    assert "lock file" in str(refused.value)
    assert target.read_text() == "someone's file"
    assert not db.exists()


# --- item 13: damage the quick check does not see ----------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE answer SET answered_at = 'yesterday-ish'",
        "UPDATE answer SET answered_at = '2026-02-30 10:00:00.000000'",
        "UPDATE clinic SET formats = '[\"iv\"'",
        "UPDATE comparison SET settings = '{not json'",
        "UPDATE answer SET choice = 'banana'",
    ],
    ids=["not a date", "no such day", "broken list", "broken settings", "unknown answer"],
)
def test_a_damaged_saved_value_is_refused_before_anything_is_written(
    checklist: Checklist, tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from kvet.rating.answers import Choice

    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db, daily_backup=False) as store:
        clinic = store.clinics.add(
            store.comparisons.create("Spring search").id, "Riverside", formats=[Format.IV]
        )
        store.answers.set(clinic.id, "rf_no_screening", Choice.SEEN)
    raw_update(db, damage)
    before = fingerprint(tmp_path)
    with pytest.raises(DatabaseCorruptError) as refused:
        Store.open(checklist, db)
    assert "cannot be read" in str(refused.value)
    assert "Riverside" not in str(refused.value)  # no health data in messages
    assert fingerprint(tmp_path) == before
    code, _out, err = kvet(capsys, db, "list")
    assert code == 1
    assert "cannot be read" in err
    assert "Traceback" not in err
    assert fingerprint(tmp_path) == before


def break_an_index(db: Path) -> None:
    """Index entries that no longer match their rows: PRAGMA quick_check cannot see this."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, '(clinic_id)', '(rater_id)') "
            "WHERE name = 'ix_assessment_clinic_id'"
        )
        conn.commit()
    finally:
        conn.close()


def test_a_database_failing_the_full_check_is_not_opened_for_writing_or_backed_up(
    checklist: Checklist, tmp_path: Path
) -> None:
    from kvet.rating.answers import Choice

    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db, daily_backup=False) as store:
        for name in ("Riverside", "Hilltop"):
            clinic = store.clinics.add(store.comparisons.create(name).id, name)
            store.answers.set(clinic.id, "rf_no_screening", Choice.SEEN)
    break_an_index(db)
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    conn.close()
    before = fingerprint(tmp_path)
    with pytest.raises(DatabaseCorruptError):
        Store.open(checklist, db)  # the first start of the day checks fully, before its backup
    assert fingerprint(tmp_path) == before
    assert backups.list_backups(db) == []


# --- item 17: messages ----------------------------------------------------------------------


def test_a_folder_at_the_database_path_gets_a_plain_message(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kvet.sqlite"
    folder.mkdir()
    with pytest.raises(StorageError) as refused:
        Store.open(checklist, folder)
    assert not isinstance(refused.value, DatabaseCorruptError)
    assert "is a folder" in str(refused.value)
    code, _out, err = kvet(capsys, folder, "list")
    assert code == 1
    assert "is a folder" in err
    assert "disk I/O" not in err


def test_the_lock_says_whether_a_window_or_a_command_has_the_database(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db, daily_backup=False, holder="command"):
        with pytest.raises(DatabaseLockedError) as busy:
            Store.open(checklist, db)
        assert "kvet command" in str(busy.value)
        assert "window" not in str(busy.value)
    with Store.open(checklist, db, daily_backup=False):
        with pytest.raises(DatabaseLockedError) as busy:
            Store.open(checklist, db, holder="command")
        assert "already open in another kvet window" in str(busy.value)


def test_reading_commands_work_while_the_window_is_open(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db) as window:
        spring = window.comparisons.create("Spring search")
        window.clinics.add(spring.id, "Riverside")
        code, out, err = kvet(capsys, db, "list")
        assert (code, err) == (0, "")
        assert "Spring search" in out
        assert "Riverside" in out
        window.clinics.add(spring.id, "Hilltop")  # the window goes on saving
        code, _out, err = kvet(capsys, db, "export", str(tmp_path / "now.csv"))
        assert (code, err) == (0, "")
        assert "Hilltop" in (tmp_path / "now.csv").read_text(encoding="utf-8-sig")
        code, _out, err = kvet(capsys, db, "import", str(tmp_path / "now.csv"))
        assert code == 1  # writing still waits for the window
        window.clinics.add(spring.id, "Lakeside")
        assert len(window.clinics.list(spring.id)) == 3


def test_an_undecodable_password_variable_gets_a_plain_message(
    checklist: Checklist,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "kvet.sqlite"
    with_backup(checklist, db)
    monkeypatch.setenv("KVET_PASSWORD", os.fsdecode(b"caf\xe9"))  # Latin-1 typed in a terminal
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "p.kvet"), "--password")
    assert code == 1
    assert "is not valid text" in err
    assert "codec" not in err
    assert not (tmp_path / "p.kvet").exists()


def test_a_date_outside_what_kvet_can_keep_gets_a_plain_message(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    mine = tmp_path / "mine.sqlite"
    riverside_with_one_answer(checklist, mine)
    assert kvet(capsys, mine, "export", str(tmp_path / "x.kvet"))[0] == 0
    data = json.loads((tmp_path / "x.kvet").read_text())
    data["assessments"][0]["answers"][0]["answered_at"] = "0001-01-01T00:00:00+05:00"
    (tmp_path / "x.kvet").write_text(json.dumps(data))
    theirs = tmp_path / "theirs.sqlite"
    code, _out, err = kvet(capsys, theirs, "import", str(tmp_path / "x.kvet"))
    assert code == 1
    assert "outside the range kvet can keep" in err
    assert "date value out of range" not in err
    assert comparison_names(theirs) == []  # nothing half-imported


def test_kvet_list_into_a_closed_pipe_stops_quietly(checklist: Checklist, tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "kvet.sqlite"
    with_backup(checklist, db)
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `head` that has read all it wants
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kvet", "--db", str(db), "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == 0


# --- item 8: names reach the terminal with their controls made visible ----------------------


def test_names_with_terminal_controls_are_printed_visibly(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    hostile = "Calm\x1b]0;pwned\x07\x1b[2J Clinic\u202egnp.exe\x9b31m"
    with Store.open(checklist, db, daily_backup=False) as store:
        comparison = store.comparisons.create("Spring\x1b[31m search")
        store.clinics.add(comparison.id, hostile)
    code, out, _err = kvet(capsys, db, "list")
    assert code == 0
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out
    assert "Calm\\x1b]0;pwned\\x07\\x1b[2J Clinic\\u202egnp.exe\\x9b31m" in out
    assert "Spring\\x1b[31m search" in out
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "x.csv"), "-c", "No\x1b[2J")
    assert code == 1
    assert "\x1b" not in err
    assert "No single comparison has that name" in err  # what was typed is not echoed at all


# --- issue 23, item 1: a damaged frame in the write-ahead log -----------------------------------


def flip_a_bit_in_a_frame(wal: Path, frame: int) -> None:
    """One bit in the page a frame carries (not its header), as a disk or a copy can do."""
    data = bytearray(wal.read_bytes())
    page_size = int.from_bytes(data[8:12], "big")
    data[32 + frame * (24 + page_size) + 24 + 100] ^= 0x04
    wal.write_bytes(bytes(data))


def test_a_flipped_bit_in_a_log_frame_is_said_plainly_and_both_files_kept(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kvet.store.errors import LostChangesError

    db = crashed_with_commits_in_the_log(checklist, tmp_path)
    wal = db.with_name("kvet.sqlite-wal")
    frames = (wal.stat().st_size - 32) // (24 + 4096)
    flip_a_bit_in_a_frame(wal, frames - 6)  # a few commits before the end
    before = fingerprint(tmp_path)
    code, out, err = kvet(capsys, db, "list")
    assert (code, out) == (1, "")
    assert "kvet.sqlite-wal, is damaged" in err
    assert "cannot be read back" in err
    assert "kvet restore --without-lost-changes" in err
    assert "Search" not in err  # no health data in the message
    assert fingerprint(tmp_path) == before  # the evidence stays: database and log, byte for byte
    with pytest.raises(LostChangesError) as refused:
        Store.open(checklist, db)
    assert refused.value.lost >= 1
    assert fingerprint(tmp_path) == before
    # the person chooses to go on without the changes that cannot be read
    code, out, err = kvet(capsys, db, "restore", "--without-lost-changes")
    assert (code, err) == (0, "")
    [kept] = (tmp_path / "backups").glob("kvet-before-repair-*.sqlite")
    assert kept.with_name(kept.name + "-wal").read_bytes() == wal_bytes(before, tmp_path)
    code, out, err = kvet(capsys, db, "list")
    assert (code, err) == (0, "")
    shown = [line.split("  ")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert 0 < len(shown) < 7  # the sound commits, not the ones after the damage
    code, out, _err = kvet(capsys, db, "restore")
    assert "before a repair" in out
    code, _out, err = kvet(capsys, db, "restore", "--without-lost-changes")  # once is enough
    assert code == 1
    assert "nothing to leave out" in err


def wal_bytes(before: dict[str, str], folder: Path) -> bytes:
    """The damaged log as it was (kept in the fingerprint by hash; read from the copy kvet kept)."""
    [kept] = (folder / "backups").glob("kvet-before-repair-*.sqlite-wal")
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == before["kvet.sqlite-wal"]
    return kept.read_bytes()


def killed_while_saving(checklist: Checklist, folder: Path, *, index_saw_it: bool) -> Path:
    """The database, its log and the log's index (``-shm``) as a kill leaves them: the last
    change's final frame is in the log but bad. ``index_saw_it`` says whether SQLite had
    finished it (so it was reported saved) or was killed part-way through writing it."""
    live = folder / "live" / "kvet.sqlite"
    live.parent.mkdir()
    store = Store.open(checklist, live, daily_backup=False)
    try:
        for n in range(6):
            store.comparisons.create(f"Search {n}")
        index_before = live.with_name("kvet.sqlite-shm").read_bytes()
        store.comparisons.create("Search 6")
        db = folder / "kvet.sqlite"
        shutil.copyfile(live, db)
        shutil.copyfile(live.with_name("kvet.sqlite-wal"), folder / "kvet.sqlite-wal")
        index_after = live.with_name("kvet.sqlite-shm").read_bytes()
    finally:
        store.close()
    shutil.rmtree(live.parent)
    (folder / "kvet.sqlite-shm").write_bytes(index_after if index_saw_it else index_before)
    wal = folder / "kvet.sqlite-wal"
    flip_a_bit_in_a_frame(wal, (wal.stat().st_size - 32) // (24 + 4096) - 1)
    return db


def test_a_change_cut_off_by_a_kill_while_it_was_written_is_not_called_damage(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Never reported saved, so nothing saved is lost: the six earlier searches open."""
    db = killed_while_saving(checklist, tmp_path, index_saw_it=False)
    code, out, err = kvet(capsys, db, "list")
    assert (code, err) == (0, "")
    assert "Search 5" in out


def test_a_damaged_last_change_that_was_saved_is_not_dropped_silently(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = killed_while_saving(checklist, tmp_path, index_saw_it=True)
    before = fingerprint(tmp_path)
    code, out, err = kvet(capsys, db, "list")
    assert (code, out) == (1, "")
    assert "(1 in all)" in err
    assert fingerprint(tmp_path) == before


# --- issue 23, item 2: index damage that passes the quick check ---------------------------------


def damage_the_clinic_index(db: Path, comparison_id: str, entries: int) -> None:
    """Change the comparison's id inside some entries of the clinics' index page, byte for byte:
    the page stays well formed (``quick_check`` passes) but those clinics vanish from lists."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_clinic_comparison_id'"
        ).fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    finally:
        conn.close()
    data = bytearray(db.read_bytes())
    key = comparison_id.encode()
    at = (root - 1) * page_size
    for _ in range(entries):
        at = data.index(key, at)
        data[at] = ord("0") if data[at] != ord("0") else ord("1")
        at += len(key)
    db.write_bytes(bytes(data))


def five_clinics_then_index_damage(checklist: Checklist, db: Path) -> str:
    """Five clinics in one comparison, today's backup of them (so this is not the first start
    of the day), then the clinic index damaged; gives the comparison's id."""
    with Store.open(checklist, db, daily_backup=False) as store:
        spring = store.comparisons.create("Spring search")
        for n in range(5):
            store.clinics.add(spring.id, f"Clinic {n}")
    backups.daily_backup(db)
    damage_the_clinic_index(db, spring.id, 3)
    return spring.id


def test_index_damage_that_passes_the_quick_check_is_refused_on_every_open(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    spring_id = five_clinics_then_index_damage(checklist, db)
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    listed = conn.execute("SELECT count(*) FROM clinic WHERE comparison_id = ?", (spring_id,))
    (shown,) = listed.fetchone()
    assert shown < 5  # what a list would show without the check: fewer clinics, without a word
    conn.close()
    before = fingerprint(tmp_path)
    code, out, err = kvet(capsys, db, "list")
    assert (code, out) == (1, "")
    assert "is damaged" in err
    assert "Run kvet restore to see the backups" in err
    assert fingerprint(tmp_path) == before
    with pytest.raises(DatabaseCorruptError):
        Store.open(checklist, db)
    assert recovery.newest_good_backup(db) is not None  # the window offers it
    assert fingerprint(tmp_path) == before


# --- issue 23, item 3: damaged treatment entries ------------------------------------------------


TREATMENT_DAMAGE = [
    "UPDATE course_entry SET data = json_set(data, '$.answers', json('[1,2]')) WHERE kind='phq9'",
    "UPDATE course_entry SET data = json_set(data, '$.answers', json('[9,9,9,9,9,9,9,9,9]'))",
    "UPDATE course_entry SET kind = 'unknown kind'",
    "UPDATE course_entry SET day = '2026-02-30'",
    "UPDATE course_entry SET data = '[]'",
    "UPDATE course_entry SET data = json_set(data, '$.bp_before', json('[120]'))",
    "UPDATE course_entry SET data = json_set(data, '$.side_effects', json('[\"flying\"]'))",
    "UPDATE course_entry SET data = json_remove(data, '$.day') WHERE kind = 'session'",
    "UPDATE course SET plan = json_set(plan, '$.review_at_session', 'six')",
]


def with_a_treatment_record(checklist: Checklist, db: Path) -> None:
    from kvet.treatment.course import CheckIn, DoseSession, Plan

    with Store.open(checklist, db, daily_backup=False) as store:
        store.comparisons.create("Spring search")
        course = store.courses.start("Riverside")
        store.courses.set_plan(course.id, Plan(induction="6 in 3 weeks", review_at_session=6))
        store.courses.add(course.id, CheckIn(date(2026, 3, 1), (2, 2, 2, 2, 2, 2, 2, 2, 0), 1))
        store.courses.add(
            course.id, DoseSession(date(2026, 3, 2), "IV", bp_before=(128, 84), note="calm")
        )


@pytest.mark.parametrize("damage", TREATMENT_DAMAGE)
def test_a_damaged_treatment_entry_is_refused_at_opening_and_never_backed_up(
    checklist: Checklist, tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    with_a_treatment_record(checklist, db)
    good = backups.daily_backup(db, today=DAY_ONE)
    assert good is not None
    raw_update(db, damage)
    before = fingerprint(tmp_path)
    with pytest.raises(DatabaseCorruptError) as refused:
        Store.open(checklist, db)  # the first start of today: its backup would be made now
    assert "treatment" in str(refused.value)
    assert "Riverside" not in str(refused.value)
    assert [b.path for b in backups.list_backups(db)] == [good]  # no damaged copy made
    assert fingerprint(tmp_path) == before
    assert recovery.newest_backup(db) == good
    code, _out, err = kvet(capsys, db, "list")
    assert code == 1
    assert "Run kvet restore" in err


def test_a_sound_treatment_record_opens_as_before(checklist: Checklist, tmp_path: Path) -> None:
    db = tmp_path / "kvet.sqlite"
    with_a_treatment_record(checklist, db)
    with Store.open(checklist, db) as store:
        [course] = store.courses.list_courses()
        loaded = store.courses.load(course.id)
    assert loaded.check_ins[0].answers == (2, 2, 2, 2, 2, 2, 2, 2, 0)
    assert loaded.sessions[0].bp_before == (128, 84)


def test_the_opening_check_knows_the_phq9_as_the_questionnaire_does() -> None:
    from kvet.treatment import phq9, treatmentcheck

    assert (treatmentcheck.PHQ9_ITEMS, treatmentcheck.PHQ9_TOP) == (phq9.ITEMS, phq9.TOP)


def test_a_trigger_planted_in_the_database_is_refused_before_it_can_run(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    riverside_with_one_answer(checklist, db)
    raw_update(db, "CREATE TRIGGER wipe AFTER INSERT ON clinic BEGIN DELETE FROM answer; END")
    before = fingerprint(tmp_path)
    with pytest.raises(DatabaseCorruptError) as refused:
        Store.open(checklist, db)
    assert "commands that kvet did not put there" in str(refused.value)
    code, _out, err = kvet(capsys, db, "list")
    assert code == 1
    assert "commands that kvet did not put there" in err
    assert fingerprint(tmp_path) == before
