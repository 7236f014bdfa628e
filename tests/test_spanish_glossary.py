"""A Spanish reader meets one word for one thing, everywhere, in one variety of Spanish.

resources/translations/glossary-es.toml fixes the Spanish of kvet's terms (score, dealbreaker,
red flag, sleepiness, side effect…) and lists the variants kvet does not use ("ordenador",
"puntuación", "resultados seguros"). Every Spanish text is held to it: the window's words
(kvet_es.ts), the data files (*.es.toml), the printout's words (words.es.toml), the PHQ-9 and
the core's sentences (resources/catalogue/es.po).
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from kvet.content.translations import translated
from kvet.treatment.course import SideEffect

RESOURCES = Path("resources")
GLOSSARY = RESOURCES / "translations" / "glossary-es.toml"
DATA_FILES = ("checklist/checklist", "glossary/glossary", "crisis/contacts", "guide/guide")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
QUOTED = re.compile(r"“[^”]*”")


@dataclass(frozen=True)
class Term:
    name: str
    english: tuple[str, ...]
    spanish: tuple[str, ...]
    avoid: tuple[str, ...]
    except_in: tuple[str, ...]


@dataclass(frozen=True)
class Text:
    where: str
    english: str
    spanish: str


@cache
def terms() -> tuple[Term, ...]:
    raw = tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["terms"]
    return tuple(
        Term(
            name,
            tuple(entry["english"]),
            tuple(entry["spanish"]),
            tuple(entry.get("avoid", ())),
            tuple(entry.get("except_in", ())),
        )
        for name, entry in raw.items()
    )


def readable(text: str) -> str:
    """The words as a person reads them: no shortcut marks, no {placeholders}."""
    return PLACEHOLDER.sub(" ", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))


def uses(text: str, form: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", readable(text), re.IGNORECASE) is not None


def _strings(node: object, at: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(node, str):
        yield at, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*at, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*at, str(index)))


def window_texts() -> Iterator[Text]:
    root = ET.parse(RESOURCES / "translations" / "kvet_es.ts").getroot()
    for context in root.iter("context"):
        where = f"kvet_es.ts [{context.findtext('name')}]"
        for message in context.iter("message"):
            spanish = message.findtext("translation") or ""
            if spanish:
                yield Text(where, message.findtext("source") or "", spanish)


def data_texts() -> Iterator[Text]:
    """Each Spanish text of the data files beside the English text it translates."""
    for part in DATA_FILES:
        english_path = RESOURCES / f"{part}.toml"
        english = tomllib.loads(english_path.read_text(encoding="utf-8"))
        paired = dict(_strings(english))
        for at, spanish in _strings(translated(english_path, english, "es")):
            if at in paired and paired[at] != spanish:
                yield Text(f"{part}.es.toml {'.'.join(at)}", paired[at], spanish)
    english_words = dict(_strings(tomllib.loads((RESOURCES / "report/words.toml").read_text())))
    spanish_words = tomllib.loads((RESOURCES / "report/words.es.toml").read_text())
    for at, spanish in _strings(spanish_words):
        yield Text(f"words.es.toml {'.'.join(at)}", english_words.get(at, ""), spanish)
    phq9 = tomllib.loads((RESOURCES / "course/phq9_spanish_usa.toml").read_text())
    for at, spanish in _strings(phq9):  # Pfizer's own Spanish: held to "avoid" only
        yield Text(f"phq9_spanish_usa.toml {'.'.join(at)}", "", spanish)


def catalogue_texts() -> Iterator[Text]:
    """The errors and the core's sentences, from the gettext catalogue (resources/catalogue/es.po)
    that kvet.content.catalogue reads for the window and the printouts alike."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("catalogue", Path("scripts") / "catalogue.py")
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    po = (RESOURCES / "catalogue" / "es.po").read_text(encoding="utf-8")
    for context, english, spanish in script.parse_po(po):
        yield Text(f"catalogue es.po [{context or english[:30]}]", english, spanish)


def every_spanish_text() -> list[Text]:
    return [*window_texts(), *data_texts(), *catalogue_texts()]


@cache
def calques() -> dict[str, str]:
    """English said word for word in Spanish, and what to say instead."""
    return dict(tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["calques"])


def variants_used(texts: list[Text]) -> list[str]:
    found = [
        f"{text.where}: “{form}” (kvet says “{term.spanish[0]}”) in: {text.spanish}"
        for text in texts
        for term in terms()
        for form in term.avoid
        if uses(text.spanish, form)
    ]
    return found + [
        f"{text.where}: “{calque}” reads as English (say {instead}) in: {text.spanish}"
        for text in texts
        for calque, instead in calques().items()
        if uses(text.spanish, calque)
    ]


def terms_not_kept(texts: list[Text]) -> list[str]:
    """Texts whose English uses a term that their Spanish does not. A quoted “heading” is a
    publication's own name, kept in English, so it is not read."""
    return [
        f"{text.where}: “{english}” should read “{term.spanish[0]}”: {text.spanish}"
        for text in texts
        for term in terms()
        for english in term.english
        if uses(QUOTED.sub(" ", text.english), english)
        and not any(uses(text.english, phrase) for phrase in term.except_in)
        and not any(uses(text.spanish, form) for form in term.spanish)
    ]


def test_the_glossary_names_one_spanish_term_for_each_and_never_avoids_it() -> None:
    assert len(terms()) >= 10
    for term in terms():
        assert term.english, term.name
        assert term.spanish, term.name
        assert term.avoid, term.name
        assert not set(term.avoid) & set(term.spanish), term.name


def test_no_spanish_text_uses_a_variant_kvet_does_not_use() -> None:
    texts = every_spanish_text()
    assert len(texts) > 1000  # the window, the data files and the printout were all read
    left = variants_used(texts)
    assert not left, "\n".join(left)


def test_where_the_english_uses_a_fixed_term_the_spanish_uses_its_one_term() -> None:
    left = terms_not_kept(every_spanish_text())
    assert not left, "\n".join(left)


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("The clinic promises a cure or guaranteed results.", "promete resultados seguros."),
        ("It stays on this computer.", "Se queda en este ordenador."),
        ("Drugs that make you sleepy.", "Medicamentos que dan sueño."),
        ("Not part of the score", "No cuenta en la puntuación"),
        ("Thoughts like these deserve help now.", "Pensamientos así merecen ayuda ahora."),
    ],
)
def test_the_check_catches_the_mistakes_a_reviewer_found(english: str, spanish: str) -> None:
    text = [Text("planted", english, spanish)]
    assert variants_used(text) or terms_not_kept(text)


def test_a_side_effect_reads_the_same_on_screen_and_in_the_printout() -> None:
    """Logged in "My treatment" and read back in the treatment log: the same words."""
    from kvet.exchange.coursereport import course_csv
    from kvet.gui.words import coursewords
    from kvet.text import language
    from kvet.treatment.course import SIDE_EFFECT_LABELS, Course, DoseSession

    session = DoseSession(date(2026, 3, 2), "IV", side_effects=frozenset(SideEffect))
    log = course_csv(Course("Clinic", sessions=(session,)), lang="es")
    language.set_active("es")
    try:
        for effect in SideEffect:
            screen = coursewords.say(SIDE_EFFECT_LABELS[effect])
            assert screen != SIDE_EFFECT_LABELS[effect]
            assert screen in log, effect
    finally:
        language.set_active("en")
