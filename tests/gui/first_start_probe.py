"""Run by tests/gui/test_first_start_screen.py on a real X display with a window manager.

kvet starts for the first time (no data yet, the welcome and the country question shown), as a
person starts it from the menu; once the window manager has placed the window, every control of
the main window must lie on the screen, whole. Prints what is off the screen and exits non-zero
when anything is.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QTabBar)


def on_screen(widget: QWidget, screen: QRect) -> bool:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return screen.contains(QRect(top_left, widget.size()))


def application(folder: Path) -> QApplication:
    """kvet's application, its settings kept in ``folder``."""
    app = QApplication(["kvet"])
    app.setOrganizationName("kvet-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return app


def placed(app: QApplication, window: QWidget) -> None:
    """``window`` shown, once the window manager has placed and framed it."""
    window.show()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.processEvents()
        if window.isVisible() and window.frameGeometry() != window.geometry():
            break
        time.sleep(0.05)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)


def main(folder: Path) -> int:
    app = application(folder)
    from kvet.content.checklist import load_checklist
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.api import Store

    store = Store.open(load_checklist(), folder / "kvet.sqlite")
    window = MainWindow(store)
    placed(app, window)
    screen = window.screen().geometry()
    frame = window.frameGeometry()
    print(f"screen {screen.width()}×{screen.height()}, window {frame.width()}×{frame.height()}")
    print(f"welcome shown: {window.welcome.isVisible()}")
    off = [
        f"{type(w).__name__} “{getattr(w, 'text', lambda: '')() or w.accessibleName()}”"
        for w in window.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisible() and not on_screen(w, screen)
    ]
    if not screen.contains(frame):
        off.append(f"the window's frame {frame.getRect()} on a {screen.getRect()} screen")
    statusbar = window.statusBar()
    if statusbar.isVisible() and not on_screen(statusbar, screen):
        off.append("the status bar")
    print("\n".join(off) if off else "every control on screen")
    window.close()
    store.close()
    return 1 if off else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
