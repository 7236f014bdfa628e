"""Alembic migrations, run at start-up. A backup is made before any migration writes."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from kvet.store import backups
from kvet.store.errors import DatabaseTooNewError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revisions(conn: Connection) -> set[str]:
    return set(MigrationContext.configure(conn).get_current_heads())


def is_kvet_database(conn: Connection) -> bool:
    return (
        "alembic_version" in inspect(conn).get_table_names()
        and "clinic" in inspect(conn).get_table_names()
    )


def upgrade(engine: Engine, existing_file: Path | None) -> Path | None:
    """Bring the schema to head. Returns the pre-migration backup, if one was made."""
    with engine.connect() as conn:
        current = current_revisions(conn)
    unknown = current - known_revisions()
    if unknown:
        raise DatabaseTooNewError(
            "This database was saved by a newer version of kvet. Update kvet to open it; this "
            "version will not change it.",
            existing_file,
        )
    if current == heads():
        return None
    made = None
    if existing_file is not None and current:
        made = backups.safety_copy(existing_file, "before-migration")
    command.upgrade(alembic_config(engine), "head")
    return made
