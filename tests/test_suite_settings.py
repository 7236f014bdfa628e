"""The suite stays strict (issue 15): a warning fails the test that caused it, a hung test prints
every thread's stack, and mypy checks the tests, benchmarks and scripts as strictly as kvet."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

CONFIG: dict[str, Any] = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
)


def test_a_warning_fails_the_test_and_a_hung_test_says_where_it_hangs() -> None:
    pytest_options = CONFIG["tool"]["pytest"]["ini_options"]
    # "error" first: any later entry can only narrow it, for a named package and reason
    assert pytest_options["filterwarnings"][0] == "error"
    assert 0 < pytest_options["faulthandler_timeout"] <= 600


def test_mypy_checks_tests_benchmarks_and_scripts_strictly() -> None:
    mypy = CONFIG["tool"]["mypy"]
    assert mypy["strict"] is True
    assert {"kvet", "tests", "bench", "scripts"} <= set(mypy["files"])
    loosened = [o for o in mypy.get("overrides", []) if o.get("ignore_errors")]
    assert all(o["module"] == "kvet.gui.forms.*" for o in loosened)  # generated code only


def test_one_hypothesis_profile_has_no_deadline_and_no_test_sets_its_own() -> None:
    assert settings().deadline is None
    tests = Path(__file__).resolve().parent
    tweak = "dead" + "line="  # spelled apart so this file does not find itself
    tweaked = [p.name for p in tests.rglob("test_*.py") if tweak in p.read_text("utf-8")]
    assert tweaked == []  # the profile in conftest.py is the one place that decides


@settings(max_examples=2)
@given(st.integers())
def test_a_property_test_on_a_busy_machine_is_not_failed_for_being_slow(number: int) -> None:
    time.sleep(0.25)  # hypothesis's own default deadline is 200 ms
    assert number == number


def test_the_suite_sets_its_own_long_lived_objects_aside_from_the_collector() -> None:
    """tests/conftest.py's ``collect_less``: the suite's modules and strategies are not walked
    again at every collection (about a tenth of the suite's processor time)."""
    import gc

    assert gc.get_freeze_count() > 10_000  # what collection made, set aside
    assert gc.get_threshold() == (700, 10, 10)  # each test's own garbage, as often as ever
    assert gc.isenabled()
