#!/usr/bin/env bash
# Build kvet's standalone one-folder bundle (dist/kvet/) and a .tar.gz of it, with PyInstaller.
# The bundle runs on a machine with no Python and no virtual environment.
# Output: dist/kvet-VERSION-linux-ARCH.tar.gz (one folder "kvet" with the kvet program inside).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh bundle
log=".venv/bundle.log"
# The window's translations are compiled from the translators' .ts files for every build.
.venv/bin/python scripts/translations.py --release >/dev/null
echo "kvet bundle: building with PyInstaller (a few minutes)"
if ! .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
     --distpath dist --workpath build/pyinstaller packaging/kvet.spec >"$log" 2>&1; then
  echo "kvet bundle: the build failed. What went wrong is in $(pwd)/$log" >&2
  tail -n 5 "$log" >&2
  exit 1
fi
cp packaging/install.sh dist/kvet/install.sh
version="$(.venv/bin/python -c 'import kvet; print(kvet.__version__)')"
archive="dist/kvet-$version-linux-$(uname -m).tar.gz"
# gzip's fastest level: 4 s instead of 11 s to pack, for an archive 8% larger (96 MB, not 89)
tar -C dist -cf - kvet | gzip -1 >"$archive"
echo "kvet bundle: $archive ($(du -sh dist/kvet | cut -f1) unpacked, $(du -h "$archive" | cut -f1) packed)"
