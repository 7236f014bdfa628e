#!/usr/bin/env bash
# The screen-reader check: kvet under a virtual screen with accessibility on, read over AT-SPI
# by tests/atspi/reader.py (Debian's python3 with python3-pyatspi), inside a D-Bus session of
# its own. Usage: bash tests/atspi/run.sh [en] [es]   (both languages when none is given)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${KVET_ATSPI_SESSION:-}" ]; then
  exec env KVET_ATSPI_SESSION=1 dbus-run-session -- bash "$0" "$@"
fi
display="${KVET_ATSPI_DISPLAY:-:$((90 + RANDOM % 100))}"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
launcher=""
cleanup() {
  [ -n "$launcher" ] && kill "$launcher" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$display"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
launcher=$!
sleep 1
/usr/bin/python3 tests/atspi/reader.py "$@"
