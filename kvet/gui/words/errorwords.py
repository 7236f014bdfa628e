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

from kvet.content.catalogue import error_text, sentence
from kvet.content.catalogue import say as _say
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


# A long month's name ("May") is not the short one: the catalogue keeps it under this msgctxt.
LONG_MONTH = "month"


def backup_words(info: BackupInfo) -> str:
    """``kvet.start.recovery.describe``, in the window's language (from the catalogue)."""
    from kvet.start import recovery

    def say(english: str) -> str:
        context = LONG_MONTH if english in recovery.MONTHS else ""
        return sentence(english, context=context)

    return recovery.describe(info, say)
