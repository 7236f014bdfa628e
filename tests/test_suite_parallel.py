"""The suite runs on every core in a new random order each time (issue 26), and nothing it does
while running can trip another test up.

scripts/test.sh runs pytest with pytest-xdist (one worker per core) and pytest-randomly (a new
order each run, its seed printed so a red run can be repeated). Tests that share the checkout's
build folders share one worker; a file other tests read is swapped in whole, never rewritten in
place while they read it.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.scriptloader import load_script

ROOT = Path(__file__).resolve().parent.parent


def test_the_whole_suite_runs_on_every_core_in_a_random_order() -> None:
    run = (ROOT / "scripts" / "test.sh").read_text("utf-8")
    pytest_line = next(ln for ln in run.splitlines() if ln.startswith("exec .venv/bin/pytest"))
    assert '-n "${KVET_TEST_WORKERS:-auto}"' in pytest_line
    assert "--dist loadfile" in pytest_line  # a file's tests (the bundle's) on one worker
    assert "no:randomly" not in pytest_line
    assert importlib.util.find_spec("xdist") is not None
    assert importlib.util.find_spec("pytest_randomly") is not None


def test_the_bundle_is_built_once_by_one_worker(pytester: pytest.Pytester) -> None:
    """Two workers building the bundle at once in dist/ broke both builds (a run under load):
    with --dist loadfile one worker runs every test of a file, and the build is made once."""
    pytester.makepyfile(
        test_builds="""
        import os, pytest

        @pytest.fixture(scope="session")
        def bundle():
            with open("built.txt", "a") as built:  # the same folder for every worker
                built.write(os.environ.get("PYTEST_XDIST_WORKER", "main") + "\\n")

        @pytest.mark.parametrize("n", range(6))
        def test_uses_the_bundle(bundle, n):
            pass
        """,
        test_others="""
        import pytest

        @pytest.mark.parametrize("n", range(12))
        def test_other(n):
            pass
        """,
    )
    result = pytester.runpytest_subprocess("-n", "2", "--dist", "loadfile", "-p", "randomly")
    result.assert_outcomes(passed=18)
    assert len((pytester.path / "built.txt").read_text().splitlines()) == 1


def test_a_translation_compiled_again_is_swapped_in_whole(tmp_path: Path) -> None:
    """scripts/bundle.sh compiles the Spanish .qm again while other tests load it: a reader
    holding the old file keeps all of it, and the new file is complete."""
    script = load_script("translations")
    source = tmp_path / "kvet_es.ts"
    shutil.copyfile(ROOT / "resources" / "translations" / "kvet_es.ts", source)
    compiled = tmp_path / "kvet_es.qm"
    old = b"the .qm a running test loaded " * 4000
    compiled.write_bytes(old)
    with compiled.open("rb") as reading:  # a test that loaded the translation a moment ago
        reading.read(10)
        script.release(source, compiled)
        assert reading.read() == old[10:]  # not cut short, not mixed with the new file
    assert QTranslator().load(str(compiled))
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
