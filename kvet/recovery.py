"""What a user can do when their database cannot be opened: restore a backup or start afresh.

Neither choice modifies the damaged file: a restore keeps a copy of it first, and starting afresh
moves it aside under a new name.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kvet.store import backups


def newest_backup(db_path: Path) -> Path | None:
    found = backups.list_backups(db_path)
    return found[0].path if found else None


def restore_newest_backup(db_path: Path) -> Path:
    """Put the newest daily backup in place. Returns the backup used."""
    backup = newest_backup(db_path)
    if backup is None:
        raise FileNotFoundError(f"There is no backup of {db_path} yet.")
    backups.restore_backup(db_path, backup)
    return backup


def set_aside(db_path: Path) -> Path:
    """Move an unreadable database (and its journal files) aside; a new one can then be made."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}-unreadable-{stamp}{db_path.suffix}")
    db_path.rename(target)
    for suffix in ("-wal", "-shm"):
        journal = db_path.with_name(db_path.name + suffix)
        if journal.exists():
            journal.rename(target.with_name(target.name + suffix))
    return target
