"""Compile the Qt Designer forms in ui/ into kvet/gui/forms/ui_*.py.

Compiled forms are committed (as Picard does) so that the app starts without a .ui parser and mypy
sees real classes; tests/test_forms.py fails when a committed file is older than its form.
Run: .venv/bin/python scripts/compile_forms.py
"""

from __future__ import annotations

import subprocess
import sys
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
    return result.stdout


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
