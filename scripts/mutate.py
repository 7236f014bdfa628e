"""kvet's own mutation test (scripts/mutate.py, kvet-mutate 1.0): do the tests catch a wrong rule?

Each mutant changes one thing in a module, everywhere in it, module-level constants included:
a comparison flipped (``<`` and ``<=``, ``>`` and ``>=``, ``==`` and ``!=``, ``in`` and
``not in``, ``is`` and ``is not``), or a number moved by one unit (a whole number by 1, a
fractional number by 0.01, one percentage point). The module's tests then run against the
mutant; a mutant is killed when a test fails (or runs over its time), and survives when every
test passes. mutmut 3 leaves module-level constants alone, and those are where the clinical
thresholds live, hence this script.

How: the module is imported once, the tests' libraries too; each mutant runs in a forked child
that executes the mutated source in the module's own namespace (so every caller sees it) and
then runs pytest on the module's tests, stopping at the first failure. Hypothesis runs
derandomized (the suite's "ci" profile), so a run gives the same score each time.

    python scripts/mutate.py                     # every target, the score of each
    python scripts/mutate.py --min-score 90      # exit 1 when a target scores below 90%
    python scripts/mutate.py --list-survivors    # show what survived, to explain or to test

Survivors that no test can catch (equivalent mutants) are listed, with why, in docs/signals.md.
"""

from __future__ import annotations

import argparse
import ast
import copy
import importlib
import os
import signal
import sys
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "kvet-mutate"
VERSION = "1.0"
# The module, and the tests that speak for it (the quickest first: the run stops at a failure).
TARGETS = {
    "kvet.reconsider": (
        "tests/test_reconsider_boundaries.py",
        "tests/test_reconsider.py",
        "tests/test_reconsider_shapes.py",
    ),
    "kvet.phq9": (
        "tests/test_reconsider_phq9.py",
        "tests/test_phq9.py",
        "tests/test_phq9_spanish.py",
        "tests/test_reconsider_boundaries.py",
    ),
}
FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
PER_MUTANT_SECONDS = 60


@dataclass(frozen=True)
class Mutant:
    index: int  # the site's place in the walk of the tree
    change: str  # what was changed, for people
    line: int
    flip: tuple[int, type[ast.cmpop]] | None = None  # (which comparison, its new operator)
    add: float = 0  # or the number to add to a constant


def _is_number(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    )


def _number(node: ast.AST) -> int | float:
    assert isinstance(node, ast.Constant)
    assert isinstance(node.value, int | float)
    return node.value


def _sites(tree: ast.AST) -> Iterator[ast.AST]:
    """Comparisons and numbers, in a fixed order, leaving out docstrings and type hints."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) or _is_number(node):
            yield node


def mutants(tree: ast.Module) -> list[Mutant]:
    found = []
    for index, node in enumerate(_sites(tree)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            for place, op in enumerate(node.ops):
                flipped = FLIPS.get(type(op))
                if flipped is not None:
                    change = f"{type(op).__name__} -> {flipped.__name__} (comparison {place + 1})"
                    found.append(Mutant(index, change, line, flip=(place, flipped)))
        else:
            value = _number(node)
            unit: float = 1 if isinstance(value, int) else 0.01
            for step in (unit, -unit):
                new = round(value + step, 6)
                found.append(Mutant(index, f"{value!r} -> {new!r}", line, add=step))
    return found


def mutated(tree: ast.Module, mutant: Mutant) -> ast.Module:
    copied = copy.deepcopy(tree)
    for index, node in enumerate(_sites(copied)):
        if index != mutant.index:
            continue
        if isinstance(node, ast.Compare) and mutant.flip is not None:
            place, flipped = mutant.flip
            node.ops[place] = flipped()
        elif isinstance(node, ast.Constant):
            node.value = round(_number(node) + mutant.add, 6)
        break
    return ast.fix_missing_locations(copied)


def _child(module_name: str, code: types.CodeType, tests: tuple[str, ...]) -> None:
    """In the forked child: the mutant in place of the module, then the tests."""
    import pytest

    os.environ["KVET_HYPOTHESIS"] = "ci"  # tests/conftest.py's derandomized profile
    module = sys.modules[module_name]
    exec(code, module.__dict__)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    signal.alarm(PER_MUTANT_SECONDS)
    quiet = ["-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "--no-header"]
    # Libraries imported before the fork cannot be rewritten for pytest; that is expected here.
    warnings = ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    result = pytest.main([*quiet, *warnings, *tests])
    os._exit(0 if result == 0 else 1)


def run(module_name: str, tests: tuple[str, ...], jobs: int) -> tuple[int, list[Mutant]]:
    module = importlib.import_module(module_name)
    path = Path(module.__file__ or "")
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    todo = mutants(tree)
    # The tests must pass on the module as it is, or every mutant would look killed.
    pid = os.fork()
    if pid == 0:
        try:
            _child(module_name, compile(tree, str(path), "exec"), tests)
        finally:
            os._exit(2)
    if os.waitpid(pid, 0)[1] != 0:
        raise SystemExit(f"{NAME}: the tests of {module_name} fail without any mutant; fix them")
    running: dict[int, Mutant] = {}
    survivors: list[Mutant] = []
    queue = list(todo)
    while queue or running:
        while queue and len(running) < jobs:
            mutant = queue.pop(0)
            code = compile(mutated(tree, mutant), str(path), "exec")
            pid = os.fork()
            if pid == 0:
                try:
                    _child(module_name, code, tests)
                finally:
                    os._exit(2)
            running[pid] = mutant
        pid, status = os.wait()
        mutant = running.pop(pid)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            survivors.append(mutant)
    return len(todo), sorted(survivors, key=lambda m: m.line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=float, default=0.0, help="percent killed, at least")
    parser.add_argument("--jobs", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    parser.add_argument("--list-survivors", action="store_true")
    parser.add_argument("targets", nargs="*", default=list(TARGETS))
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The tests' heavy imports, once, before the children are forked.
    import hypothesis  # noqa: F401
    import pytest  # noqa: F401

    import kvet.checklist  # noqa: F401  (tests/conftest.py)
    import tests.reconsider_courses  # noqa: F401  (plain values: holds no function of a target)

    print(f"{NAME} {VERSION}")
    failed = False
    for name in args.targets:
        began = time.monotonic()
        total, survivors = run(name, TARGETS[name], args.jobs)
        score = 100.0 * (total - len(survivors)) / total if total else 100.0
        seconds = time.monotonic() - began
        print(
            f"{name}: {total - len(survivors)} of {total} mutants killed ({score:.1f}%), "
            f"{seconds:.0f} s"
        )
        if args.list_survivors or score < args.min_score:
            for mutant in survivors:
                print(f"  survived: line {mutant.line}: {mutant.change}")
        failed |= score < args.min_score
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
