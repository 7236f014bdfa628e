#!/usr/bin/env bash
# Set up (first time only) and run every check: ruff, mypy, the screen-reader check (a real
# window under Xvfb) and the whole pytest suite, offscreen.
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
echo "== screen reader (AT-SPI, English and Spanish)"
# kvet in a real window under Xvfb, read over AT-SPI as Orca reads it; about a minute.
timeout 180 bash tests/atspi/run.sh
echo "== pytest"
exec .venv/bin/pytest "$@"
