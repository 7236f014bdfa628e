"""Where the keyboard is: focus that shows, stays on screen, and says what it is.

Small helpers the windows share, so a person who works from the keyboard or a screen reader
finds the same behaviour everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QScrollArea,
    QWidget,
)

if TYPE_CHECKING:  # PySide6 makes a class when it is first named: these only when used
    from PySide6.QtGui import QPainter

# Qt 6.8 and newer have a polite announcement for screen readers; kvet allows PySide6 6.6.
ANNOUNCEMENT: Any = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


def take_focus(widget: QWidget) -> None:
    """A drawn widget (a chart) that Tab reaches, so its description can be read."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def draw_focus(widget: QWidget, painter: QPainter) -> None:
    """A frame in the highlight colour around ``widget`` while it has the keyboard (some
    styles draw their own focus rectangle only after a Tab key, not after a click)."""
    from PySide6.QtGui import QPalette, QPen

    if not widget.hasFocus():
        return
    painter.save()
    painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(widget.rect()).adjusted(1, 1, -1, -1))
    painter.restore()


def announce(widget: QWidget, text: str) -> None:
    """Ask a screen reader to say ``text`` (on Qt versions that can; focus speaks otherwise)."""
    from PySide6.QtGui import QAccessible

    if ANNOUNCEMENT is not None and QAccessible.isActive():
        QAccessible.updateAccessibility(ANNOUNCEMENT(widget, text))


def _scroll_to(widget: QWidget) -> None:
    """Every scroll area around ``widget`` scrolls so that it shows, nearest first."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            content = parent.widget()
            if content is not None and (content is child or content.isAncestorOf(child)):
                _bring_into(parent, content, child)
                child = parent
        parent = parent.parentWidget()


def _bring_into(area: QScrollArea, content: QWidget, child: QWidget) -> None:
    """Qt centres a widget taller than the area on its middle (a ranking of 50 clinics opened
    at its 25th): such a widget, when some of it shows, stays where it is; else its top shows."""
    viewport = area.viewport().size()
    if child.height() <= viewport.height() and child.width() <= viewport.width():
        area.ensureWidgetVisible(child, 8, 8)
        return
    place = QRect(child.mapTo(content, QPoint(0, 0)), child.size())
    if not place.intersects(QRect(-content.pos(), viewport)):
        area.verticalScrollBar().setValue(place.top() - 8)
        area.horizontalScrollBar().setValue(place.left() - 8)


class _FocusInView(QObject):
    def moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        _scroll_to(new)
        # Once more after the layouts settle: a field just shown may not have its place yet.
        QTimer.singleShot(0, new, lambda: _scroll_to(new))


def keep_focus_in_view() -> None:
    """The control that gets the keyboard scrolls into view, in every window (once per app)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property("kvetFocusInView"):
        return
    keeper = _FocusInView(app)
    app.focusChanged.connect(keeper.moved)
    app.setProperty("kvetFocusInView", True)


class EnterPressesButtons(QObject):
    """Enter on a focused button of ``window`` presses it, as Space does (Qt's buttons take
    only Space). Only the key pressed on that button: Enter still makes a new line in a note,
    still chooses in a list, and still does a field's own job (add a session, a sign)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.button: QAbstractButton | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a method, so Qt disconnects it with the window
            app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.button is not None and shiboken6.isValid(self.button):
            self.button.removeEventFilter(self)
        self.button = None
        if isinstance(new, QAbstractButton) and new.window() is self.window:
            new.installEventFilter(self)
            self.button = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtGui import QKeyEvent

        if (
            watched is self.button
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.button.isEnabled()
        ):
            self.button.click()
            return True
        return super().eventFilter(watched, event)
