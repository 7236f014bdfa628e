"""The boxes that tell about damaged data and offer the newest good backup.

The start (``kvet.gui.main.opendata``) and a restore while kvet runs
(``kvet.gui.main.restorewhileopen``) say the same things: what the backup is, that a restore keeps
the current file, that it worked or did not. Each sentence is written here once, so the two
never drift apart. Every box shows plain text: a path or an error can hold anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from kvet.gui.words.errorwords import backup_words, error_words
from kvet.gui.words.tr import translate

if TYPE_CHECKING:
    from kvet.store.backups import BackupInfo


def message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A box of plain text with no buttons yet."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def did_not_work(parent: QWidget | None, problem: Exception) -> None:
    """A repair or restore failed: say why, and that the file is as it was."""
    message(
        parent,
        QMessageBox.Icon.Critical,
        "kvet",
        translate("App", "That did not work: {problem}. Your file has not been changed.").format(
            problem=error_words(problem)
        ),
    ).exec()


def say_restored(parent: QWidget | None, good: BackupInfo, kept: Path) -> None:
    """The backup is back in place; the file it replaced was kept as ``kept``."""
    message(
        parent,
        QMessageBox.Icon.Information,
        "kvet",
        translate("App", "Restored {backup}. The file it replaced was kept as {kept}.").format(
            backup=backup_words(good), kept=kept
        ),
    ).exec()


def backup_offer(path: Path, good: BackupInfo) -> str:
    """Which backup a restore would put back, and that the current file is kept."""
    text = translate("App", "The newest good backup is {backup}.").format(backup=backup_words(good))
    if path.is_file() and path.stat().st_size > 0:
        text += translate("App", " Restoring it keeps your current file in the backups folder.")
    return text


def with_offer(text: str, path: Path | None, good: BackupInfo | None) -> str:
    """``text``, then the backup on offer when there is one."""
    if good is None or path is None:
        return text
    return f"{text}\n\n{backup_offer(path, good)}"


def add_restore_button(box: QMessageBox) -> QPushButton:
    return box.addButton(
        translate("App", "Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole
    )


def restore_offered(
    parent: QWidget | None,
    title: str,
    text: str,
    path: Path | None,
    good: BackupInfo | None,
    other: QMessageBox.StandardButton | str,
) -> bool:
    """Show ``text`` with "Restore the newest backup" (when there is one) beside ``other``;
    True once the backup is back in place. A restore that fails says so and changes nothing."""
    from kvet.store.errors import StorageError
    from kvet.store.restore import restore_backup

    box = message(parent, QMessageBox.Icon.Critical, title, text)
    restore = None if good is None else add_restore_button(box)
    if isinstance(other, str):
        box.addButton(other, QMessageBox.ButtonRole.RejectRole)
    else:
        box.addButton(other)
    box.exec()
    if path is None or good is None or box.clickedButton() is not restore:
        return False
    try:
        restore_backup(path, good.path)
    except (OSError, StorageError) as problem:
        did_not_work(parent, problem)
        return False
    return True
