"""The first, read-only look at an existing database file, before anything may write to it.

A file that is damaged, not SQLite, not kvet's, or from a newer kvet is refused here, through a
read-only connection, so it stays byte for byte as it was (``kvet.store.connection`` opens it
for writing only after this look; ``kvet.store.restore`` looks at a backup the same way).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kvet.store import backups, health, migrate
from kvet.store.errors import (
    OPENING,
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseTooNewError,
    LostChangesError,
    NotKvetDatabaseError,
    ReadOnlyError,
    StorageError,
    locked,
    sqlite_error_kind,
)
from kvet.text.errors import Words

KVET_TABLES = frozenset({"alembic_version", "comparison", "clinic"})
SQLITE_HEADER = b"SQLite format 3\x00"


def _corrupt(path: Path, detail: Words | str) -> DatabaseCorruptError:
    """A file kvet will not open as it is. ``detail``: what kvet found, in its own words; or
    SQLite's own text (which can quote saved words), kept for the code and never put in the
    words a person reads."""
    if isinstance(detail, Words):
        error = DatabaseCorruptError("store.damaged-because", path, detail=detail)
    else:
        error = DatabaseCorruptError("store.not-kvet-or-damaged", path)
    error.detail = str(detail)
    return error


def inspect_file(
    path: Path, *, live: bool = False, planted_ok: bool = False, closed_well: bool = False
) -> set[str]:
    """Look at an existing file without writing to it; return its schema revisions.

    Raises ``DatabaseCorruptError`` for a file that is not SQLite or is damaged (its header, its
    write-ahead log's header, its structure, or a saved date or list that cannot be read),
    ``NotKvetDatabaseError`` for another program's database, ``DatabaseTooNewError`` for a
    database from a newer kvet. An SQLite file with no tables at all gives an empty set.
    SQLite's full integrity check and the scans of every saved value run unless ``closed_well``:
    the file is byte for byte the one kvet last closed well (``kvet.store.cleanclose``). ``live``
    is for a file another kvet holds open and may be writing: its length and log header are then
    in motion, not damaged.
    A trigger or view (kvet makes none) is refused unless ``planted_ok``: a restore strips them.
    """
    journals = [path.with_name(path.name + suffix) for suffix in backups.JOURNAL_SUFFIXES]
    existed = [journal.exists() for journal in journals]
    _check_outside(path, live)
    try:
        conn = sqlite3.connect(backups.read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        tables, revisions = _read_schema(conn, path, planted_ok, thorough=not closed_well)
        if not tables:
            return set()
    except UnicodeDecodeError:
        raise _corrupt(path, Words("damage.some-text")) from None
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()
        if not any(existed):
            _remove_reader_files(journals)
    _check_revisions(path, tables, revisions)
    return revisions


def _check_outside(path: Path, live: bool) -> None:
    """What can be told before SQLite opens the file: its kind, header, length and log."""
    wal = path.with_name(path.name + "-wal")
    if not path.is_file() or (wal.exists() and not wal.is_file()):
        raise StorageError("store.not-ordinary-file", path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _not_a_file(path, exc) from exc
    if head and head != SQLITE_HEADER:
        # SQLite reads a file of a few bytes as an empty database and would write over it
        raise _corrupt(path, Words("damage.not-a-database"))
    if not live and (problem := health.cut_short(path) or health.wal_problem(path)):
        raise _corrupt(path, problem)
    if not live and (lost := health.wal_frames_problem(path)):
        raise _lost_changes(path, lost.lost_commits)


def _read_schema(
    conn: sqlite3.Connection, path: Path, planted_ok: bool, *, thorough: bool = True
) -> tuple[set[str], set[str]]:
    """(tables, schema revisions) of a sound kvet database; no tables: (empty, empty).
    ``thorough``: SQLite's full check and a scan of every saved value (the whole file)."""
    found = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    if thorough and (broken := health.integrity_problem(conn)):
        raise _corrupt(path, broken)
    tables = {str(row[0]) for row in found if not str(row[0]).startswith("sqlite_")}
    if not tables:
        return set(), set()
    if not tables >= KVET_TABLES:
        raise NotKvetDatabaseError("store.not-kvet", path)
    revisions = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    if not planted_ok and health.planted(conn):
        raise _corrupt(path, Words("damage.planted"))
    if thorough and (problem := health.damaged_rows(conn) or health.damaged_treatment(conn)):
        raise _corrupt(path, problem)
    return tables, revisions


def _remove_reader_files(journals: list[Path]) -> None:
    """A reader of a WAL database leaves an empty -wal and -shm behind; take away the ones
    this look made, so a refused file is left exactly as it was found."""
    wal, shm = journals
    if not wal.exists() or wal.stat().st_size == 0:
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)


def _check_revisions(path: Path, tables: set[str], revisions: set[str]) -> None:
    if not revisions:
        raise _corrupt(path, Words("damage.no-version"))
    if not migrate.is_known(revisions):
        raise DatabaseTooNewError("store.too-new", path, schema=", ".join(sorted(revisions)))
    if revisions == {migrate.HEAD} and not tables >= current_tables():
        # a table of this version is gone (dropped by hand, or a tool gone wrong): damaged,
        # not a first start; every later read would fail with SQLite's "no such table"
        raise _corrupt(path, Words("damage.missing-table"))


def current_tables() -> set[str]:
    """The tables a database of this kvet version holds (kvet.store.tables)."""
    from kvet.store.tables import metadata

    return set(metadata.tables)


def _lost_changes(path: Path, lost: int) -> LostChangesError:
    wal = path.with_name(path.name + "-wal")
    return LostChangesError("store.lost-changes", path, lost, wal=wal.name)


def _not_a_file(path: Path, exc: OSError) -> StorageError:
    return StorageError("store.cannot-read", path, reason=exc.strerror or str(exc))


def _unreadable(path: Path, exc: sqlite3.Error) -> StorageError:
    """What the first, read-only look at a file found (kinds from ``errors.SQLITE_ERRORS``)."""
    kind = sqlite_error_kind(exc)
    if "decode" in str(exc):  # sqlite3 quotes the undecodable text: never show it
        return _corrupt(path, Words("damage.some-text"))
    if kind is ReadOnlyError:
        return ReadOnlyError("store.not-allowed", path)
    if kind is DatabaseLockedError:
        return locked(path, OPENING)
    return _corrupt(path, str(exc))  # a file that cannot be read is not opened: damaged, to kvet
