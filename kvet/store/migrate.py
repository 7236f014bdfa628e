"""Alembic migrations, run at start-up. A backup is made before any migration writes.

All pending migrations run in one transaction with SQLite's foreign keys off (as batch mode
needs: it rebuilds tables, and dropping a table with foreign keys on would cascade), then the
foreign keys are checked before the commit. A migration that fails leaves the file as it was.

Changing the schema: edit ``tables.py`` (and the class over the table in ``models.py``), then
write ``migrations/versions/000N_what.py`` (by hand, or with ``command.revision(alembic_config(
conn), "what", autogenerate=True)`` on a connection to a database at the current head), keep
``tests/data/kvet-schema-0001.sqlite`` untouched and extend ``tests/test_store_migrations.py``
so the 0001 file still opens with every row.
"""

from __future__ import annotations

import logging
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect

from kvet.store import backups
from kvet.store.errors import DatabaseTooNewError, NotKvetDatabaseError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# What happened, never what it was about: no names, notes, answers or paths (see
# kvet.system.crashlog).
log = logging.getLogger(__name__)


MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The newest revision in migrations/versions. A database already there opens without importing
# Alembic at all, which keeps start-up quick; tests/test_store_migrations.py keeps this in step.
HEAD = "0005_i25money"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def _script(location: str) -> ScriptDirectory:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", location)
    return ScriptDirectory.from_config(cfg)


def script_directory() -> ScriptDirectory:
    return _script(str(MIGRATIONS))


def heads() -> set[str]:
    return set(script_directory().get_heads())


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revisions(conn: Connection) -> set[str]:
    if not inspect(conn).has_table("alembic_version"):
        return set()
    return {str(row[0]) for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def is_known(revisions: set[str]) -> bool:
    """Every revision is one this kvet has (the common case answered without Alembic)."""
    return revisions <= {HEAD} or not revisions - known_revisions()


def upgrade(engine: Engine, existing_file: Path | None) -> Path | None:
    """Bring the schema to head. Returns the pre-migration backup, if one was made."""
    with engine.connect() as conn:
        current = current_revisions(conn)
        tables = set(inspect(conn).get_table_names())
    if current == {HEAD}:
        return None
    if not is_known(current):
        raise DatabaseTooNewError("migrate.too-new", existing_file)
    if current == heads():
        return None
    if not current and tables - {"alembic_version"}:
        raise NotKvetDatabaseError("migrate.not-kvet", existing_file)
    made = None
    if existing_file is not None and current:
        try:
            made = backups.safety_copy(existing_file, "before-migration")
        except (OSError, sqlite3.Error) as exc:
            raise StorageError("migrate.no-backup", existing_file) from exc
    log.info("upgrading the database from %s to %s", ",".join(sorted(current)) or "empty", HEAD)
    try:
        run_migrations(engine, "head")
    except StorageError:
        raise
    except Exception as exc:
        if made:
            raise StorageError("migrate.failed-kept", existing_file, copy=made) from exc
        raise StorageError("migrate.failed") from exc
    return made


def run_migrations(engine: Engine, target: str = "head") -> None:
    """Run Alembic up to ``target`` in one transaction (see the module docstring)."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if sqlite:  # must be set outside a transaction
            raw.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        from alembic import command

        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), target)
                if sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise StorageError("migrate.broken-links")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
