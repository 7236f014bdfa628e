"""kvet's own sentences in the reader's language, read with Python's gettext (no Qt).

The English of each code is in ``kvet.text.errortexts``; the other languages are gettext catalogues
in ``resources/catalogue`` (``es.po``, compiled to ``es.mo`` by ``scripts/catalogue.py``), each
entry keyed by its code (msgctxt) and its English (msgid). A code whose English changed and was
not translated again is shown in English rather than in stale words. The window (in the
language it shows) and the command line (in the user's saved choice) both word errors here.
"""

from __future__ import annotations

import gettext
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
    if language is None:
        from kvet.text import language as languages

        language = languages.active()
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
