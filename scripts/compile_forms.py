"""Compile the Qt Designer forms in ui/ into kvet/gui/forms/ui_*.py.

Compiled forms are committed (as Picard does) so that the app starts without a .ui parser and mypy
sees real classes; tests/test_forms.py fails when a committed file is older than its form.
uic names every usual Qt class at the top of each form, used or not; PySide6 makes a class (and
its enums) the first time it is named, so the names a form does not use are left out: the main
window's form alone named some 30 classes it never uses, milliseconds before its first paint.
Run: .venv/bin/python scripts/compile_forms.py
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "kvet" / "gui" / "forms"
HEADER_MARK = "## Created by: Qt User Interface Compiler"


def uic_binary() -> Path:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / "Qt" / "libexec" / "uic", base / "uic", base / "uic.exe"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError("Qt's uic was not found inside the PySide6 package")


def compile_form(ui_file: Path) -> str:
    result = subprocess.run(
        [str(uic_binary()), "-g", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    return only_used_imports(result.stdout)


def only_used_imports(source: str) -> str:
    """The form with each ``from PySide6.X import (...)`` naming only what the form uses."""
    tree = ast.parse(source)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    # from the last import up, so the line numbers of the ones above stay true
    for node in reversed(tree.body):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")):
            continue
        names = [alias.name for alias in node.names if alias.name in used]
        start, end = node.lineno - 1, node.end_lineno or node.lineno
        kept = textwrap.fill(
            ", ".join(names),
            width=80,
            initial_indent=f"from {node.module} import (",
            subsequent_indent="    ",
        )
        lines[start:end] = [f"{kept})\n"] if names else []
    return "".join(lines)


def output_path(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def comparable(source: str) -> str:
    """Drop the line naming the uic version, so a newer PySide6 alone does not count as a change."""
    return "\n".join(line for line in source.splitlines() if HEADER_MARK not in line)


def main() -> int:
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        output_path(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"compiled {ui_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
