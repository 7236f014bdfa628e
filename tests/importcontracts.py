"""An import-linter contract kvet needs and import-linter lacks: a part of an outside package
that a part of kvet must not import ("kvet.render never imports PySide6.QtWidgets").

import-linter sees an outside package only as a whole (PySide6), so its own ``forbidden`` contract
cannot tell QtGui from QtWidgets. This one reads the import lines it reports instead. It is named
in pyproject.toml's ``contract_types`` and run by ``lint-imports`` like the built-in ones.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from typing import Any

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.domain.helpers import module_expressions_to_modules


class ForbiddenSubmodules(Contract):
    """Options: ``source_modules`` (kvet's, as packages) must not import ``forbidden_modules``
    (dotted parts of outside packages, e.g. ``PySide6.QtWidgets``) or anything under them."""

    type_name = "forbidden_submodules"

    source_modules = fields.ListField(subfield=fields.ModuleExpressionField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        forbidden: list[str] = list(self.forbidden_modules)  # type: ignore[call-overload]
        tops = {name.split(".")[0] for name in forbidden}
        sources = module_expressions_to_modules(graph, self.source_modules)  # type: ignore[arg-type]
        found: list[dict[str, Any]] = []
        for source in sorted(sources, key=lambda module: module.name):
            modules = {source.name} | graph.find_descendants(source.name)
            for module in sorted(modules):
                for top in sorted(tops & graph.find_modules_directly_imported_by(module)):
                    for detail in graph.get_import_details(importer=module, imported=top):
                        names = imported_names(
                            module, detail["line_number"], detail["line_contents"]
                        )
                        bad = sorted(n for n in names if any(_within(n, f) for f in forbidden))
                        found += [
                            {"importer": module, "line": detail["line_number"], "imported": name}
                            for name in bad
                        ]
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for item in check.metadata["found"]:
            output.print_error(f"{item['importer']}:{item['line']} imports {item['imported']}")
            output.new_line()


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def imported_names(module: str, line_number: int, line: str) -> set[str]:
    """The modules one import statement names: ``from a import b`` gives a and a.b (b may be a
    module). A statement that goes on over more lines is read whole from the module's file."""
    try:
        tree = ast.parse(line.strip())
    except SyntaxError:
        tree = _statement_at(module, line_number)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return names


def _statement_at(module: str, line_number: int) -> ast.Module:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ValueError(f"{module}: cannot read line {line_number}")
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno == line_number
    ]
    return ast.Module(body=list(found), type_ignores=[])
