"""No dead code: every function kvet defines is called somewhere, so a reader never studies code
that nothing runs. vulture finds definitions no code names; the names below are called by
something other than kvet's code, each for the reason given.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CALLED_FROM_OUTSIDE = {
    # Qt calls these on the models and widgets it shows (overrides of Qt's own methods).
    "*Event": "Qt's event handlers (paintEvent, resizeEvent, ...)",
    "columnCount": "QAbstractItemModel: the view asks the model",
    "rowCount": "QAbstractItemModel: the view asks the model",
    "headerData": "QAbstractItemModel: the view asks the model",
    "flags": "QAbstractItemModel: the view asks the model",
    "sizeHint": "QWidget: layouts ask",
    "minimumSizeHint": "QWidget: layouts ask",
    "itemAt": "QLayout: Qt walks a layout's items by index",
    "paintSection": "QHeaderView: the header paints each section",
    # Alembic runs a migration's downgrade by name.
    "downgrade": "Alembic migration scripts",
    # SQLAlchemy calls a TypeDecorator's hooks when values go in and out of the database.
    "process_bind_param": "SQLAlchemy TypeDecorator",
    "process_result_value": "SQLAlchemy TypeDecorator",
    # pytest calls its hooks by name from conftest.py.
    "pytest_*": "pytest hooks in conftest.py",
    # html.parser.HTMLParser calls these while it reads (a test's PDF-text reader).
    "handle_*": "HTMLParser callbacks",
}
# Decorated functions are called by the library that the decorator registers them with.
REGISTERED_BY = ["@pytest.fixture", "@model_validator", "@field_validator"]
# Known dead code waiting for its removal; empty now. Add a name only with a note saying why.
KNOWN_DEAD: list[str] = []


@pytest.mark.slow
def test_every_function_kvet_defines_is_called_somewhere() -> None:
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "vulture",
            "kvet",
            "tests",
            "bench",
            "scripts",
            "--exclude",
            "kvet/gui/forms",  # generated from ui/ by scripts/compile_forms.py
            "--min-confidence",
            "60",
            "--ignore-names",
            ",".join([*CALLED_FROM_OUTSIDE, *KNOWN_DEAD]),
            "--ignore-decorators",
            ",".join(REGISTERED_BY),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode in (0, 3), found.stderr  # 3: vulture found something unused
    unused = [
        line
        for line in found.stdout.splitlines()
        if any(f"unused {what} " in line for what in ("function", "method", "class", "property"))
    ]
    assert unused == [], "defined but never called:\n" + "\n".join(unused)
