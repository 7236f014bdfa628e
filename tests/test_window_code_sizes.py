"""A newcomer can read the item form, the Compare and Together pages and My treatment: each module
holds one job in at most 400 lines, and each function fits on a screen (at most 60 lines).

Issue 28. The files of the other rooms join the list as they are split.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[1] / "kvet" / "gui"
KEPT_SHORT = sorted(
    {
        *GUI.glob("common/item*.py"),
        GUI / "common" / "answergrid.py",
        GUI / "common" / "typednumbers.py",
        GUI / "pages" / "compare.py",
        GUI / "pages" / "answermatrix.py",
        GUI / "pages" / "together.py",
        *GUI.glob("treatment/*.py"),
    }
)
MOST_LINES = 400
MOST_FUNCTION_LINES = 60


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MOST_FUNCTION_LINES
    ]


def test_the_list_names_the_item_form_compare_together_and_my_treatment() -> None:
    names = {path.relative_to(GUI).as_posix() for path in KEPT_SHORT}
    assert {"common/itemform.py", "pages/compare.py", "treatment/treatment.py"} <= names
    assert all(path.is_file() for path in KEPT_SHORT)


@pytest.mark.parametrize("path", KEPT_SHORT, ids=lambda p: p.relative_to(GUI).as_posix())
def test_a_module_is_short_enough_to_read_whole(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, f"{path.name}: {lines} lines"


@pytest.mark.parametrize("path", KEPT_SHORT, ids=lambda p: p.relative_to(GUI).as_posix())
def test_every_function_fits_on_a_screen(path: Path) -> None:
    assert long_functions(path) == []
