"""Putting a backup back in place of the database, checked first, the current file kept.

It lives apart from ``backups`` (which only makes and lists copies) because it checks the backup
the way the database itself is checked on opening, which needs ``connection``.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from kvet.store import backups, health
from kvet.store.errors import DatabaseCorruptError, StorageError
from kvet.store.inspection import inspect_file
from kvet.store.locking import DatabaseLock

# What happened, never what it was about: no names, notes, answers or paths (see
# kvet.system.crashlog).
log = logging.getLogger(__name__)


def check_backup(backup: Path) -> None:
    """Refuse a backup kvet would not open as a database: a link, an empty file, a damaged one
    (the full check, indexes and treatment entries too), another program's, a newer kvet's.
    Triggers and views are allowed here: ``restore_backup`` leaves them out."""
    if backup.is_symlink():
        raise StorageError("restore.backup-is-link", backup)
    if not backup.is_file():
        raise StorageError("restore.not-ordinary-file", backup)
    if backup.stat().st_size == 0 or not inspect_file(backup, planted_ok=True):
        raise DatabaseCorruptError("restore.backup-empty", backup)


def planted_in(backup: Path) -> int:
    """How many triggers and views (kvet makes none) a backup holds; a restore leaves them out."""
    conn = sqlite3.connect(backups.read_only_uri(backup), uri=True)
    try:
        return len(health.planted(conn))
    finally:
        conn.close()


def _strip_planted(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        found = health.planted(conn)
        for kind, name in found:
            escaped = name.replace('"', '""')
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{escaped}"')
        conn.commit()
        return len(found)
    finally:
        conn.close()


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Replace the database with a backup, keeping the current file first.

    Call it while no kvet has the database open: it takes the database's lock, so it refuses
    (``DatabaseLockedError``) rather than pull the file from under a running kvet. The backup is
    checked first as the database is on opening; a backup that fails is refused and nothing
    changes. Triggers and views in it are left out. Returns the copy kept of the current file,
    or None when there was none.
    """
    check_backup(backup)  # raises, naming the backup
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        kept = None
        if db_path.exists() and db_path.stat().st_size > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            # the database is closed and locked: a byte copy (with its log) is exact
            name = f"kvet-{backups.BEFORE_RESTORE}-{stamp}.sqlite"
            kept = backups.backup_dir(db_path) / name
            backups.copy_file(db_path, kept)
        partial = db_path.with_name(db_path.name + ".restoring")
        try:
            backups.copy_database(backup, partial)
            if stripped := _strip_planted(partial):
                log.warning("a restored backup held %d triggers or views; left out", stripped)
        except sqlite3.Error as exc:
            raise StorageError("restore.failed", db_path, backup=backup) from exc
        for suffix in backups.JOURNAL_SUFFIXES:
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        partial.replace(db_path)
        log.info("a backup was restored; the file it replaced was %s", "kept" if kept else "empty")
        return kept
    finally:
        lock.release()
