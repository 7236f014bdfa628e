"""Which language a command speaks: the exports' words and the refusals.

The user's choice is saved with their data, so it is known only once a command has opened the
store; this module keeps what the store said for the rest of the run, for the refusals after it.
"""

from __future__ import annotations

import argparse
import os

from kvet.text import language
from kvet.text.language import Preferences

_saved_language = ""  # the user's choice, once a store was opened in this run


def remember_saved(settings: Preferences) -> None:
    """Keep the language saved with the user's data (for refusals after this)."""
    global _saved_language
    _saved_language = language.saved_language(settings)


def forget_saved() -> None:
    """A new run: nothing known of its database yet."""
    global _saved_language
    _saved_language = ""


def system_language() -> str:
    """The system's locale name, from the variables a desktop session sets (as Qt reads them)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name, ""):
            return value
    return ""


def system_territory() -> str:
    """The country part of the system's locale ("en_US.UTF-8" gives "US"), for the paper
    size before the user has chosen a country in kvet."""
    name = system_language().split(".")[0].split("@")[0]
    return name.partition("_")[2]


def error_language(args: argparse.Namespace, *, peek: bool = True) -> str:
    """The language of the command line's refusals: ``--lang`` (or KVET_LANG), else the user's
    choice saved with their data (as the store said when it opened, or read straight from the
    file as the window does before its first widget), else the system's, else English.

    ``peek``: False when the database itself is what went wrong (damaged, busy): it is then
    not read again, not even to learn the language. Never an error itself."""
    chosen = getattr(args, "lang", None) or language.override()
    if chosen:
        return str(chosen)
    saved = _saved_language
    if not saved and peek:
        from kvet.store.peek import saved_preference

        try:
            saved = saved_preference(getattr(args, "db", None), language.PREFERENCE)
        except Exception:  # a refusal must still be said, in English at worst
            saved = ""
    return language.choose_language(saved, system_language())
