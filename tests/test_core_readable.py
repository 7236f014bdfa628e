"""Issue 28: every data file kvet ships is checked by models built on one strict base (the sizes
of the core's modules and functions: tests/test_sizes.py)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import kvet
from kvet.content.schemabase import Strict

ROOT = Path(kvet.__file__).resolve().parent
CORE = ("content", "rating", "treatment", "text", "system", "start")
DATA_FILE_MODULES = (
    "kvet.content.checklistschema",
    "kvet.content.glossaryschema",
    "kvet.content.crisis",
    "kvet.content.guide",
    "kvet.treatment.phq9",
)


def test_every_data_file_model_is_built_on_the_one_strict_base() -> None:
    """One base, not a copy in each file: the rules for reading data files are the same for all."""
    for name in DATA_FILE_MODULES:
        module = importlib.import_module(name)
        models = [
            value
            for value in vars(module).values()
            if inspect.isclass(value) and issubclass(value, BaseModel) and value.__module__ == name
        ]
        assert models, name
        for model in models:
            assert issubclass(model, Strict), f"{name}.{model.__name__}"
        assert "model_config" not in inspect.getsource(module), name
    for info in pkgutil.iter_modules([str(ROOT / "content")]):
        if info.name != "schemabase":
            source = (ROOT / "content" / f"{info.name}.py").read_text(encoding="utf-8")
            assert "ConfigDict(" not in source, info.name


def test_a_misspelt_key_in_a_data_file_is_refused_and_stray_spaces_are_trimmed() -> None:
    class Entry(Strict):
        title: str

    assert Entry.model_validate({"title": "  Ask about monitoring \n"}).title == (
        "Ask about monitoring"
    )
    with pytest.raises(ValidationError):
        Entry.model_validate({"title": "Ask", "titel": "Ask"})
    with pytest.raises(ValidationError):
        Entry(title="Ask").title = "Changed"  # type: ignore[misc]
