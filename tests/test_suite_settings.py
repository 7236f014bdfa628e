"""The suite stays strict (issue 15): a warning fails the test that caused it, a hung test prints
every thread's stack, and mypy checks the tests, benchmarks and scripts as strictly as kvet."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

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
