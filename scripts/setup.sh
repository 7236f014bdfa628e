#!/usr/bin/env bash
# Set up kvet in a virtual environment inside the checkout (.venv); a second run skips what is done.
# Usage: bash scripts/setup.sh [app|test|bundle]   ("test" adds the test tools, "bundle" PyInstaller)
# Installs the locked versions in requirements/<mode>.txt, never whatever is newest that day.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"

# System packages Qt and Python need on Debian. Offscreen Qt (tests) needs the first group; a real
# window needs the xcb group too.
apt_common="python3 python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
apt_window="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0"
apt_test="poppler-utils desktop-file-utils appstream libglib2.0-bin xvfb openbox"
# The screen-reader check (tests/atspi): a virtual screen, a D-Bus session, the AT-SPI bus and
# Debian's own python3 with pyatspi, reading kvet in a real window.
apt_reader="xvfb xauth dbus dbus-x11 at-spi2-core libatk-adaptor python3-pyatspi"
wanted="$apt_common"
[ "$mode" = app ] && wanted="$wanted $apt_window"
[ "$mode" = test ] && wanted="$wanted $apt_test $apt_window $apt_reader"

if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "kvet setup: installing system packages:$missing"
      export DEBIAN_FRONTEND=noninteractive
      log="$(mktemp -t kvet-apt.XXXXXX.log)"
      if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >"$log" 2>&1; then
        echo "kvet setup: installing system packages failed. What went wrong is in $log" >&2
        tail -n 5 "$log" >&2
        exit 1
      fi
      rm -f "$log"
    else
      echo "kvet setup: some system packages are missing. Install them, then run this again:" >&2
      echo "  sudo apt-get install$missing" >&2
      exit 1
    fi
  fi
fi

python=python3
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "kvet setup: Python 3.11 or newer is needed (found: $("$python" --version 2>&1))." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "kvet setup: creating the virtual environment in .venv"
  "$python" -m venv .venv
fi

# The exact versions of every dependency, with their hashes, from uv.lock (scripts/lock.sh makes
# them; docs/dependencies.md): a new release of a dependency reaches a user only once tested here.
locked="requirements/$mode.txt"
stamp=".venv/.kvet-setup-$mode"
want="$( (cat pyproject.toml "$locked"; echo "$mode") | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "kvet setup: installing kvet and its dependencies into .venv (about a minute)"
  # pip and the build print many warnings that mean nothing to a user: they go to a log,
  # which is named only if something fails.
  log=".venv/setup.log"
  # kvet itself (editable: the checkout's code runs) only when its pyproject.toml changed. Adding
  # a mode's tools then never uninstalls kvet for a moment, so a test run (tests/test_bundle.py
  # runs scripts/bundle.sh, which comes here) can add PyInstaller while other tests import kvet.
  mine="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
         .venv/bin/python -m pip install --disable-pip-version-check --require-hashes -r "$locked" &&
         { [ "$(cat .venv/.kvet-setup-kvet 2>/dev/null)" = "$mine" ] ||
           .venv/bin/python -m pip install --disable-pip-version-check --no-deps -e .; }; } >"$log" 2>&1; then
    echo "kvet setup: installing failed. What went wrong is in $(pwd)/$log" >&2
    tail -n 5 "$log" >&2
    exit 1
  fi
  echo "$mine" > .venv/.kvet-setup-kvet
  echo "$want" > "$stamp"
fi
