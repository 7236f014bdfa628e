"""The busy cursor and the late progress box every long save, read and import shows.

Saving, reading a file and importing it are each one step of the core that may take seconds on a
large comparison; all three show the same wait, so this lives apart from any one of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


@contextmanager
def busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class Steps:
    """Progress through a few long steps, shown only once the work has taken over a second."""

    def __init__(
        self, parent: QWidget | None, title: str, count: int, *, show_now: bool = False
    ) -> None:
        """``show_now``: the work is known to be long (a large file), so show it at once."""
        self.dialog = QProgressDialog(title, "", 0, count, parent)
        self.dialog.setWindowTitle("kvet")
        self.dialog.setCancelButton(None)  # a step cannot stop half-way: it is one transaction
        self.dialog.setMinimumDuration(0 if show_now else 1000)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(True)
        self.dialog.setValue(0)
        if show_now:
            self.dialog.show()
            QApplication.processEvents()

    def step(self, label: str) -> None:
        self.dialog.setLabelText(label)
        self.dialog.setValue(self.dialog.value() + 1)
        QApplication.processEvents()

    def close(self) -> None:
        self.dialog.setValue(self.dialog.maximum())
        self.dialog.deleteLater()
