"""Reading a translated data file faithfully, and the translations kvet set aside.

A translation carries words only, so one that would change what a reader does is set aside and
the English shown, with a plain notice (``set_aside``): in kvet's own data folder, any overlay
that is not byte for byte the shipped one (a swapped answer label or question still parses);
anywhere, one whose texts do not give the same numbers as their English twins ("Llame al 911"
turned into "119"), or one that is unreadable or of the wrong shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kvet.content.datafiles import is_shipped, read_checked_toml, resource_path
from kvet.content.overlays import (
    LANGUAGES,
    TranslationError,
    apply_overlay,
    different_numbers,
    overlay_path,
    shape_for,
)

# The printouts' words (kvet.content.printwords), still named here for kvet.exchange and
# kvet.render, which import them from this module.


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
