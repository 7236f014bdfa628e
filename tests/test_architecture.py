"""The lines between kvet's parts, as import-linter contracts (pyproject.toml, [tool.importlinter]),
checked on every import in the source, function-level and TYPE_CHECKING ones too, by
``lint-imports`` in scripts/test.sh. docs/architecture.md draws them.

- The floors: the launcher, then the window and the command line (never each other), kvet.render,
  kvet.exchange with the repair and the sample, kvet.store, and the core at the bottom. A part
  imports only the floors below it. Every module of kvet is on a floor.
- The rooms of the window: main opens them all; pages, My treatment, sharing and dialogs never
  import each other; all build on common, which builds on words. Every module is in a room.
- Only ``kvet.store`` touches SQLAlchemy, Alembic and the ORM rows (``kvet.store.models``).
- Only ``kvet.gui`` and ``kvet.render`` use Qt, so every feature works without a screen; and
  ``kvet.render`` draws with QtGui only, no widgets, so the command line can use it.

Each contract is shown here to catch a planted crossing, so a contract that matches nothing
cannot pass; and the promise that no graph can show, that importing the core loads no Qt at run
time, is checked by importing it.
"""

from __future__ import annotations

import copy
import importlib
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter import Contract
from importlinter.api import read_configuration
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.independence import IndependenceContract
from importlinter.contracts.layers import LayersContract
from importlinter.contracts.protected import ProtectedContract

import kvet
from tests.importcontracts import ForbiddenSubmodules, imported_names

ROOT = Path(__file__).resolve().parent.parent
CONFIG = read_configuration(str(ROOT / "pyproject.toml"))
KINDS: dict[str, type[Contract]] = {
    kind.type_name: kind
    for kind in (
        LayersContract,
        ProtectedContract,
        ForbiddenContract,
        IndependenceContract,
        ForbiddenSubmodules,
    )
}


def contracts() -> list[Contract]:
    return [
        KINDS[options["type"]](
            name=options["id"], session_options=CONFIG["session_options"], contract_options=options
        )
        for options in CONFIG["contracts_options"]
    ]


def broken(graph: grimp.ImportGraph) -> set[str]:
    """The ids of the contracts ``graph`` breaks."""
    return {c.name for c in contracts() if not c.check(copy.deepcopy(graph), verbose=False).kept}


@pytest.fixture(scope="module")
def code() -> grimp.ImportGraph:
    """kvet's imports as lint-imports reads them (outside packages as one module each)."""
    return grimp.build_graph("kvet", include_external_packages=True, cache_dir=None)


def test_kvet_keeps_every_contract(code: grimp.ImportGraph) -> None:
    # the graph holds the crossings the contracts allow, or they would pass by seeing nothing
    for importer, imported in [
        ("kvet.store.api", "sqlalchemy"),
        ("kvet.render.pdf", "PySide6"),
        ("kvet.__main__", "kvet.gui.main.app"),
        ("kvet.cli.export", "kvet.render.pdf"),
        ("kvet.gui.main.latepages", "kvet.gui.pages.compare"),
        ("kvet.gui.treatment.plantab", "kvet.gui.common.itemform"),
    ]:
        assert code.direct_import_exists(importer=importer, imported=imported)
    assert broken(code) == set()


PLANTED = [
    # (importer, imported, the line, the contract it breaks)
    ("kvet.exchange.files", "sqlalchemy", "from sqlalchemy import select", "store-only-sqlalchemy"),
    ("kvet.gui.common.state", "sqlalchemy", "import sqlalchemy.orm", "store-only-sqlalchemy"),
    ("kvet.cli", "alembic", "from alembic import command", "store-only-sqlalchemy"),
    (
        "kvet.exchange.files",
        "kvet.store.models",
        "from kvet.store.models import Clinic",
        "store-only-sqlalchemy",
    ),
    (
        "kvet.exchange.files",
        "kvet.store.tables",
        "from kvet.store.tables import clinic_table",
        "store-only-sqlalchemy",
    ),
    (
        "kvet.rating.scoring",
        "PySide6",
        "from PySide6.QtCore import Qt",
        "qt-only-window-and-render",
    ),
    ("kvet.cli", "PySide6", "import PySide6.QtGui", "qt-only-window-and-render"),
    ("kvet.store.api", "shiboken6", "import shiboken6", "qt-only-window-and-render"),
    (
        "kvet.render.pdf",
        "PySide6",
        "from PySide6.QtWidgets import QApplication",
        "render-no-widgets",
    ),
    ("kvet.render.pdf", "PySide6", "from PySide6 import QtGui, QtWidgets", "render-no-widgets"),
    ("kvet.gui.words.tr", "PySide6", "from PySide6.QtWidgets import QLabel", "words-no-widgets"),
    ("kvet.gui.words.verdictwords", "PySide6", "import PySide6.QtGui", "words-no-widgets"),
    # the floors: nothing imports the window but the launcher, and nothing imports upwards
    # (a module of the command line's package counts as the command line)
    (
        "kvet.cli.importfile",
        "kvet.gui.sharing.sharing",
        "from kvet.gui.sharing.sharing import X",
        "floors",
    ),
    ("kvet.exchange", "kvet.gui.main.app", "import kvet.gui.main.app", "floors"),
    ("kvet.render.pdf", "kvet.gui.common.text", "from kvet.gui.common import text", "floors"),
    ("kvet.gui.main.app", "kvet.cli", "from kvet.cli import main", "floors"),
    ("kvet.exchange.files", "kvet.render.pdf", "from kvet.render import pdf", "floors"),
    ("kvet.store.api", "kvet.exchange.files", "from kvet.exchange import files", "floors"),
    ("kvet.store.api", "kvet.start.recovery", "from kvet.start import recovery", "floors"),
    # the core's packages: none imports one beside it, or one above it
    ("kvet.rating.scoring", "kvet.treatment.phq9", "from kvet.treatment import phq9", "floors"),
    ("kvet.content.checklist", "kvet.rating.answers", "from kvet.rating import answers", "floors"),
    ("kvet.text.language", "kvet.content.datafiles", "import kvet.content.datafiles", "floors"),
    ("kvet.rating.scoring", "kvet.store.api", "from kvet.store.api import Store", "floors"),
    (
        "kvet.content.checklist",
        "kvet.start.sample",
        "from kvet.start.sample import create_sample",
        "floors",
    ),
    # the rooms: each room keeps to itself, and common and words know no room
    ("kvet.gui.treatment.treatment", "kvet.gui.sharing.sharing", "import x", "rooms"),
    ("kvet.gui.sharing.sharing", "kvet.gui.treatment.checkin", "import x", "rooms"),
    ("kvet.gui.pages.compare", "kvet.gui.dialogs.clinicdialog", "import x", "rooms"),
    ("kvet.gui.dialogs.prescreen", "kvet.gui.pages.walkthrough", "import x", "rooms"),
    ("kvet.gui.pages.overview", "kvet.gui.main.controller", "import x", "rooms"),
    ("kvet.gui.common.state", "kvet.gui.main.mainwindow", "import x", "rooms"),
    ("kvet.gui.common.itemform", "kvet.gui.pages.walkthrough", "import x", "rooms"),
    ("kvet.gui.words.verdictwords", "kvet.gui.common.text", "import x", "rooms"),
    ("kvet.gui.forms.ui_weights", "kvet.gui.words.tr", "import x", "rooms"),
]


