"""Errors as data: a stable code and the values that fill its words, never a finished sentence.

Every error kvet means a person to read is a ``KvetError``: ``ExchangeError("import.not-kvet",
name=...)``. The code names the situation and the values are what the words need (a file name,
a size, a limit); ``kvet.content.catalogue`` words it in the reader's language, so the window and
the
command line say the same thing in English or Spanish. ``str(error)`` is the English, for the
tests and for anything that only knows text. A value may itself be ``Words`` (one of kvet's
phrases, such as what it was doing), worded in the same language. Values hold file names,
paths, sizes and numbers only: never clinic names, notes, answers or people (see
kvet.system.crashlog).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar, Union

from kvet.text.errortexts import TEXTS

Value = Union[str, int, float, Path, "Words"]


class Words:
    """One of kvet's phrases as data: its code and values, worded by ``kvet.content.catalogue``."""

    __slots__ = ("code", "values")

    def __init__(self, code: str, /, **values: Value) -> None:
        self.code = code
        self.values: Mapping[str, Value] = values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and (self.code, self.values) == (other.code, other.values)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Words({self.code!r})"

    def __str__(self) -> str:
        return english(self)


def english(words: Words) -> str:
    """``words`` in English, straight from ``kvet.text.errortexts`` (kvet.content.catalogue gives
    the other
    languages). A code without words shows as itself: a test fails for it."""
    values = {name: str(value) for name, value in words.values.items()}
    return TEXTS.get(words.code, words.code).format(**values)


class KvetError(Exception):
    """An error a person reads: ``code`` says which, ``values`` fill its words."""

    def __init__(self, code: str, /, **values: Value) -> None:
        self.code = code
        self.values: Mapping[str, Value] = values
        super().__init__(english(Words(code, **values)))

    @property
    def words(self) -> Words:
        """The error as a phrase, for ``kvet.content.catalogue.say``."""
        return Words(self.code, **self.values)


class DataFileError(KvetError, ValueError):
    """One of kvet's own data files (checklist, PHQ-9, glossary, crisis lines, guide) is
    missing, changed or invalid: reinstalling kvet puts it back."""


E = TypeVar("E", bound=Exception)


def refusal(kind: type[E], code: str, /, **values: Value) -> E:
    """An error of ``kind`` for ``code``: as data when ``kind`` is kvet's, else (a translator's
    check that only raises ``ValueError``) with the English words."""
    if issubclass(kind, KvetError):
        return kind(code, **values)
    return kind(str(Words(code, **values)))


def listed(problems: list[str]) -> str:
    """Problems found in a data file, one a line, for ``datafile.invalid``."""
    return "\n".join(f"  - {problem}" for problem in problems)
