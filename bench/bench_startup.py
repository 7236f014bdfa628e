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
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
def shown():
    print(f"shown-at {time.time()!r}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from launch to the window shown (reported by the child), and to exit."""
    start_wall, start = time.time(), time.perf_counter()
    done = subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    total = (time.perf_counter() - start) * 1000
    marks = [line for line in done.stdout.splitlines() if line.startswith("shown-at ")]
    if not marks:
        raise RuntimeError(f"{command[-1]} did not report its window: {done.stderr[-500:]}")
    return (float(marks[-1].split()[1]) - start_wall) * 1000, total


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
    for what, index in (("window shown", 0), ("whole run, to exit", 1)):
        b = statistics.median(t[index] for t in bare)
        k = statistics.median(t[index] for t in kvet)
        print(f"{what}: bare QMainWindow {b:5.0f} ms, kvet {k:5.0f} ms, ratio {k / b:.2f}")
    print(f"medians over {runs} runs each; target: kvet's window shown at most 1.5 times later")


if __name__ == "__main__":
    main()
