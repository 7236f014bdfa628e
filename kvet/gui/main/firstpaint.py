"""What the main window shows in its first paint: kvet's title, the place and size it was left
at, a working "Need help now?", and "Opening your data…" in its status bar (set by the window).

The Designer form, its header and menus need the Qt namespace, whose some 200 enums PySide6
makes in Python the first time anything names it, and a few dozen more classes: some 40 ms on a
small machine. A person starting kvet should see it at once and reach the crisis lines, so
``kvet.gui.main.app`` paints this first and ``MainWindow.build_form`` puts the form in on the
next turn of the event loop, before the data is opened. Only classes the bare window makes
anyway, and the few below, are named here (tests/gui/test_lean_start.py counts them).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QVBoxLayout, QWidget

from kvet.gui.common.screenfit import keep_on_screen, place_on_screen
from kvet.gui.words.tr import translate

# The window's size at a first start, where the screen has room for it (less where it has not).
FIRST_SIZE = QSize(1180, 760)
GEOMETRY_KEY = "mainWindow/geometry"
PAINT_WAIT_MS = 400  # the longest the form and the data wait for the first paint
POLL_MS = 2


def restore_place(window: QMainWindow) -> None:
    """The window's place and size as it was left, inside this screen; centred at its first
    size the first time."""
    geometry = QSettings().value(GEOMETRY_KEY)
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
        if not window.isMaximized():
            keep_on_screen(window)  # it may have been saved on a larger screen
    else:
        place_on_screen(window, FIRST_SIZE)


def after_painted(window: QMainWindow, steps: list[Callable[[], object]]) -> Callable[[], None]:
    """Run ``steps`` once the window is on the screen and painted, or after ``PAINT_WAIT_MS`` if
    the window system has not shown it by then (a window opened minimised, or elsewhere).
    Returns what cancels the steps not run yet (the event loop ended first).

    Timers of 0 ms would run them before: the window system lets a new window be drawn (its
    expose, on which Qt paints it) a little after it is shown, and the steps (the form, then
    the data's libraries and the data) hold the event loop for half a second, so on X11 the
    window appeared only with the data. Asking whether it is exposed every few milliseconds
    needs no Python handler for Qt's events, which would make more of Qt's classes before the
    first paint (tests/gui/test_lean_start.py counts them)."""
    waiting = list(steps)
    deadline = time.monotonic() + PAINT_WAIT_MS / 1000  # a busy machine's timers come late

    def run_steps() -> None:
        while waiting:
            waiting.pop(0)()

    def check() -> None:
        handle = window.windowHandle()  # asked here: the shown mark comes first
        if (handle is not None and handle.isExposed()) or time.monotonic() >= deadline:
            timer.stop()
            QTimer.singleShot(0, window, run_steps)  # after the paint the expose brought

    def cancel() -> None:
        timer.stop()
        waiting.clear()

    timer = QTimer(window)
    timer.setInterval(POLL_MS)
    timer.timeout.connect(check)
    timer.start()
    return cancel


def waiting_page(help_now: Callable[[], object]) -> QWidget:
    """ "Need help now?" where the form has it, at the top right; its words are the form's own,
    so they are translated already. ("Opening your data…" is in the status bar, where it stays
    as the form comes.)"""
    page = QWidget()
    page.setObjectName("waitingPage")
    column = QVBoxLayout(page)
    top = QHBoxLayout()
    top.addStretch(1)
    button = QPushButton(translate("MainWindow", "Need help now?"))
    button.setObjectName("waitingHelpNowButton")
    button.setAccessibleName(translate("MainWindow", "Need help now?"))
    button.setAccessibleDescription(
        translate("MainWindow", "Shows crisis lines you can call or text right now.")
    )
    button.clicked.connect(lambda: help_now())
    top.addWidget(button)
    column.addLayout(top)
    column.addStretch(1)
    return page


def show_now(window: QMainWindow) -> None:
    """The parts just put in a window that is on screen, shown and laid out at once: Qt would
    show them on the next turn of the event loop, after what is already waiting there."""
    if not window.isVisible():
        return
    for part in (window.centralWidget(), window.menuBar(), window.statusBar()):
        if part is not None:
            part.show()
    layout = window.layout()
    if layout is not None:
        layout.activate()
