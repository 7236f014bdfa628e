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

What costs: a killed mutant costs its child's start and the tests run before the one that
fails. So the libraries the tests import (pytest's plugins, Qt, SQLAlchemy; found by the first,
unmutated run) are imported once before the forks, while kvet's and the tests' own modules are
still imported by each child after its mutant is in place; and each child runs first the tests
that caught the mutants before it (of the same function most), per second they take. The order
changes only the cost: every test still runs until one fails, so a mutant's fate is the same.

    python scripts/mutate.py                     # every target, the score of each
    python scripts/mutate.py --min-score 90      # exit 1 when a target scores below 90%
    python scripts/mutate.py --list-survivors    # show what survived, to explain or to test
    python scripts/mutate.py --rules-only --allow docs/mutation-allowlist.txt --skip-allowed \
        kvet.rating.ranking kvet.rating.scoring                # CI's gate: no survivor outside the
        list
    python scripts/mutate.py --match "WIDE_RANGE" kvet.rating.scoring   # only the mutants named so

Survivors that no test can catch (equivalent mutants) are listed, with why, in docs/signals.md
(kvet.treatment.reconsider, kvet.treatment.phq9) and docs/scoring.md (kvet.rating.ranking,
kvet.rating.scoring); for the last two,
docs/mutation-allowlist.txt names them by a key that survives lines moving (function, source
line, change), and --allow fails on any survivor it does not name.
"""

from __future__ import annotations

import argparse
import ast
import copy
import gc
import importlib
import os
import re
import resource
import signal
import sys
import sysconfig
import tempfile
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "kvet-mutate"
VERSION = "1.0"
# The module, and the tests that speak for it (the quickest first: the run stops at a failure).
TARGETS = {
    "kvet.treatment.reconsider": (
        "tests/test_reconsider_boundaries.py",
        "tests/test_reconsider.py",
        "tests/test_reconsider_shapes.py",
    ),
    "kvet.treatment.phq9": (
        "tests/test_reconsider_phq9.py",
        "tests/test_phq9.py",
        "tests/test_phq9_spanish.py",
        "tests/test_reconsider_boundaries.py",
    ),
    # the ranking and the scores: fast, Qt-free tests only (the GUI's would add minutes)
    "kvet.rating.ranking": (
        "tests/test_ranking_mutants.py",
        "tests/test_scoring.py",
        "tests/test_not_yet_vetted.py",
        "tests/test_would_not_say.py",
        "tests/test_ranking_properties.py",
    ),
    "kvet.rating.scoring": (
        "tests/test_scoring_mutants.py",
        "tests/test_scoring.py",
        "tests/test_budget.py",
        "tests/test_scoring_doc.py",
        "tests/test_would_not_say.py",
        "tests/test_not_yet_vetted.py",
        "tests/test_ranking_properties.py",
        # last, as the slowest: weights that are not exact sums (the scorer's other path)
        "tests/test_scoring_reuse.py",
    ),
}
# A target whose rules are spread over modules of one job each: every one of them is mutated in
# turn, each against the target's tests (the scores: the weighing, the score's range, the budget,
# and the constants of the result and of the answers as read).
PARTS = {
    "kvet.rating.scoring": (
        "kvet.rating.scoring",
        "kvet.rating.scorebounds",
        "kvet.rating.budget",
        "kvet.rating.scoreresult",
        "kvet.rating.scorebasis",
    ),
}
# The functions that decide what kvet says (with --rules-only, the mutants are made only in these
# and in the module's constants): the score, its range and the budget; vetted, settled, the order.
CONSTANTS_ONLY = "(constants only)"  # a module with no rule of its own: its constants alone
RULES = {
    # the weighing: in full (``_weigh``), straight from the kept sums after a slider move
    # (``_sums``); the sections' sums and the open questions, made when first read
    "kvet.rating.scoring": (
        "score",
        "_weigh",
        "_sums",
        "_sections",
        "_open",
        "_add_budget",
        "item_weight",
    ),
    "kvet.rating.scorebounds": ("score_bounds",),
    "kvet.rating.budget": ("budget_credit", "budget_weight"),
    "kvet.rating.scoreresult": (CONSTANTS_ONLY,),
    "kvet.rating.scorebasis": (CONSTANTS_ONLY,),
    "kvet.rating.ranking": ("is_vetted", "_key", "could_overtake", "_settled", "status_words"),
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
# A mutant that makes the tests loop is killed after this much CPU time (not wall time: on a busy
# machine a survivor's whole test run can take minutes of waiting, and a clock would count it
# as killed); a wall-clock limit ten times longer catches one that hangs without working.
PER_MUTANT_SECONDS = 60


@dataclass(frozen=True)
class Mutant:
    index: int  # the site's place in the walk of the tree
    change: str  # what was changed, for people
    line: int
    flip: tuple[int, type[ast.cmpop]] | None = None  # (which comparison, its new operator)
    add: float = 0  # or the number to add to a constant
    # "function | source line | change", with " #2" etc. when the same change recurs there: the
    # name the allow-list uses, so it survives lines moving up or down (see --allow)
    key: str = ""


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


def _sites(tree: ast.Module, only: tuple[str, ...] = ()) -> Iterator[ast.AST]:
    """Comparisons and numbers, in a fixed order, leaving out docstrings and type hints; with
    ``only``, just those in the module's constants and in the functions so named."""
    inside: set[int] | None = None
    if only:
        inside = set()
        regions: list[ast.AST] = [s for s in tree.body if isinstance(s, ast.Assign | ast.AnnAssign)]
        regions += [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name in only]
        for region in regions:
            inside.update(id(n) for n in ast.walk(region))
    for node in ast.walk(tree):
        if inside is not None and id(node) not in inside:
            continue
        if isinstance(node, ast.Compare) or _is_number(node):
            yield node


