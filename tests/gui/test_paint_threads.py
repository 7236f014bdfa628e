"""kvet paints on its own thread: Qt's pool of painting threads cost more than it saved.

Qt hands each fill of 96 lines or more to a pool of threads and waits for them. On a 2-core
machine that made a scroll bar take 1.5 ms to paint instead of 0.1 ms, and every answer in the
walkthrough repaints two of them (issue 26). The pool's threads are named "Thread (pooled)"."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from tests.gui.helpers import own_process_env, sample_shown_at_start

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="threads are listed from Linux's /proc"
)

THREADS = """
import os
from pathlib import Path

def threads():
    return sorted(
        Path(f"/proc/self/task/{task}/comm").read_text().strip()
        for task in os.listdir("/proc/self/task")
    )
"""

KVET = (
    THREADS
    + """
import sys
import kvet.gui.main.mainwindow as mainwindow
from kvet.__main__ import main

attach = mainwindow.MainWindow.attach
def attach_and_paint(window, store):
    attach(window, store)
    window.grab()  # every widget of the window painted, scroll bars and progress bar too
    window.walkthrough.grab()
    print("threads", threads(), flush=True)
mainwindow.MainWindow.attach = attach_and_paint
sys.exit(main(["--db", sys.argv[1]]))
"""
)

BARE = (
    THREADS
    + """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollBar

app = QApplication([])
bar = QScrollBar(Qt.Orientation.Vertical)
bar.resize(14, 424)
bar.setRange(0, 500)
bar.grab()
print("threads", threads(), flush=True)
"""
)


def painting_threads(home: Path, *words: str) -> list[str]:
    env = own_process_env(home)
    env.pop("QT_NO_GUI_THREADPOOL", None)  # as a user's desktop starts kvet
    done = subprocess.run(
        [sys.executable, *words], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("threads"))
    return [
        name
        for name in ast.literal_eval(line.removeprefix("threads "))
        if name == "Thread (pooled)"
    ]


def test_kvet_paints_its_window_without_handing_fills_to_other_threads(
    tmp_path: Path, checklist: Checklist
) -> None:
    if not painting_threads(tmp_path, "-c", BARE):
        pytest.skip("Qt made no painting threads here even for a bare window: nothing to tell")
    path = tmp_path / "kvet.sqlite"
    sample_shown_at_start(checklist, path)
    assert painting_threads(tmp_path, "-c", KVET, str(path)) == []
