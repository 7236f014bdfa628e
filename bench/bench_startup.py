"""Benchmark: process start to a shown kvet main window, against a bare QMainWindow.

Both run the same way (a fresh process, offscreen); each reports the moment its window is shown
and the event loop has turned once. kvet shows its window first, with its menus' help and the
"Need help now?" button working, then opens the database and fills the window: it also reports
that second moment ("ready"), when the clinics and scores are on screen.
Target: kvet's window shown at most 1.5 times as late as the bare window.
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


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Milliseconds from launch to the window shown, to the data shown (if reported), to exit."""
    start_wall, start = time.time(), time.perf_counter()
    done = subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    total = (time.perf_counter() - start) * 1000
    marks = {}
    for line in done.stdout.splitlines():
        if line.endswith(tuple("0123456789")) and "-at " in line:
            what, moment = line.split("-at ")
            marks[what] = (float(moment) - start_wall) * 1000
    if "shown" not in marks:
        raise RuntimeError(f"{command[-1]} did not report its window: {done.stderr[-500:]}")
    return marks["shown"], marks.get("ready", marks["shown"]), total


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
    for what, index in (
        ("window shown", 0),
        ("clinics and scores shown", 1),
        ("whole run, to exit", 2),
    ):
        b = statistics.median(t[index] for t in bare)
        k = statistics.median(t[index] for t in kvet)
        print(f"{what}: bare QMainWindow {b:5.0f} ms, kvet {k:5.0f} ms, ratio {k / b:.2f}")
    print(f"medians over {runs} runs each; target: kvet's window shown at most 1.5 times later")


if __name__ == "__main__":
    main()
