#!/usr/bin/env bash
# Set up (first time only) and start kvet. Extra arguments go to kvet, e.g. --db PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec .venv/bin/kvet "$@"
