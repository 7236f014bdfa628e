"""The window's Spanish words: the committed .ts holds every marked string, translated, and the
committed .qm is what that .ts compiles to (scripts/translations.py makes both)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.scriptloader import load_script

ROOT = Path(__file__).resolve().parent.parent


script = load_script("translations")
RUN = "run .venv/bin/python scripts/translations.py"


def messages(ts_file: Path) -> dict[tuple[str, str], str | None]:
    """(context, English) -> the translation, or None while it is unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            done = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            found[(name, message.findtext("source", ""))] = translation.text if done else None
    return found


def test_the_forms_and_the_marked_modules_are_read() -> None:
    names = {path.name for path in script.sources()}
    assert {"mainwindow.ui", "about.ui", "actions.py", "crisis.py"} <= names
    assert not any(path.parent.name == "forms" for path in script.sources())


@pytest.mark.parametrize("code", script.LANGUAGES)
def test_every_marked_string_is_in_the_ts(code: str, tmp_path: Path) -> None:
    committed = script.ts_path(code)
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    script.update_ts(fresh, code)
    have, want = messages(committed), messages(fresh)
    missing = sorted(set(want) - set(have))
    gone = sorted(set(have) - set(want))
    assert not missing, f"{RUN}: strings missing from {committed.name}: {missing[:5]}"
    assert not gone, f"{RUN}: strings no longer in the sources: {gone[:5]}"


@pytest.mark.parametrize("code", script.LANGUAGES)
def test_every_string_is_translated(code: str) -> None:
    untranslated = [key for key, text in messages(script.ts_path(code)).items() if not text]
    assert not untranslated, f"translate these in kvet_{code}.ts: {untranslated[:5]}"


def translations_in(qm_file: Path, keys: list[tuple[str, str]]) -> list[str]:
    """What Qt reads from ``qm_file`` for each message: compared by meaning, not bytes, so a
    newer lrelease writing the same translations differently does not count as stale."""
    translator = QTranslator()
    assert translator.load(str(qm_file))
    return [str(translator.translate(context, english)) for context, english in keys]


@pytest.mark.parametrize("code", script.LANGUAGES)
def test_the_committed_qm_is_compiled_from_the_ts(code: str, tmp_path: Path) -> None:
    committed = script.qm_path(code)
    assert committed.exists(), f"{RUN}: {committed.name} is missing"
    fresh = tmp_path / committed.name
    script.release(script.ts_path(code), fresh)
    written = messages(script.ts_path(code))
    keys = sorted(written)
    assert translations_in(fresh, keys) == [written[key] for key in keys]
    assert translations_in(committed, keys) == translations_in(fresh, keys), (
        f"{committed.name} is stale: {RUN}"
    )


def test_the_spanish_keeps_each_accelerator_and_placeholder() -> None:
    """A menu word with '&' keeps one, so the menu can still be opened from the keyboard, and
    each {name} kvet fills in is still there."""
    for (context, english), spanish in messages(script.ts_path("es")).items():
        assert spanish is not None
        assert ("&" in english) == ("&" in spanish), (context, english)
        assert english.count("…") == spanish.count("…"), (context, english)
        assert re.findall(r"{\w+}", english) == re.findall(r"{\w+}", spanish), (context, english)


def test_every_country_has_one_name_for_the_window_and_the_printouts() -> None:
    """The window shows the countries' names from the printouts' words (words.toml [countries],
    issue 28: one text for screen and paper): each country the core knows is there under its
    code, as the core writes it in English, with Spanish of its own."""
    from kvet.content.country import COUNTRIES
    from kvet.content.printwords import load_words

    english, spanish = load_words("en"), load_words("es")
    assert [english("countries", info.code) for info in COUNTRIES] == [c.name for c in COUNTRIES]
    assert spanish("countries", "US") == "Estados Unidos"
    assert spanish("countries", "GB") == "Reino Unido"
