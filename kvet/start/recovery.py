"""What a user can do when their database cannot be opened: restore a backup or start afresh.

Neither choice modifies the damaged file: a restore keeps a copy of it first, and starting afresh
moves it aside under a new name. Only a backup that passes the same checks as the database is
offered, so a restore never trades one damaged file for another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kvet.store import backups, health, restore
from kvet.store.errors import StorageError
from kvet.text.datewords import LONG_MONTHS

# The words in English; kvet.gui.words.errorwords says them from the catalogue (es.po).
BACKUP = "the backup of {day} {month} {year} ({size})"
COPY_BEFORE = {
    backups.BEFORE_MIGRATION: "the copy made before an update, on {day} {month} {year} ({size})",
    backups.BEFORE_IMPORT: "the copy made before an import, on {day} {month} {year} ({size})",
    backups.BEFORE_RESTORE: "the copy made before a restore, on {day} {month} {year} ({size})",
    backups.BEFORE_REPAIR: "the copy made before a repair, on {day} {month} {year} ({size})",
}
MONTHS = LONG_MONTHS


def good_backups(db_path: Path) -> list[backups.BackupInfo]:
    """The copies kvet keeps (daily ones, and those made before an update, an import, a restore
    or a repair) that pass the checks a restore makes, newest first (read-only checks)."""
    found = []
    for info in backups.list_copies(db_path):
        try:
            restore.check_backup(info.path)
        except StorageError:
            continue
        found.append(info)
    return found


def newest_good_backup(db_path: Path) -> backups.BackupInfo | None:
    found = good_backups(db_path)
    return found[0] if found else None


def newest_backup(db_path: Path) -> Path | None:
    found = newest_good_backup(db_path)
    return found.path if found else None


def describe(info: backups.BackupInfo, say: Callable[[str], str] = str) -> str:
    """ "the backup of 30 November 2026 (48 KB)", for a person choosing what to restore.

    ``say`` turns each English word or template into the words shown (a translation, in the GUI).
    """
    made = info.made_on
    return say(COPY_BEFORE.get(info.kind, BACKUP)).format(
        day=made.day,
        month=say(MONTHS[made.month - 1]),
        year=made.year,
        size=human_size(info.size),
    )


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def restore_newest_backup(db_path: Path) -> Path:
    """Put the newest good backup in place. Returns the backup used."""
    backup = newest_backup(db_path)
    if backup is None:
        raise StorageError("restore.no-backup", db_path)
    restore.restore_backup(db_path, backup)
    return backup


def set_aside(db_path: Path) -> Path:
    """Move an unreadable database (and its journal files) aside; a new one can then be made."""
    if db_path.is_symlink() or not db_path.is_file():
        raise StorageError("restore.cannot-move", db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}-unreadable-{stamp}{db_path.suffix}")
    db_path.rename(target)
    for suffix in ("-wal", "-shm"):
        journal = db_path.with_name(db_path.name + suffix)
        if journal.exists() and not journal.is_symlink():
            journal.rename(target.with_name(target.name + suffix))
    return target


def drop_lost_changes(db_path: Path) -> Path:
    """Open a database whose log has a damaged frame *without* the changes after it: keep a byte
    copy of the database and its log first (a "before-repair" copy), then let SQLite replay the
    sound part of the log into the database and empty the log. Returns the copy kept.

    Call it only when the user chose it (``LostChangesError``) and no kvet has the database
    open: it takes the lock. The changes after the damage cannot be read by SQLite at all.
    """
    import sqlite3

    from kvet.store.locking import DatabaseLock

    if db_path.is_symlink() or not db_path.is_file():
        raise StorageError("restore.cannot-move", db_path)
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        if health.wal_frames_problem(db_path) is None:
            raise StorageError("restore.nothing-lost", db_path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        kept = backups.backup_dir(db_path) / f"kvet-{backups.BEFORE_REPAIR}-{stamp}.sqlite"
        backups.copy_file(db_path, kept)  # the log too: the evidence stays
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        return kept
    finally:
        lock.release()
