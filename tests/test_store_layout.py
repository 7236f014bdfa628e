"""A newcomer can find their way in the store: each module holds one job and is short enough to
read in one sitting, and each function fits on a screen (issue 28).

The migrations are left out: each is written once, for one schema step, and never changed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import kvet.store

STORE = Path(kvet.store.__file__).resolve().parent
MOST_MODULE_LINES = 400
MOST_FUNCTION_LINES = 60


def store_modules() -> list[Path]:
    return [p for p in sorted(STORE.rglob("*.py")) if "migrations" not in p.parts]


def test_no_store_module_is_too_long_to_read_in_one_sitting() -> None:
    too_long = {
        path.name: lines
        for path in store_modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_MODULE_LINES
    }
    assert too_long == {}


def test_every_store_function_fits_on_a_screen() -> None:
    too_long = {}
    for path in store_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MOST_FUNCTION_LINES:
                    too_long[f"{path.name}:{node.name}"] = lines
    assert too_long == {}
