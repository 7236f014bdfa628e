"""Profile: the store and shared-state side of one walkthrough answer, in the real window.

The window starts as ``bench_window`` starts it (``kvet.gui.main.app.run`` on bench_store's
database, two people's answers, the combined view); then the same question of a clinic in the
middle of the ranking is answered one way and the other in turn. Counted per answer: database
transactions and SQL statements; timed: this process's CPU from the click until the click
returns (the store's write and read, the rescoring, the views' Python), and until the window is
idle again (Qt's own layout and paint added). ``--profile PATH`` writes the cProfile of the clicks
alone (Qt's posted events left out) for bench/profiles/.
Run on demand: .venv/bin/python bench/profile_answer_store.py [--sizes 10,200] [--profile PATH]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANSWERS = 41  # the first is dropped: caches fill


def answers(app: object, w: Any, profile: Path | None) -> dict[str, list[float]]:
    """Each answer's CPU (click, and click with Qt's work after it), transactions, statements."""
    from bench_window import settle, walk_middle_clinic
    from sqlalchemy import event

    from kvet.store.connection import Database

    page = walk_middle_clinic(app, w)
    state = w.state
    counts = {"transactions": 0, "statements": 0}
    transaction = Database.transaction

    def counted(self: Database, *args: Any, **kwargs: Any) -> Any:
        counts["transactions"] += 1
        return transaction(self, *args, **kwargs)

    def statement(*_args: Any) -> None:
        counts["statements"] += 1

    Database.transaction = counted  # type: ignore[method-assign]
    event.listen(state.store.db.engine, "before_cursor_execute", statement)
    found: dict[str, list[float]] = {k: [] for k in ("click", "idle", "transactions", "statements")}
    profiler = cProfile.Profile() if profile is not None else None
    for step in range(ANSWERS):
        page.go(0)  # the same question each time, answered differently each time
        settle(app)
        counts["transactions"] = counts["statements"] = 0
        used = time.process_time()
        if profiler is not None and step:
            profiler.runcall(page.form.choose, step % 2)
        else:
            page.form.choose(step % 2)
        clicked = time.process_time()
        settle(app)
        found["click"].append((clicked - used) * 1000)
        found["idle"].append((time.process_time() - used) * 1000)
        found["transactions"].append(counts["transactions"])
        found["statements"].append(counts["statements"])
    if profiler is not None and profile is not None:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(70)
        stats.sort_stats("tottime").print_stats(25)
        profile.write_text(text.getvalue().replace(os.getcwd() + "/", ""), encoding="utf-8")
    return {key: values[1:] for key, values in found.items()}


def child(db: Path, out: Path, profile: Path | None) -> None:
    import bench_window

    bench_window.answers = answers
    bench_window.slider_moves = lambda *_args: {}
    bench_window.SWITCHES = 2
    bench_window.kvet_child(db, out, profile)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,200")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    if args.child:
        db, out, profile = args.child
        child(Path(db), Path(out), Path(profile) if profile != "-" else None)
        return
    from bench_store import build_database

    from kvet.content.checklist import load_checklist

    checklist = load_checklist()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": folder}
        for size in sizes:
            db, out = Path(folder) / f"{size}.sqlite", Path(folder) / f"{size}.json"
            build_database(db, checklist, size)
            command = [sys.executable, __file__, "--child", str(db), str(out)]
            if args.profile and size == max(sizes):  # a run of its own: profiling slows it
                profiled = Path(folder) / "profiled.json"
                profile = [*command[:-1], str(profiled), str(args.profile)]
                subprocess.run(profile, env=env, check=True, timeout=600)
            subprocess.run([*command, "-"], env=env, check=True, timeout=600)
            found = json.loads(out.read_text(encoding="utf-8"))
            load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
            print(
                f"{size:4d} clinics (load {load}): click CPU median "
                f"{statistics.median(found['click']):.1f} ms, until idle "
                f"{statistics.median(found['idle']):.1f} ms; per answer "
                f"{sorted(set(found['transactions']))} transactions, "
                f"{sorted(set(found['statements']))} SQL statements"
            )


if __name__ == "__main__":
    main()
