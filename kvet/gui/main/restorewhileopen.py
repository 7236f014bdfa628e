"""Data that went bad while kvet runs: the offer of the newest good backup, made in the window.

At start, ``kvet.gui.main.opendata`` makes this offer before anything shows. Here the window is
open and the user may be in the middle of something, so "Keep working" is the other choice; a
restore closes every window (what waits is saved first) and opens the backup in a new one,
with the start's checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from kvet.gui.main.backupoffer import (
    add_restore_button,
    backup_offer,
    did_not_work,
    message,
    say_restored,
)
from kvet.gui.main.opendata import attach_safely, open_store
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.api import Store
    from kvet.store.backups import BackupInfo

DAMAGED_NOW_TITLE = QT_TRANSLATE_NOOP("App", "Some of your data is damaged")
DAMAGED_NOW = QT_TRANSLATE_NOOP(
    "App",
    "Some of your saved data is damaged, so kvet cannot show it. kvet has not changed it.",
)


def good_backup_while_open(window: MainWindow) -> BackupInfo | None:
    """The newest backup that passes the checks a restore makes, for the data in ``window``."""
    from kvet.start import recovery

    store: Store | None = getattr(window, "store", None)
    if not window.attached or store is None or store.db.path is None:
        return None
    return recovery.newest_good_backup(store.db.path)


def restore_while_open(window: MainWindow, good: BackupInfo) -> MainWindow | None:
    """Data that went bad while kvet runs (My treatment cannot read its entries): the offer the
    app makes at start, made now. On "Restore the newest backup" every window closes (what
    waits is saved first), the backup is put back (the damaged file kept in the backups folder)
    and opened with the start's checks in a new window, which is returned. None: the user
    chose to keep working, or to quit when the data still could not be opened."""
    from kvet.content.checklist import load_checklist

    store = window.store
    path = store.db.path
    assert path is not None  # good_backup_while_open found a backup beside it
    if not _restore_wanted(window, path, good):
        return None
    fresh_window = _replace_windows()
    store.close()
    _put_back(fresh_window, path, good)
    while True:  # the start's checks and offers, into the new window
        fresh = open_store(load_checklist(), path, fresh_window)
        attached = None if fresh is None else attach_safely(fresh_window, fresh)
        if attached is None:
            fresh_window.close()
            return None
        if attached:
            return fresh_window


def offer_restore(windows: list[MainWindow], opened: list[Store]) -> bool:
    """Damaged data found while kvet runs: offer the newest good backup in the last of
    ``windows``; a window opened over the restored data joins them, its store joins ``opened``.
    False when there is no good backup to offer."""
    current = windows[-1]
    good = good_backup_while_open(current)
    if good is None:
        return False
    fresh = restore_while_open(current, good)
    if fresh is not None:
        windows.append(fresh)
        opened.append(fresh.store)
    return True


def _restore_wanted(window: MainWindow, path: Path, good: BackupInfo) -> bool:
    """Ask: "Restore the newest backup" or "Keep working"."""
    box = message(
        window,
        QMessageBox.Icon.Critical,
        translate("App", DAMAGED_NOW_TITLE),
        translate("App", DAMAGED_NOW) + "\n\n" + backup_offer(path, good),
    )
    restore = add_restore_button(box)
    box.addButton(translate("App", "Keep working"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is restore


def _replace_windows() -> MainWindow:
    """A new, empty main window, shown; every other window closed (what waits is saved)."""
    from kvet.gui.main.mainwindow import MainWindow

    fresh_window = MainWindow()
    fresh_window.show()  # first, so closing the others does not end kvet
    for other in QApplication.topLevelWidgets():
        if other is not fresh_window and other.isVisible():
            other.close()
    return fresh_window


def _put_back(fresh_window: MainWindow, path: Path, good: BackupInfo) -> None:
    """Restore the backup over ``path`` and say how it went, in the new window."""
    from kvet.store.errors import StorageError
    from kvet.store.restore import restore_backup

    try:
        kept = restore_backup(path, good.path)
    except (OSError, StorageError) as problem:
        did_not_work(fresh_window, problem)
        return
    if kept is not None:
        say_restored(fresh_window, good, kept)
