"""Rolling daily backups beside the database, made with SQLite's online backup API.

Every copy is written under a temporary name and renamed into place (``kvet.atomicfile``), so a
backup is either whole or absent, even if kvet is killed or the disk fills up half-way.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kvet.atomicfile import replacing

# What happened, never what it was about: no names, notes, answers or paths (see kvet.crashlog).
log = logging.getLogger(__name__)

KEEP = 7
PREFIX = "kvet-backup-"
JOURNAL_SUFFIXES = ("-wal", "-shm")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_on: date

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI that opens ``path`` read-only, whatever characters its name holds."""
    return f"{path.resolve().as_uri()}?mode=ro"


def _make_backup_dir(directory: Path) -> None:
    old_umask = os.umask(0o077)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    finally:
        os.umask(old_umask)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy even while kvet has the database open (WAL included)."""
    _make_backup_dir(target.parent)
    with replacing(target, ("-journal", *JOURNAL_SUFFIXES)) as partial:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # a backup is a plain file: no -wal beside it to lose when it is copied around
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()


def copy_file(source: Path, target: Path) -> None:
    """A byte-for-byte copy (and of its write-ahead log), for a file SQLite cannot read."""
    _make_backup_dir(target.parent)
    pairs = [(source, target)]
    for suffix in JOURNAL_SUFFIXES[:1]:
        journal = source.with_name(source.name + suffix)
        if journal.exists():
            pairs.append((journal, target.with_name(target.name + suffix)))
    for src, dst in pairs:
        with replacing(dst) as partial:
            shutil.copyfile(src, partial)


LEFTOVER_PATTERNS = ("*.partial", "*.partial-journal", "*.partial-wal", "*.partial-shm")


def remove_leftovers(db_path: Path) -> list[Path]:
    """Delete half-made copies a killed kvet left in the backups folder (they can be large).

    Call it only while holding the database's lock: only the lock's holder makes copies.
    """
    folder = backup_dir(db_path)
    removed: list[Path] = []
    if not folder.is_dir() or folder.is_symlink():
        return removed
    for pattern in LEFTOVER_PATTERNS:
        for leftover in folder.glob(pattern):
            try:
                if leftover.is_file() or leftover.is_symlink():
                    leftover.unlink()
                    removed.append(leftover)
            except OSError:
                continue  # not ours to worry about: the next start tries again
    restoring = db_path.with_name(db_path.name + ".restoring")
    for leftover in (
        restoring,
        *(restoring.with_name(restoring.name + s) for s in ("-journal", *JOURNAL_SUFFIXES)),
    ):
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The daily backups, newest first."""
    found = []
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    for path in folder.glob(f"{PREFIX}*.sqlite"):
        stamp = path.stem.removeprefix(PREFIX)
        try:
            found.append(BackupInfo(path, date.fromisoformat(stamp)))
        except ValueError:
            continue
    return sorted(found, key=lambda b: (b.made_on, b.path.name), reverse=True)


def _today_path(db_path: Path, today: date | None = None) -> Path:
    return backup_dir(db_path) / f"{PREFIX}{(today or date.today()).isoformat()}.sqlite"


def has_today(db_path: Path, today: date | None = None) -> bool:
    return _today_path(db_path, today).exists()


def holds_comparisons(path: Path) -> bool:
    """Whether a kvet database holds anything worth a backup (read-only; False if unreadable)."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("SELECT 1 FROM comparison LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def daily_backup(db_path: Path, today: date | None = None, keep: int = KEEP) -> Path | None:
    """Make today's backup unless one exists; keep the newest ``keep``. Returns the new file.

    An empty database is not copied while older backups exist: seven days of empty copies would
    otherwise push the last good backups out.
    """
    today = today or date.today()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if list_backups(db_path) and not holds_comparisons(db_path):
        return None
    target = _today_path(db_path, today)
    made = None
    if not target.exists():
        copy_database(db_path, target)
        made = target
        log.info("daily backup made (%d bytes)", target.stat().st_size)
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)
        log.info("backup from %s removed: %d are kept", old.made_on, keep)
    return made


def safety_copy(db_path: Path, reason: str) -> Path:
    """Copy the database aside before something risky (a migration, a restore)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"kvet-{reason}-{stamp}.sqlite"
    try:
        copy_database(db_path, target)
    except sqlite3.DatabaseError:  # a damaged file is kept byte for byte instead
        copy_file(db_path, target)
        log.warning("safety copy %s made byte for byte: the database did not read whole", reason)
        return target
    log.info("safety copy made: %s", reason)
    return target
