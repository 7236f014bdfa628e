"""Saving is whole or not at all, for exports and backups alike (one helper:
kvet.system.atomicfile).

The last step of a save is a rename over the old file. When that fails (a full disk, a folder
that became read-only, a file another program holds), the user's old file must be as it was,
and no half-made temporary file may be left beside it: it would hold health data.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from kvet.exchange.errors import ExchangeError
from kvet.exchange.files import write_atomically
from kvet.store import backups
from kvet.system import atomicfile


def refuse_rename(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    tried: list[tuple[str, str]] = []

    def replace(src: object, dst: object) -> None:
        tried.append((str(src), str(dst)))
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", replace)
    return tried


def test_an_export_whose_rename_fails_keeps_the_old_file_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "family.kvet"
    target.write_bytes(b"last week's comparison")
    tried = refuse_rename(monkeypatch)

    with pytest.raises(ExchangeError, match=r"could not save .*Permission denied"):
        write_atomically(target, b"this week's comparison")

    assert tried, "the save got as far as the rename"
    assert target.read_bytes() == b"last week's comparison"
    assert list(tmp_path.iterdir()) == [target]


def test_a_writer_that_fails_half_way_leaves_no_new_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"

    def save() -> None:
        with atomicfile.replacing(target) as temp:
            temp.write_bytes(b"%PDF half a")
            raise OSError(28, "disk full")

    with pytest.raises(OSError, match="disk full"):
        save()

    assert list(tmp_path.iterdir()) == []


def test_a_save_replaces_the_old_file_whole_and_keeps_it_private(tmp_path: Path) -> None:
    target = tmp_path / "table.csv"
    target.write_bytes(b"old")

    atomicfile.write_bytes(target, b"clinic,score\n")

    assert target.read_bytes() == b"clinic,score\n"
    assert list(tmp_path.iterdir()) == [target]
    assert target.stat().st_mode & 0o077 == 0  # written private from the start


def test_a_backup_whose_rename_fails_leaves_the_old_backup_and_no_partial_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "kvet.sqlite"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE comparison (id TEXT)")
        conn.execute("INSERT INTO comparison VALUES ('today')")
    conn.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / "kvet-backup-2026-03-02.sqlite"
    old.write_bytes(b"yesterday's backup")
    refuse_rename(monkeypatch)

    with pytest.raises(PermissionError):
        backups.copy_database(database, old)
    with pytest.raises(PermissionError):
        backups.copy_file(database, folder / "kvet-damaged.sqlite")

    assert old.read_bytes() == b"yesterday's backup"
    assert list(folder.iterdir()) == [old]
