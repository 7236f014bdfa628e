#!/usr/bin/env bash
# Put this copy of kvet in your application menu (for you only). Run it from the unpacked folder:
#   bash install.sh            (or: bash install.sh --uninstall to take it out again)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" = "--uninstall" ]; then
  exec "$here/kvet" --uninstall-desktop
fi
exec "$here/kvet" --install-desktop
