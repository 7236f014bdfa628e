"""Code written against the flat core of before its packages (a branch begun earlier, a patch)
is brought to the packages by scripts/fix_core_imports.py, and then imports again."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fix_core_imports", ROOT / "scripts/fix_core_imports.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = load_script()

OLD = '''"""See kvet/scoring.py and kvet.ranking.rank."""
from kvet import __version__, phq9, ranking, scoring
from kvet.course import (
    Course,
)
import kvet.crashlog as crashlog

def f(monkeypatch):
    from kvet.recovery import newest_good_backup  # offered at start
    monkeypatch.setattr("kvet.language.saved_choice", None)
    return "import os; from kvet import leave; leave.now", newest_good_backup
'''
NEW = '''"""See kvet/rating/scoring.py and kvet.rating.ranking.rank."""
from kvet import __version__
from kvet.treatment import phq9
from kvet.rating import ranking, scoring
from kvet.treatment.course import (
    Course,
)
import kvet.system.crashlog as crashlog

def f(monkeypatch):
    from kvet.start.recovery import newest_good_backup  # offered at start
    monkeypatch.setattr("kvet.text.language.saved_choice", None)
    return "import os; from kvet.system import leave; leave.now", newest_good_backup
'''


def test_old_names_are_rewritten_to_the_packages() -> None:
    assert script.rewrite(OLD) == NEW


def test_rewriting_twice_changes_nothing_more() -> None:
    assert script.rewrite(NEW) == NEW


def test_the_rewritten_code_imports() -> None:
    code = script.rewrite(OLD).split("\n", 1)[1]
    namespace: dict[str, object] = {}
    exec(compile(code, "<rewritten>", "exec"), namespace)
    assert namespace["Course"].__module__ == "kvet.treatment.course"
    assert getattr(namespace["phq9"], "__name__", "") == "kvet.treatment.phq9"


def test_the_checkout_names_no_old_module() -> None:
    """Nothing in the code, tests, scripts or docs still names a module of the flat core."""
    assert script.main(["--check"]) == 0
