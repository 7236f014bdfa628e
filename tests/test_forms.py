"""Committed compiled forms must match their Designer sources in ui/."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_forms", ROOT / "scripts" / "compile_forms.py"
    )
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compiler = load_compiler()
FORMS = sorted((ROOT / "ui").glob("*.ui"))


def test_there_are_forms() -> None:
    assert FORMS


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.name)
def test_compiled_form_is_up_to_date(ui_file: Path) -> None:
    committed = compiler.output_path(ui_file)
    assert committed.exists(), f"run scripts/compile_forms.py: {committed.name} is missing"
    fresh = compiler.compile_form(ui_file)
    assert compiler.comparable(committed.read_text(encoding="utf-8")) == compiler.comparable(
        fresh
    ), f"{committed.name} is out of date: run .venv/bin/python scripts/compile_forms.py"
