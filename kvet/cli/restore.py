"""``kvet restore``: the copies kvet keeps of the user's data, listed or put back.

Also where a damaged file of recent changes is set aside (``--without-lost-changes``), since a
command that cannot open the data points here.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kvet.cli.wording import say, visible
from kvet.exchange.errors import ExchangeError
from kvet.store.errors import StorageError

if TYPE_CHECKING:
    from kvet.store.backups import BackupInfo

KIND_WORDS = {
    "daily": "daily backup",
    "before-migration": "before an update",
    "before-import": "before an import",
    "before-restore": "before a restore",
    "before-repair": "before a repair",
}


def add_restore(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    restore = commands.add_parser(
        "restore",
        help="list every copy kvet keeps of your data, or put one back in place of the database",
    )
    restore.add_argument(
        "backup",
        nargs="?",
        help="the number (from the list), date (YYYY-MM-DD) or file name of the "
        "copy to restore; without it, the copies are listed",
    )
    restore.add_argument(
        "--without-lost-changes",
        action="store_true",
        help="when the file of recent changes is damaged: open your data without the changes "
        "that cannot be read (both files are kept in the backups folder first)",
    )
    restore.set_defaults(run=cmd_restore)


def cmd_restore(args: argparse.Namespace) -> int:
    """Without a choice, list every copy kvet keeps; with one, keep the current file aside and
    restore it, if it passes the checks an opening makes."""
    from kvet.start import recovery
    from kvet.store import backups
    from kvet.store.connection import check_database_path, database_location

    db = database_location(args.db)
    if db is None:
        raise ExchangeError("cli.restore-needs-file")
    check_database_path(db)  # never through a link, never onto a folder
    backups.check_backup_dir(backups.backup_dir(db))  # never a linked backups folder
    if args.without_lost_changes:
        if args.backup is not None:
            raise ExchangeError("cli.restore-both")
        repaired = recovery.drop_lost_changes(db)
        say(
            f"Your data in {db} now opens without the changes that could not be read. "
            f"The database and its damaged file of recent changes were kept as {repaired}."
        )
        return 0
    found = backups.list_copies(db)
    if not found:
        raise ExchangeError("cli.no-backups", path=db)
    if args.backup is None:
        _list_copies(db, found)
    else:
        _restore_copy(db, found, str(args.backup))
    return 0


def _list_copies(db: Path, found: list[BackupInfo]) -> None:
    from kvet.start import recovery

    say(f"Copies of {db} that kvet keeps, newest first:")
    for number, info in enumerate(found, start=1):
        say(
            f"  {number:>2}. {info.made_on.isoformat()}  {KIND_WORDS[info.kind]:<16}  "
            f"{recovery.human_size(info.size):>9}  {info.path.name}{_unusable(info.path)}"
        )
    say(
        "Restore one with: kvet restore NUMBER (your current file is kept first). "
        "Only a copy that passes kvet's checks is restored."
    )


def _unusable(copy: Path) -> str:
    """A mark for a copy that fails the checks a restore makes (so choosing it is refused)."""
    from kvet.store import restore

    try:
        restore.check_backup(copy)
    except StorageError:
        return "  (damaged or empty: cannot be restored)"
    return ""


def _restore_copy(db: Path, found: list[BackupInfo], wanted: str) -> None:
    """The copy ``wanted`` names (its number, date or file name) put back in place of ``db``."""
    from kvet.start import recovery
    from kvet.store import restore

    chosen = [
        info
        for number, info in enumerate(found, start=1)
        if wanted in (str(number), info.made_on.isoformat(), info.path.name, str(info.path))
    ]
    if len(chosen) != 1:
        raise ExchangeError("cli.no-such-copy", wanted=visible(wanted))
    restore.check_backup(chosen[0].path)
    planted = restore.planted_in(chosen[0].path)
    kept = restore.restore_backup(db, chosen[0].path)
    say(f"Restored {recovery.describe(chosen[0])} into {db}.")
    if planted:
        say(f"It held {planted} command(s) kvet did not make (triggers or views): left out.")
    if kept is not None:
        say(f"The file it replaced was kept as {kept}.")