def _functions(tree: ast.Module) -> dict[int, str]:
    """The innermost function around each node ("Class.method"), by the node's id."""
    names: dict[int, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = name
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = f"{name}.{child.name}" if name else child.name
            names[id(child)] = inner
            visit(child, inner)

    visit(tree, "")
    return names


def mutants(tree: ast.Module, only: tuple[str, ...] = (), source: str = "") -> list[Mutant]:
    """Every mutant of the module; with ``source`` (the module's text), each gets its ``key``."""
    lines = source.splitlines()
    functions = _functions(tree) if source else {}
    found = []
    for index, node in enumerate(_sites(tree, only)):
        line = getattr(node, "lineno", 0)
        where = functions.get(id(node)) or "(module)"
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        text = " ".join(re.sub(r"\s+# .*$", "", text).split())  # comments may be reworded
        changes: list[tuple[str, tuple[int, type[ast.cmpop]] | None, float]] = []
        if isinstance(node, ast.Compare):
            for place, op in enumerate(node.ops):
                flipped = FLIPS.get(type(op))
                if flipped is not None:
                    change = f"{type(op).__name__} -> {flipped.__name__} (comparison {place + 1})"
                    changes.append((change, (place, flipped), 0))
        else:
            value = _number(node)
            unit: float = 1 if isinstance(value, int) else 0.01
            for step in (unit, -unit):
                changes.append((f"{value!r} -> {round(value + step, 6)!r}", None, step))
        for change, flip, add in changes:
            key = f"{where} | {text} | {change}" if source else ""
            found.append(Mutant(index, change, line, flip=flip, add=add, key=key))
    return _numbered(found)


def _numbered(found: list[Mutant]) -> list[Mutant]:
    """The same change twice on one line (``[0.0, 0.0]``): " #2", " #3" in walk order."""
    seen: dict[str, int] = {}
    numbered = []
    for mutant in found:
        count = seen[mutant.key] = seen.get(mutant.key, 0) + 1
        if mutant.key and count > 1:
            mutant = replace(mutant, key=f"{mutant.key} #{count}")
        numbered.append(mutant)
    return numbered


def mutated(tree: ast.Module, mutant: Mutant, only: tuple[str, ...] = ()) -> ast.Module:
    copied = copy.deepcopy(tree)
    for index, node in enumerate(_sites(copied, only)):
        if index != mutant.index:
            continue
        if isinstance(node, ast.Compare) and mutant.flip is not None:
            place, flipped = mutant.flip
            node.ops[place] = flipped()
        elif isinstance(node, ast.Constant):
            node.value = round(_number(node) + mutant.add, 6)
        break
    return ast.fix_missing_locations(copied)


def _rebind(module_name: str, before: dict[str, object], after: dict[str, object]) -> None:
    """Modules imported before the fork that took a name from the target (``from kvet.rating.scoring
    import score_bounds``) get the mutant's object under that name, so they run the mutant too.

    Matched by name and identity; small whole numbers are shared by every module in Python, so
    they are left alone (a clash of name and value would otherwise move another module's
    constant)."""
    for name, module in list(sys.modules.items()):
        if name == module_name or not name.startswith(("kvet", "tests")) or module is None:
            continue
        space = module.__dict__
        for key, value in list(space.items()):
            if key not in before or before[key] is not value or key not in after:
                continue
            if isinstance(value, int) and -5 <= value <= 256:
                continue
            space[key] = after[key]


def _library(path: Path) -> bool:
    """Python's own modules and the installed libraries' (what no mutant can change), not kvet's,
    the tests' or any other module a test may have beside it."""
    path = path.resolve()
    return any(path.is_relative_to(place) for place in LIBRARIES)


LIBRARIES = {Path(sysconfig.get_paths()[kind]).resolve() for kind in ("stdlib", "platstdlib")}
LIBRARIES |= {Path(sysconfig.get_paths()[kind]).resolve() for kind in ("purelib", "platlib")}


class _Reporter:
    """A pytest plugin in the forked child: runs the tests in the order the parent asks (those
    likeliest to fail first; every test still runs until one fails), and writes to a file what
    each test cost and which one failed, for the parent to learn from."""

    def __init__(self, order: dict[str, int], out: int, libraries: bool = False) -> None:
        self.order = order
        self.out = out
        self.libraries = libraries  # also name the libraries the tests imported

    def pytest_sessionfinish(self) -> None:
        if not self.libraries:
            return
        for name, module in list(sys.modules.items()):
            where = getattr(module, "__file__", None)
            if where and _library(Path(where)):
                os.write(self.out, f"library\t0\t{name}\n".encode())

    def pytest_collection_modifyitems(self, items: list[object]) -> None:
        last = len(self.order)
        items.sort(key=lambda item: self.order.get(getattr(item, "nodeid", ""), last))

    def pytest_runtest_logreport(self, report: object) -> None:
        nodeid = getattr(report, "nodeid", "")
        duration = getattr(report, "duration", 0.0)
        if getattr(report, "failed", False):
            os.write(self.out, f"failed\t{duration:.4f}\t{nodeid}\n".encode())
        elif getattr(report, "when", "") == "call":
            os.write(self.out, f"passed\t{duration:.4f}\t{nodeid}\n".encode())


def _child(
    module_name: str,
    code: types.CodeType,
    tests: tuple[str, ...],
    order: dict[str, int],
    out: int,
    libraries: bool,
) -> None:
    """In the forked child: the mutant in place of the module, then the tests."""
    import pytest

    os.environ["KVET_HYPOTHESIS"] = "mutate"  # tests/conftest.py's: derandomized, no shrinking
    module = sys.modules[module_name]
    before = dict(module.__dict__)
    exec(code, module.__dict__)
    _rebind(module_name, before, module.__dict__)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(used.ru_utime + used.ru_stime)  # counted from the fork's start, inherited
    resource.setrlimit(
        resource.RLIMIT_CPU, (spent + PER_MUTANT_SECONDS, spent + PER_MUTANT_SECONDS + 5)
    )
    signal.alarm(10 * PER_MUTANT_SECONDS)
    quiet = ["-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "--no-header"]
    quiet += ["--tb=native"]  # nobody reads it, and the plain traceback costs least to make
    # Libraries imported before the fork cannot be rewritten for pytest; that is expected here.
    warnings = ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    result = pytest.main([*quiet, *warnings, *tests], plugins=[_Reporter(order, out, libraries)])
    os._exit(0 if result == 0 else 1)


@dataclass
class Learned:
    """What the runs of one target's tests have shown so far: which test failed first for the
    mutants of each function, and what each test costs. Only the order of the tests comes from
    it; every test still runs until one fails, so a mutant's fate does not depend on it."""

    killed: dict[str, dict[str, int]] = field(default_factory=dict)  # function -> test -> count
    seconds: dict[str, float] = field(default_factory=dict)  # test -> its last run's time
    seen: list[str] = field(default_factory=list)  # the tests in the order first run
    libraries: list[str] = field(default_factory=list)  # modules the tests imported, not ours

    def order(self, where: str) -> dict[str, int]:
        """The tests, likeliest first to fail for a mutant in function ``where`` per second
        spent: failures there count three times as much as failures elsewhere."""
        here = self.killed.get(where, {})
        anywhere: dict[str, int] = {}
        for counts in self.killed.values():
            for test, count in counts.items():
                anywhere[test] = anywhere.get(test, 0) + count

        def worth(test: str) -> float:
            hits = 3 * here.get(test, 0) + anywhere.get(test, 0)
            return hits / (self.seconds.get(test, 1.0) + 0.01)

        place = {test: index for index, test in enumerate(self.seen)}
        ranked = sorted(self.seen, key=lambda test: (-worth(test), place[test]))
        return {test: index for index, test in enumerate(ranked)}

    def learn(self, where: str, lines: list[str]) -> str:
        """Take in one child's report; the test that failed, or "" when none did."""
        failed = ""
        for line in lines:
            outcome, seconds, test = line.split("\t", 2)
            if outcome == "library":
                self.libraries.append(test)
                continue
            if test not in self.seconds:
                self.seen.append(test)
            self.seconds[test] = float(seconds)
            if outcome == "failed" and not failed:
                failed = test
        if failed:
            counts = self.killed.setdefault(where, {})
            counts[failed] = counts.get(failed, 0) + 1
        return failed


def _fork(
    module_name: str,
    code: types.CodeType,
    tests: tuple[str, ...],
    order: dict[str, int],
    report: Path,
    libraries: bool = False,
) -> int:
    """A child running the tests against ``code``; its report goes to the file ``report``."""
    out = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    # What is loaded here is never garbage in the child: frozen, pytest's collections of garbage
    # at its end (looking for unraisable exceptions) walk only the child's own objects.
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        try:
            _child(module_name, code, tests, order, out, libraries)
        finally:
            os._exit(2)
    os.close(out)
    return pid


def _import_libraries(names: list[str]) -> None:
    """The libraries the tests imported (pytest's plugins, Qt, SQLAlchemy...), imported here once
    so that each forked child finds them loaded. kvet's and the tests' own modules are left for
    each child to import after its mutant is in place, as before: a library cannot see a mutant.
    """
    for name in sorted(names, key=lambda n: n.count(".")):
        if name in sys.modules or name.partition(".")[0] in {"kvet", "tests"}:
            continue
        try:
            importlib.import_module(name)
        except Exception:  # one that will not import alone: the child will, if it needs it
            continue


def _where(mutant: Mutant) -> str:
    return mutant.key.partition(" | ")[0] or str(mutant.line)


def run(
    module_name: str,
    tests: tuple[str, ...],
    jobs: int,
    only: tuple[str, ...] = (),
    verbose: bool = False,
    skip: frozenset[str] = frozenset(),
    match: tuple[str, ...] = (),
    check: bool = True,
    learned: Learned | None = None,
) -> tuple[list[Mutant], list[Mutant]]:
    """The mutants tried (all but those whose key is in ``skip``) and those that survived;
    ``check``: first run the tests on the module as it is (once per target is enough);
    ``learned``: what earlier runs of the same tests showed (it is added to)."""
    learned = learned if learned is not None else Learned()
    module = importlib.import_module(module_name)
    path = Path(module.__file__ or "")
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    todo = [
        m
        for m in mutants(tree, only, source)
        if m.key not in skip and (not match or any(text in m.key for text in match))
    ]
    with tempfile.TemporaryDirectory(prefix="kvet-mutate-") as folder:
        reports = Path(folder)
        # The tests must pass on the module as it is, or every mutant would look killed.
        if check:
            report = reports / "check"
            pid = _fork(module_name, compile(tree, str(path), "exec"), tests, {}, report, True)
            if os.waitpid(pid, 0)[1] != 0:
                raise SystemExit(
                    f"{NAME}: the tests of {module_name} fail without any mutant; fix them"
                )
            learned.learn("", report.read_text(encoding="utf-8").splitlines())
            _import_libraries(learned.libraries)
        running: dict[int, tuple[Mutant, Path, float]] = {}
        survivors: list[Mutant] = []
        queue = list(todo)
        while queue or running:
            while queue and len(running) < jobs:
                mutant = queue.pop(0)
                code = compile(mutated(tree, mutant, only), str(path), "exec")
                order = learned.order(_where(mutant))
                report = reports / f"{len(queue)}"  # one name per mutant: the queue shrinks
                pid = _fork(module_name, code, tests, order, report)
                running[pid] = (mutant, report, time.monotonic())
            pid, status = os.wait()
            mutant, report, began = running.pop(pid)
            lines = report.read_text(encoding="utf-8").splitlines()
            report.unlink()
            killer = learned.learn(_where(mutant), lines)
            if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
                survivors.append(mutant)
                if verbose:
                    print(f"  survived: line {mutant.line}: {mutant.change}", flush=True)
            elif verbose:
                spent = time.monotonic() - began
                print(
                    f"  killed in {spent:.1f} s after {len(lines)} tests: line {mutant.line}: "
                    f"{mutant.change} by {killer or 'the clock'}",
                    flush=True,
                )
    return todo, sorted(survivors, key=lambda m: m.line)


def read_allowed(path: Path) -> dict[str, frozenset[str]]:
    """The allow-list: per module, the keys of survivors argued equivalent (one a line,
    "module | function | source line | change"; blank lines and "#" comments are skipped)."""
    allowed: dict[str, set[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        module, _bar, key = line.partition(" | ")
        allowed.setdefault(module, set()).add(key)
    return {module: frozenset(keys) for module, keys in allowed.items()}


def judge(
    module_name: str,
    every: list[Mutant],
    tried: list[Mutant],
    survivors: list[Mutant],
    allowed: frozenset[str],
) -> list[str]:
    """What is wrong against the allow-list, in words (nothing: the gate passes): a survivor
    not on it, an entry that names no mutant of the source (the line changed: argue it again),
    an entry whose mutant was tried and killed (no longer a survivor: take it off)."""
    problems = []
    keys = {m.key for m in every}
    tried_keys = {m.key for m in tried}
    survived = {m.key for m in survivors}
    for mutant in survivors:
        if mutant.key not in allowed:
            problems.append(f"survived, not on the allow-list: {module_name} | {mutant.key}")
    for key in sorted(allowed):
        if key not in keys:
            problems.append(f"on the allow-list, but no such mutant: {module_name} | {key}")
        elif key in tried_keys and key not in survived:
            problems.append(f"on the allow-list, but now killed: {module_name} | {key}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=float, default=0.0, help="percent killed, at least")
    parser.add_argument("--jobs", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    parser.add_argument("--list-survivors", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="each survivor as it is found")
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help=(
            "in kvet.rating.ranking and kvet.rating.scoring, only the constants and the "
            "rule-bearing functions"
        ),
    )
    parser.add_argument(
        "--allow",
        type=Path,
        help="exit 1 when a mutant survives that this file does not list (or it lists one that "
        "no longer exists or survives)",
    )
    parser.add_argument(
        "--skip-allowed",
        action="store_true",
        help="with --allow, do not run the listed mutants (each survivor costs a whole test run)",
    )
    parser.add_argument(
        "--match",
        action="append",
        default=[],
        help="only the mutants whose key contains this text (to check a few; may be repeated)",
    )
    parser.add_argument("targets", nargs="*", default=list(TARGETS))
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The tests' heavy imports, once, before the children are forked.
    import hypothesis  # noqa: F401
    import pytest  # noqa: F401

    import kvet.content.checklist  # noqa: F401  (tests/conftest.py)
    import tests.reconsider_courses  # noqa: F401  (plain values: holds no function of a target)

    allowed_by_module = read_allowed(args.allow) if args.allow else {}
    print(f"{NAME} {VERSION}")
    failed = False
    for target in args.targets:
        learned = Learned()  # the parts of a target share its tests, and what they showed
        for name in PARTS.get(target, (target,)):
            allowed = allowed_by_module.get(name, frozenset())
            failed |= _mutate_part(args, target, name, allowed, learned)
    return 1 if failed else 0


def _mutate_part(
    args: argparse.Namespace, target: str, name: str, allowed: frozenset[str], learned: Learned
) -> bool:
    """Mutate one module of ``target`` against the target's tests, and say how it went; True when
    the run fails (a score below --min-score, or a survivor the allow-list does not name)."""
    began = time.monotonic()
    only: tuple[str, ...] = RULES.get(name, ()) if args.rules_only else ()
    skip = allowed if args.skip_allowed else frozenset()
    first = name == PARTS.get(target, (target,))[0]
    tried, survivors = run(
        name,
        TARGETS[target],
        args.jobs,
        only,
        args.verbose,
        skip,
        tuple(args.match),
        first,
        learned,
    )
    total = len(tried)
    score = 100.0 * (total - len(survivors)) / total if total else 100.0
    seconds = time.monotonic() - began
    skipped = f", {len(skip)} allowed survivors not run" if skip else ""
    print(
        f"{name}: {total - len(survivors)} of {total} mutants killed ({score:.1f}%){skipped}, "
        f"{seconds:.0f} s",
        flush=True,
    )
    if args.list_survivors or score < args.min_score:
        for mutant in survivors:
            print(f"  survived: line {mutant.line}: {name} | {mutant.key}")
    failed: bool = score < args.min_score
    if args.allow:
        module = importlib.import_module(name)
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        every = mutants(ast.parse(source), (), source)  # an entry may be outside RULES
        problems = judge(name, every, tried, survivors, allowed)
        for problem in problems:
            print(f"  {problem}")
        failed |= bool(problems)
    return failed


if __name__ == "__main__":
    sys.exit(main())
