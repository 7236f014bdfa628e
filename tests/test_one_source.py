"""One source for each sentence: the core's sentences live in the gettext catalogue alone.

A sentence the core builds (a score's summary, why a place can change, a treatment signal, an
answer's words) is translated once, in resources/catalogue/es.po, and both the window and the
printouts read it there. These tests fail when such a sentence is defined again in the window's
Qt .ts or the printouts' words.toml (where its Spanish would drift apart, as 28 had by issue 28),
or when the catalogue has no Spanish for one, so a Spanish reader would meet English.
"""

from __future__ import annotations

import importlib.util
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kvet.content.catalogue import core_say, sentence
from kvet.rating import scoring
from kvet.treatment import reconsider

ROOT = Path(__file__).resolve().parent.parent

# Core sentences the window still translates in its own .ts context, each with the module that
# should ask the catalogue instead (outside this change's rooms; see docs/translating.md).
NOT_YET_ONE: dict[str, str] = {}
# The same English in another use, whose Spanish may rightly differ: a placeholder typed into the
# session log is not the sample's session; the table's "not answered" cell is not the import
# plan's; "none" red flags (femenine) is not "none" of the treatments offered.
OTHER_USES = {"IV infusion", "Therapy", "not answered", "none"}


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue_script() -> ModuleType:
    return _load("catalogue")


@pytest.fixture(scope="module")
def sources() -> ModuleType:
    return _load("sentence_sources")


def core_english(script: ModuleType) -> set[str]:
    return {english for texts in script.core_sentences().values() for _, english in texts}


def test_no_core_sentence_is_also_defined_in_the_window_or_the_printouts_words(
    catalogue_script: ModuleType, sources: ModuleType
) -> None:
    core = core_english(catalogue_script)
    found = sources.measure()
    twice = {s.english: s for s in found if s.english in core and (s.screen or s.paper)}
    left = set(twice) - set(NOT_YET_ONE) - OTHER_USES
    assert not left, "defined in the catalogue and again in: " + "; ".join(
        f"{english!r} ({[c for c, _ in twice[english].screen]}, "
        f"{[k for k, _ in twice[english].paper]})"
        for english in sorted(left)
    )
    # a sentence made one since is taken off the list, so the list stays true
    assert set(NOT_YET_ONE) <= set(twice), set(NOT_YET_ONE) - set(twice)


def test_a_core_sentence_planted_in_the_printouts_words_is_caught(
    sources: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sources.words_entries

    def planted() -> list[tuple[str, str, str, str]]:
        return [*real(), ("summary", "wide", scoring.MAY_CHANGE_A_LOT, "Faltan respuestas.")]

    monkeypatch.setattr(sources, "words_entries", planted)
    caught = {s.english: s for s in sources.measure()}[scoring.MAY_CHANGE_A_LOT]
    assert caught.paper == [("summary.wide", "Faltan respuestas.")]
    assert caught.catalogue  # and the catalogue has it: two places


def test_every_core_sentence_has_spanish_in_the_catalogue_with_the_same_places(
    catalogue_script: ModuleType,
) -> None:
    po = (ROOT / "resources" / "catalogue" / "es.po").read_text(encoding="utf-8")
    entries = {(c, e): t for c, e, t in catalogue_script.parse_po(po)}
    missing, places = [], []
    for texts in catalogue_script.core_sentences().values():
        for context, english in texts:
            spanish = entries.get((context, english), "")
            if not spanish:
                missing.append(english)
            elif _places(spanish) != _places(english):
                places.append(english)
    assert not missing, "run scripts/catalogue.py and translate: " + "; ".join(missing)
    assert not places, "the Spanish loses or adds a {place}: " + "; ".join(places)
    assert len(entries) > 400  # errors and sentences: the check has something to check


def _places(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_committed_catalogue_lists_every_core_sentence_and_compiles_to_its_mo(
    catalogue_script: ModuleType,
) -> None:
    po = (ROOT / "resources" / "catalogue" / "es.po").read_text(encoding="utf-8")
    entries = catalogue_script.parse_po(po)
    listed = {(c, e) for c, e, _ in entries if catalogue_script.is_sentence(c)}
    wanted = {key for texts in catalogue_script.core_sentences().values() for key in texts}
    assert listed == wanted, "run .venv/bin/python scripts/catalogue.py"
    mo = (ROOT / "resources" / "catalogue" / "es.mo").read_bytes()
    assert mo == catalogue_script.compile_mo(entries)


def test_a_signal_reads_the_same_on_screen_and_on_paper_in_spanish() -> None:
    """The window's say and the printout's say are one: the same Spanish for the same English."""
    from kvet.exchange.coursereport import core_say as page_say
    from kvet.exchange.words import printout_words
    from kvet.gui.words import coursewords
    from kvet.text import language

    language.set_active("es")
    try:
        for english in reconsider.TEMPLATES:
            screen = coursewords.say(english)
            assert screen == page_say(printout_words("es"))(english), english
            assert screen != english or not any(c.isalpha() for c in english), english
    finally:
        language.set_active("en")


def test_english_is_the_core_sentence_itself_and_a_long_month_is_not_a_short_one() -> None:
    assert core_say("en")(scoring.MAY_CHANGE_A_LOT) == scoring.MAY_CHANGE_A_LOT
    assert core_say("es")("") == ""  # not the catalogue's header
    assert sentence("May", "es") == "may"
    assert sentence("May", "es", context="month") == "mayo"
