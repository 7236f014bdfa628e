"""Translations of kvet's data files, kept as overlays beside the English ones.

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

A translation carries words only, so one that would change what a reader does is set aside and
the English shown, with a plain notice (``set_aside``): in kvet's own data folder, any overlay
that is not byte for byte the shipped one (a swapped answer label or question still parses);
anywhere, one whose texts do not give the same numbers as their English twins ("Llame al 911"
turned into "119"), or one that is unreadable or of the wrong shape.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kvet.content.datafiles import is_shipped, read_checked_toml, read_toml, resource_path
from kvet.text.language import resolve

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


@dataclass(frozen=True)
class SetAside:
    """A translation kvet did not use, showing the English instead; ``why`` is a short code:
    "changed" (not the shipped file), "numbers" (a number differs from the English), or
    "damaged" (unreadable, or not the shape of a translation)."""

    path: Path
    why: str


_set_aside: dict[Path, SetAside] = {}

# The notice, in English; kvet.gui.main.language marks the same templates for translation.
SET_ASIDE_WORDS = {
    "changed": (
        "A translation file was changed or damaged after kvet was installed, so kvet shows "
        "that part in English: {file}. Reinstalling kvet puts the translation back."
    ),
    "numbers": (
        "A translation file gives other numbers than the English (a phone number, a dose or "
        "a count), so kvet shows that part in English: {file}."
    ),
    "damaged": (
        "A translation file cannot be read, so kvet shows that part in English: {file}. "
        "Reinstalling kvet puts the translation back."
    ),
}


# kvet's own translations, by language: where each lies and its name in PROVEN_SHA256.
SHIPPED_TRANSLATIONS = {
    "es": (
        (("checklist", "checklist.es.toml"), "checklist.es"),
        (("glossary", "glossary.es.toml"), "glossary.es"),
        (("crisis", "contacts.es.toml"), "crisis contacts.es"),
        (("guide", "guide.es.toml"), "guide.es"),
        (("course", "phq9_spanish_usa.toml"), "PHQ-9.es"),
    )
}


def check_shipped_translations(lang: str) -> list[SetAside]:
    """Set aside, at start, every shipped translation in ``lang`` that is not byte for byte the
    one kvet came with, so the notice comes at once rather than when a page is first opened.
    Only hashes: under a millisecond."""
    import hashlib

    from kvet.content.datafiles import PROVEN_SHA256

    for parts, proven_as in SHIPPED_TRANSLATIONS.get(lang, ()):
        path = resource_path(*parts)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:
            continue  # that part has no translation: English, as for any missing text
        except OSError:
            refuse_translation(path, "damaged")
            continue
        if digest != PROVEN_SHA256[proven_as]:
            refuse_translation(path, "changed")
    return set_aside()


def set_aside_words(item: SetAside, say: Callable[[str], str] = str) -> str:
    """The notice for one translation set aside; ``say`` gives the window's language."""
    return say(SET_ASIDE_WORDS[item.why]).format(file=item.path)


def set_aside() -> list[SetAside]:
    """The translations set aside in this run, for the window and the command line to say so."""
    return list(_set_aside.values())


def refuse_translation(path: Path, why: str) -> None:
    """Remember that ``path`` was set aside (the English is used in its place)."""
    _set_aside[path] = SetAside(path, why)


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


def read_translated(
    english_path: Path, what: str, error: type[ValueError], lang: str
) -> tuple[dict[str, Any], bool]:
    """Read a data file with ``lang``'s overlay laid over it, and say whether the result is proven.

    The result is proven (see ``kvet.content.datafiles.PROVEN_SHA256``) only when the English file
    and
    its overlay are both byte for byte the shipped ones the tests validated merged, as
    "checklist" and "checklist.es"; anything else is for the caller to validate in full. A
    problem with the English file raises ``error``; an overlay that is damaged, changed in
    kvet's own folder, or unfaithful to the English numbers is set aside (``set_aside``) and
    the English returned, so a reader is never shown a translation that says something else.
    """
    raw, proven = read_checked_toml(english_path, what, error)
    if lang == "en":
        return raw, proven
    path = overlay_path(english_path, lang)
    if not path.is_file():
        return raw, proven
    language = LANGUAGES.get(lang, lang)
    try:
        overlay, overlay_proven = read_checked_toml(
            path, f"{language} translation", TranslationError, proven_as=f"{what}.{lang}"
        )
        shape = shape_for(english_path)
        merged = apply_overlay(raw, overlay, shape)
    except TranslationError:
        refuse_translation(path, "damaged")
        return raw, proven
    if not overlay_proven and is_shipped(path):
        refuse_translation(path, "changed")
        return raw, proven
    if not (proven and overlay_proven) and different_numbers(raw, merged, shape, lang):
        refuse_translation(path, "numbers")
        return raw, proven
    return merged, proven and overlay_proven


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


# --- The fixed words of printouts -------------------------------------------------------------
#
# ``resources/report/words.toml`` holds the words kvet itself prints around the user's data in the
# report, the call sheet, the treatment page, the questions for a psychiatrist and the tables'
# headings: tables of texts keyed by id. A translation (``words.es.toml``) is an overlay of the
# same tables and ids, laid over English with ``apply_overlay`` like every other data file. Its
# texts are templates, so each must keep the English one's {placeholders}: a translation that
# drops or renames one is refused rather than printed with a hole or an error in the middle.
# Read only when a printout is made, never at start.

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
        ``kvet.rating.ranking.place_sentence`` takes. A text the table does not hold stays as it
        is."""
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
