"""One text for the window and the printouts: what both say is written once.

A heading of the guide, the session log's columns, the weights' factor words, the countries'
names: the window shows them and the printouts print them. Issue 28 found 62 such English texts
written twice, once in the window's Qt .ts and once in the printouts' words.toml, and 11 of them
already had one Spanish on screen and another on paper. Now the window takes them from words.toml
(``kvet.gui.words.paperwords``). These tests fail when an English text is again both a <source>
of kvet_es.ts and a text of words.toml, unless it is listed below as the same English in another
use, with the reason.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kvet.content.printwords import load_words

ROOT = Path(__file__).resolve().parent.parent

# The same English, used in another sense on screen than on paper, so its Spanish may rightly
# differ: English text -> why. Empty since issue 28: every shared text so far meant the same.
OTHER_USE: dict[str, str] = {}


@pytest.fixture(scope="module")
def sources() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sentence_sources", ROOT / "scripts" / "sentence_sources.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sentence_sources"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def written_twice(sources: ModuleType) -> dict[str, list[str]]:
    """English text -> where it is written: the .ts contexts and the words.toml ids."""
    screen: dict[str, list[str]] = {}
    for context, english, _spanish in sources.ts_entries():
        screen.setdefault(english, []).append(f"kvet_es.ts {context}")
    found: dict[str, list[str]] = {}
    for table, key, english, _spanish in sources.words_entries():
        if english in screen and english not in OTHER_USE:
            found.setdefault(english, list(screen[english])).append(f"words.toml {table}.{key}")
    return found


def test_no_text_is_written_both_for_the_window_and_for_the_printouts(
    sources: ModuleType,
) -> None:
    twice = written_twice(sources)
    assert not twice, "take it from words.toml (kvet.gui.words.paperwords): " + "; ".join(
        f"{english!r} in {where}" for english, where in sorted(twice.items())
    )
    # a reason listed for a text that is no longer in both places is taken off the list
    screen = {english for _, english, _ in sources.ts_entries()}
    paper = {english for _, _, english, _ in sources.words_entries()}
    assert set(OTHER_USE) <= screen & paper, set(OTHER_USE) - (screen & paper)


def test_a_heading_written_again_in_the_windows_translations_is_caught(
    sources: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sources.ts_entries

    def planted() -> list[tuple[str, str, str]]:
        return [*real(), ("Guide", "Funding", "Financiación")]

    monkeypatch.setattr(sources, "ts_entries", planted)
    assert written_twice(sources) == {"Funding": ["kvet_es.ts Guide", "words.toml about.funding"]}


def test_the_eleven_texts_that_differed_now_read_the_same_on_screen_and_on_paper() -> None:
    """The Spanish chosen for each (docs/translating.md, "Sentences made one"): the window has no
    copy of its own left, so what it shows is this."""
    spanish = load_words("es")
    chosen = {
        ("about", "funding"): "Financiamiento",
        ("about", "conflicts"): "Conflictos de interés",
        ("call_sheet", "tell_clinic"): "Cosas que decirle a la clínica",
        ("call_sheet", "checking"): "Para saber: {statement}",
        ("table", "order"): "Cómo se ordenan las clínicas",
        ("table", "does_not_apply"): "no corresponde",
        ("course", "dose"): "Dosis (según la clínica)",
        ("course_table", "dose"): "Dosis (según la clínica)",
        ("course", "minutes"): "{minutes} minutos",
        ("course", "chart_alt"): "PHQ-9 a lo largo del tiempo",
    }
    assert {where: spanish(*where) for where in chosen} == chosen
    assert spanish("about", "reviewed").startswith("Se revisó con sus fuentes")
