"""One saved preference read straight from the database file, before kvet opens it properly.

The window must know its language before its first widget is made, and the user's choice lives
with their data (so it follows the data folder, a restored backup, another computer). Opening
the store takes most of the start-up time and comes after the window shows, so this reads the
one value with Python's own ``sqlite3``: read-only, no SQLAlchemy, no lock, no migration, no
file created. Anything unreadable (no file yet, damage, another program's file, a newer kvet's
layout) gives "" and kvet starts in the system's language; opening the store afterwards
reports any real problem as usual.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from kvet.store.protect import real_parent

ENV_URL = "KVET_DATABASE_URL"  # the same setting kvet.store.connection reads
DATABASE_NAME = "kvet.sqlite"


def database_file(db_path: Path | None = None) -> Path | None:
    """The file the store will open: ``--db PATH``, else the platform's data folder.

    None when ``KVET_DATABASE_URL`` names the database (it may not be a file at all): then the
    store, once open, is the one to say which language was chosen.
    """
    if db_path is not None:
        return real_parent(Path(db_path))
    if os.environ.get(ENV_URL, "").strip():
        return None
    import platformdirs

    return real_parent(platformdirs.user_data_path("kvet", appauthor=False) / DATABASE_NAME)


def saved_preference(db_path: Path | None, key: str) -> str:
    """The preference ``key`` as saved in the database kvet is about to open, or ""."""
    path = database_file(db_path)
    if path is None or not path.is_file():
        return ""
    # A reader of a WAL database leaves an empty -wal and -shm behind: take away the ones this
    # look made, so a file kvet then refuses (or a command that stops) is left as it was found.
    journals = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = any(journal.exists() for journal in journals)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except (sqlite3.Error, OSError, ValueError):
        return ""
    try:
        row = connection.execute("SELECT value FROM preference WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return ""
    finally:
        connection.close()
        if not existed:
            wal, shm = journals
            if not wal.exists() or wal.stat().st_size == 0:
                wal.unlink(missing_ok=True)
                shm.unlink(missing_ok=True)
    return row[0] if row is not None and isinstance(row[0], str) else ""
