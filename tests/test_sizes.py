"""A newcomer reads kvet one job at a time (issue 28): every module says why it exists, none is
over 400 lines, and no function is over 60. Generated code (the compiled Designer forms) is left
out, and so are the database migrations: a released migration is history, never edited again
(a database made by it must be upgraded by the same steps)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULE_LINES = 400
FUNCTION_LINES = 60
LEFT_OUT = ("kvet/gui/forms/", "kvet/store/migrations/versions/")


def hand_written() -> list[Path]:
    return [
        path
        for path in sorted((ROOT / "kvet").rglob("*.py"))
        if not path.relative_to(ROOT).as_posix().startswith(LEFT_OUT)
    ]


def long_functions(source: str) -> list[tuple[str, int]]:
    """Each function (methods too) longer than the limit, with its length in lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > FUNCTION_LINES:
                found.append((node.name, length))
    return found


def test_no_module_is_over_four_hundred_lines() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in hand_written()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert long == {}


def test_no_function_is_over_sixty_lines() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): found
        for path in hand_written()
        if (found := long_functions(path.read_text(encoding="utf-8")))
    }
    assert long == {}


def test_every_module_says_why_it_exists() -> None:
    silent = [
        path.relative_to(ROOT).as_posix()
        for path in hand_written()
        if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert silent == []


@pytest.mark.parametrize(("lines", "caught"), [(60, False), (61, True)])
def test_a_planted_long_function_is_caught(lines: int, caught: bool) -> None:
    body = "".join(f"    x{n} = {n}\n" for n in range(lines - 1))
    assert bool(long_functions(f"def planted():\n{body}")) is caught


def test_only_the_forms_and_the_migrations_are_left_out() -> None:
    files = {path.relative_to(ROOT).as_posix() for path in hand_written()}
    every = {path.relative_to(ROOT).as_posix() for path in (ROOT / "kvet").rglob("*.py")}
    assert {"kvet/rating/scoring.py", "kvet/store/migrate.py", "kvet/__main__.py"} <= files
    assert all(name.startswith(LEFT_OUT) for name in every - files)
