#!/usr/bin/env bash
# Set up (first time only) and run every check: ruff, mypy and the whole pytest suite, offscreen.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check kvet tests bench scripts
.venv/bin/ruff format --check kvet tests bench scripts
echo "== mypy"
.venv/bin/mypy
echo "== mutation score of the signals and the PHQ-9 (kvet's own scripts/mutate.py, ~75 s on 2 cores)"
timeout 300 .venv/bin/python scripts/mutate.py --min-score 90
echo "== pytest"
exec .venv/bin/pytest "$@"
