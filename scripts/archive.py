"""Pack the bundle PyInstaller made in dist/ into the archive a user downloads (Windows, macOS).

The Linux archive is made by scripts/bundle.sh. Run by .github/workflows/release.yml after
PyInstaller: ``python scripts/archive.py windows`` or ``python scripts/archive.py macos``.
Output: dist/kvet-VERSION-PLATFORM-ARCH.zip.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def archive_name(version: str, which: str, machine: str) -> str:
    arch = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "arm64"}.get(
        machine.lower(), machine.lower()
    )
    return f"kvet-{version}-{which}-{arch}.zip"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in {"windows", "macos"}:
        print("usage: python scripts/archive.py windows|macos", file=sys.stderr)
        return 2
    which = argv[0]
    sys.path.insert(0, str(ROOT))
    from kvet import __version__

    out = DIST / archive_name(__version__, which, platform.machine())
    if which == "macos":
        # ditto keeps the .app's links and permissions, which Python's zipfile would lose.
        subprocess.run(
            ["ditto", "-c", "-k", "--keepParent", str(DIST / "kvet.app"), str(out)], check=True
        )
    else:
        shutil.make_archive(str(out.with_suffix("")), "zip", DIST, "kvet")
    print(f"kvet archive: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
