"""Saving an export never lands on kvet's own data, nor on anything but an ordinary file.

A user who types the database's own name as the export's (or picks a backup in the save dialog)
gets a plain refusal and keeps their data. Devices, pipes, folders, links and read-only files
are refused too: a save replaces its target, and those are not documents to replace.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from kvet.__main__ import main
from kvet.content.checklist import Checklist
from kvet.store import backups
from tests.test_cli import make_database


def database_bytes(db: Path) -> list[str]:
    """Everything the database holds, as SQL (its -wal may be checkpointed in between)."""
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def db(checklist: Checklist, tmp_path: Path) -> Path:
    path = tmp_path / "data" / "kvet.sqlite"
    path.parent.mkdir()
    make_database(checklist, path)
    return path


def export(
    capsys: pytest.CaptureFixture[str], db: Path, target: Path, *fmt: str
) -> tuple[int, str, str]:
    code = main(["--db", str(db), "export", str(target), *fmt])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["csv", "kvet"])
@pytest.mark.parametrize(
    "which",
    [
        "the database",
        "its write-ahead log",
        "its lock file",
        "a daily backup",
        "a new file in the backups folder",
    ],
)
def test_an_export_onto_kvets_own_data_is_refused_and_the_data_survives(
    db: Path, capsys: pytest.CaptureFixture[str], which: str, fmt: str
) -> None:
    backup = backups.daily_backup(db)
    assert backup is not None
    target = {
        "the database": db,
        "its write-ahead log": db.with_name(db.name + "-wal"),
        "its lock file": db.with_name(db.name + ".lock"),
        "a daily backup": backup,
        "a new file in the backups folder": backup.with_name("table.csv"),
    }[which]
    before, backup_before = database_bytes(db), backup.read_bytes()
    code, out, err = export(capsys, db, target, "--format", fmt)
    assert code == 1
    assert out == ""
    assert "will not save over" in err
    assert "kvet's own data" in err
    assert "Nothing was changed" in err
    assert database_bytes(db) == before
    assert backup.read_bytes() == backup_before
    assert not (backup.parent / "table.csv").exists()
    main(["--db", str(db), "list"])  # and it still opens
    assert "Spring search" in capsys.readouterr().out


@pytest.mark.slow
def test_a_pdf_report_onto_the_database_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = database_bytes(db)
    code, _out, err = export(capsys, db, db, "--format", "pdf")
    assert code == 1
    assert "will not save over" in err
    assert database_bytes(db) == before


def test_another_database_is_never_saved_over(
    db: Path, checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "elsewhere.sqlite"
    make_database(checklist, other, "Another search")
    before = other.read_bytes()
    code, _out, err = export(capsys, db, other, "--format", "csv")
    assert code == 1
    assert "it is a database" in err
    assert other.read_bytes() == before


def test_the_default_data_folder_is_kvets_own(
    db: Path, capsys: pytest.CaptureFixture[str], private_home: Path
) -> None:
    folder = private_home / ".local" / "share" / "kvet"
    folder.mkdir(parents=True)
    code, _out, err = export(capsys, db, folder / "table.csv")
    assert code == 1
    assert "kvet's own data" in err
    assert list(folder.iterdir()) == []


def test_the_files_beside_a_database_another_kvet_has_open_are_refused(
    db: Path, checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "family" / "kvet.sqlite"
    other.parent.mkdir()
    make_database(checklist, other, "Another search")
    backups.daily_backup(other)
    lock, wal = other.with_name("kvet.sqlite.lock"), other.with_name("kvet.sqlite-wal")
    held = lock.read_bytes()
    logged = wal.read_bytes() if wal.exists() else None
    for target in (lock, wal, other.parent / "backups" / "table.csv"):
        code, _out, err = export(capsys, db, target, "--format", "csv")
        assert code == 1
        assert "kvet's own data" in err
    assert lock.read_bytes() == held
    assert (wal.read_bytes() if wal.exists() else None) == logged


def test_a_pipe_a_folder_and_a_read_only_file_are_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    locked = tmp_path / "locked.csv"
    locked.write_text("keep me")
    locked.chmod(0o444)
    for target, why in (
        (pipe, "not an ordinary file"),
        (folder, "it is a folder"),
        (locked, "read-only"),
    ):
        code, _out, err = export(capsys, db, target)
        assert code == 1, target
        assert why in err
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert folder.is_dir()
    assert list(folder.iterdir()) == []
    assert locked.read_text() == "keep me"


def test_a_device_is_refused(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = tmp_path / "null.csv"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("only root can make a device node here")
    code, _out, err = export(capsys, db, device)
    assert code == 1
    assert "not an ordinary file" in err
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_links_are_refused_and_what_they_point_to_is_untouched(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "notes.txt"
    document.write_text("my own notes")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for pointing_to in (document, pipe, db):
        link = tmp_path / f"link-to-{pointing_to.name}.csv"
        link.symlink_to(pointing_to)
        code, _out, err = export(capsys, db, link)
        assert code == 1
        assert "will not save over" in err
        assert link.is_symlink()
    assert document.read_text() == "my own notes"


def test_a_new_file_and_an_ordinary_older_export_are_still_saved(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "table.csv"
    older.write_text("last week's table")
    assert export(capsys, db, older)[0] == 0
    assert "Riverside" in older.read_text(encoding="utf-8-sig")
    assert export(capsys, db, tmp_path / "new.kvet")[0] == 0
