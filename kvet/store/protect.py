"""Which paths belong to kvet's own data, so nothing kvet saves can land on them.

An export written over the database (or its write-ahead log, its lock, a backup) would destroy
the very data it was made from. Every open database is noted here; the default data folder is
always kvet's.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_OPEN: dict[Path, int] = {}
# everything SQLite or kvet keeps beside a database file
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".restoring")


def real_parent(path: Path) -> Path:
    """``path`` made absolute with its folders resolved, but not its last part: a link stays a
    link, so callers can see it and refuse it instead of acting on what it points to."""
    absolute = Path(os.path.abspath(Path(path).expanduser()))
    return absolute.parent.resolve() / absolute.name


def register(db_path: Path) -> None:
    key = real_parent(db_path)
    _OPEN[key] = _OPEN.get(key, 0) + 1


def unregister(db_path: Path) -> None:
    key = real_parent(db_path)
    if _OPEN.get(key, 0) <= 1:
        _OPEN.pop(key, None)
    else:
        _OPEN[key] -= 1


def data_folder() -> Path:
    import platformdirs  # here: the window uses this module before it shows, not this

    return platformdirs.user_data_path("kvet", appauthor=False)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def belongs_to_kvet(path: Path) -> bool:
    """True for an open database, the files beside it, its backups, and kvet's data folder."""
    candidates = {real_parent(path)}
    with contextlib.suppress(OSError, RuntimeError):
        candidates.add(Path(path).expanduser().resolve())  # where a link would lead
    folders = [data_folder().expanduser().resolve()]
    files: set[Path] = set()
    for db in list(_OPEN):
        folders.append(db.parent / "backups")
        files.add(db)
        files.update(db.with_name(db.name + suffix) for suffix in SIDE_SUFFIXES)
    return any(
        c in files or _beside_a_database(c) or any(_inside(c, f) for f in folders)
        for c in candidates
    )


def _beside_a_database(path: Path) -> bool:
    """A -wal, -shm, -journal or .lock of an existing database (perhaps another kvet's, open in
    another process), or a file in a folder of kvet's backups."""
    for suffix in SIDE_SUFFIXES:
        base = path.name[: -len(suffix)]
        if path.name.endswith(suffix) and base and path.with_name(base).is_file():
            return True
    folder = path.parent
    return folder.name == "backups" and any(folder.glob("kvet-backup-*.sqlite"))
