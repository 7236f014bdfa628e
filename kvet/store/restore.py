"""Putting a daily backup back in place of the database, checked first, the current file kept.

It lives apart from ``backups`` (which only makes and lists copies) because it checks the backup
the way the database itself is checked on opening, which needs ``connection``.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from kvet.store import backups
from kvet.store.connection import inspect_file
from kvet.store.errors import StorageError
from kvet.store.locking import DatabaseLock

# What happened, never what it was about: no names, notes, answers or paths (see kvet.crashlog).
log = logging.getLogger(__name__)


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Replace the database with a backup, keeping the current file first.

    Call it while no kvet has the database open: it takes the database's lock, so it refuses
    (``DatabaseLockedError``) rather than pull the file from under a running kvet. The backup is
    checked first; a damaged backup is refused and nothing changes. Returns the copy kept of the
    current file, or None when there was none.
    """
    inspect_file(backup)  # raises DatabaseCorruptError naming the backup
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        kept = None
        if db_path.exists() and db_path.stat().st_size > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            # the database is closed and locked: a byte copy (with its log) is exact
            kept = backups.backup_dir(db_path) / f"kvet-before-restore-{stamp}.sqlite"
            backups.copy_file(db_path, kept)
        partial = db_path.with_name(db_path.name + ".restoring")
        try:
            backups.copy_database(backup, partial)
        except sqlite3.Error as exc:
            raise StorageError(f"kvet could not restore {backup}: {exc}", db_path) from exc
        for suffix in backups.JOURNAL_SUFFIXES:
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        partial.replace(db_path)
        log.info("a backup was restored; the file it replaced was %s", "kept" if kept else "empty")
        return kept
    finally:
        lock.release()
