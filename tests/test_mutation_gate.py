"""The mutation gate (scripts/mutate.py --allow docs/mutation-allowlist.txt, run by
scripts/test.sh): a changed rule that no test notices fails CI, unless the survivor is one argued
equivalent in docs/scoring.md and listed in the allow-list.

These tests are cheap: the allow-list is checked against the source as it is now, and the gate
itself runs on a planted three-line rule, not on kvet's modules (that is CI's own step).
"""

from __future__ import annotations

import ast
import faulthandler
import sys
import time
import types
from pathlib import Path

import pytest

from tests.scriptloader import load_script

ROOT = Path(__file__).resolve().parent.parent
ALLOWLIST = ROOT / "docs" / "mutation-allowlist.txt"


@pytest.fixture(scope="module")
def mutate() -> types.ModuleType:
    return load_script("mutate", "kvet_mutate", register=True)


def test_every_allowed_survivor_is_a_mutant_of_the_source_as_it_is_now(
    mutate: types.ModuleType,
) -> None:
    """An entry whose line has changed names nothing: the change must be argued again."""
    allowed = mutate.read_allowed(ALLOWLIST)
    # the ranking, and the modules the scores' rules are in (scripts/mutate.py PARTS)
    assert set(allowed) <= {"kvet.rating.ranking", *mutate.PARTS["kvet.rating.scoring"]}
    assert {"kvet.rating.ranking", "kvet.rating.scoring"} <= set(allowed)
    for module, keys in allowed.items():
        path = ROOT / (module.replace(".", "/") + ".py")
        source = path.read_text(encoding="utf-8")
        found = {m.key for m in mutate.mutants(ast.parse(source), (), source)}
        assert sorted(keys - found) == [], f"{module}: allow-list entries with no such mutant"
    # each entry has its reason in docs/scoring.md, under "Mutation testing"
    assert "docs/mutation-allowlist.txt" in (ROOT / "docs" / "scoring.md").read_text("utf-8")


def test_every_rule_the_gate_names_is_a_function_of_its_module(mutate: types.ModuleType) -> None:
    """A rule moved or renamed without the gate's map would drop its mutants without a word: each
    name in RULES must be a function of its module, and each part of a target must have rules."""
    for target, parts in mutate.PARTS.items():
        assert parts[0] == target
        assert set(parts) <= set(mutate.RULES), target
    for module, names in mutate.RULES.items():
        path = ROOT / (module.replace(".", "/") + ".py")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        assert set(names) - {mutate.CONSTANTS_ONLY} <= functions, module


PLANTED = '''"""A planted rule: a review is due from three answers on."""
LIMIT = 3


def due(count: int) -> bool:
    return count >= LIMIT
'''
PLANTED_TEST = """from planted_rule import due


def test_a_review_is_due_from_three_answers() -> None:
    assert due(3)
    assert due(10)
    assert not due(0)
"""


def test_a_new_survivor_fails_the_gate_and_an_allowed_one_does_not(
    mutate: types.ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test never tries 2 answers, so LIMIT made 2 survives: reported, unless allowed. An
    entry for a mutant that is now killed, or that no longer exists, is reported too."""
    (tmp_path / "planted_rule.py").write_text(PLANTED, encoding="utf-8")
    test = tmp_path / "test_planted_rule.py"
    test.write_text(PLANTED_TEST, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "planted_rule", raising=False)
    # pytest's hang watchdog (faulthandler_timeout) is a thread: a forked child whose test fails
    # would wait for it forever when pytest cancels it, so it is stopped before forking
    faulthandler.cancel_dump_traceback_later()
    began = time.monotonic()
    tried, survivors = mutate.run("planted_rule", (str(test),), jobs=2)
    source = PLANTED
    every = mutate.mutants(ast.parse(source), (), source)
    assert [m.key for m in tried] == [m.key for m in every]
    assert [m.key for m in survivors] == ["(module) | LIMIT = 3 | 3 -> 2"]
    assert time.monotonic() - began < mutate.PER_MUTANT_SECONDS  # killed by a test, not the clock

    stale = frozenset({"(module) | LIMIT = 3 | 3 -> 4", "due | return count > LIMIT | 3 -> 2"})
    assert mutate.judge("planted_rule", every, tried, survivors, stale) == [
        "survived, not on the allow-list: planted_rule | (module) | LIMIT = 3 | 3 -> 2",
        "on the allow-list, but now killed: planted_rule | (module) | LIMIT = 3 | 3 -> 4",
        "on the allow-list, but no such mutant: planted_rule | due | return count > LIMIT | 3 -> 2",
    ]
    allowed = frozenset({"(module) | LIMIT = 3 | 3 -> 2"})
    assert mutate.judge("planted_rule", every, tried, survivors, allowed) == []
    sys.modules.pop("planted_rule", None)


PLANTED_TWO = '''"""A planted rule: a review is due from three answers on, urgent from nine."""
LIMIT = 3
URGENT = 9


def due(count: int) -> bool:
    return count >= LIMIT


def urgent(count: int) -> bool:
    return count >= URGENT
'''
# four tests that notice nothing, first in the file, and one that notices most changes, last;
# each writes its name to runs.log when it runs
PLANTED_TWO_TESTS = """import colorsys
from pathlib import Path

from planted_two import due, urgent

RUNS = Path(__file__).with_name("runs.log")


def ran(name: str) -> None:
    with RUNS.open("a") as runs:
        runs.write(name + "\\n")


def test_weak_one() -> None:
    ran("weak")
    assert due(10)


def test_weak_two() -> None:
    ran("weak")
    assert not urgent(0)


def test_weak_three() -> None:
    ran("weak")
    assert colorsys.rgb_to_hsv(0, 0, 0) == (0, 0, 0)


def test_weak_four() -> None:
    ran("weak")
    assert urgent(20)


def test_the_limits_hold() -> None:
    ran("strong")
    assert due(3) and not due(2)
    assert urgent(9)  # never tries 8: URGENT made 8 survives
"""


def test_a_mutant_is_tried_first_on_the_test_that_caught_the_ones_before_it(
    mutate: types.ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each mutant's tests stop at the first failure, so the order is the cost: once a test has
    caught a mutant, the next mutants meet it first instead of four tests that notice nothing.
    The verdicts are those of a whole run: the one mutant no test can see still survives. The
    tests' libraries are imported once, before the children are forked, not in each child."""
    (tmp_path / "planted_two.py").write_text(PLANTED_TWO, encoding="utf-8")
    test = tmp_path / "test_planted_two.py"
    test.write_text(PLANTED_TWO_TESTS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "planted_two", raising=False)
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)  # what only the tests import
    faulthandler.cancel_dump_traceback_later()  # as above: no watchdog thread across a fork
    tried, survivors = mutate.run("planted_two", (str(test),), jobs=1)
    assert len(tried) == 6  # LIMIT and URGENT up and down, and the two comparisons
    assert [m.key for m in survivors] == ["(module) | URGENT = 9 | 9 -> 8"]
    runs = (tmp_path / "runs.log").read_text(encoding="utf-8").split()
    # every test on the module as it is, and on the first mutant (the weak ones first, as in the
    # file); then the strong one first, and the weak ones after it only for the survivor. In the
    # file's order the weak ones would run 28 times: 4 on the module and 4 for each mutant.
    assert runs.count("weak") == 4 + 4 + 4
    assert runs.count("strong") == 1 + 6
    assert "colorsys" in sys.modules  # loaded here, so each child found it loaded
    sys.modules.pop("planted_two", None)
