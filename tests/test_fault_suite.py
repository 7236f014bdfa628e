"""A fault suite of damaged databases: truncations, zeroed pages, damaged write-ahead logs,
unreadable values and random scribbles, made by a seeded generator so every run is the same.

Whatever the damage, kvet ends in one plain message (no traceback), and a file it refuses is
left byte for byte as it was, its -wal too. Damage that SQLite and kvet's checks cannot see may
open normally; it must not crash. The whole suite takes a few seconds.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kvet.__main__ import main
from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.errors import StorageError

PAGE = 4096
SEED = 11


@dataclass(frozen=True)
class Pristine:
    db: bytes
    wal: bytes  # the newest commits, as a crash leaves them


@pytest.fixture(scope="module")
def pristine(checklist: Checklist, tmp_path_factory: pytest.TempPathFactory) -> Pristine:
    folder = tmp_path_factory.mktemp("pristine")
    db = folder / "kvet.sqlite"
    store = Store.open(checklist, db, daily_backup=False)
    try:
        for n in range(3):
            comparison = store.comparisons.create(f"Search {n}")
            for m in range(4):
                clinic = store.clinics.add(comparison.id, f"Clinic {n}.{m}", notes="n" * 300)
                store.answers.set(clinic.id, "rf_no_screening", Choice.NOT_SEEN)
                store.answers.set(clinic.id, "q_induction_schedule", Choice.CLEAR)
        store.db.engine.dispose()  # checkpoint: the main file holds everything so far
        later = store.comparisons.create("Only in the log")
        store.clinics.add(later.id, "Late clinic")
        saved = Pristine(db.read_bytes(), db.with_name("kvet.sqlite-wal").read_bytes())
    finally:
        store.close()
    return saved


Damage = Callable[[bytearray, bytearray, random.Random], None]


def _truncate(at: int | float) -> Damage:
    def damage(db: bytearray, _wal: bytearray, _rng: random.Random) -> None:
        cut = int(len(db) * at) if isinstance(at, float) else at
        del db[cut:]
        _wal.clear()

    return damage


def _zero_page(number: int) -> Damage:
    def damage(db: bytearray, wal: bytearray, _rng: random.Random) -> None:
        start = (number - 1) * PAGE
        db[start : start + PAGE] = bytes(len(db[start : start + PAGE]))
        wal.clear()

    return damage


def _wal_header_byte(offset: int) -> Damage:
    def damage(_db: bytearray, wal: bytearray, _rng: random.Random) -> None:
        wal[offset] ^= 0x5A

    return damage


def _scribble(count: int) -> Damage:
    def damage(db: bytearray, wal: bytearray, rng: random.Random) -> None:
        for _ in range(count):
            db[rng.randrange(len(db))] = rng.randrange(256)
        wal.clear()

    return damage


def cases() -> Iterator[tuple[str, Damage]]:
    for at in (1, 100, 511, PAGE, 2 * PAGE + 17, 0.5, -1, -PAGE):
        yield f"truncated at {at}", _truncate(at)
    for number in range(1, 30):
        yield f"page {number} zeroed", _zero_page(number)
    for offset in range(32):
        yield f"wal header byte {offset}", _wal_header_byte(offset)
    for n in range(40):
        yield f"scribble {n}", _scribble(1 + n % 8)


ROW_DAMAGE = [
    "UPDATE answer SET answered_at = '2026-13-45 99:00:00'",
    "UPDATE clinic SET formats = '[' WHERE rowid % 2 = 0",
    "UPDATE comparison SET settings = x'00ff'",
    "UPDATE answer SET origin = 'carrier pigeon'",
    "UPDATE clinic SET created_at = 12345",
]


def files_in(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock") and p.stat().st_size > 0
    }


def check_plain_outcome(
    folder: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
) -> str:
    """Run ``kvet list`` and open the window's way; return "refused" or "opened"."""
    db = folder / "kvet.sqlite"
    before = files_in(folder)
    code = main(["--db", str(db), "list"])  # an uncaught error would fail the test here
    out = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in out.err
    if code == 1:
        assert out.err.startswith("kvet: ")
        assert out.out == ""
        assert files_in(folder) == before
        try:
            with Store.open(checklist, db):
                pass
        except StorageError:
            assert files_in(folder) == before
            return "refused"
        pytest.fail("the command line refused a file the window opened")
    return "opened"


