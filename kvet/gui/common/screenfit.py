"""Windows fit the screen they open on: small laptops (1024×700), larger text and 200% scaling.

A window manager puts a title bar and a frame around a window and will not shrink it to fit, so
a window sized for a large screen starts with its bottom (the status bar, the buttons) off a
small one. Sizes here are chosen from the screen's free area (``availableGeometry``, the screen
less any panels) with room left for that frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # PySide6 makes a class when first named: the main window's first paint
    # places it with this module, and names none of these
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QComboBox

# The most a window manager's title bar and borders take (openbox, GNOME, KDE, Xfce at 100%).
FRAME = QSize(12, 40)


def screen_room(window: QWidget) -> QRect:
    """The free area of the screen the window is on (or will open on)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def first_size(wanted: QSize, room: QSize) -> QSize:
    """The size to open at: ``wanted`` where the screen has room for it and its frame, less
    where it has not."""
    return wanted.boundedTo(room - FRAME)


def place_on_screen(window: QWidget, wanted: QSize) -> None:
    """Open at ``wanted`` (or what the screen allows), centred in the free area."""
    room = screen_room(window)
    size = first_size(wanted, room.size())
    window.resize(size)
    left = room.left() + max(0, (room.width() - size.width() - FRAME.width()) // 2)
    top = room.top() + max(0, (room.height() - size.height() - FRAME.height()) // 2)
    window.move(left, top)


def keep_on_screen(window: QWidget) -> None:
    """A size and place remembered from another (larger) screen, brought inside this one."""
    room = screen_room(window)
    size = window.size().boundedTo(room.size() - FRAME)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    outer = frame.size().boundedTo(room.size())
    left = min(max(frame.left(), room.left()), room.right() + 1 - outer.width())
    top = min(max(frame.top(), room.top()), room.bottom() + 1 - outer.height())
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)


class _KeepWindowsOnScreen(QObject):
    def __init__(self, parent: QObject) -> None:
        from PySide6.QtCore import QEvent

        super().__init__(parent)
        self.shown = QEvent.Type.Show

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == self.shown
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not watched.isMaximized()
            and not watched.isFullScreen()
        ):
            keep_on_screen(watched)
        return False


def keep_windows_on_screen(app: QCoreApplication) -> None:
    """Every window and dialog kvet opens is brought inside the screen as it is shown: a dialog
    made for 640×620 would otherwise run off a 911×512 screen (1366×768 at 150%)."""
    if app.property("kvetKeepsWindowsOnScreen"):
        return
    watcher = _KeepWindowsOnScreen(app)
    app.installEventFilter(watcher)
    app.setProperty("kvetKeepsWindowsOnScreen", True)


def narrow_combo(combo: QComboBox, chars: int = 12) -> None:
    """A drop-down whose least width does not come from its longest entry: it takes the width
    it is given (the list itself opens as wide as the entries need)."""
    from PySide6.QtWidgets import QComboBox, QSizePolicy

    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())
