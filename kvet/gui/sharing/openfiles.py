"""A shared ``.kvet`` file opened from the desktop, and the Start-menu offer on Windows.

A person double-clicks a file their brother sent. Linux's menu entry passes it on the command
line (``Exec=kvet %f``); macOS sends it as a file-open event (kvet.app declares the type);
either way kvet opens and shows the same import dialog as File → Import, once its data is open.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # made when first named: not before the window's first paint
    from PySide6.QtCore import QEvent

START_MENU_ASKED = "startMenuAsked"


translate = QCoreApplication.translate


class FileOpenEvents(QObject):
    """Turns the system's file-open events (macOS Finder) into an import of that file.

    Events that arrive before the data is open are kept and handed over by ``ready``.
    """

    def __init__(self, import_file: Callable[[Path], object], parent: QObject) -> None:
        super().__init__(parent)
        self._import_file = import_file
        self._waiting: list[Path] = []
        self._ready = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # made when first named (not before the first paint)
        from PySide6.QtGui import QFileOpenEvent

        if isinstance(event, QFileOpenEvent) and event.type() == QEvent.Type.FileOpen:
            path = Path(event.file())
            if self._ready:
                self._import_file(path)
            else:
                self._waiting.append(path)
            return True
        return super().eventFilter(watched, event)

    def ready(self, *given: Path | None) -> None:
        """The data is open: import what was given on the command line or arrived meanwhile."""
        self._ready = True
        for path in [*(p for p in given if p is not None), *self._waiting]:
            self._import_file(path)
        self._waiting.clear()


def offer_start_menu(parent: QWidget, add: Callable[[], object] | None = None) -> bool:
    """On Windows, when kvet runs from its unpacked folder, offer once to add it to Start.

    Returns whether the question was asked. The answer is remembered either way, so it is asked
    at most once; later, ``kvet-cmd --install-desktop`` does the same.
    """
    if sys.platform == "win32":  # a block of its own: mypy checks it for Windows only
        if getattr(sys, "frozen", False):
            return _ask_about_start_menu(parent, add)
    return False


def _ask_about_start_menu(parent: QWidget, add: Callable[[], object] | None) -> bool:
    from PySide6.QtWidgets import QMessageBox  # made when first named (before the first paint)

    settings = QSettings()
    if settings.value(START_MENU_ASKED, False, bool):
        return False
    settings.setValue(START_MENU_ASKED, True)
    answer = QMessageBox.question(
        parent,
        translate("OpenFiles", "Add kvet to the Start menu?"),
        translate(
            "OpenFiles",
            "kvet can add itself to your Start menu, so you can find it without opening this "
            "folder again. Nothing else on your computer is changed.",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return True
    from kvet.system import startmenu

    try:
        (add or startmenu.install)()
    except startmenu.StartMenuError:
        QMessageBox.warning(
            parent,
            translate("OpenFiles", "Add kvet to the Start menu?"),
            translate(
                "OpenFiles",
                "kvet could not add itself to the Start menu. Nothing else was changed. "
                "You can still start kvet from its folder.",
            ),
        )
    return True
