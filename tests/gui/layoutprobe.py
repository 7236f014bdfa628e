"""Look at a window the way a person does: is any text cut, is anything pushed sideways?

For every label, button and drop-down that is visible, the probe asks how wide its text is and
how much of it is actually shown: the widget's own width, and the width left to it by each parent
(a scroll area's viewport cuts what lies past its edge, and a scroll area with its horizontal bar
switched off gives no way to reach it). Scroll areas must not show a horizontal bar at all.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

SLACK = 2  # pixels of rounding a person cannot see


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisible() and widget.window() is root.window() and widget.width() > 0


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text()).replace("&&", "\0").replace("&", "").replace("\0", "&") if text else ""


def _needed_width(widget: QWidget) -> int:
    """The width the widget needs to show all its text on one line (or its longest word)."""
    if isinstance(widget, QLabel):
        metrics = widget.fontMetrics()
        text = _text(widget) if widget.buddy() is not None else widget.text()
        if widget.wordWrap():
            words = text.split()
            need = max((metrics.horizontalAdvance(w) for w in words), default=0)
        else:
            need = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
        margins = widget.contentsMargins()
        extra = margins.left() + margins.right() + 2 * widget.margin() + max(widget.indent(), 0)
        return need + extra
    if isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        spare = widget.width() - field.width()
        return widget.fontMetrics().horizontalAdvance(widget.currentText()) + spare
    if isinstance(widget, QAbstractButton):
        return widget.sizeHint().width()
    return 0


def _too_short(label: QLabel) -> bool:
    """A wrapped label given less height than its lines need shows only some of them."""
    if not label.wordWrap() or not label.text():
        return False
    return label.height() + SLACK < label.heightForWidth(label.width())


def _clipping_parent(widget: QWidget, root: QWidget) -> str:
    """The first parent that hides part of ``widget`` across (by width), if any."""
    rect = QRect(widget.rect())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.translated(child.pos())
        if rect.left() < -SLACK or rect.right() > parent.width() + SLACK:
            return parent.objectName() or type(parent).__name__
        if parent is root:
            break
        child, parent = parent, parent.parentWidget()
    return ""


def cut_texts(root: QWidget) -> list[str]:
    """Every visible text the person cannot read whole, and every horizontal scroll bar shown."""
    problems: list[str] = []
    kinds = (QLabel, QAbstractButton, QComboBox)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or not _shown(widget, root):
            continue
        text = widget.currentText() if isinstance(widget, QComboBox) else _text(widget)
        if not text.strip():
            continue
        name = f"{type(widget).__name__} “{text[:40]}”"
        need = _needed_width(widget)
        if need > widget.width() + SLACK:
            problems.append(f"{name} needs {need} px, has {widget.width()}")
        if isinstance(widget, QLabel) and _too_short(widget):
            problems.append(f"{name} is cut at the bottom")
        clipper = _clipping_parent(widget, root)
        if clipper:
            problems.append(f"{name} runs past the edge of {clipper}")
    for area in root.findChildren(QAbstractScrollArea):
        if _shown(area, root) and area.horizontalScrollBar().isVisible():
            problems.append(
                f"{type(area).__name__} “{area.accessibleName() or area.objectName()}” "
                "shows a horizontal scroll bar"
            )
    return problems
