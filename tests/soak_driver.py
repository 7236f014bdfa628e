"""A long session, played by a program, in a process of its own (see tests/test_soak.py).

kvet starts through its real entry point (``kvet.__main__.main``) and real event loop. One step
runs per event-loop turn, as a person's key presses would: answers by number key, notes typed,
pages turned, tabs switched, weights moved, clinics changed. At the end the window is closed the
way a person closes it, and the process exits through kvet's own shutdown. What the window showed
as saved is written to a JSON file, so the test can compare it with the database afterwards.

Usage: python -m tests.soak_driver DB_PATH STEPS EXPECTED_JSON
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kvet.__main__ import main
from kvet.content.checklist import Kind
from kvet.gui.main.application import make_application
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import OPTIONS

NOTE_WORDS = ("soaknote", "they said yes", "call back Tuesday", "asked twice")


def _window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible() and widget.attached:
            return widget
    return None


def session(steps: int, expected_path: Path) -> Iterator[None]:
    """One yield per event-loop turn."""
    window = _window()
    while window is None or not window.sample_action.isEnabled():
        yield
        window = _window()
    window.sample_action.trigger()
    yield
    state = window.state
    walk = window.walkthrough
    form = walk.form
    view = window.ui.clinicsView
    rng = random.Random(20261201)
    answers: dict[str, str | None] = {}
    notes: dict[str, str] = {}
    facts: dict[str, float | None] = {}
    counts = dict.fromkeys(("answer", "note", "page", "tab", "weight", "clinic", "fact"), 0)

    def key_of(item_id: str) -> str:
        return f"{state.clinic_id}|{item_id}"

    view.selectRow(0)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    yield
    for step in range(steps):
        roll = rng.random()
        item = walk.current_item()
        if window.ui.tabs.currentWidget() is not window.ui.walkthroughTab:
            window.show_walkthrough()
        elif item is None:
            pass
        elif roll < 0.55 and item.kind is not Kind.FACT:
            form.setFocus()
            options = [b for b in form.option_buttons if b.isVisible()]
            number = rng.randrange(len(options))
            # What a person expects: the key chooses that answer, or clears it if already chosen.
            option = OPTIONS[item.kind][number].choice
            expect = None if form.choice() is option else option
            QTest.keyClick(form, Qt.Key(Qt.Key.Key_1 + number))
            answers[key_of(item.id)] = None if expect is None else expect.value
            counts["answer"] += 1
        elif roll < 0.55:
            value = float(rng.randrange(50, 900))
            form.fact_edit.setFocus()
            form.fact_edit.selectAll()
            QTest.keyClicks(form.fact_edit, str(int(value)))
            QTest.keyClick(form.fact_edit, Qt.Key.Key_Return)
            facts[key_of(item.id)] = value
            counts["fact"] += 1
        elif roll < 0.65:
            form.note_edit.setFocus()
            QTest.keyClick(form.note_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            text = f"{rng.choice(NOTE_WORDS)} {step}"
            QTest.keyClicks(form.note_edit, text)
            notes[key_of(item.id)] = text
            counts["note"] += 1
        elif roll < 0.85:
            walk.setFocus()
            page = Qt.Key.Key_PageDown if rng.random() < 0.6 else Qt.Key.Key_PageUp
            QTest.keyClick(walk, page)
            counts["page"] += 1
        elif roll < 0.92:
            tab = rng.randrange(1, 6)
            QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + tab), Qt.KeyboardModifier.ControlModifier)
            counts["tab"] += 1
            yield
            if tab == 4:
                slider = rng.choice(list(window.weights_panel.sliders.values()))
                slider.setFocus()
                QTest.keyClick(slider, rng.choice((Qt.Key.Key_Left, Qt.Key.Key_Right)))
                counts["weight"] += 1
            QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        else:
            rows = window.clinic_model.rowCount()
            view.selectRow(rng.randrange(rows))
            counts["clinic"] += 1
        yield
    expected = {
        "rater": state.rater_id,
        "answers": answers,
        "notes": notes,
        "facts": facts,
        "counts": counts,
    }
    expected_path.write_text(json.dumps(expected), encoding="utf-8")
    window.close()  # as a person closes it: the pending note is saved, then the app quits


def run(db: Path, steps: int, expected_path: Path) -> int:
    app = make_application([sys.argv[0]])
    driver = session(steps, expected_path)
    timer = QTimer(app)

    def tick() -> None:
        try:
            next(driver)
        except StopIteration:
            timer.stop()

    timer.timeout.connect(tick)
    timer.start(0)
    return main(["--db", str(db)])


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])))
