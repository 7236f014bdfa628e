"""How a translation of a data file lies over the English one: its shape, laying it on, what it
misses, and whether its numbers are the English ones.

A translation holds only the text a user reads, keyed by the same ids as the English file
(``checklist.es.toml`` beside ``checklist.toml``). Weights, kinds, countries, phone numbers and
every other value come from the English file alone, so scoring can never differ between
languages. The overlay is laid over the English raw dict before the usual validation, which
then checks the result exactly as it checks English.

Layout of an overlay (each file repeats it in a comment at its top):

- a top-level text is written as is: ``title = "..."``;
- a table of the English file (``[about]``) is the same table, with its texts only;
- a list of entries (``[[items]]``) becomes one table per entry, keyed by the entry's id:
  ``[items.rf_no_screening]`` with ``statement = "..."`` and so on. Lists without an id are
  keyed by their English heading or question, so a changed English wording shows up as a
  missing translation instead of passing unnoticed.

A text missing from an overlay stays English; ``missing_and_extra`` lists what is missing
and what the overlay names that English does not have, so a test can hold an overlay complete.

The faithful reading of a translation (one that changes what a reader does is set aside) is in
kvet.content.translations; the printouts' own words in kvet.content.printwords.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kvet.content.datafiles import read_toml

LANGUAGES = {"es": "Spanish"}
Path_ = tuple[str, ...]
_LANG = re.compile(r"^[a-z]{2,3}$")


class TranslationError(ValueError):
    """An overlay is unreadable or has the wrong shape; the message names the file and place."""


@dataclass(frozen=True)
class Shape:
    """Where the user-visible texts are in one kind of data file.

    ``text`` names fields holding a text (or a list of texts, like a glossary term's words);
    ``tables`` names sub-tables; ``lists`` names lists of entries, each with the field that
    identifies an entry and the shape of one entry.
    """

    text: tuple[str, ...] = ()
    tables: Mapping[str, Shape] = field(default_factory=dict)
    lists: Mapping[str, tuple[str, Shape]] = field(default_factory=dict)


# A source's title is kvet's own short description, and its citation names the publication in
# kvet's words ("section", "part"): both are translated, keeping the publication's own title and
# headings in English, since a reader looking one up needs them.
CHECKLIST = Shape(
    text=("title",),
    lists={
        "formats": ("id", Shape(text=("title", "description"))),
        "sections": ("id", Shape(text=("title", "intro"))),
        "items": ("id", Shape(text=("statement", "how_to_ask", "why_it_matters", "good_answer"))),
        "personal_topics": ("id", Shape(text=("title", "tell_clinic", "why"))),
        "retired": ("id", Shape(text=("statement",))),
        "sources": ("key", Shape(text=("title", "citation"))),
    },
)
GLOSSARY = Shape(lists={"terms": ("term", Shape(text=("term", "words", "explanation")))})
CRISIS = Shape(
    text=("note",),
    lists={
        "countries": (
            "code",
            Shape(
                text=("name",),
                lists={"contacts": ("name", Shape(text=("name", "how", "detail")))},
            ),
        )
    },
)
GUIDE = Shape(
    tables={
        "about": Shape(text=("who", "funding", "conflicts", "items", "weights", "limits")),
    },
    lists={
        "before_you_decide": ("heading", Shape(text=("heading", "text"))),
        "own_psychiatrist": ("question", Shape(text=("question", "why"))),
    },
)
# By the English file's name: the lead's loaders pass their own path.
SHAPES: dict[str, Shape] = {
    "checklist.toml": CHECKLIST,
    "glossary.toml": GLOSSARY,
    "contacts.toml": CRISIS,
    "guide.toml": GUIDE,
}


def shape_for(english_path: Path) -> Shape:
    try:
        return SHAPES[english_path.name]
    except KeyError:
        raise TranslationError(f"kvet has no translations for the file {english_path}") from None


def shape_of(english: Mapping[str, Any]) -> Shape:
    """Recognise one of kvet's data files by its top-level keys, for callers without a path."""
    keys = set(english)
    if {"items", "sections"} <= keys:
        return CHECKLIST
    if "terms" in keys:
        return GLOSSARY
    if "countries" in keys:
        return CRISIS
    if "about" in keys:
        return GUIDE
    raise TranslationError("This data has no known translation layout.")


def overlay_path(english_path: Path, lang: str) -> Path:
    """``resources/checklist/checklist.toml`` and "es" give ``.../checklist.es.toml``."""
    if not _LANG.match(lang):
        raise TranslationError(f"{lang!r} is not a language code such as 'es'.")
    return english_path.with_name(f"{english_path.stem}.{lang}{english_path.suffix}")


def read_overlay(path: Path, lang: str) -> dict[str, Any]:
    """Read an overlay file; a missing or damaged one raises ``TranslationError`` naming it."""
    language = LANGUAGES.get(lang, lang)
    return read_toml(path, f"{language} translation", TranslationError)


def translated(english_path: Path, english: dict[str, Any], lang: str) -> dict[str, Any]:
    """The English raw dict with ``lang``'s texts laid over it, ready for validation.

    English, or a language without an overlay for this file, gives the English dict back.
    A damaged overlay is refused with the file's name rather than shown half-translated.
    """
    if lang == "en":
        return english
    path = overlay_path(english_path, lang)
    if not path.is_file():
        return english
    overlay = read_overlay(path, lang)
    try:
        return apply_overlay(english, overlay, shape_for(english_path))
    except TranslationError as exc:
        raise TranslationError(f"The translation file {path} is damaged: {exc}") from exc


def apply_overlay(
    english: Mapping[str, Any], overlay: Mapping[str, Any], shape: Shape | None = None
) -> dict[str, Any]:
    """A new dict: ``english`` with the overlay's texts in place of its own, nothing else changed.

    Only the fields ``shape`` names as text are taken from the overlay; an overlay entry or key
    English does not have is ignored here (``missing_and_extra`` reports it). A text of the
    wrong type (a number, a table) raises ``TranslationError`` naming its place.
    """
    result = copy.deepcopy(dict(english))
    _apply(result, overlay, shape or shape_of(english), ())
    return result


def _apply(target: dict[str, Any], overlay: Mapping[str, Any], shape: Shape, at: Path_) -> None:
    for name in shape.text:
        if name in overlay and _has_text(target.get(name)):
            target[name] = _checked_text(overlay[name], target[name], (*at, name))
    for name, sub in shape.tables.items():
        table, given = target.get(name), overlay.get(name)
        if isinstance(table, dict) and given is not None:
            _apply(table, _table(given, (*at, name)), sub, (*at, name))
    for name, (key, sub) in shape.lists.items():
        entries, given = target.get(name), overlay.get(name)
        if not isinstance(entries, list) or given is None:
            continue
        by_key = _table(given, (*at, name))
        for entry in entries:
            ident = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(ident, str) and ident in by_key:
                place = (*at, name, ident)
                _apply(entry, _table(by_key[ident], place), sub, place)


def missing_and_extra(
    english: Mapping[str, Any], overlay: Mapping[str, Any], shape: Shape | None = None
) -> tuple[list[str], list[str]]:
    """(texts English has that the overlay lacks, keys the overlay has that English lacks).

    Places read like ``items.rf_no_screening.statement``. An empty English text (an item with
    no good answer) needs no translation, and a translation of it counts as extra.
    """
    shape = shape or shape_of(english)
    wanted = set(_places(english, shape, ()))
    given = set(_given(overlay, shape, ()))
    return (
        [_dotted(p) for p in _ordered(wanted - given, english, shape)],
        sorted(_dotted(p) for p in given - wanted),
    )


def _places(node: Mapping[str, Any], shape: Shape, at: Path_) -> Iterator[Path_]:
    """Every place in an English dict that holds a text to translate."""
    for name in shape.text:
        if _has_text(node.get(name)):
            yield (*at, name)
    for name, sub in shape.tables.items():
        table = node.get(name)
        if isinstance(table, dict):
            yield from _places(table, sub, (*at, name))
    for name, (key, sub) in shape.lists.items():
        for entry in node.get(name) or ():
            if isinstance(entry, dict) and isinstance(entry.get(key), str):
                yield (*at, name, entry[key])
                yield from _places(entry, sub, (*at, name, entry[key]))


def _given(node: Mapping[str, Any], shape: Shape, at: Path_) -> Iterator[Path_]:
    """Every place an overlay fills, including ones its shape does not allow (to be reported)."""
    for name, value in node.items():
        place = (*at, name)
        if name in shape.text:
            _checked_text(value, value if isinstance(value, list) else "", place)
            yield place
        elif name in shape.tables:
            yield from _given(_table(value, place), shape.tables[name], place)
        elif name in shape.lists:
            sub = shape.lists[name][1]
            for ident, entry in _table(value, place).items():
                yield (*place, ident)
                yield from _given(_table(entry, (*place, ident)), sub, (*place, ident))
        else:
            yield place


def _ordered(places: set[Path_], english: Mapping[str, Any], shape: Shape) -> list[Path_]:
    """In the order of the English file, so a report reads top to bottom."""
    return [p for p in _places(english, shape, ()) if p in places]


def _has_text(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return isinstance(value, list) and bool(value)


def _checked_text(value: object, english: object, place: Path_) -> Any:
    """A translated text must have the English one's form: a text, or a list of texts."""
    if isinstance(english, list):
        if isinstance(value, list) and value and all(_has_text(v) for v in value):
            return list(value)
        raise TranslationError(f"{_dotted(place)} should be a list of texts.")
    if isinstance(value, str) and value.strip():
        return value
    raise TranslationError(f"{_dotted(place)} should be a text that is not empty.")


def _table(value: object, place: Path_) -> Mapping[str, Any]:
    if isinstance(value, dict):
        return value
    raise TranslationError(f"{_dotted(place)} should be a table, like [{_dotted(place)}].")


def _dotted(place: Path_) -> str:
    return ".".join(place)


# Numbers a translation may add to its English twin, each a help the English reader does not
# need: on the US 988 line, press 2 for Spanish, and text AYUDA to 988. Code, not data: a
# translation file cannot allow itself numbers.
EXTRA_NUMBERS = {
    ("es", "countries.US.contacts.988 Suicide & Crisis Lifeline.detail"): ("2", "988"),
}
_DIGITS = re.compile(r"\d+")


def different_numbers(
    english: Mapping[str, Any], merged: Mapping[str, Any], shape: Shape, lang: str
) -> list[str]:
    """Places whose translated text gives other numbers than its English twin (a phone number,
    a dose, a price, a count), matched by id; the order of the numbers does not matter."""
    found: list[str] = []
    for place, en_text, its_text in _twins(english, merged, shape, ()):
        extra = EXTRA_NUMBERS.get((lang, _dotted(place)), ())
        wanted = sorted([*_DIGITS.findall(en_text), *extra])
        if sorted(_DIGITS.findall(its_text)) != wanted:
            found.append(_dotted(place))
    return found


def _twins(
    english: Mapping[str, Any], merged: Mapping[str, Any], shape: Shape, at: Path_
) -> Iterator[tuple[Path_, str, str]]:
    """Each text with its translation. ``merged`` is ``english`` with texts replaced, so its
    entries stand where the English ones do, even when an entry's id is itself a text."""
    for name in shape.text:
        a, b = english.get(name), merged.get(name)
        if _has_text(a):
            yield (*at, name), _joined(a), _joined(b)
    for name, sub in shape.tables.items():
        a, b = english.get(name), merged.get(name)
        if isinstance(a, dict) and isinstance(b, dict):
            yield from _twins(a, b, sub, (*at, name))
    for name, (key, sub) in shape.lists.items():
        pairs = zip(english.get(name) or (), merged.get(name) or (), strict=False)
        for a, b in pairs:
            if isinstance(a, dict) and isinstance(b, dict):
                yield from _twins(a, b, sub, (*at, name, str(a.get(key))))


def _joined(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return value if isinstance(value, str) else ""
