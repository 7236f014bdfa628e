"""No import circles in kvet: each module can be read (and changed) knowing only what it imports.

The graph is built from the source with ``ast``, so it counts every import: at the top of a
module, inside a function, and under ``if TYPE_CHECKING:``. A circle hidden in a function still
ties two modules together; it only fails later, at run time, in a harder way.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import kvet

PACKAGE = Path(kvet.__file__).resolve().parent


@dataclass(frozen=True)
class Edge:
    target: str
    line: int


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package under ``root`` by dotted name (``kvet.store.api``)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(tree: ast.AST, name: str, is_package: bool) -> Iterator[tuple[str, list[str], int]]:
    """(module, names imported from it, line) for every import statement anywhere in a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..store import y
                package = name if is_package else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            yield base, [alias.name for alias in node.names], node.lineno


def import_graph(root: Path) -> dict[str, list[Edge]]:
    """Each module's imports of other modules of the same package."""
    modules = module_names(root)
    graph: dict[str, list[Edge]] = {name: [] for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for base, names, line in _imports(tree, name, path.name == "__init__.py"):
            # "from kvet.store import backups" imports the module kvet.store.backups
            targets = [f"{base}.{n}" for n in names if f"{base}.{n}" in modules]
            if len(targets) < len(names) or not names:
                targets.append(base)
            graph[name].extend(Edge(t, line) for t in targets if t in modules and t != name)
    return graph


def strongly_connected(graph: dict[str, list[Edge]]) -> list[list[str]]:
    """Tarjan's algorithm: groups of modules that each reach all the others."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for edge in graph[node]:
            if edge.target not in index:
                visit(edge.target)
                low[node] = min(low[node], low[edge.target])
            elif edge.target in on_stack:
                low[node] = min(low[node], index[edge.target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _path(graph: dict[str, list[Edge]], start: str, group: set[str]) -> list[tuple[str, int]]:
    """One shortest way round from ``start`` back to it, inside its group: (module, line)."""
    came: dict[str, tuple[str, int]] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for edge in graph[node]:
            if edge.target not in group or edge.target in came:
                continue
            came[edge.target] = (node, edge.line)
            if edge.target == start:
                steps = []
                at = start
                while True:
                    before, line = came[at]
                    steps.append((before, line))
                    at = before
                    if at == start:
                        return steps[::-1]
            queue.append(edge.target)
    return []  # pragma: no cover - every member of a group is on a way round


def circles(root: Path) -> list[str]:
    """Every import circle in the package at ``root``, each as one readable line."""
    graph = import_graph(root)
    found = []
    for group in strongly_connected(graph):
        if len(group) < 2:
            continue
        steps = _path(graph, group[0], set(group))
        way = " -> ".join(f"{module} (line {line})" for module, line in steps)
        found.append(f"{', '.join(group)}: {way} -> {group[0]}")
    return found


def test_the_graph_sees_every_kind_of_import() -> None:
    """The test would pass by mistake if it missed imports; these are known to exist."""
    edges = {(name, e.target) for name, es in import_graph(PACKAGE).items() for e in es}
    assert ("kvet.store.connection", "kvet.store.backups") in edges  # from kvet.store import x
    assert ("kvet.store.api", "kvet.store.courses") in edges  # inside a function
    assert ("kvet.gui.main.app", "kvet.store.api") in edges  # under TYPE_CHECKING
    assert ("kvet.cli.running", "kvet.exchange.errors") in edges  # at the top


def test_a_circle_is_found_and_named(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.sub import b\n")
    (package / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .. import c\n"
    )
    (package / "c.py").write_text("def f():\n    import pkg.a\n")
    (package / "d.py").write_text("import pkg.a\n")  # reaches the circle, is not in it
    assert circles(package) == [
        "pkg.a, pkg.c, pkg.sub.b: pkg.a (line 1) -> pkg.sub.b (line 3) -> pkg.c (line 2) -> pkg.a"
    ]


def test_kvet_has_no_import_circles() -> None:
    found = circles(PACKAGE)
    assert not found, "Import circles in kvet:\n" + "\n".join(found)
