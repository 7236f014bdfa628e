"""Benchmark: moving a weight slider, and answering one question, in the real main window,
until every view has caught up.

A slider move saves the weights, re-scores and re-ranks the comparison, and refreshes the table,
chart, comparison matrix and the Together tab. Target: under 100 ms, so the ranking follows the
hand without a lag a person can see. Measured for comparisons of 10, 50 and 200 clinics with
two people's answers, in the combined view (the default) and in one person's view.
Run on demand: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_sliders.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build_database
from PySide6.QtWidgets import QApplication

from kvet.content.checklist import load_checklist
from kvet.gui.common.state import COMBINED
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from kvet.store.api import Store

TARGET_MS = 100.0


def measure(app: QApplication, clinics: int, folder: Path) -> dict[str, float]:
    checklist = load_checklist()
    path = folder / f"sliders-{clinics}.sqlite"
    build_database(path, checklist, clinics)
    store = Store.open(checklist, path, daily_backup=False)
    window = MainWindow(store)
    window.show()
    app.processEvents()
    slider = next(iter(window.weights_panel.sliders.values()))
    out = {}
    for view in ("combined", "one person"):
        window.state.switch_view(COMBINED if view == "combined" else store.people.default().id)
        times = []
        for step in range(12):
            start = time.perf_counter()
            slider.setValue(slider.minimum() + step % (slider.maximum() - slider.minimum() + 1))
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        out[view] = statistics.median(times[2:])
        # answering one question (a key press in the walkthrough) re-reads what changed
        clinic_id = window.state.clinics[0].id
        choices = ("seen", "not_seen")
        times = []
        for step in range(8):
            start = time.perf_counter()
            store.answers.set(clinic_id, "rf_cure_promise", Choice(choices[step % 2]))
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        out[f"{view}, one answer"] = statistics.median(times[2:])
    window.close()
    window.deleteLater()
    app.processEvents()
    store.close()
    return out


def main() -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        for clinics in (10, 50, 200):
            result = measure(app, clinics, Path(folder))
            parts = ", ".join(f"{view} {ms:6.1f} ms" for view, ms in result.items())
            print(f"{clinics:4d} clinics: slider move to every view refreshed: {parts}")
    print(f"target: under {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
