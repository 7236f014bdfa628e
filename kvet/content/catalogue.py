"""kvet's own sentences in the reader's language, read with Python's gettext (no Qt).

Two kinds of entry share one catalogue per language (``resources/catalogue/es.po``, compiled to
``es.mo`` by ``scripts/catalogue.py``):

- errors: the English of each code is in ``kvet.text.errortexts``; the entry is keyed by its
  code (msgctxt) and its English (msgid). A code whose English changed and was not translated
  again is shown in English rather than in stale words;
- the core's sentences (a score's summary, why a place can change, a treatment signal): the
  core keeps each as an English template and takes a ``say`` function; ``core_say`` answers it
  here, keyed by the English alone (or with a msgctxt where one English has two meanings, as a
  long month's name). The window and the printouts both ask it, so a sentence reads the same on
  screen and on paper, and is translated once.

The window (in the language it shows) and the command line (in the user's saved choice) both
word errors here.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

from kvet.text.errors import KvetError, Value, Words
from kvet.text.errortexts import TEXTS

FOLDER = ("catalogue",)


def catalogue_path(code: str) -> Path:
    """The compiled catalogue of language ``code`` as kvet ships it."""
    from kvet.content.datafiles import resource_path

    return resource_path(*FOLDER, f"{code}.mo")


@cache
def _translations(code: str) -> gettext.NullTranslations:
    """The catalogue of ``code``; English, or a catalogue that is missing, gives the English."""
    if code == "en":
        return gettext.NullTranslations()
    try:
        with catalogue_path(code).open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, FileNotFoundError):
        return gettext.NullTranslations()


def _language(language: str | None) -> str:
    if language is None:
        from kvet.text import language as languages

        return languages.active()
    return language


def sentence(english: str, language: str | None = None, context: str = "") -> str:
    """One of the core's sentences (its English template) in ``language``; by default the
    language of this run. A sentence the catalogue lacks stays English (a test holds every core
    sentence translated)."""
    language = _language(language)
    if language == "en" or not english:  # gettext gives its header for ""
        return english
    found = _translations(language)
    return found.pgettext(context, english) if context else found.gettext(english)


def core_say(language: str | None = None, context: str = "") -> Callable[[str], str]:
    """The ``say`` the core's sentence builders take, answered from the catalogue of
    ``language`` (by default the language of this run, fixed when this is called)."""
    language = _language(language)
    return lambda english: sentence(english, language, context)


def template(code: str, language: str) -> str:
    """The words of ``code`` in ``language``, with their ``{places}`` still open."""
    english = TEXTS.get(code)
    if english is None:  # a code without words (a test catches it): at least say which
        return code
    if language == "en":
        return english
    return _translations(language).pgettext(code, english)


def _shown(value: Value, language: str) -> str:
    if isinstance(value, Words):
        return say(value, language)
    return str(value)


def say(words: Words | KvetError, language: str | None = None) -> str:
    """``words`` (or an error's) in ``language``; by default the language of this run."""
    if isinstance(words, KvetError):
        words = words.words
    language = _language(language)
    values = {name: _shown(value, language) for name, value in words.values.items()}
    try:
        return template(words.code, language).format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English still reads
        return template(words.code, "en").format(**values)


def error_text(error: BaseException, language: str | None = None) -> str:
    """Any error as a person reads it: kvet's own by its code, anything else as it says."""
    if isinstance(error, KvetError):
        return say(error, language)
    return str(error)
