"""Benchmark: one walkthrough answer, one weight-slider move and a tab switch in the real window.

Each size (10, 50 and 200 clinics, two people's answers, bench_store's database) runs in a fresh
process started through ``kvet.__main__.main``, the entry point a user starts: the window shows,
the data opens, and then the scenarios run inside its event loop. Each change is timed from the
user's action (an answer button clicked, a slider moved, a tab chosen) until the event loop is
idle again (every posted event, timer of 0 ms and repaint handled), in the combined view; wall
time and this process's CPU time (on a busy machine the CPU time says more about the code).
The FLOOR program, run the same way for each size, is the least a window could do: a bare
QMainWindow with tabs over a table of the same number of rows, one cell changed (an answer),
every row changed (a slider move) and a tab switched.
Goals (issue 26): an answer and a slider move at 200 clinics ≤ 16 ms median, an answer ≤ 33 ms
at worst.
Run on demand: .venv/bin/python bench/bench_window.py [--profile] [--sizes 10,50,200]
``--profile`` writes the cProfile of the answers at 200 clinics to bench/profiles/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SIZES = (10, 50, 200)
ANSWERS = 21  # timed answers per size (the first is dropped: caches fill)
MOVES = 13
SWITCHES = 13
GOAL_MEDIAN_MS = 16.0
GOAL_WORST_MS = 33.0
PROFILES = HERE / "profiles"


def settle(app: object) -> None:
    """Until the event loop is idle: posted events, 0 ms timers and the repaints they cause."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def timed(
    app: object, action: Callable[[], object], repeat: int, cpu: list[float] | None = None
) -> list[float]:
    """Wall times in ms (the first dropped); the CPU times of this process go to ``cpu``."""
    times = []
    for _ in range(repeat):
        settle(app)
        start, used = time.perf_counter(), time.process_time()
        action()
        settle(app)
        times.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - used) * 1000)
    if cpu is not None:
        del cpu[: len(cpu) - len(times) + 1]
    return times[1:]


def write_profile(profiler: object, path: Path) -> None:
    """The profile's top lines, by time including callees and by time in each function."""
    import io
    import pstats

    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)  # type: ignore[arg-type]
    stats.sort_stats("cumulative").print_stats(80)
    stats.sort_stats("tottime").print_stats(25)
    path.write_text(text.getvalue(), encoding="utf-8")


def kvet_child(db: Path, out: Path, profile: Path | None) -> None:
    """Start kvet as a user does; once its data is attached, run the scenarios and quit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import kvet.gui.main.opendata as opening

    attach = opening.attach_safely

    def attached(window: object, store: object) -> bool | None:
        result = attach(window, store)  # type: ignore[arg-type]
        QTimer.singleShot(50, lambda: scenarios(window))
        return result

    def scenarios(window: object) -> None:
        app = QApplication.instance()
        settle(app)
        results = answers(app, window, profile)
        results.update(slider_moves(app, window, profile))
        tabs = window.ui.tabs  # type: ignore[attr-defined]
        count = tabs.count()
        switches = iter(range(10**6))
        results["tab cpu"] = []
        results["tab"] = timed(
            app,
            lambda: tabs.setCurrentIndex((next(switches) + 1) % count),
            SWITCHES,
            results["tab cpu"],
        )
        out.write_text(json.dumps(results), encoding="utf-8")
        window.close()  # type: ignore[attr-defined]
        QApplication.quit()

    opening.attach_safely = attached  # the run looks it up as it opens the data
    from kvet.__main__ import main  # as ``kvet`` starts: the collector paused, then set aside

    main(["--db", str(db)])


def walk_middle_clinic(app: object, w: Any) -> Any:
    """The walkthrough page, on the clinic in the middle of the ranking (the scenario the answer
    benchmarks share: its place can move either way)."""
    page = w.walkthrough
    w.show_walkthrough()
    settle(app)
    state = w.state
    middle = state.ranking.places[len(state.ranking.places) // 2].result.clinic_id
    state.select_clinic(middle)
    settle(app)
    return page


def answers(app: object, w: Any, profile: Path | None) -> dict[str, list[float]]:
    """The same question of a clinic in the middle of the ranking, answered one way and the
    other in turn: each timed from the click until the window is idle again."""
    page = walk_middle_clinic(app, w)
    times: list[float] = []
    cpu: list[float] = []
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
    for step in range(ANSWERS):
        if profiler is not None:
            profiler.enable()
        page.go(0)  # the same question each time, answered differently each time
        settle(app)
        start, used = time.perf_counter(), time.process_time()
        page.form.choose(step % 2)
        settle(app)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        if profiler is not None:
            profiler.disable()
    if profiler is not None and profile is not None:
        write_profile(profiler, profile)
    return {"answer": times[1:], "answer cpu": cpu[1:]}


def slider_moves(app: object, w: Any, profile: Path | None) -> dict[str, list[float]]:
    """The first section's slider moved one place at a time, round its five places."""
    slider = next(iter(w.weights_panel.sliders.values()))
    span = slider.maximum() - slider.minimum() + 1
    moves = iter(range(10**6))
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    cpu: list[float] = []
    times = timed(
        app, lambda: slider.setValue(slider.minimum() + (next(moves) + 1) % span), MOVES, cpu
    )
    if profiler is not None and profile is not None:
        profiler.disable()
        write_profile(profiler, profile.with_name(profile.name.replace("answer", "slider")))
    return {"slider": times, "slider cpu": cpu}


