"""The core's errors a person can meet, in the window's language.

The core raises errors as data (kvet.text.errors): a code and its values. kvet.content.catalogue
words them
in the language of this run, which the window chose at start (kvet.gui.main.language), from the same
catalogue the command line uses; nothing here reads English sentences back. File names and paths
are shown as they are. Anything that is not kvet's own error (a system's message) is shown as it
says, and a value that is none of those is shown as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvet.content.catalogue import error_text
from kvet.content.catalogue import say as _say
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.text.errors import Words

if TYPE_CHECKING:
    from kvet.store.backups import BackupInfo


def error_words(error: BaseException | Words | str) -> str:
    """``error`` (one of the core's, or its words) in the window's language."""
    if isinstance(error, Words):
        return _say(error)
    if isinstance(error, BaseException):
        return error_text(error)
    return error


# A backup as kvet.start.recovery.describe names it, for the offers to restore one.
BACKUP_CONTEXT = "Backups"
BACKUP_TEMPLATES = (
    QT_TRANSLATE_NOOP("Backups", "the backup of {day} {month} {year} ({size})"),
    QT_TRANSLATE_NOOP(
        "Backups", "the copy made before an update, on {day} {month} {year} ({size})"
    ),
    QT_TRANSLATE_NOOP(
        "Backups", "the copy made before an import, on {day} {month} {year} ({size})"
    ),
    QT_TRANSLATE_NOOP(
        "Backups", "the copy made before a restore, on {day} {month} {year} ({size})"
    ),
    QT_TRANSLATE_NOOP("Backups", "the copy made before a repair, on {day} {month} {year} ({size})"),
    QT_TRANSLATE_NOOP("Backups", "January"),
    QT_TRANSLATE_NOOP("Backups", "February"),
    QT_TRANSLATE_NOOP("Backups", "March"),
    QT_TRANSLATE_NOOP("Backups", "April"),
    QT_TRANSLATE_NOOP("Backups", "May"),
    QT_TRANSLATE_NOOP("Backups", "June"),
    QT_TRANSLATE_NOOP("Backups", "July"),
    QT_TRANSLATE_NOOP("Backups", "August"),
    QT_TRANSLATE_NOOP("Backups", "September"),
    QT_TRANSLATE_NOOP("Backups", "October"),
    QT_TRANSLATE_NOOP("Backups", "November"),
    QT_TRANSLATE_NOOP("Backups", "December"),
)


def backup_words(info: BackupInfo) -> str:
    """``kvet.start.recovery.describe``, in the window's language."""
    from kvet.start import recovery

    return recovery.describe(info, lambda english: translate(BACKUP_CONTEXT, english))
