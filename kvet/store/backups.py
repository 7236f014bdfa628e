"""Rolling daily backups beside the database, made with SQLite's online backup API.

Every copy is written under a temporary name and renamed into place (``kvet.system.atomicfile``),
so a
backup is either whole or absent, even if kvet is killed or the disk fills up half-way.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from kvet.store.errors import StorageError
from kvet.system.atomicfile import replacing

# What happened, never what it was about: no names, notes, answers or paths (see
# kvet.system.crashlog).
log = logging.getLogger(__name__)

KEEP = 7
PREFIX = "kvet-backup-"
JOURNAL_SUFFIXES = ("-wal", "-shm")
# What each copy kvet keeps is, by the start of its name (see README, "Your data").
DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
BEFORE_REPAIR = "before-repair"
SAFETY_KINDS = (BEFORE_MIGRATION, BEFORE_IMPORT, BEFORE_RESTORE, BEFORE_REPAIR)
# Before-import copies are whole databases, one per import: the newest few are kept, for a month.
IMPORT_COPIES_KEPT = 5
IMPORT_COPY_DAYS = 30
_SAFETY_NAME = re.compile(
    rf"kvet-(?P<kind>{'|'.join(SAFETY_KINDS)})-(?P<day>\d{{8}})(?:-(?P<time>\d{{6}}))?(?:-\d+)?"
)


class BackupFolderError(StorageError):
    """The backups folder is a link: kvet neither writes nor deletes where it points."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_on: date
    kind: str = DAILY
    made_at: datetime | None = None  # a safety copy's time, from its name

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def when(self) -> datetime:
        """When it was made, as well as its name says (a daily backup: its file's time that day)."""
        if self.made_at is not None:
            return self.made_at
        try:
            touched = datetime.fromtimestamp(self.path.stat().st_mtime)
        except (OSError, ValueError, OverflowError):
            touched = None
        if touched is not None and touched.date() == self.made_on:
            return touched
        return datetime.combine(self.made_on, time())


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI that opens ``path`` read-only, whatever characters its name holds."""
    return f"{path.resolve().as_uri()}?mode=ro"


def check_backup_dir(directory: Path) -> None:
    """Refuse a backups folder that is a link: kvet would write its copies, and delete old
    ones, wherever it points."""
    if directory.is_symlink():
        raise BackupFolderError("store.backup-folder-link", directory)


def _make_backup_dir(directory: Path) -> None:
    check_backup_dir(directory)
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


def _order(today: date | None) -> Callable[[BackupInfo], tuple[bool, datetime, str]]:
    """Newest first; a copy dated after today (made while the clock was wrong) counts as older
    than any other, so it can neither push today's backup out nor be offered first."""
    day = today or date.today()
    return lambda b: (b.made_on <= day, b.when(), b.path.name)


def _own_files(db_path: Path, pattern: str) -> list[Path]:
    """The ordinary files in kvet's own backups folder (never through a link) matching it."""
    folder = backup_dir(db_path)
    if folder.is_symlink() or not folder.is_dir():
        return []
    return [p for p in folder.glob(pattern) if not p.is_symlink() and p.is_file()]


def list_backups(db_path: Path, today: date | None = None) -> list[BackupInfo]:
    """The daily backups, newest first (those dated in the future last)."""
    found = []
    for path in _own_files(db_path, f"{PREFIX}*.sqlite"):
        stamp = path.stem.removeprefix(PREFIX)
        try:
            found.append(BackupInfo(path, date.fromisoformat(stamp)))
        except ValueError:
            continue
    return sorted(found, key=_order(today), reverse=True)


def safety_copies(db_path: Path, kind: str | None = None) -> list[BackupInfo]:
    """The copies made before a migration, an import, a restore or a repair, newest first."""
    found = []
    for path in _own_files(db_path, "kvet-before-*.sqlite"):
        named = _SAFETY_NAME.fullmatch(path.stem)
        if named is None or (kind is not None and named["kind"] != kind):
            continue
        try:
            made_at = datetime.strptime(named["day"] + (named["time"] or "000000"), "%Y%m%d%H%M%S")
        except ValueError:
            continue
        found.append(BackupInfo(path, made_at.date(), named["kind"], made_at))
    return sorted(found, key=_order(None), reverse=True)


def list_copies(db_path: Path, today: date | None = None) -> list[BackupInfo]:
    """Every copy kvet keeps of the database, of every kind, newest first."""
    return sorted(
        [*list_backups(db_path, today), *safety_copies(db_path)], key=_order(today), reverse=True
    )


def _today_path(db_path: Path, today: date | None = None) -> Path:
    return backup_dir(db_path) / f"{PREFIX}{(today or date.today()).isoformat()}.sqlite"


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
    for old in list_backups(db_path, today)[keep:]:
        if old.path == target:
            continue  # today's copy is never the one to go, whatever other names say
        old.path.unlink(missing_ok=True)
        log.info("backup from %s removed: %d are kept", old.made_on, keep)
    return made


def safety_copy(db_path: Path, reason: str) -> Path:
    """Copy the database aside before something risky (a migration, an import, a restore)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"kvet-{reason}-{stamp}.sqlite"
    try:
        copy_database(db_path, target)
    except sqlite3.DatabaseError:  # a damaged file is kept byte for byte instead
        copy_file(db_path, target)
        log.warning("safety copy %s made byte for byte: the database did not read whole", reason)
        return target
    log.info("safety copy made: %s", reason)
    if reason == BEFORE_IMPORT:
        prune_import_copies(db_path)
    return target


def prune_import_copies(
    db_path: Path,
    now: datetime | None = None,
    keep: int = IMPORT_COPIES_KEPT,
    days: int = IMPORT_COPY_DAYS,
) -> list[Path]:
    """Remove before-import copies beyond the newest ``keep``, and any older than ``days`` but
    the newest: each is a whole database, and the daily backups cover the days before."""
    now = now or datetime.now()
    removed = []
    for number, info in enumerate(safety_copies(db_path, BEFORE_IMPORT)):
        too_old = info.made_at is not None and now - info.made_at > timedelta(days=days)
        if number >= keep or (number > 0 and too_old):
            for path in (info.path, *(_beside(info.path, s) for s in JOURNAL_SUFFIXES)):
                path.unlink(missing_ok=True)  # a byte-for-byte copy may have its log beside it
            removed.append(info.path)
    if removed:
        log.info("%d old before-import copies removed", len(removed))
    return removed


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
