"""A newcomer reads sharing and the dialogs one file at a time (issue 28).

Each module of these rooms holds one job in under 400 lines, and each function fits on a screen
(60 lines at most): a long dialog is built by small builders, a long command by small steps.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parent.parent / "kvet" / "gui"
ROOMS = ("sharing", "dialogs")
MODULE_LINES = 400
FUNCTION_LINES = 60
MODULES = sorted(path for room in ROOMS for path in (GUI / room).glob("*.py"))


def too_long(source: str) -> list[str]:
    """The functions (methods too) over FUNCTION_LINES lines, with their length."""
    return [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > FUNCTION_LINES
    ]


def test_the_check_finds_a_long_function() -> None:
    body = "\n".join(f"    x = {n}" for n in range(FUNCTION_LINES))
    assert too_long(f"def long():\n{body}\n") == [f"long: {FUNCTION_LINES + 1} lines"]
    assert too_long("class A:\n    def short(self):\n        pass\n") == []


def test_the_check_reads_both_rooms() -> None:
    assert {path.parent.name for path in MODULES} == set(ROOMS)
    assert len(MODULES) > 10


@pytest.mark.parametrize("module", MODULES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_module_is_short_and_so_is_each_of_its_functions(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MODULE_LINES
    assert too_long(source) == []
