"""Committed compiled forms must match their Designer sources in ui/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scriptloader import load_script

ROOT = Path(__file__).resolve().parent.parent


compiler = load_script("compile_forms")
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