@pytest.mark.parametrize(("importer", "imported", "line", "contract"), PLANTED)
def test_a_planted_crossing_breaks_its_contract_and_only_it(
    code: grimp.ImportGraph, importer: str, imported: str, line: str, contract: str
) -> None:
    graph = copy.deepcopy(code)
    assert importer in graph.modules
    graph.add_import(importer=importer, imported=imported, line_number=1, line_contents=line)
    assert broken(graph) == {contract}


@pytest.mark.parametrize(("stray", "contract"), [("kvet.gui.stray", "rooms"), ("kvet.x", "floors")])
def test_a_module_on_no_floor_or_in_no_room_breaks_the_contract(
    code: grimp.ImportGraph, stray: str, contract: str
) -> None:
    graph = copy.deepcopy(code)
    graph.add_module(stray)
    assert broken(graph) == {contract}


def test_every_contract_is_shown_to_catch_a_crossing() -> None:
    ids = {options["id"] for options in CONFIG["contracts_options"]}
    assert ids == {contract for *_, contract in PLANTED}


def test_a_broken_contract_says_where(code: grimp.ImportGraph, capsys: Any) -> None:
    graph = copy.deepcopy(code)
    line = "from PySide6.QtWidgets import QWidget"
    graph.add_import(
        importer="kvet.render.pdf", imported="PySide6", line_number=7, line_contents=line
    )
    [widgets] = [c for c in contracts() if c.name == "render-no-widgets"]
    check = widgets.check(graph, verbose=False)
    widgets.render_broken_contract(check)
    assert "kvet.render.pdf:7 imports PySide6.QtWidgets" in capsys.readouterr().out


def test_an_import_over_several_lines_is_read_whole(code: grimp.ImportGraph) -> None:
    [opened] = [
        d
        for d in code.get_import_details(importer="kvet.render.pdf", imported="PySide6")
        if d["line_contents"].endswith("(")
    ]
    names = imported_names("kvet.render.pdf", opened["line_number"], opened["line_contents"])
    assert "PySide6.QtGui.QTextDocument" in names


def test_lint_imports_fails_on_a_crossing_written_in_a_file(tmp_path: Path) -> None:
    """The command CI runs, on a copy of kvet with a widget imported in kvet.render."""
    shutil.copytree(ROOT / "kvet", tmp_path / "kvet", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "tests").mkdir()
    for name in ("__init__.py", "importcontracts.py"):
        shutil.copy(ROOT / "tests" / name, tmp_path / "tests" / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    pdf = tmp_path / "kvet" / "render" / "pdf.py"
    pdf.write_text(
        pdf.read_text(encoding="utf-8") + "\n\ndef f():\n    from PySide6 import (\n"
        "        QtWidgets,\n    )\n",
        encoding="utf-8",
    )
    lint = Path(sys.executable).parent / "lint-imports"
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [str(lint), "--no-cache"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "kvet.render.pdf" in done.stdout
    assert "imports PySide6.QtWidgets" in done.stdout
    assert "5 kept, 1 broken" in done.stdout


# --- the same promise at run time: importing the core loads no Qt at all -------------------------


def is_core(module: str) -> bool:
    return not any(
        module == part or module.startswith(part + ".") for part in ("kvet.gui", "kvet.render")
    )


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(kvet.__path__, "kvet.") if is_core(m.name)]


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = core_modules()
    assert "kvet.rating.scoring" in modules
    assert "kvet.render.pdf" not in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_core_module_imports() -> None:
    for name in core_modules():
        importlib.import_module(name)
