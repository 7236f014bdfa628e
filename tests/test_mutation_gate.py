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
