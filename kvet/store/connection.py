"""Opening the database safely: where it is, a lock, pragmas, migrations, backups.

The order matters. An existing file is first looked at through a read-only connection
(``kvet.store.inspection``): a file that is damaged, not SQLite, not kvet's, or from a newer
kvet is refused before anything can write to it, so it stays byte for byte as it was. Only then
is it opened for writing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from kvet.store import backups, cleanclose, migrate, protect
from kvet.store.errors import (
    OPENING,
    SAVING,
    DatabaseCorruptError,
    DatabaseLockedError,
    ReadOnlyError,
    StorageError,
    explain,
)
from kvet.store.inspection import inspect_file
from kvet.store.locking import READ_ONLY_ERRNOS, WINDOW, DatabaseLock
from kvet.store.protect import real_parent
from kvet.text.errors import Words

if TYPE_CHECKING:  # the ORM loads at the first unit of work that needs it (tables.py says why)
    from typing import TypeAlias

    from sqlalchemy.orm import Session, sessionmaker

    # Either unit of work runs a plain table statement: ``statements`` or ``transaction``.
    Unit: TypeAlias = Connection | Session

ENV_URL = "KVET_DATABASE_URL"
DATABASE_NAME = "kvet.sqlite"


def default_database_path() -> Path:
    return platformdirs.user_data_path("kvet", appauthor=False) / DATABASE_NAME


def resolve_url(db_path: Path | None = None) -> str:
    """``--db PATH`` wins, then ``KVET_DATABASE_URL``, then the platform's data folder."""
    return _target(db_path).render_as_string(hide_password=False)


def _target(db_path: Path | None = None, url: str | None = None) -> URL:
    if db_path is not None:
        return _file_url(real_parent(Path(db_path)))
    if url is not None:
        return _parse_url(url)
    if env := os.environ.get(ENV_URL, "").strip():
        return _parse_url(env)
    return _file_url(default_database_path())


def database_location(db_path: Path | None = None) -> Path | None:
    """The file kvet will use (for "Your data is kept in …"), or None for a non-file database."""
    path = sqlite_path(_target(db_path))
    return None if path is None else real_parent(path)


def _file_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


def _parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StorageError("store.bad-address", address=url, setting=ENV_URL) from exc


def sqlite_path(url: str | URL) -> Path | None:
    parsed = _parse_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.query.get("mode") == "memory" or str(parsed.database).startswith("file:"):
        return None
    return Path(parsed.database or "")


