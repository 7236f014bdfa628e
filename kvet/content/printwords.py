"""The fixed words of printouts, in the reader's language.

``resources/report/words.toml`` holds the words kvet itself prints around the user's data in the
report, the call sheet, the treatment page, the questions for a psychiatrist and the tables'
headings: tables of texts keyed by id. A translation (``words.es.toml``) is an overlay of the
same tables and ids, laid over English with ``apply_overlay`` like every other data file. Its
texts are templates, so each must keep the English one's {placeholders}: a translation that
drops or renames one is refused rather than printed with a hole or an error in the middle.
Read only when a printout is made, never at start.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kvet.content.datafiles import read_toml, resource_path
from kvet.content.overlays import LANGUAGES, Shape, TranslationError, apply_overlay, overlay_path
from kvet.text.language import resolve

WORDS_PARTS = ("report", "words.toml")


class WordsError(ValueError):
    """The printouts' words file, or a translation of it, is missing or invalid; the message
    names the file and the place."""


def words_path() -> Path:
    return resource_path(*WORDS_PARTS)


def words_shape(english: Mapping[str, Any]) -> Shape:
    """The words file's layout, read from the English file itself: every id of every table."""
    return Shape(
        tables={
            name: Shape(text=tuple(table))
            for name, table in english.items()
            if isinstance(table, dict)
        }
    )


def placeholders(template: str) -> frozenset[str]:
    """The {names} a template asks for; a template ``str.format`` cannot read raises
    ``ValueError``."""
    import string

    return frozenset(
        name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None
    )


def placeholder_differences(english: Mapping[str, Any], overlay: Mapping[str, Any]) -> list[str]:
    """The places where a translated text asks for other {placeholders} than the English one,
    each with what differs, in the English file's order."""
    found = []
    for name, table in english.items():
        given = overlay.get(name)
        if not isinstance(table, dict) or not isinstance(given, dict):
            continue
        for key, text in table.items():
            other = given.get(key)
            if not isinstance(other, str) or not isinstance(text, str):
                continue
            try:
                wanted, has = placeholders(text), placeholders(other)
            except ValueError:
                found.append(f"{name}.{key}: the braces {{ }} do not pair up")
                continue
            if wanted != has:
                lost = ", ".join(f"{{{p}}}" for p in sorted(wanted - has)) or "none"
                extra = ", ".join(f"{{{p}}}" for p in sorted(has - wanted)) or "none"
                found.append(f"{name}.{key}: lost {lost}, added {extra}")
    return found


def check_words(raw: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """The English words file as tables of texts; anything else raises ``WordsError`` naming
    the place (a table that is not one, a text that is empty, braces that do not pair up)."""
    tables: dict[str, dict[str, str]] = {}
    for name, table in raw.items():
        if not isinstance(table, dict) or not table:
            raise WordsError(f"{name} should be a table of texts, like [{name}].")
        for key, text in table.items():
            if not isinstance(text, str) or not text.strip():
                raise WordsError(f"{name}.{key} should be a text that is not empty.")
            try:
                placeholders(text)
            except ValueError:
                raise WordsError(f"{name}.{key}: the braces {{ }} do not pair up.") from None
        tables[name] = dict(table)
    return tables


class Words:
    """The fixed words of the printouts in one language; English wherever a translation has
    no text for an id (a test holds the shipped translations complete)."""

    def __init__(
        self, lang: str, texts: Mapping[str, Mapping[str, str]], english: Mapping[str, Any]
    ) -> None:
        self.lang = lang
        self._texts = texts
        self._english = english

    def __call__(self, table: str, key: str) -> str:
        return self._texts[table][key]

    def say(self, table: str) -> Callable[[str], str]:
        """English text of ``table`` -> this language's: the ``say`` that core code such as
        ``kvet.rating.placesentence.place_sentence`` takes. A text the table does not hold stays
        as it is."""
        wanted = {english: self._texts[table][key] for key, english in self._english[table].items()}
        return lambda english: wanted.get(english, english)


def parse_words(english: Mapping[str, Any], overlay: Mapping[str, Any] | None, lang: str) -> Words:
    """Words for ``lang`` from the raw English file and its raw overlay (None: English only).

    A damaged overlay raises ``WordsError``: printouts are refused rather than half-translated
    or printed with a placeholder gone.
    """
    base = check_words(english)
    if overlay is None or lang == "en":
        return Words(lang, base, base)
    try:
        merged = apply_overlay(base, overlay, words_shape(base))
    except TranslationError as exc:
        raise WordsError(str(exc)) from exc
    if differ := placeholder_differences(base, overlay):
        raise WordsError("Some texts do not keep the English {placeholders}: " + "; ".join(differ))
    return Words(lang, merged, base)


@functools.cache
def _load_words(lang: str) -> Words:
    path = words_path()
    english = read_toml(path, "printouts' words", WordsError)
    if lang == "en" or not overlay_path(path, lang).is_file():
        return parse_words(english, None, "en")
    local = overlay_path(path, lang)
    language = LANGUAGES.get(lang, lang)
    overlay = read_toml(local, f"{language} translation", WordsError)
    try:
        return parse_words(english, overlay, lang)
    except WordsError as exc:
        raise WordsError(f"The translation file {local} is damaged: {exc}") from exc


def load_words(lang: str | None = None) -> Words:
    """The printouts' words in ``lang`` (by default the language of this run), read once."""
    return _load_words(resolve(lang))