FLOOR = """
import json, sys, time
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTableView, QTabWidget

rows, out = int(sys.argv[1]), sys.argv[2]
app = QApplication([])
window = QMainWindow()
window.resize(1000, 700)
tabs = QTabWidget()
window.setCentralWidget(tabs)
model = QStandardItemModel(rows, 6)
for r in range(rows):
    for c in range(6):
        model.setItem(r, c, QStandardItem(f"{r}.{c}"))
view = QTableView()
view.setModel(model)
tabs.addTab(view, "Clinics")
for n in range(4):
    tabs.addTab(QLabel(f"page {n}"), f"Page {n}")
window.show()

def settle():
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)

results = {}

def timed(name, action, repeat):
    times, cpu = [], []
    for n in range(repeat):
        settle()
        start, used = time.perf_counter(), time.process_time()
        action(n)
        settle()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    results[name], results[name + " cpu"] = times[1:], cpu[1:]

def run():
    timed("answer", lambda n: model.item(rows // 2, 2).setText(str(n)), REPEAT_ANSWERS)
    timed(
        "slider",
        lambda n: [model.item(r, 2).setText(f"{n}.{r}") for r in range(rows)],
        REPEAT_MOVES,
    )
    timed("tab", lambda n: tabs.setCurrentIndex((n + 1) % tabs.count()), REPEAT_SWITCHES)
    open(out, "w").write(json.dumps(results))
    app.quit()

QTimer.singleShot(50, run)
app.exec()
"""
FLOOR = (
    FLOOR.replace("REPEAT_ANSWERS", str(ANSWERS - 1))
    .replace("REPEAT_MOVES", str(MOVES))
    .replace("REPEAT_SWITCHES", str(SWITCHES))
)


def summary(times: list[float], cpu: list[float]) -> str:
    return (
        f"median {statistics.median(times):6.1f} ms, worst {max(times):6.1f} ms, "
        f"CPU median {statistics.median(cpu):6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--child", nargs=3, metavar=("DB", "OUT", "PROFILE"))
    args = parser.parse_args()
    if args.child:
        db, out, profile = args.child
        kvet_child(Path(db), Path(out), Path(profile) if profile != "-" else None)
        return
    sys.path.insert(0, str(HERE))
    from bench_store import build_database
    from machinespeed import speed_line

    from kvet.content.checklist import load_checklist

    checklist = load_checklist()
    sizes = [int(s) for s in args.sizes.split(",")]
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, load {load}"
    )
    print(speed_line("before"))
    with tempfile.TemporaryDirectory() as folder:
        env = {  # the user's own crash log and folders are left alone
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "HOME": folder,
            "XDG_DATA_HOME": str(Path(folder) / "data"),
            "XDG_CONFIG_HOME": str(Path(folder) / "config"),
            "XDG_STATE_HOME": str(Path(folder) / "state"),
        }
        for size in sizes:
            db = Path(folder) / f"window-{size}.sqlite"
            build_database(db, checklist, size)
            found = {}
            for name, command in (
                ("floor", [sys.executable, "-c", FLOOR, str(size)]),
                ("kvet", [sys.executable, __file__, "--child", str(db)]),
            ):
                out = Path(folder) / f"{name}-{size}.json"
                profile = "-"
                if name == "kvet" and args.profile and size == max(sizes):
                    PROFILES.mkdir(exist_ok=True)
                    profile = str(PROFILES / f"answer-{size}-clinics.txt")
                tail = [str(out), profile] if name == "kvet" else [str(out)]
                subprocess.run([*command, *tail], env=env, check=True, timeout=600)
                found[name] = json.loads(out.read_text(encoding="utf-8"))
            for scenario in ("answer", "slider", "tab"):
                kvet, floor = found["kvet"], found["floor"]
                cpu = f"{scenario} cpu"
                print(
                    f"{size:4d} clinics, {scenario:6s}: kvet {summary(kvet[scenario], kvet[cpu])}"
                    f" | floor {summary(floor[scenario], floor[cpu])}"
                )
    print(speed_line("after"))
    print(
        f"goals at 200 clinics: answer and slider median ≤ {GOAL_MEDIAN_MS:.0f} ms, "
        f"answer worst ≤ {GOAL_WORST_MS:.0f} ms"
    )


if __name__ == "__main__":
    main()
