"""Benchmark: the standalone bundle against the virtual environment, started the same way.

Build the bundle first (bash scripts/bundle.sh). Both start as fresh processes, offscreen, on one
database, interleaved so machine noise hits both alike; each reports when its window is shown and
when the clinics are on screen (KVET_EXIT_AFTER_SHOW). Also prints the bundle's size.
Run on demand: .venv/bin/python bench/bench_bundle.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "kvet" / "kvet"
VENV = ROOT / ".venv" / "bin" / "kvet"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    start_wall, start = time.time(), time.perf_counter()
    done = subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    total = (time.perf_counter() - start) * 1000
    marks = {}
    for line in done.stdout.splitlines():
        if "-at " in line:
            what, moment = line.split("-at ")
            marks[what] = (float(moment) - start_wall) * 1000
    return marks["shown"], marks["ready"], total


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    if not BUNDLE.exists():
        sys.exit("Build the bundle first: bash scripts/bundle.sh")
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as folder:
        env = {
            "HOME": folder,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "KVET_EXIT_AFTER_SHOW": "1",
        }
        db = str(Path(folder) / "bench.sqlite")
        timed([str(VENV), "--db", db], env)  # the first start creates the database
        timed([str(BUNDLE), "--db", db], env)  # and warms the file cache for both
        results: dict[str, list[tuple[float, float, float]]] = {"venv": [], "bundle": []}
        for _ in range(runs):
            results["venv"].append(timed([str(VENV), "--db", db], env))
            results["bundle"].append(timed([str(BUNDLE), "--db", db], env))
    for name, rows in results.items():
        shown, ready, total = (statistics.median(r[i] for r in rows) for i in range(3))
        print(
            f"{name:6}: window shown {shown:5.0f} ms, clinics shown {ready:5.0f} ms, "
            f"exit {total:5.0f} ms"
        )
    archives = sorted((ROOT / "dist").glob("kvet-*.tar.gz"))
    packed = f", {archives[-1].stat().st_size / 2**20:.0f} MiB packed" if archives else ""
    print(f"bundle size: {size(BUNDLE.parent) / 2**20:.0f} MiB unpacked{packed}; medians of {runs}")


if __name__ == "__main__":
    main()
