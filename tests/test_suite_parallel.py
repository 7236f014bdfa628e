"""The suite runs on every core in a new random order each time (issue 26), and nothing it does
while running can trip another test up.

scripts/test.sh runs pytest with pytest-xdist (one worker per core) and pytest-randomly (a new
order each run, its seed printed so a red run can be repeated). Tests that share the checkout's
build folders share one worker; a file other tests read is swapped in whole, never rewritten in
place while they read it.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.scriptloader import load_script

ROOT = Path(__file__).resolve().parent.parent


def test_the_whole_suite_runs_on_every_core_in_a_random_order() -> None:
    run = (ROOT / "scripts" / "test.sh").read_text("utf-8")
    pytest_line = next(ln for ln in run.splitlines() if ln.startswith(".venv/bin/pytest"))
    assert '-n "${KVET_TEST_WORKERS:-auto}"' in pytest_line
    assert "--dist loadfile" in pytest_line  # a file's tests (the bundle's) on one worker
    assert "no:randomly" not in pytest_line
    assert importlib.util.find_spec("xdist") is not None
    assert importlib.util.find_spec("pytest_randomly") is not None


def test_the_checks_beside_pytest_show_their_output_whole_and_a_failed_one_fails_the_run(
    tmp_path: Path,
) -> None:
    """scripts/test.sh runs mypy, the screen reader and the mutation gates beside pytest: each
    one's output is shown whole under its name, in the script's order whichever ends first, and
    any that failed is named at the end and fails the run, as when they ran one by one."""
    script = tmp_path / "ci.sh"
    script.write_text(
        f"""set -euo pipefail
source {ROOT / "scripts" / "steps.sh"}
side "slow and fine" bash -c 'sleep 1; echo all good'
side "quick and broken" bash -c 'echo one thing wrong; exit 3'
echo "pytest here"
false || note "pytest"
shown "slow and fine"
shown "quick and broken"
verdict
echo "not reached"
""",
        encoding="utf-8",
    )
    done = subprocess.run(
        ["bash", str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "pytest here",
        "== slow and fine",
        "all good",
        "== quick and broken",
        "one thing wrong",
        "FAILED: quick and broken (exit status 3)",
        "== failed: pytest quick and broken",
    ]
    run = (ROOT / "scripts" / "test.sh").read_text("utf-8")
    sides = re.findall(r'^side "([^"]+)"', run, flags=re.MULTILINE)
    assert sides == re.findall(r'^shown "([^"]+)"', run, flags=re.MULTILINE)  # each one shown
    assert {"mypy", "screen reader (AT-SPI, English and Spanish)"} <= set(sides)
    assert run.rstrip().endswith("verdict")


def test_kvet_is_compiled_once_and_temporary_files_stay_in_memory() -> None:
    """Every pytest worker, every kvet a test starts and every mutant compiled kvet from source
    again when the shell forbade .pyc files; and each database commit waited for the disk."""
    run = (ROOT / "scripts" / "test.sh").read_text("utf-8")
    before_pytest = run[: run.index(".venv/bin/pytest")]
    assert "\nunset PYTHONDONTWRITEBYTECODE\n" in before_pytest
    assert 'mktemp -d /dev/shm/kvet-tests.XXXXXX)"\n  export TMPDIR=' in before_pytest
    # and a red run's property tests can be repeated: the same examples every run
    assert '\nexport KVET_HYPOTHESIS="${KVET_HYPOTHESIS:-ci}"\n' in before_pytest


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


def test_the_longest_file_is_handed_out_first_not_last(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The soak is one long test in a file of its own: xdist handed out the files with the most
    tests first, so it started last and one core ran it alone at the end. A file with a test
    marked slow now starts first on its worker, whatever its number of tests."""
    log = "started.txt"
    many = """
        import os, pytest

        @pytest.mark.parametrize("n", range({count}))
        def test_quick(n):
            with open("started.txt", "a") as started:
                started.write(os.environ["PYTEST_XDIST_WORKER"] + " {name}\\n")
        """
    pytester.makepyfile(
        **{f"test_many_{n}": many.format(count=8 - n, name=f"many_{n}") for n in range(5)},
        test_long="""
        import os, pytest

        @pytest.mark.slow
        def test_long():
            with open("started.txt", "a") as started:
                started.write(os.environ["PYTEST_XDIST_WORKER"] + " long\\n")
        """,
    )
    pytester.makeini("[pytest]\nmarkers =\n    slow: long\n")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # tests.longest_first, as tests/conftest.py has it
    result = pytester.runpytest_subprocess(
        "-n", "2", "--dist", "loadfile", "-p", "tests.longest_first", "-p", "no:randomly"
    )
    result.assert_outcomes(passed=1 + 8 + 7 + 6 + 5 + 4)
    started = (pytester.path / log).read_text().splitlines()
    worker = next(line.split()[0] for line in started if line.endswith(" long"))
    assert next(line for line in started if line.startswith(worker + " ")) == f"{worker} long"


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
