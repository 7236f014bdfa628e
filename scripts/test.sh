#!/usr/bin/env bash
# Set up (first time only) and run every check: ruff, mypy, the screen-reader check (a real
# window under Xvfb) and the whole pytest suite, offscreen, on every core in a random order.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check kvet tests bench scripts
.venv/bin/ruff format --check kvet tests bench scripts
echo "== mypy (Linux; then Windows and macOS side by side, so a call one of them lacks fails here)"
.venv/bin/mypy
.venv/bin/mypy --platform win32 --cache-dir .mypy_cache/win32 kvet > .venv/mypy-win32.log 2>&1 &
win32=$!
.venv/bin/mypy --platform darwin --cache-dir .mypy_cache/darwin kvet > .venv/mypy-darwin.log 2>&1 &
darwin=$!
status=0
wait "$win32" || { echo "mypy --platform win32 failed:"; cat .venv/mypy-win32.log; status=1; }
wait "$darwin" || { echo "mypy --platform darwin failed:"; cat .venv/mypy-darwin.log; status=1; }
[ "$status" = 0 ] || exit 1
# == import contracts (issue 28): the floors and rooms of pyproject.toml [tool.importlinter]
echo "== lint-imports (the lines between kvet's parts; docs/architecture.md)"; .venv/bin/lint-imports --no-cache
echo "== release workflow (GitHub's schema, offline)"
.venv/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/release.yml
echo "== screen reader (AT-SPI, English and Spanish)"
# kvet in a real window under Xvfb, read over AT-SPI as Orca reads it; about a minute.
timeout 180 bash tests/atspi/run.sh
echo "== mutation score of the signals and the PHQ-9 (kvet's own scripts/mutate.py, ~85 s on 2 free cores)"
timeout 900 .venv/bin/python scripts/mutate.py --min-score 90 kvet.treatment.reconsider kvet.treatment.phq9
echo "== mutation gate of the ranking's and the scores' rules (scripts/mutate.py --rules-only, ~15 CPU-minutes)"
# only the constants and rule-bearing functions (scripts/mutate.py RULES); a survivor fails unless
# docs/mutation-allowlist.txt lists it as argued equivalent (docs/scoring.md, "Mutation testing").
# The listed ones are not run (each costs a whole test run); tests/test_mutation_gate.py checks
# that every entry still names a mutant of the source.
timeout 1500 .venv/bin/python scripts/mutate.py --rules-only --min-score 100 \
  --allow docs/mutation-allowlist.txt --skip-allowed kvet.rating.ranking kvet.rating.scoring
echo "== pytest (one worker per core, in a new random order each run)"
# pytest-xdist runs the tests on every core, each file's tests on one worker (--dist loadfile:
# a file's costly set-up, such as the bundle's build, is made once; xdist_group and loadgroup do
# not group anything with pytest 9.2). pytest-randomly shuffles the order and prints
# its seed; "--randomly-seed=N" repeats a run's order, "-p no:randomly" keeps the files' order.
# KVET_TEST_WORKERS=0 runs everything in this one process.
exec .venv/bin/pytest -n "${KVET_TEST_WORKERS:-auto}" --dist loadfile "$@"
