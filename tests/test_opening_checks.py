"""Issue 26: a database kvet closed well opens without reading the whole file again.

SQLite's full check and the scans of every saved value cost 60 ms of processor time at 200
clinics on every start, and grow with each answer. They now run as kvet closes the file, and a
file that is byte for byte the one found sound then skips them at the next start; any change at
all (another program, a damaged byte, a log of changes left by a crash) brings them back, and
damage written behind kvet's back while it ran is still refused at the next start. Counted
(whole-file checks run), not timed.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
from kvet.store import health
from kvet.store.api import Store
from kvet.store.errors import DatabaseCorruptError


@pytest.fixture
def whole_file_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the whole-file checks run, in order."""
    ran: list[str] = []
    for name in ("integrity_problem", "damaged_rows"):
        check = getattr(health, name)

        def counted(
            conn: sqlite3.Connection,
            _check: Callable[[sqlite3.Connection], object] = check,
            _name: str = name,
        ) -> object:
            ran.append(_name)
            return _check(conn)

        monkeypatch.setattr(health, name, counted)
    return ran


def riverside(checklist: Checklist, db: Path) -> str:
    with Store.open(checklist, db, daily_backup=False) as store:
        clinic = store.clinics.add(store.comparisons.create("Spring search").id, "Riverside")
        store.answers.set(clinic.id, "rf_no_screening", Choice.SEEN)
        return clinic.id


def test_a_database_closed_well_opens_again_without_the_whole_file_checks(
    checklist: Checklist, tmp_path: Path, whole_file_checks: list[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    riverside(checklist, db)
    for start in range(3):
        whole_file_checks.clear()
        with Store.open(checklist, db) as store:
            assert whole_file_checks == []  # the data shows without them
            assert "Spring search" in [c.name for c in store.comparisons.list()]
            store.comparisons.create(f"Search {start}")  # a change: checked as it closes
        assert whole_file_checks == ["integrity_problem", "damaged_rows"]


def test_a_session_that_only_looked_closes_without_the_whole_file_checks(
    checklist: Checklist, tmp_path: Path, whole_file_checks: list[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    riverside(checklist, db)
    whole_file_checks.clear()
    for _start in range(2):
        with Store.open(checklist, db) as store:
            assert [c.name for c in store.comparisons.list()] == ["Spring search"]
    assert whole_file_checks == []  # the same bytes as found sound: neither opening nor close


def test_a_file_changed_by_another_program_is_checked_whole_again(
    checklist: Checklist, tmp_path: Path, whole_file_checks: list[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    riverside(checklist, db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE clinic SET notes = 'called on Monday'")
    conn.commit()
    conn.close()
    whole_file_checks.clear()
    with Store.open(checklist, db, daily_backup=False) as store:
        assert whole_file_checks == ["integrity_problem", "damaged_rows"]
        assert store.clinics.list(store.comparisons.list()[0].id)[0].notes == "called on Monday"
    whole_file_checks.clear()
    with Store.open(checklist, db, daily_backup=False):
        assert whole_file_checks == []  # closed well again: no new look at the next start


def test_damage_written_behind_kvets_back_while_it_runs_is_refused_at_the_next_start(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    riverside(checklist, db)
    with Store.open(checklist, db, daily_backup=False) as store:
        conn = sqlite3.connect(db)  # a disk or another program, while kvet has the file open
        conn.execute("UPDATE answer SET answered_at = 'not a date'")
        conn.commit()
        conn.close()
        store.comparisons.create("Autumn search")
    with pytest.raises(DatabaseCorruptError):
        Store.open(checklist, db)


def test_one_damaged_byte_after_a_good_close_is_still_refused(
    checklist: Checklist, tmp_path: Path
) -> None:
    db = tmp_path / "kvet.sqlite"
    riverside(checklist, db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema=ON")  # an index that no longer matches its rows
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, '(clinic_id)', '(rater_id)') "
        "WHERE name = 'ix_assessment_clinic_id'"
    )
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseCorruptError):
        Store.open(checklist, db)


def test_a_log_of_changes_left_beside_the_file_brings_the_full_checks_back(
    checklist: Checklist, tmp_path: Path, whole_file_checks: list[str]
) -> None:
    """A crash leaves the newest changes in the -wal file: what the file holds is not what
    kvet closed, whatever the main file's bytes say."""
    db = tmp_path / "kvet.sqlite"
    riverside(checklist, db)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    store = Store.open(checklist, db, daily_backup=False)
    store.comparisons.create("Autumn search")
    for suffix in ("", "-wal"):  # a copy taken while kvet ran, as a crash leaves it
        shutil.copyfile(f"{db}{suffix}", crashed / f"kvet.sqlite{suffix}")
    store.close()
    shutil.copyfile(crashed / "kvet.sqlite", db)
    shutil.copyfile(crashed / "kvet.sqlite-wal", f"{db}-wal")
    whole_file_checks.clear()
    with Store.open(checklist, db, daily_backup=False) as again:
        assert whole_file_checks == ["integrity_problem", "damaged_rows"]
        assert sorted(c.name for c in again.comparisons.list()) == [
            "Autumn search",
            "Spring search",
        ]


def test_the_note_kept_at_closing_names_neither_the_file_nor_its_data(
    checklist: Checklist, tmp_path: Path
) -> None:
    from kvet.store import cleanclose

    db = tmp_path / "private-search.sqlite"
    riverside(checklist, db)
    kept = cleanclose._stamps_file().read_text(encoding="utf-8")
    assert cleanclose.closed_well_as_is(db)
    assert "private-search" not in kept
    assert str(tmp_path) not in kept
    assert "Riverside" not in kept
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "private-search.sqlite",
        "private-search.sqlite.lock",
    ]
