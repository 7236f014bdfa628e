"""The core's error messages a person can meet, in the window's language.

The core's exceptions keep their English text (the command line, the logs and the tests read it),
so the window translates at display: each message is matched against the English templates
below, and the translation of the matching template is filled with the same values. A value that
is itself one of kvet's phrases (what kvet was doing, why a file was refused) is translated too;
any other value (a file name, a path, a system's own reason) is shown as it is. The templates
hold no file contents or health data, only names and paths the person chose. A message that
matches no template is shown in English, as the core wrote it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from kvet.store.backups import BackupInfo

CONTEXT = "Errors"

# Whole messages, as kvet.exchange, kvet.store and kvet.recovery write them.
TEMPLATES = (
    # Importing a file (kvet.exchange.files, .crypto, .importer)
    QT_TRANSLATE_NOOP("Errors", "{name} is protected with a password."),
    QT_TRANSLATE_NOOP(
        "Errors", "The password is wrong, or the file was changed after it was saved."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "This protected file was made by a newer kvet. Update kvet to open it."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The protected file is damaged: its settings are not ones kvet uses."
    ),
    QT_TRANSLATE_NOOP("Errors", "The protected file is damaged: its {part} is not readable."),
    QT_TRANSLATE_NOOP("Errors", "The protected file is damaged."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is a protected file inside another protected file, which kvet does not open. "
        "Ask whoever sent it to save it again from kvet, with one password.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Choose a password to protect the file."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} was saved by a newer version of kvet (file version {version}). "
        "Update kvet to open it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is too large to be a kvet comparison ({size} MB; the limit is {limit} MB).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} is too large to be a kvet comparison (the limit is {limit} MB)."
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is too large to be a kvet comparison."),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a file kvet can import (it is a folder, device or pipe)."
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a kvet comparison file."),
    # A file cut short or not kvet's (kvet.exchange.files): the commonest import failures.
    QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a kvet comparison file, or it is incomplete ({reason})."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not a valid kvet comparison: it holds a number far too long to be real.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a kvet comparison file (it is nested too deeply)."),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a valid kvet comparison: {reason}."),
    QT_TRANSLATE_NOOP("Errors", "kvet could not read {path}: {reason}."),
    QT_TRANSLATE_NOOP("Errors", "A person chosen as one of yours is not in the file."),
    QT_TRANSLATE_NOOP("Errors", "One of the people chosen no longer exists."),
    QT_TRANSLATE_NOOP("Errors", "Two people in the file cannot both be the same person of yours."),
    # Saving a document (kvet.exchange.targets, .files, kvet.render.pdf)
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet will not save over {path}: {why} Nothing was changed. Choose another file name.",
    ),
    QT_TRANSLATE_NOOP("Errors", "kvet could not save {path}: {reason}."),
    QT_TRANSLATE_NOOP("Errors", "kvet could not make the PDF."),
    # The database (kvet.store.errors, .connection, .locking, .migrate)
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not {doing}: another program is using {where}. Close it, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not {doing}: some saved text in {where} cannot be read (it is damaged). "
        "You can restore the newest backup, or start a new database beside it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not {doing}: a date in it is outside the range kvet can keep (the years "
        "1 to 9999, in UTC). Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not {doing}: the disk is full. Nothing was changed. Free some space "
        "(or choose a database on another disk), then try again.\n\nDatabase: {path}",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not {doing}: it may not write to {where} or its folder ({detail}). "
        "Nothing was changed. Check the folder's permissions, or choose another folder.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not {doing}: {where} is damaged ({detail}). "
        "You can restore the newest backup, or start a new database beside it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not {doing}: the disk reported an error while writing {where} "
        "({detail}). Nothing was changed. If the disk is full, free some space; otherwise "
        "check the disk, then try again.",
    ),
    QT_TRANSLATE_NOOP("Errors", "kvet could not {doing} in {where}: {detail}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The file {path} is not a kvet database, or it is damaged ({detail}). "
        "kvet has not changed it. "
        "You can restore the newest backup, or start a new database beside it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The file {path} is a database, but not one of kvet's. kvet has not changed it. "
        "Choose another file, or start a new database.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The database {path} was saved by a newer version of kvet (schema {schema}). "
        "Update kvet to open it; this version will not change it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This database was saved by a newer version of kvet. Update kvet to open it; this "
        "version will not change it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This database is not one of kvet's. kvet has not changed it. Choose another, or "
        "start a new database.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Your database {path} holds no kvet data (it is empty), but kvet has backups of it. "
        "kvet has not changed it. "
        "You can restore the newest backup, or start a new database beside it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet cannot read its database {path} ({detail}). Check that the file and its folder "
        "belong to you, or choose another file.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{said}\n\nDatabase: {path}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Your database {path} cannot be opened whole: its file of recent changes, {wal}, is "
        "damaged, and changes saved after the damage cannot be read back ({count} in all). "
        "kvet has not changed either file. You can restore the newest backup, or open your "
        "data without those changes.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet could not make today's backup of {path}: {detail}. Your data is safe, but check "
        "that the disk has free space.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet's backups folder {path} is a link to another place. kvet makes and removes "
        "backups only in its own folder, so it made none there. Move the link away; kvet then "
        "makes a new folder.",
    ),
    # Restoring a backup, starting afresh (kvet.recovery, kvet.store.restore)
    QT_TRANSLATE_NOOP("Errors", "There is no backup of {path} yet."),
    QT_TRANSLATE_NOOP("Errors", "{path} is not an ordinary file, so kvet will not move it."),
    QT_TRANSLATE_NOOP("Errors", "kvet could not restore {path}: {detail}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} is a link to another file. kvet restores only its own copies, never "
        "a file elsewhere. kvet has not changed it.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} is empty: it holds no kvet data, so restoring it would leave you "
        "with nothing. kvet has not changed it. Choose another backup.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{path} is not an ordinary file, so kvet will not restore it."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The file of recent changes of {path} is not damaged, so there is nothing to leave out. "
        "Nothing was changed.",
    ),
    # Typed values the store refuses (kvet.store.validation, kvet.store.clinics)
    QT_TRANSLATE_NOOP("Errors", "The {what} needs a name."),
    QT_TRANSLATE_NOOP("Errors", "The {what} name is too long (at most {limit} characters)."),
    QT_TRANSLATE_NOOP("Errors", "The {what} name contains a character kvet cannot store."),
    QT_TRANSLATE_NOOP("Errors", "The {what} is too long (at most {limit} characters)."),
    QT_TRANSLATE_NOOP("Errors", "The {what} contains a character kvet cannot store."),
    # A treatment record's entries (kvet.store.courses)
    QT_TRANSLATE_NOOP("Errors", "That date is not possible for a treatment entry."),
    QT_TRANSLATE_NOOP("Errors", "The last PHQ-9 question has four choices."),
    QT_TRANSLATE_NOOP(
        "Errors", "A blood pressure is two numbers, the top one larger, such as 128/84."
    ),
    QT_TRANSLATE_NOOP("Errors", "Time until steady is a number of minutes, up to a day."),
    QT_TRANSLATE_NOOP("Errors", "The review point is a session number from 1 to 100."),
    QT_TRANSLATE_NOOP("Errors", "A treatment entry of an unknown kind was found and left alone."),
    QT_TRANSLATE_NOOP("Errors", "A treatment entry in the database is damaged."),
    QT_TRANSLATE_NOOP("Errors", "That treatment record no longer exists."),
    QT_TRANSLATE_NOOP("Errors", "That entry no longer exists."),
    # kvet's own data files, changed after it was installed (kvet.checklist, kvet.phq9)
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet's checklist file was changed or damaged after kvet was installed: {path}. kvet does "
        "not use a changed checklist, because its weights decide every score. Reinstall kvet to "
        "put the checklist back.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kvet's PHQ-9 file was changed or damaged after kvet was installed: {path}. kvet does not "
        "use a changed questionnaire, because its answers decide the score and the safety step. "
        "Reinstall kvet to put it back.",
    ),
)

# Phrases that fill a template's place: translated as a whole when a value equals one.
PIECES = (
    # where Python's JSON reader stopped in a file cut short or damaged (kvet.exchange.files)
    QT_TRANSLATE_NOOP("Errors", "Expecting value: line {line} column {column} (char {char})"),
    QT_TRANSLATE_NOOP(
        "Errors", "Unterminated string starting at: line {line} column {column} (char {char})"
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "Expecting ',' delimiter: line {line} column {column} (char {char})"
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "Expecting ':' delimiter: line {line} column {column} (char {char})"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Expecting property name enclosed in double quotes: line {line} column {column} "
        "(char {char})",
    ),
    # why kvet.exchange.targets refuses a place to save
    QT_TRANSLATE_NOOP(
        "Errors", "it is part of kvet's own data (the database, its backups or its folder)."
    ),
    QT_TRANSLATE_NOOP("Errors", "it is a link to another file."),
    QT_TRANSLATE_NOOP("Errors", "it is a folder."),
    QT_TRANSLATE_NOOP("Errors", "it is not an ordinary file (it is a device, a pipe or a socket)."),
    QT_TRANSLATE_NOOP("Errors", "it is read-only."),
    QT_TRANSLATE_NOOP("Errors", "it is a database, perhaps kvet's own."),
    # why kvet.store.connection refuses a file, in "it is damaged ({detail})"
    QT_TRANSLATE_NOOP("Errors", "a treatment entry in it cannot be read"),
    QT_TRANSLATE_NOOP("Errors", "a treatment plan in it cannot be read"),
    QT_TRANSLATE_NOOP("Errors", "it holds commands that kvet did not put there"),
    QT_TRANSLATE_NOOP("Errors", "its file of recent changes, {name}, is damaged"),
    QT_TRANSLATE_NOOP("Errors", "it does not start like a database file"),
    QT_TRANSLATE_NOOP("Errors", "it is cut short"),
    QT_TRANSLATE_NOOP("Errors", "its header is damaged"),
    # what kvet was doing (kvet.store.connection, kvet.store.errors.OPENING)
    QT_TRANSLATE_NOOP("Errors", "save your change"),
    QT_TRANSLATE_NOOP("Errors", "open your data"),
    # where (kvet.store.errors)
    QT_TRANSLATE_NOOP("Errors", "the database {path}"),
    QT_TRANSLATE_NOOP("Errors", "the database"),
    # what a typed value is for (kvet.store.validation's callers)
    QT_TRANSLATE_NOOP("Errors", "clinic"),
    QT_TRANSLATE_NOOP("Errors", "comparison"),
    QT_TRANSLATE_NOOP("Errors", "person"),
    QT_TRANSLATE_NOOP("Errors", "note"),
    QT_TRANSLATE_NOOP("Errors", "notes"),
    QT_TRANSLATE_NOOP("Errors", "address"),
    QT_TRANSLATE_NOOP("Errors", "phone"),
    QT_TRANSLATE_NOOP("Errors", "website"),
    QT_TRANSLATE_NOOP("Errors", "dose note"),
    QT_TRANSLATE_NOOP("Errors", "treatment"),
    QT_TRANSLATE_NOOP("Errors", "kind of care"),
    QT_TRANSLATE_NOOP("Errors", "marker"),
    QT_TRANSLATE_NOOP("Errors", "plan"),
    # who holds the lock (kvet.store.locking)
    QT_TRANSLATE_NOOP(
        "Errors",
        "This kvet database is already open in another kvet window. Close the other window "
        "first, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This kvet database is in use by a kvet command (list, export, import or restore) "
        "that is still running. Wait for it to finish, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This kvet database is already in use by another kvet. Close it first, then try again.",
    ),
)

_PLACE = re.compile(r"\{(\w+)\}")
# The template with the most fixed words wins: "kvet could not save {path}: {reason}." also
# fits a full disk's message, whose own template says more.
_BY_LENGTH = sorted(TEMPLATES, key=lambda template: -len(_PLACE.sub("", template)))


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The template as a regular expression; each ``{place}`` matches any text, shortest first."""
    pieces = _PLACE.split(template)
    regex = "".join(
        re.escape(piece) if index % 2 == 0 else f"(?P<{piece}>.+?)"
        for index, piece in enumerate(pieces)
    )
    return re.compile(regex, re.DOTALL)


def _value(value: str) -> str:
    """A template's value: one of kvet's phrases in the window's language, else as it is."""
    for piece in PIECES:
        if "{" in piece:
            found = _pattern(piece).fullmatch(value)
            if found:
                return translate(CONTEXT, piece).format(**found.groupdict())
        elif value == piece:
            return translate(CONTEXT, piece)
    return value


def english_template(message: str) -> str | None:
    """The template ``message`` was written from, or None when kvet does not know it."""
    for template in _BY_LENGTH:
        if _pattern(template).fullmatch(message):
            return template
    return None


def error_words(message: str) -> str:
    """``message`` (an error's English text from the core) in the window's language."""
    template = english_template(message)
    if template is None:
        return message
    found = _pattern(template).fullmatch(message)
    assert found is not None
    values = {name: _value(value) for name, value in found.groupdict().items()}
    return translate(CONTEXT, template).format(**values)


# A backup as kvet.recovery.describe names it, for the offers to restore one.
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
    """``kvet.recovery.describe``, in the window's language."""
    from kvet import recovery

    return recovery.describe(info, lambda english: translate(BACKUP_CONTEXT, english))