@dataclass
class Database:
    engine: Engine
    url: str
    path: Path | None
    lock: DatabaseLock | None = None
    backup_made: Path | None = None
    migration_backup: Path | None = None
    backup_problem: Words | None = None
    read_only: bool = False  # opened beside the window that holds the lock: reading only
    checked: bool = False  # opened whole: checked, migrated; its close may stamp it (cleanclose)
    existed: bool = False  # the file was there before this opening (not a first start)
    # the file as kvet closed it, with the merged answers kept after its last change
    # (kvet.store.keptanswers); ``changed``: a row written since the opening (or since they
    # were kept again, ``kept_again``), so those in the file may no longer be the rows'
    kept_as_closed: bool = False
    changed: bool = False
    _closed: bool = field(default=False, repr=False)
    _sessions: sessionmaker[Session] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        event.listen(self.engine, "after_cursor_execute", self._wrote)

    def _wrote(self, _conn: Any, cursor: Any, statement: str, *_args: Any, **_kwargs: Any) -> None:
        """Notes a write: any statement that changed a row, or the schema."""
        if not self.changed and (cursor.rowcount > 0 or _is_schema(statement)):
            self.changed = True

    @property
    def kept_answers_current(self) -> bool:
        """Whether the merged answers kept in the file are those of its rows now."""
        return self.kept_as_closed and not self.changed

    def kept_again(self) -> None:
        """The merged answers were kept again, after every change so far (committed)."""
        self.kept_as_closed, self.changed = True, False

    @property
    def closed(self) -> bool:
        return self._closed

    @contextmanager
    def transaction(self, doing: Words = SAVING) -> Iterator[Session]:
        """One unit of work: committed whole before this returns, or rolled back whole.

        Driver errors (a full disk, a read-only folder) come out as ``StorageError`` with a
        message for the user; kvet's own errors pass through unchanged.
        """
        if self._closed:
            raise StorageError("store.closed", self.path)
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            raise explain(exc, self.path, doing=doing) from exc

    @contextmanager
    def statements(self, doing: Words = SAVING) -> Iterator[Connection]:
        """One unit of work of plain table statements (``kvet.store.tables``), with no ORM
        session: what every start reads and writes, so the ORM is not loaded before the clinics
        show. Committed whole or rolled back whole, with errors explained as ``transaction``'s."""
        if self._closed:
            raise StorageError("store.closed", self.path)
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise explain(exc, self.path, doing=doing) from exc

    def make_daily_backup(self) -> Path | None:
        """Today's backup of a file that was there before this opening, unless made already
        (``backups.daily_backup``); the new file, or None. A failure is kept in
        ``backup_problem`` for the window to show: the data itself is fine."""
        path = self.path
        if path is None or not self.existed or self.read_only or self._closed:
            return None
        try:
            self.backup_made = backups.daily_backup(path)
        except backups.BackupFolderError as exc:
            self.backup_problem = exc.words
        except (OSError, sqlite3.Error):
            # the data itself is fine; the GUI can warn, the user can still work
            self.backup_problem = Words("store.backup-failed", path=path)
        return self.backup_made

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.path is not None:
            protect.unregister(self.path)
        try:
            self.engine.dispose()  # the last connection to close checkpoints the WAL
            if self.checked and self.path is not None and self.lock is not None:
                # with the lock held: no other kvet writes
                cleanclose.remember(self.path, kept=self.kept_answers_current)
        finally:
            if self.lock is not None:
                self.lock.release()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy, not the sqlite3 module, says when a transaction begins (see _on_begin): the
    # module's legacy mode would run DDL and SELECTs outside any transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=2000")
        mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            raise sqlite3.OperationalError(f"the database cannot use a WAL journal ({mode[0]})")
        # FULL: a committed answer survives a power cut too, not only a crash (costs ~0.2 ms)
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _is_schema(statement: str) -> bool:
    return statement.lstrip()[:6].upper().startswith(("CREATE", "DROP", "ALTER"))


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: URL) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
    return engine


def check_database_path(path: Path) -> None:
    """Refuse a path kvet must not open: a link (kvet would create and rename files where it
    points), a folder, or anything but an ordinary file. Also links beside it (-wal, -shm)."""
    for candidate in (path, *(path.with_name(path.name + s) for s in backups.JOURNAL_SUFFIXES)):
        if candidate.is_symlink():
            raise StorageError("store.path-is-link", path, link=candidate)
    if path.is_dir():
        raise StorageError("store.path-is-folder", path)
    if path.exists() and not path.is_file():
        raise StorageError("store.path-is-device", path)


def _prepare_folder(path: Path) -> None:
    """Create the folder 0700 (and parents) before anything is written."""
    old_umask = os.umask(0o077)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        cls = ReadOnlyError if exc.errno in READ_ONLY_ERRNOS else StorageError
        raise cls(
            "store.cannot-make-folder", path, folder=path.parent, reason=exc.strerror or str(exc)
        ) from exc
    finally:
        os.umask(old_umask)


