"""The lines between kvet's parts, checked on every import in the source (function-level ones too).

- Only ``kvet.store`` touches SQLAlchemy and the ORM rows (``kvet.store.models``): everything else
  gets plain records from the store, with its validation, undo and change notices.
- The core (everything but ``kvet.gui`` and ``kvet.render``) never imports Qt, so every feature
  works without a screen.
- ``kvet.render`` draws documents with QtGui only: no widgets, so the command line can use it.
- The command line and the core never import ``kvet.gui``. ``kvet.__main__`` is the one
  exception: it is the launcher that opens the window when no command is given.

Each rule is shown to catch a planted violation, so a rule that matches nothing cannot pass.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

import kvet

KVET = Path(kvet.__file__).parent
LAUNCHER = "kvet.__main__"


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def is_core(module: str) -> bool:
    return not (_within(module, "kvet.gui") or _within(module, "kvet.render"))


@dataclass(frozen=True)
class Rule:
    says: str
    applies: Callable[[str], bool]  # to the importing module
    forbids: Callable[[str], bool]  # the imported module


RULES = (
    Rule(
        "only kvet.store may use SQLAlchemy or the ORM rows",
        lambda m: not _within(m, "kvet.store"),
        lambda i: _within(i, "sqlalchemy") or _within(i, "kvet.store.models"),
    ),
    Rule(
        "the core never imports Qt",
        is_core,
        lambda i: _within(i, "PySide6") or _within(i, "shiboken6"),
    ),
    Rule(
        "kvet.render uses QtGui only, never widgets",
        lambda m: _within(m, "kvet.render"),
        lambda i: _within(i, "PySide6.QtWidgets"),
    ),
    Rule(
        "the command line, the core and kvet.render never import kvet.gui",
        lambda m: m != LAUNCHER and not _within(m, "kvet.gui"),
        lambda i: _within(i, "kvet.gui"),
    ),
)


def imported(module: str, source: str, is_package: bool = False) -> Iterator[str]:
    """Every module a source file imports, anywhere in it; ``from a import b`` yields a and a.b
    (b may be a module). Relative imports are resolved against ``module``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")
                anchor = parts if is_package else parts[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def violations(sources: Mapping[str, str], packages: frozenset[str] = frozenset()) -> list[str]:
    found = []
    for module, source in sorted(sources.items()):
        names = set(imported(module, source, module in packages))
        for rule in RULES:
            if not rule.applies(module):
                continue
            bad = {n for n in names if rule.forbids(n)}
            # ``from kvet.store.models import Clinic`` is one crossing, not two
            bad = {n for n in bad if not any(n.startswith(b + ".") for b in bad)}
            found += [f"{module} imports {n}: {rule.says}" for n in sorted(bad)]
    return found


def source_tree(root: Path) -> tuple[dict[str, str], frozenset[str]]:
    """The package's modules by name, read from ``root`` (the ``kvet`` folder), and which are
    packages (``__init__``), for resolving relative imports."""
    sources, packages = {}, set()
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
            packages.add(".".join(parts))
        sources[".".join(parts)] = path.read_text(encoding="utf-8")
    return sources, frozenset(packages)


def test_no_module_crosses_a_line() -> None:
    sources, packages = source_tree(KVET)
    # the scan sees the parts it guards, or it would pass by seeing nothing
    assert {"kvet.store.api", "kvet.exchange.importer", "kvet.cli", "kvet.render.pdf"} <= set(
        sources
    )
    assert "sqlalchemy" in set(imported("kvet.store.api", sources["kvet.store.api"]))
    assert violations(sources, packages) == []


PLANTED = [
    ("kvet.exchange.files", "from sqlalchemy import select", "SQLAlchemy"),
    ("kvet.exchange.importer", "import sqlalchemy.orm", "SQLAlchemy"),
    ("kvet.exchange.files", "def f():\n    from kvet.store.models import Clinic\n", "ORM rows"),
    ("kvet.exchange.files", "from kvet.store import models", "ORM rows"),
    ("kvet.exchange.files", "from ..store.models import Clinic", "ORM rows"),
    ("kvet.gui.common.state", "from sqlalchemy.orm import Session", "SQLAlchemy"),
    ("kvet.scoring", "from PySide6.QtCore import Qt", "never imports Qt"),
    ("kvet.cli", "def pdf():\n    import PySide6.QtGui\n", "never imports Qt"),
    ("kvet.store.api", "import shiboken6", "never imports Qt"),
    ("kvet.render.pdf", "from PySide6.QtWidgets import QApplication", "never widgets"),
    ("kvet.render.pdf", "from PySide6 import QtWidgets", "never widgets"),
    ("kvet.cli", "def export():\n    from kvet.gui.sharing.sharing import Sharing\n", "kvet.gui"),
    ("kvet.exchange.report", "import kvet.gui.main.app", "kvet.gui"),
    ("kvet.render.pdf", "from kvet.gui import text", "kvet.gui"),
    ("kvet.exchange.report", "from .. import gui", "kvet.gui"),
]


@pytest.mark.parametrize(("module", "source", "rule"), PLANTED)
def test_a_planted_violation_is_caught(module: str, source: str, rule: str) -> None:
    found = violations({module: source})
    assert len(found) == 1, found
    assert rule in found[0]


ALLOWED = [
    ("kvet.store.api", "from sqlalchemy import select\nfrom kvet.store.models import Clinic"),
    ("kvet.store.transfer", "def f():\n    from sqlalchemy.orm import Session\n"),
    (
        "kvet.gui.main.app",
        "from PySide6.QtWidgets import QApplication\nimport kvet.gui.common.state",
    ),
    (
        "kvet.render.pdf",
        "from PySide6.QtGui import QTextDocument\nfrom PySide6.QtCore import QSizeF",
    ),
    ("kvet.gui.sharing.sharing", "from kvet.render.pdf import write_pdf"),
    ("kvet.cli", "from kvet.render.pdf import write_pdf\nfrom kvet.store.api import Store"),
    ("kvet.__main__", "def main():\n    from kvet.gui.main.app import run\n"),
    ("kvet.exchange.files", "from kvet.store.transfer import ComparisonDump"),
]


@pytest.mark.parametrize(("module", "source"), ALLOWED)
def test_what_each_part_may_use_is_not_flagged(module: str, source: str) -> None:
    assert violations({module: source}) == []


def test_a_violation_in_a_source_tree_is_found_by_its_file(tmp_path: Path) -> None:
    root = tmp_path / "kvet"
    (root / "exchange").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "exchange" / "__init__.py").write_text("from . import files\n")
    (root / "exchange" / "files.py").write_text(
        "def export():\n    from ..store.models import Clinic\n    return Clinic\n"
    )
    sources, packages = source_tree(root)
    assert packages == {"kvet", "kvet.exchange"}
    assert violations(sources, packages) == [
        "kvet.exchange.files imports kvet.store.models: "
        "only kvet.store may use SQLAlchemy or the ORM rows"
    ]


# --- the same promise at run time: importing the core loads no Qt at all -------------------------


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(kvet.__path__, "kvet.") if is_core(m.name)]


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = core_modules()
    assert "kvet.scoring" in modules
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
