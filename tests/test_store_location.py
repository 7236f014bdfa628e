"""Where the data lives and how the file is set up.

Default: ``kvet.sqlite`` in the platform's data folder. ``kvet --db PATH`` and
``KVET_DATABASE_URL`` override it. The folder is private (0700), the file too (0600), the journal
is a WAL and foreign keys are enforced.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import text

from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.connection import (
    ENV_URL,
    database_location,
    default_database_path,
    resolve_url,
    sqlite_path,
)
from kvet.store.errors import StorageError

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_default_database_is_in_the_platform_data_folder(private_home: Path) -> None:
    expected = platformdirs.user_data_path("kvet", appauthor=False) / "kvet.sqlite"
    assert default_database_path() == expected
    assert expected.is_relative_to(private_home)  # the test's private home, not the user's
    assert resolve_url() == f"sqlite:///{expected}"
    assert database_location() == expected


def test_dash_dash_db_wins_over_the_environment_which_wins_over_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_URL, f"sqlite:///{tmp_path / 'from-env.sqlite'}")
    assert resolve_url(tmp_path / "from-cli.sqlite") == f"sqlite:///{tmp_path / 'from-cli.sqlite'}"
    assert resolve_url() == f"sqlite:///{tmp_path / 'from-env.sqlite'}"
    assert database_location() == tmp_path / "from-env.sqlite"
    monkeypatch.delenv(ENV_URL)
    assert resolve_url() == f"sqlite:///{default_database_path()}"


def test_a_relative_or_home_relative_db_path_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_home: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url(Path("mine.sqlite")) == f"sqlite:///{tmp_path / 'mine.sqlite'}"
    assert database_location(Path("~/kvet/mine.sqlite")) == private_home / "kvet" / "mine.sqlite"


@posix_only
def test_first_start_creates_a_private_folder_and_file(
    checklist: Checklist, private_home: Path
) -> None:
    with Store.open(checklist) as store:
        path = store.path
        assert path == default_database_path()
        store.answers.set(
            store.clinics.add(store.comparisons.create("Spring").id, "North").id,
            "rf_no_screening",
            Choice.SEEN,
        )
        assert mode(path.parent) == 0o700
        for made in (path, path.with_name("kvet.sqlite-wal"), path.with_name("kvet.sqlite.lock")):
            assert mode(made) == 0o600, made
    with Store.open(checklist) as store:  # a second start makes the first backup
        (backup,) = store.list_backups()
        assert mode(backup.path) == 0o600
        assert mode(backup.path.parent) == 0o700


@posix_only
def test_dash_dash_db_in_folders_that_do_not_exist_yet(
    checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "a" / "b" / "family.sqlite"
    with Store.open(checklist, path) as store:
        assert store.path == path
        store.comparisons.create("Spring")
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700
    assert mode(path) == 0o600


def test_the_environment_variable_chooses_the_database(
    checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared" / "kvet.sqlite"
    monkeypatch.setenv(ENV_URL, f"sqlite:///{path}")
    with Store.open(checklist) as store:
        assert store.path == path
        store.comparisons.create("Spring")
    assert not default_database_path().exists()
    with Store.open(checklist, url=f"sqlite:///{path}") as store:
        assert [c.name for c in store.comparisons.list()] == ["Spring"]


def test_any_sqlalchemy_url_works_even_an_in_memory_database(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_URL, "sqlite://")
    assert sqlite_path(resolve_url()) is None
    with Store.open(checklist) as store:
        assert store.path is None
        spring = store.comparisons.create("Spring")
        store.answers.set(store.clinics.add(spring.id, "North").id, "rf_no_screening", Choice.SEEN)
        assert store.comparisons.list()[0].clinic_count == 1
        assert store.list_backups() == []
    assert not default_database_path().exists()


def test_a_malformed_environment_url_is_reported_clearly(
    checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_URL, "not a url at all")
    with pytest.raises(StorageError, match="KVET_DATABASE_URL"):
        Store.open(checklist)


def test_a_path_with_unusual_characters_works(checklist: Checklist, tmp_path: Path) -> None:
    path = tmp_path / "Mum & Dad #1 ?%20 (ünïcode)" / "kvet?.sqlite"
    with Store.open(checklist, path) as store:
        store.comparisons.create("Spring")
    with Store.open(checklist, path) as store:  # opened again: checked, backed up
        assert [c.name for c in store.comparisons.list()] == ["Spring"]
        assert len(store.list_backups()) == 1
    assert path.exists()
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "backups",
        "kvet?.sqlite",
        "kvet?.sqlite.lock",
    ]


def test_wal_journal_and_foreign_keys_are_on(checklist: Checklist, tmp_path: Path) -> None:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path) as store, store.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    conn2 = sqlite3.connect(path)  # the file itself remembers WAL mode
    try:
        assert conn2.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn2.close()


def test_foreign_keys_are_enforced(checklist: Checklist, tmp_path: Path) -> None:
    """A clinic can never point at a comparison that does not exist."""
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        with (
            pytest.raises(StorageError, match="Nothing was changed") as refused,
            store.db.transaction() as s,
        ):
            s.execute(
                text(
                    "INSERT INTO clinic (id, comparison_id, position, name, address, phone, "
                    "website, formats, notes, created_at, updated_at) VALUES ('c', 'missing', 0, "
                    "'x', '', '', '', '[]', '', '2025-01-01', '2025-01-01')"
                )
            )
        assert "FOREIGN KEY constraint failed" in str(refused.value.__cause__)
        assert "FOREIGN KEY" not in str(refused.value)  # SQLite's own words stay out
        assert store.clinics.list("missing") == []


@posix_only
def test_the_database_files_stay_private_with_a_permissive_umask(
    checklist: Checklist, tmp_path: Path
) -> None:
    old = os.umask(0)
    try:
        with Store.open(checklist, tmp_path / "new" / "kvet.sqlite") as store:
            store.comparisons.create("Spring")
    finally:
        os.umask(old)
    assert mode(tmp_path / "new") == 0o700
    assert mode(tmp_path / "new" / "kvet.sqlite") == 0o600
    assert mode(tmp_path / "new" / "kvet.sqlite.lock") == 0o600
