"""Run by tests/gui/test_first_start_screen.py on a real X display with a window manager, with
the desktop set to 150% (QT_FONT_DPI=144, as Xft.dpi 144 gives; Qt scales the window by 1.5).

The sample open on a 1024×700 screen, the walkthrough goes through every question with the
keyboard on its first answer, as someone answering during a call does. For each question it
checks that the question itself and the answer that has the keyboard can both be read whole
(not scrolled away, not off the screen). Prints each question where one is cut and how many
there were; exits non-zero when any is.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.first_start_probe import application, placed


def settle(app: QApplication, seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def whole(widget: QWidget, screen: QRect) -> bool:
    """Readable whole: every part of it shown (not clipped by a scroll area) and on screen."""
    shown = widget.visibleRegion().boundingRect()
    on_screen = screen.contains(QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size()))
    return widget.isVisible() and shown.size() == widget.size() and on_screen


def main(folder: Path) -> int:
    app = application(folder)
    from kvet.content.checklist import load_checklist
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.start.sample import create_sample
    from kvet.store.api import Store

    store = Store.open(load_checklist(), folder / "kvet.sqlite")
    store.settings.set_preference("last_comparison", create_sample(store).id)
    window = MainWindow(store)
    placed(app, window)
    window.activateWindow()
    window.show_walkthrough()
    page = window.walkthrough
    settle(app)
    screen = window.screen().geometry()
    ratio = window.screen().devicePixelRatio()  # Qt scales the whole window from the desktop's DPI
    size = f"{screen.width() * ratio:.0f}×{screen.height() * ratio:.0f}"
    print(f"screen {size} pixels, scaled {ratio:.2f}")
    cut = []
    for index in range(len(page.items)):
        page.go(index)
        page.form.focus_answers()
        settle(app, 0.05)
        statement = page.form.explanation.statement_label
        focused = QApplication.focusWidget()
        if focused is None or not page.form.isAncestorOf(focused):
            cut.append(f"{index}: no answer has the keyboard")
        elif not (whole(statement, screen) and whole(focused, screen)):
            which = "the question" if not whole(statement, screen) else "the answer"
            cut.append(f"{index}: {which} cut ({page.items[index].id})")
    print(f"questions: {len(page.items)}")
    print("\n".join(cut) if cut else "every question and its answer whole")
    window.close()
    store.close()
    return 1 if cut else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
