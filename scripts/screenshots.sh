#!/usr/bin/env bash
# Regenerate docs/screenshots/*.png: kvet on the sample comparison, in a real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
if ! command -v xvfb-run >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth >/dev/null
  else
    echo "Install the virtual screen first: sudo apt-get install xvfb xauth" >&2
    exit 1
  fi
fi
unset QT_QPA_PLATFORM
xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py
