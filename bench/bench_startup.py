"""Benchmark: process start to a shown, usable kvet main window, against a bare QMainWindow.

Both run the same way (a fresh process, offscreen, quitting as soon as the window is shown and
the event loop turns once). Target: kvet takes at most 1.5 times as long as the bare window.
Run on demand: .venv/bin/python bench/bench_startup.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KVET_EXIT_AFTER_SHOW="1")
    with tempfile.TemporaryDirectory() as folder:
        env["HOME"] = folder
        env["XDG_DATA_HOME"] = str(Path(folder) / "data")
        env["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        db = str(Path(folder) / "bench.sqlite")
        timed([sys.executable, "-m", "kvet", "--db", db], env)  # first run creates the database
        bare, kvet = [], []
        for _ in range(runs):  # interleaved, so machine noise hits both alike
            bare.append(timed([sys.executable, "-c", BARE], env))
            kvet.append(timed([sys.executable, "-m", "kvet", "--db", db], env))
    b, k = statistics.median(bare), statistics.median(kvet)
    print(f"bare QMainWindow: median {b:6.0f} ms over {runs} runs")
    print(f"kvet main window: median {k:6.0f} ms over {runs} runs")
    print(f"ratio: {k / b:.2f} (target at most 1.5)")


if __name__ == "__main__":
    main()
