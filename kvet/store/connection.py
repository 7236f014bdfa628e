"""Opening the database safely: checks before any write, a lock, pragmas, migrations, backups."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kvet.store import backups, migrate
from kvet.store.errors import DatabaseCorruptError, StorageError
from kvet.store.locking import DatabaseLock

ENV_URL = "KVET_DATABASE_URL"


def default_database_path() -> Path:
    return platformdirs.user_data_path("kvet", appauthor=False) / "kvet.sqlite"


def resolve_url(db_path: Path | None = None) -> str:
    """``--db PATH`` wins, then ``KVET_DATABASE_URL``, then the platform's data folder."""
    if db_path is not None:
        return f"sqlite:///{Path(db_path).expanduser().resolve()}"
    if url := os.environ.get(ENV_URL):
        return url
    return f"sqlite:///{default_database_path()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database or "")


@dataclass
class Database:
    engine: Engine
    url: str
    path: Path | None
    sessions: sessionmaker[Session]
    lock: DatabaseLock | None = None
    backup_made: Path | None = None
    migration_backup: Path | None = None
    _closed: bool = field(default=False, repr=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=2000")
    cursor.close()


def check_sqlite_file(path: Path) -> None:
    """Read-only look at an existing file: refuse anything that is not a healthy SQLite file."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(
            f"The file {path} is not a kvet database, or it is damaged ({exc}). kvet has not "
            "changed it. You can restore the newest backup, or start a new database beside it.",
            path,
        ) from exc
    if not result or result[0] != "ok":
        raise DatabaseCorruptError(
            f"The database {path} is damaged ({result[0] if result else 'no answer'}). kvet has "
            "not changed it. You can restore the newest backup, or start a new database beside it.",
            path,
        )


def _prepare_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600 before SQLite touches them."""
    old_umask = os.umask(0o077)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            os.close(fd)
    except OSError as exc:
        raise StorageError(
            f"kvet cannot create its database at {path}: {exc.strerror or exc}. "
            "Check that the folder exists and that you may write to it.",
            path,
        ) from exc
    finally:
        os.umask(old_umask)


def open_database(
    db_path: Path | None = None, *, url: str | None = None, daily_backup: bool = True
) -> Database:
    url = url or resolve_url(db_path)
    path = sqlite_path(url)
    lock = None
    is_new = True
    if path is not None:
        path = path.expanduser().resolve()
        url = f"sqlite:///{path}"
        is_new = not path.exists() or path.stat().st_size == 0
        if not is_new:
            check_sqlite_file(path)
        _prepare_file(path)
        lock = DatabaseLock(path)
        lock.acquire()
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _set_pragmas)
        database = Database(engine, url, path, sessionmaker(engine, expire_on_commit=False), lock)
        try:
            if path is not None and not is_new:
                with engine.connect() as conn:
                    if inspect(conn).get_table_names() and not migrate.is_kvet_database(conn):
                        raise DatabaseCorruptError(
                            f"The file {path} is a database, but not one of kvet's. kvet has not "
                            "changed it. Choose another file, or start a new database.",
                            path,
                        )
            database.migration_backup = migrate.upgrade(engine, path if not is_new else None)
            if daily_backup and path is not None and not is_new:
                database.backup_made = backups.daily_backup(path)
        except OperationalError as exc:
            raise StorageError(
                f"kvet cannot use the database {path or url}: {exc.orig}. If the disk is full "
                "or the folder is read-only, free some space or choose another folder.",
                path,
            ) from exc
        except BaseException:
            database.close()
            raise
        return database
    except BaseException:
        if lock is not None:
            lock.release()
        raise