def _create_file(path: Path) -> None:
    """Create an empty database file 0600 before SQLite touches it (SQLite copies the mode)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        cls = ReadOnlyError if exc.errno in READ_ONLY_ERRNOS else StorageError
        raise cls("store.cannot-make-file", path, reason=exc.strerror or str(exc)) from exc


def _is_new(path: Path) -> bool:
    if not path.exists():
        return True
    if path.stat().st_size > 0:
        return False
    wal = path.with_name(path.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def _refuse_empty(path: Path) -> None:
    """An empty or table-less database where backups exist is a loss, not a first start:
    starting afresh would hide the backups' data and, day after day, rotate them away."""
    raise DatabaseCorruptError("store.empty-with-backups", path)


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA busy_timeout=2000")
    dbapi_connection.execute("PRAGMA query_only=ON")


def _open_read_only(path: Path, parsed: URL, busy: DatabaseLockedError) -> Database:
    """Read beside the kvet that holds the lock: SQLite's WAL lets a reader see every commit
    while the writer goes on. Only a database at kvet's current schema can be read this way."""
    if inspect_file(path, live=True) != migrate.heads():
        raise busy  # it needs upgrading, which only the lock's holder may do
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(backups.read_only_uri(path), uri=True)
    )
    event.listen(engine, "connect", _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    shown = parsed.render_as_string(hide_password=True)
    database = Database(engine, shown, path, read_only=True)
    protect.register(path)
    return database


def open_database(
    db_path: Path | None = None,
    *,
    url: str | None = None,
    daily_backup: bool = True,
    holder: str = WINDOW,
    read_only_if_busy: bool = False,
) -> Database:
    """Open (creating or upgrading as needed) the user's database; see the module docstring.

    ``holder`` says who takes the lock (so a second kvet can say what to close);
    ``read_only_if_busy`` lets a reading command run while another kvet holds the lock.
    """
    parsed = _target(db_path, url)
    path = sqlite_path(parsed)
    lock = None
    existing = False
    if path is not None:
        path = real_parent(path)
        check_database_path(path)
        parsed = parsed.set(database=str(path))
        _prepare_folder(path)
        lock = DatabaseLock(path, holder)
        try:
            lock.acquire()
        except DatabaseLockedError as busy:
            if not read_only_if_busy or not path.exists():
                raise
            return _open_read_only(path, parsed, busy)
    try:
        kept = False
        if path is not None:
            existing, kept = _prepare_file(path)
        engine = make_engine(parsed)
        shown = parsed.render_as_string(hide_password=True)
        database = Database(engine, shown, path, lock)
        database.existed = existing
        database.kept_as_closed = kept
        if path is not None:
            protect.register(path)  # so no export can be saved over it
        _upgrade(database, daily_backup)
        database.checked = True
        return database
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _prepare_file(path: Path) -> tuple[bool, bool]:
    """With the lock held: look at an existing file before anything writes to it, or create a
    new one. Whether the file was there already (not a first start), and whether it is as
    kvet closed it with the merged answers kept (``cleanclose.as_closed``)."""
    backups.remove_leftovers(path)  # we hold the lock: no other kvet is copying now
    existing = not _is_new(path)
    had_backups = bool(backups.list_copies(path))  # any kind: daily, before migration…
    revisions: set[str] | None = None
    kept = False
    if existing and path.stat().st_size > 0:
        closed_well, kept = cleanclose.as_closed(path)
        # refuses damaged, foreign and newer files, read-only, before the daily backup,
        # so a damaged file is never copied over good backups
        revisions = inspect_file(path, closed_well=closed_well)
    if had_backups and path.exists() and not revisions:
        _refuse_empty(path)
    if not path.exists():
        _create_file(path)
    return existing, kept


def _upgrade(database: Database, daily_backup: bool) -> None:
    """Migrate to this kvet's schema, then make the day's backup; closed again on failure."""
    path = database.path
    try:
        existing = path if database.existed else None
        database.migration_backup = migrate.upgrade(database.engine, existing)
        if daily_backup:
            database.make_daily_backup()
    except SQLAlchemyError as exc:
        database.close()
        raise explain(exc, path, doing=OPENING) from exc
    except BaseException:
        database.close()
        raise
