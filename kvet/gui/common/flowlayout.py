"""Rows that wrap like words, words that keep their lines, and bodies that scroll: for narrow
windows, short screens and larger text.

A row of controls laid out side by side is as wide as all of them together: with the font at 200%
the main window's bar of drop-downs alone was wider than a 1366-pixel screen. Here the controls
go onto a second line instead, and a long button's words onto more lines, as text does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMargins,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.text import plain_label

if TYPE_CHECKING:  # PySide6 makes a class when it is first named: these only when used
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGroupBox


class FlowLayout(QLayout):
    """Items left to right, onto the next line when the width runs out (Qt's flow layout)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in lines; on each line, the room left over goes to the items that
        want to grow (a drop-down of names), so their text shows whole where it can."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20))
            if item.hasHeightForWidth():  # words that wrap: as tall as they are at this width
                hint.setHeight(max(hint.height(), item.heightForWidth(hint.width())))
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + self._gap
        y = area.y()
        for line in lines:
            if not line:
                continue
            used = sum(hint.width() for _item, hint in line) + self._gap * (len(line) - 1)
            growing = [item for item, _hint in line if _grows(item)]
            extra = max(0, area.width() - used) // len(growing) if growing else 0
            x = area.x()
            height = max(hint.height() for _item, hint in line)
            for item, hint in line:
                width = hint.width() + (extra if item in growing else 0)
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
                x += width + self._gap
            y += height + self._gap
        return y - self._gap - rect.y() + margins.bottom()


def _grows(item: QLayoutItem) -> bool:
    return bool(item.expandingDirections() & Qt.Orientation.Horizontal)


def keep_together(*widgets: QWidget) -> QWidget:
    """Widgets that belong together (a caption and its drop-down) as one item of a flow."""
    group = _Group()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        if isinstance(widget, QLabel):  # a caption as wide as its words, the rest to the field
            widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        row.addWidget(widget, 1 if _expands(widget) else 0)
        if isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(lambda _text: group.updateGeometry())
    if any(_expands(w) for w in widgets):
        group.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return group


class _Group(QWidget):
    """Asks for the width that shows its drop-downs' current text whole (a drop-down sized for
    a few characters would cut a long comparison name); it can still be made narrower."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        for combo in self.findChildren(QComboBox):
            metrics = combo.fontMetrics()
            shown = metrics.horizontalAdvance("x" * combo.minimumContentsLength())
            wanted = metrics.horizontalAdvance(combo.currentText())
            hint.setWidth(hint.width() + max(0, wanted - shown))
        return hint


def _expands(widget: QWidget) -> bool:
    return bool(widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)


class WrappingButton(QPushButton):
    """A push button whose words wrap onto more lines when it is narrow.

    A QPushButton shows its text on one line, however long: at 150% text "I am having thoughts
    of ending my life" ran past the edge of its window. The words are in a label inside the
    button; the button keeps the text as its accessible name for screen readers.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QStyle  # made when first named: tens of enums

        super().__init__(parent)
        self.label = plain_label(text, self)  # its height at a width is kept
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inside = QHBoxLayout(self)
        pad = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        inside.setContentsMargins(pad, pad // 2 + 2, pad, pad // 2 + 2)
        inside.addWidget(self.label)
        self.setAccessibleName(text.replace("&", ""))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1


def wrapping_title(group: QGroupBox) -> QLabel:
    """A group box's title as a bold label inside it, whose words wrap: a group box's own
    title is one line, and a long one made a whole tab wider than the window at 200% text.
    The title stays the group's accessible name."""
    from PySide6.QtWidgets import QFormLayout

    title = group.title()
    label = QLabel(title)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    group.setTitle("")
    if not group.accessibleName():
        group.setAccessibleName(title)
    layout = group.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, label)
    elif isinstance(layout, QFormLayout):
        layout.insertRow(0, label)
    return label


class _WholeHeight(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLabel):
            if event.type() == QEvent.Type.Resize:
                keep_lines(watched)
            elif event.type() == QEvent.Type.Paint and _lines_changed(watched):
                # a new text (a label has no signal for it): measured after this paint
                QTimer.singleShot(0, watched, lambda label=watched: keep_lines(label))
        return False


def _lines_changed(label: QLabel) -> bool:
    needed = label.heightForWidth(label.width())
    return needed > 0 and needed != label.minimumHeight()


def keep_lines(label: QLabel) -> None:
    """The label's least height: all its lines at its width."""
    if _lines_changed(label):
        label.setMinimumHeight(label.heightForWidth(label.width()))


def whole_height(label: QLabel) -> QLabel:
    """A wrapped label that is never given fewer lines than its words need at its width.

    Layouts that do not ask a label how tall it is at a given width (a splitter's panes, a
    window made small) would otherwise cut its last lines off."""
    label.installEventFilter(_WholeHeight(label))
    return label


def scrolled(page: QWidget) -> QScrollArea:
    """A page that scrolls up and down when the window is short or the text large, rather
    than squeezing its words."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # what is inside takes the focus
    return area


def lay_out_scrolled(area: QScrollArea, body: QWidget) -> None:
    """``body`` (in ``area``'s widget) laid out at once after its words changed, up to ``area``.

    Left to Qt, the body is laid out on one turn of the event loop and painted, then the
    scrolled part around it on the next, and everything moved is painted again (issue 26).
    Laid out here, it is painted once, and its sizes can be measured from the new words."""
    inner = reversed(body.findChildren(QWidget))  # the innermost first: each tells the next
    laid_out = [w for w in (*inner, body, area.widget()) if w is not None and w.layout()]
    for widget in laid_out:
        layout = widget.layout()
        if layout is not None:
            layout.activate()
    QCoreApplication.sendEvent(area, QEvent(QEvent.Type.LayoutRequest))  # the scroll bar
    # what they asked to have done on the next turn is done
    for widget in (*laid_out, area.viewport()):
        QCoreApplication.removePostedEvents(widget, QEvent.Type.LayoutRequest)


def scroll_from_top(area: QScrollArea, shown: QWidget | None, margin: int) -> None:
    """``area`` scrolled to its top, or as little below it as shows ``shown`` whole with
    ``margin`` around it (``QScrollArea.ensureWidgetVisible`` from the top). Set once, and
    only when it changes: each move repaints the whole area and its scroll bar."""
    bar = area.verticalScrollBar()
    content = area.widget()
    value = 0
    if shown is not None and content is not None:
        rect = QRect(shown.mapTo(content, QPoint(0, 0)), shown.size())
        seen = area.viewport().height()
        if rect.top() < 0 or rect.bottom() >= seen:  # not whole in the first screenful
            rect.adjust(0, -margin, 0, margin)
            if rect.height() > seen:
                value = rect.center().y() - seen // 2
            elif rect.bottom() >= seen:
                value = rect.bottom() - seen + 1
    value = max(bar.minimum(), min(value, bar.maximum()))
    if bar.value() != value:
        bar.setValue(value)


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, in the platform's order and words, that accept or close ``dialog``."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def scrolling_body(layout: QBoxLayout, keep: int = 1) -> QScrollArea:
    """Everything in a dialog's ``layout`` but its last ``keep`` items (the buttons) moved into
    an area that scrolls up and down, so a dialog on a short screen shows all its words."""
    body = QWidget()
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    while layout.count() > keep:
        item = layout.takeAt(0)
        if item is None:
            break
        widget, layout_inside = item.widget(), item.layout()
        if widget is not None:
            inner.addWidget(widget)
        elif layout_inside is not None:
            inner.addLayout(layout_inside)
        else:
            inner.addItem(item)
    area = scrolled(body)
    layout.insertWidget(0, area, 1)
    body.installEventFilter(_KeepWidth(area))
    return area


class _KeepWidth(QObject):
    """A scroll area (up and down only) never narrower than what is inside it."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            bar = self.area.verticalScrollBar().sizeHint().width()
            self.area.setMinimumWidth(watched.minimumSizeHint().width() + bar)
        return False
