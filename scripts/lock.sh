#!/usr/bin/env bash
# Refresh the lock of kvet's exact dependency versions (issue 28): uv.lock, one lock for Linux,
# Windows and macOS and every Python kvet supports, and the pip files made from it that
# scripts/setup.sh, CI and the release workflow install (requirements/app.txt, test.txt,
# bundle.txt: exact versions with their hashes).
# Usage: bash scripts/lock.sh            the lock follows pyproject.toml, keeping locked versions
#        bash scripts/lock.sh --upgrade  every dependency moves to its newest allowed release
# Then run the whole suite (bash scripts/test.sh) before committing the new lock.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test  # uv comes with the test tools
.venv/bin/uv lock "$@"
for mode in app test bundle; do
  extra=()
  [ "$mode" = app ] || extra=(--extra "$mode")
  # the same command tests/test_lock.py runs to check the committed files are current
  .venv/bin/uv export --frozen --offline --format requirements-txt --no-emit-project \
    "${extra[@]}" -o "requirements/$mode.txt" >/dev/null
done
echo "kvet lock: uv.lock and requirements/*.txt refreshed; run bash scripts/test.sh, then commit them"
