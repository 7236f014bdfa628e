"""Which language kvet speaks to this user: the saved choice, else the system's, else English.

The choice is kept as the preference "language" in the user's own database, so it travels with
their data. The data files (checklist, glossary, crisis lines, guide) are read in the language
that is active for this run: one value for the whole process, set once at start by the window
or the command line, so every screen and every printout shows the same language. Only the
words change with the language; ids, weights and scores never do (see kvet.content.translations).
"""

from __future__ import annotations

import os
import re
from typing import Protocol

from kvet.text.errors import KvetError

# The languages kvet speaks, each in its own name, as the menu lists them.
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("es", "Español"))
CODES = frozenset(code for code, _ in LANGUAGES)
DEFAULT = "en"
PREFERENCE = "language"
# Set by a tester or a script to start kvet in one language whatever is saved: KVET_LANG=es.
ENVIRONMENT = "KVET_LANG"
_CODE = re.compile(r"^([A-Za-z]{2,3})(?:$|[-_.@])")

_active = DEFAULT


class LanguageError(KvetError, ValueError):
    """A language kvet does not speak; the words list the ones it does."""


_forced = ""


class Preferences(Protocol):
    """The store's settings area (``store.settings``), named here so the core needs no store."""

    def preference(self, key: str, default: str = "") -> str: ...
    def set_preference(self, key: str, value: str) -> None: ...


def language_code(name: str) -> str:
    """The bare language of a locale name: "es_MX.UTF-8", "es-419" and "ES" give "es".

    Anything unreadable gives "" (not a language kvet speaks), never an error.
    """
    found = _CODE.match(name.strip()) if isinstance(name, str) else None
    return found.group(1).lower() if found else ""


def choose_language(saved: str, system: str) -> str:
    """The saved choice if kvet speaks it; else the system's language if kvet speaks it;
    else English."""
    for candidate in (language_code(saved), language_code(system)):
        if candidate in CODES:
            return candidate
    return DEFAULT


def saved_language(settings: Preferences) -> str:
    """The language the user chose, or "" when they never chose (or chose one kvet dropped)."""
    code = language_code(settings.preference(PREFERENCE))
    return code if code in CODES else ""


def save_language(settings: Preferences, code: str) -> None:
    """Keep the user's choice; a language kvet does not speak is refused and nothing changes."""
    if code not in CODES:
        spoken = ", ".join(name for _, name in LANGUAGES)
        raise LanguageError("value.unknown-language", spoken=spoken)
    settings.set_preference(PREFERENCE, code)


def force(code: str) -> None:
    """Use ``code`` for this run whatever is saved (``kvet --lang es``); "" stops forcing."""
    global _forced
    _forced = code if code in CODES else ""


def override() -> str:
    """The language forced for this run by ``--lang`` or ``KVET_LANG``, or "" when none (or an
    unknown one)."""
    code = _forced or language_code(os.environ.get(ENVIRONMENT, ""))
    return code if code in CODES else ""


def active() -> str:
    """The language the data files are read in for this run (English until one is set)."""
    return _active


def set_active(code: str) -> str:
    """Make ``code`` the language of this run; an unknown code gives English. Returns it."""
    global _active
    _active = code if code in CODES else DEFAULT
    return _active


def resolve(lang: str | None) -> str:
    """The language a loader reads: the one it was given, else the run's active one."""
    return active() if lang is None else lang
