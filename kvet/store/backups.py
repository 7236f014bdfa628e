"""Rolling daily backups beside the database, made with SQLite's online backup API."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

KEEP = 7
PREFIX = "kvet-backup-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_on: date


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy even while kvet has the database open (WAL included)."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.chmod(0o600)
    partial.replace(target)  # atomic: a backup is either whole or absent


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Newest first."""
    found = []
    for path in backup_dir(db_path).glob(f"{PREFIX}*.sqlite"):
        stamp = path.stem.removeprefix(PREFIX)[:10]
        try:
            found.append(BackupInfo(path, date.fromisoformat(stamp)))
        except ValueError:
            continue
    return sorted(found, key=lambda b: (b.made_on, b.path.name), reverse=True)


def daily_backup(db_path: Path, today: date | None = None, keep: int = KEEP) -> Path | None:
    """Make today's backup unless one exists; keep the newest ``keep``. Returns the new file."""
    today = today or date.today()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target = backup_dir(db_path) / f"{PREFIX}{today.isoformat()}.sqlite"
    made = None
    if not target.exists():
        copy_database(db_path, target)
        made = target
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return made


def safety_copy(db_path: Path, reason: str) -> Path:
    """Copy the database aside before something risky (a migration, a restore)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"kvet-{reason}-{stamp}.sqlite"
    try:
        copy_database(db_path, target)
    except sqlite3.DatabaseError:  # a damaged file is kept byte for byte instead
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(db_path, target)
    return target


def restore_backup(db_path: Path, backup: Path) -> Path:
    """Replace the database with a backup, keeping the current file first. Close it before."""
    kept = safety_copy(db_path, "before-restore") if db_path.exists() else db_path
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    partial = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, partial)
    partial.chmod(0o600)
    partial.replace(db_path)
    return kept