@pytest.mark.slow
def test_every_generated_damage_ends_in_a_plain_message_and_an_unchanged_file(
    pristine: Pristine,
    checklist: Checklist,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rng = random.Random(SEED)
    outcomes: dict[str, str] = {}
    for name, damage in cases():
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        db, wal = bytearray(pristine.db), bytearray(pristine.wal)
        damage(db, wal, rng)
        (folder / "kvet.sqlite").write_bytes(bytes(db))
        if wal:
            (folder / "kvet.sqlite-wal").write_bytes(bytes(wal))
        try:
            outcomes[name] = check_plain_outcome(folder, checklist, capsys)
        except AssertionError as failed:
            raise AssertionError(f"{name}: {failed}") from None
        shutil.rmtree(folder)
    refused = {name for name, outcome in outcomes.items() if outcome == "refused"}
    # damage that certainly destroys data is always caught
    assert {f"wal header byte {n}" for n in range(32)} <= refused
    assert {
        "truncated at 1",
        "truncated at 100",
        "truncated at 511",
        "truncated at 0.5",
        "page 1 zeroed",
    } <= refused


@pytest.mark.parametrize("damage", ROW_DAMAGE)
def test_unreadable_values_end_in_a_plain_message_and_an_unchanged_file(
    pristine: Pristine,
    checklist: Checklist,
    tmp_path: Path,
    damage: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "kvet.sqlite"
    db.write_bytes(pristine.db)
    conn = sqlite3.connect(db)
    conn.execute(damage)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert check_plain_outcome(tmp_path, checklist, capsys) == "refused"


# --- issue 23: log frames, index pages, backup folders and clocks ------------------------------


def listing(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", str(folder / "kvet.sqlite"), "list"]) == 0
    return capsys.readouterr().out


def test_a_bit_flipped_in_any_log_frame_is_never_a_silent_loss(
    pristine: Pristine,
    checklist: Checklist,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every frame of the log carries part of a saved change: a flipped bit in any of them is
    said (and both files kept), never opened as if nothing was lost."""
    page_size = int.from_bytes(pristine.wal[8:12], "big")
    frames = (len(pristine.wal) - 32) // (24 + page_size)
    assert frames >= 2
    rng = random.Random(SEED)
    for frame in range(frames):
        folder = tmp_path / f"frame-{frame}"
        folder.mkdir()
        wal = bytearray(pristine.wal)
        wal[32 + frame * (24 + page_size) + 24 + rng.randrange(page_size)] ^= 1 << rng.randrange(8)
        (folder / "kvet.sqlite").write_bytes(pristine.db)
        (folder / "kvet.sqlite-wal").write_bytes(bytes(wal))
        assert check_plain_outcome(folder, checklist, capsys) == "refused", f"frame {frame}"
        shutil.rmtree(folder)


def index_root_pages(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index'"))
    finally:
        conn.close()


@pytest.mark.slow
def test_damage_to_any_index_is_refused_or_changes_nothing_shown(
    pristine: Pristine,
    checklist: Checklist,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Bytes changed inside the entries of each index's page: kvet refuses the file, or it
    lists exactly what it listed before. Never fewer clinics without a word."""
    base = tmp_path / "base"
    base.mkdir()
    (base / "kvet.sqlite").write_bytes(pristine.db)
    expected = listing(base, capsys)
    rng = random.Random(SEED)
    outcomes: dict[str, str] = {}
    for name, root in sorted(index_root_pages(base / "kvet.sqlite").items()):
        page = (root - 1) * PAGE
        cells = int.from_bytes(pristine.db[page + 3 : page + 5], "big")
        content = int.from_bytes(pristine.db[page + 5 : page + 7], "big") or PAGE
        if not cells:
            continue
        for attempt in range(3):
            folder = tmp_path / f"{name}-{attempt}"
            folder.mkdir()
            db = bytearray(pristine.db)
            for _ in range(1 + attempt):
                db[page + rng.randrange(content, PAGE)] ^= 1 << rng.randrange(8)
            (folder / "kvet.sqlite").write_bytes(bytes(db))
            outcome = check_plain_outcome(folder, checklist, capsys)
            if outcome == "opened":
                assert listing(folder, capsys) == expected, f"{name} {attempt}"
            outcomes[f"{name} {attempt}"] = outcome
            shutil.rmtree(folder)
    assert "refused" in outcomes.values()


def test_whatever_dates_the_backups_carry_todays_is_kept(tmp_path: Path) -> None:
    """Backups from clocks that were wrong (years ahead, years behind), in any mix: today's
    backup is made and kept, at most a week's are kept, and nothing outside the folder moves."""
    from datetime import date, timedelta

    from kvet.store import backups

    today = date(2026, 6, 15)
    rng = random.Random(SEED)
    source = tmp_path / "source.sqlite"
    conn = sqlite3.connect(source)
    conn.execute("CREATE TABLE comparison (id TEXT)")
    conn.execute("INSERT INTO comparison VALUES ('x')")
    conn.commit()
    conn.close()
    for case in range(20):
        folder = tmp_path / f"case-{case}"
        (folder / "backups").mkdir(parents=True)
        db = folder / "kvet.sqlite"
        db.write_bytes(source.read_bytes())
        for _ in range(rng.randrange(13)):
            day = today + timedelta(days=rng.choice([-1, 1]) * rng.randrange(1, 4000))
            (folder / "backups" / f"kvet-backup-{day.isoformat()}.sqlite").write_bytes(b"old")
        made = backups.daily_backup(db, today=today)
        assert made is not None
        assert made.exists(), case
        kept = backups.list_backups(db, today=today)
        assert len(kept) <= backups.KEEP
        assert kept[0].path == made
        assert sorted(p.name for p in folder.iterdir()) == ["backups", "kvet.sqlite"]


def _mutate(value: object, rng: random.Random) -> object:
    """A damaged JSON value: another type, an odd number, a list cut or grown, a key lost."""
    choices: list[object] = [None, True, -1, 10**6, 3.5, "", "x" * 3, [], {}, [1, 2], "2026-02-30"]
    if isinstance(value, list) and value and rng.random() < 0.5:
        return value[: rng.randrange(len(value))] if rng.random() < 0.5 else [*value, value[0]]
    return rng.choice(choices)


@pytest.mark.slow
def test_a_treatment_entry_damaged_any_way_is_refused_or_shown_whole(
    checklist: Checklist, tmp_path: Path
) -> None:
    """Random damage to each saved field of a treatment record: kvet refuses the file at
    opening, or My treatment reads it, scores it and writes its page without an error."""
    import json
    from datetime import date

    from kvet.exchange.coursereport import course_csv, course_html
    from kvet.store.errors import DatabaseCorruptError
    from kvet.treatment import coursetrend, reconsider
    from tests.test_damage import raw_update, with_a_treatment_record

    base = tmp_path / "base.sqlite"
    with_a_treatment_record(checklist, base)
    conn = sqlite3.connect(base)
    rows = conn.execute("SELECT id, data FROM course_entry").fetchall()
    (plan,) = conn.execute("SELECT plan FROM course").fetchone()
    conn.close()
    rng = random.Random(SEED)
    outcomes = {"refused": 0, "shown": 0}
    for case in range(40):
        folder = tmp_path / f"case-{case}"
        folder.mkdir()
        db = folder / "kvet.sqlite"
        shutil.copyfile(base, db)
        if case % 5 == 4:
            damaged = json.loads(plan)
            key = rng.choice(sorted(damaged))
            damaged[key] = _mutate(damaged[key], rng)
            sql = f"UPDATE course SET plan = '{json.dumps(damaged)}'"
        else:
            entry_id, data = rng.choice(rows)
            damaged = json.loads(data)
            key = rng.choice(sorted(damaged))
            if rng.random() < 0.2:
                del damaged[key]
            else:
                damaged[key] = _mutate(damaged[key], rng)
            sql = f"UPDATE course_entry SET data = '{json.dumps(damaged)}' WHERE id = '{entry_id}'"
        raw_update(db, sql)
        try:
            store = Store.open(checklist, db, daily_backup=False)
        except DatabaseCorruptError:
            outcomes["refused"] += 1
            continue
        with store:
            [info] = store.courses.list_courses()
            course = store.courses.load(info.id)
            reconsider.all_signals(course, date(2026, 4, 1))
            coursetrend.describe(course)
            course_html(course, date(2026, 4, 1))
            course_csv(course)
        outcomes["shown"] += 1
        shutil.rmtree(folder)
    assert outcomes["refused"] > 0
