"""Errors are data: every code kvet raises has words in English and Spanish, with the same
places for its values, and both the window and the command line word them from one catalogue.

The codes are found in the source: the first argument of a call to an error class (or to
``Words`` / ``refusal``), any string shaped like a code of a known area (``import.too-new``),
and what a typed value is for (``clean_name(value, "clinic")`` gives ``what.clinic``). A code
planted in a scrap of source with no words is caught, so the test can fail.
"""

from __future__ import annotations

import ast
import gettext
import re
import string
from pathlib import Path
from types import ModuleType

import pytest

from kvet.content.catalogue import say
from kvet.exchange.errors import ExchangeError
from kvet.text.errors import KvetError, Words
from kvet.text.errortexts import TEXTS
from tests.scriptloader import load_script

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "catalogue"
CODE = re.compile(r"^[a-z0-9]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$")
# SQL's "table.column" names in the tables, models and migrations are not codes.
NOT_CODES = ("kvet/store/models.py", "kvet/store/tables.py", "kvet/store/migrations/")
# A typed value's name, as given to these checks, becomes the code what.<name>.
NAMED = {"clean_name", "clean_text", "_short", "thing"}


def _script() -> ModuleType:
    return load_script("catalogue")


def codes_in(source: str, areas: set[str]) -> set[str]:
    """The codes one module's source uses."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = node.args[1:] if name == "refusal" else node.args
            first = args[0] if args else None
            if (
                (name.endswith("Error") or name in {"Words", "refusal"})
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and CODE.match(first.value)
            ):
                found.add(first.value)
            if name in NAMED and len(node.args) >= 2 - (name == "thing"):
                what = node.args[0 if name == "thing" else 1]
                if isinstance(what, ast.Constant) and isinstance(what.value, str):
                    found.add("what." + what.value.replace(" ", "-"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and CODE.match(node.value)
            and node.value.split(".")[0] in areas
        ):
            found.add(node.value)
    return found


def codes_used() -> dict[str, str]:
    """Every code in kvet's source, with the first module that uses it."""
    areas = {code.split(".")[0] for code in TEXTS}
    used: dict[str, str] = {}
    for path in sorted((ROOT / "kvet").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        if where.startswith(NOT_CODES):
            continue
        for code in codes_in(path.read_text(encoding="utf-8"), areas):
            used.setdefault(code, where)
    return used


def places(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture(scope="module")
def spanish() -> gettext.GNUTranslations:
    with (CATALOGUE / "es.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def test_every_code_kvet_raises_has_words_in_english_and_spanish_with_the_same_places(
    spanish: gettext.GNUTranslations,
) -> None:
    used = codes_used()
    assert len(used) > 200  # the scan finds the codes (a broken scan would pass with none)
    without_english = {code: where for code, where in used.items() if code not in TEXTS}
    assert not without_english, f"codes with no words in kvet/text/errortexts.py: {without_english}"
    for code, english in TEXTS.items():
        translated = spanish.pgettext(code, english)
        only_places = not re.sub(r"\{\w+\}", "", english).strip()  # "{part}": nothing to say
        assert translated != english or only_places, f"{code}: no Spanish"
        assert places(translated) == places(english), f"{code}: {translated!r}"


def test_every_worded_code_is_still_used_somewhere() -> None:
    unused = set(TEXTS) - set(codes_used())
    assert not unused, f"words for codes nothing raises any more: {sorted(unused)}"


def test_a_code_planted_without_words_is_caught() -> None:
    planted = """
from kvet.exchange.errors import ExchangeError

def refuse() -> None:
    raise ExchangeError("import.a-code-nobody-worded", name="x.kvet")

WHY = "why.planted-reason"
"""
    areas = {code.split(".")[0] for code in TEXTS}
    found = codes_in(planted, areas)
    assert found == {"import.a-code-nobody-worded", "why.planted-reason"}
    assert found - set(TEXTS) == found  # neither has words: the test above would name them


def test_the_committed_catalogue_is_what_its_po_compiles_to_and_its_english_is_current() -> None:
    script = _script()
    for lang in script.LANGUAGES:
        entries = script.parse_po((CATALOGUE / f"{lang}.po").read_text(encoding="utf-8"))
        errors = [entry for entry in entries if not script.is_sentence(entry[0])]
        assert {code: english for code, english, _ in errors} == TEXTS, (
            "run .venv/bin/python scripts/catalogue.py"
        )
        assert (CATALOGUE / f"{lang}.mo").read_bytes() == script.compile_mo(entries)


def test_an_error_keeps_its_code_and_values_and_is_worded_in_either_language() -> None:
    error = ExchangeError("import.too-large-size", name="mum.kvet", size="300", limit=200)
    assert isinstance(error, KvetError)
    assert (error.code, dict(error.values)) == (
        "import.too-large-size",
        {"name": "mum.kvet", "size": "300", "limit": 200},
    )
    assert (
        str(error) == "mum.kvet is too large to be a kvet comparison (300 MB; the limit is 200 MB)."
    )
    assert say(error, "es") == (
        "mum.kvet es demasiado grande para ser una comparación de kvet (300 MB; el límite es "
        "200 MB)."
    )


def test_a_phrase_inside_an_error_is_worded_in_the_same_language() -> None:
    where = Words("place.entry", number=3, part=Words("part.clinics"))
    error = ExchangeError("import.invalid", name="mum.kvet", place=where)
    assert "entry 3 of the clinics" in str(error)
    assert "la entrada 3 de las clínicas" in say(error, "es")


def test_a_translation_that_lost_a_place_still_reads_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kvet.content import catalogue

    class Broken(gettext.NullTranslations):
        def pgettext(self, context: str, message: str) -> str:
            return "{nombre} no sirve"

    monkeypatch.setattr(catalogue, "_translations", lambda code: Broken())
    error = ExchangeError("import.not-kvet", name="mum.kvet")
    assert say(error, "es") == "mum.kvet is not a kvet comparison file."


def kvet_error_names() -> set[str]:
    """The names of kvet's error classes (every subclass of ``KvetError``)."""
    import importlib

    for module in (
        "kvet.store.backups",
        "kvet.exchange.crypto",
        "kvet.rating.money",
        "kvet.content.country",
        "kvet.rating.answers",
        "kvet.treatment.phq9",
        "kvet.content.checklistkinds",
        "kvet.content.crisis",
        "kvet.content.guide",
        "kvet.content.datafiles",
        "kvet.system.startmenu",
        "kvet.system.desktop",
        "kvet.text.language",
        "kvet.store.errors",
        "kvet.exchange.errors",
    ):
        importlib.import_module(module)
    names: set[str] = set()
    todo: list[type] = [KvetError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


def sentences_raised(source: str, names: set[str]) -> list[str]:
    """Calls of kvet's error classes given a sentence (an f-string, or text that is no code)
    instead of a code: English the other language could never word."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in names and node.args:
            first = node.args[0]
            if isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and not CODE.match(first.value)
            ):
                found.append(ast.unparse(node)[:80])
    return found


def test_no_kvet_error_anywhere_is_raised_with_a_sentence_instead_of_a_code() -> None:
    names = kvet_error_names()
    assert {"ExchangeError", "StorageError", "InvalidValueError", "Phq9Error"} <= names
    found = {
        path.relative_to(ROOT).as_posix(): said
        for path in sorted((ROOT / "kvet").rglob("*.py"))
        if (said := sentences_raised(path.read_text(encoding="utf-8"), names))
    }
    assert not found, f"errors raised with English words, not a code: {found}"
    planted = 'raise ExchangeError(f"{name} is not a kvet comparison file.")'
    assert sentences_raised(planted, names)  # the check can fail
