"""Look at a window the way a person does: is any text cut, is anything pushed sideways?

For every label, button and drop-down that is visible, the probe asks how wide its text is and
how much of it is actually shown: the widget's own width, and the width left to it by each parent
(a scroll area's viewport cuts what lies past its edge, and a scroll area with its horizontal bar
switched off gives no way to reach it). Scroll areas must not show a horizontal bar at all.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionHeader,
    QTableView,
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
        if widget.layout() is not None:  # its words are in a label inside, checked as a label
            return 0
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
        if (
            _shown(area, root)
            and area.horizontalScrollBar().isVisible()
            and not _scrolls_by_design(area)
        ):
            problems.append(
                f"{type(area).__name__} “{area.accessibleName() or area.objectName()}” "
                "shows a horizontal scroll bar"
            )
    return problems


def _cell_margin(view: QAbstractItemView) -> int:
    """The room a styled item delegate keeps on each side of a cell's text."""
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def _cell_problem(view: QAbstractItemView, index: QModelIndex, rect: QRect) -> str:
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    if not text.strip():
        return ""
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
    room = rect.width() - 2 * _cell_margin(view)
    word_wrap = bool(getattr(view, "wordWrap", lambda: False)())
    if word_wrap:
        wide = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
        tall = metrics.boundingRect(
            QRect(0, 0, max(room, 1), 100_000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        if wide > room + SLACK:
            return f"cell “{text[:40]}” has a word {wide} px wide in {room}"
        if tall > rect.height() + SLACK:
            return f"cell “{text[:40]}” needs {tall} px of height, has {rect.height()}"
        return ""
    need = max(metrics.horizontalAdvance(line) for line in text.splitlines())
    if need > room + SLACK:
        return f"cell “{text[:40]}” needs {need} px, has {room}"
    if metrics.height() * len(text.splitlines()) > rect.height() + SLACK:
        return f"cell “{text[:40]}” is cut at the bottom"
    return ""


def _header_problems(header: QHeaderView) -> list[str]:
    """A header's caption squeezed into a section too narrow for it (":lini" for "Clinic")."""
    problems: list[str] = []
    model = header.model()
    if model is None or header.isHidden():
        return problems
    if header.orientation() == Qt.Orientation.Vertical:
        return _row_title_problems(header)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        if not text:
            continue
        option = QStyleOptionHeader()
        header.initStyleOption(option)
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
        need = header.fontMetrics().horizontalAdvance(text) + 2 * margin
        if getattr(header, "wraps_text", False):  # a name wraps: it needs the height of its lines
            room = header.sectionSize(section) - 2 * margin
            tall = header.fontMetrics().boundingRect(
                QRect(0, 0, max(room, 1), 100_000), int(Qt.TextFlag.TextWordWrap), text
            )
            if tall.height() > header.height() + SLACK or _widest_word(header, text) > room:
                problems.append(f"header “{text[:40]}” needs {tall.height()} px of height")
            continue
        if need > header.sectionSize(section) + SLACK:
            problems.append(
                f"header “{text[:40]}” needs {need} px, has {header.sectionSize(section)}"
            )
    return problems


def _widest_word(widget: QWidget, text: str) -> int:
    return max((widget.fontMetrics().horizontalAdvance(w) for w in text.split()), default=0)


def _scrolls_by_design(area: QAbstractScrollArea) -> bool:
    """A table of clinics side by side whose every column is at its least width: more clinics
    than the width holds, so it scrolls sideways (every cell still whole)."""
    if not isinstance(area, QTableView):
        return False
    header = area.horizontalHeader()
    least = header.minimumSectionSize()
    return header.count() > 1 and all(
        header.sectionSize(s) <= least + SLACK for s in range(header.count())
    )


def _row_title_problems(header: QHeaderView) -> list[str]:
    """Titles down the side of a table: whole on one line, or wrapped into a tall enough row."""
    problems: list[str] = []
    model = header.model()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    room = header.width() - 2 * margin
    top, bottom = header.offset(), header.offset() + header.height()
    for section in range(header.count()):
        position = header.sectionPosition(section)
        if position + header.sectionSize(section) < top or position > bottom:
            continue  # scrolled out of view
        text = str(model.headerData(section, Qt.Orientation.Vertical) or "")
        metrics = header.fontMetrics()
        if metrics.horizontalAdvance(text) <= room + SLACK:
            continue
        if not getattr(header, "wraps_text", False):
            problems.append(f"row title “{text[:40]}” is cut to one line")
            continue
        tall = metrics.boundingRect(
            QRect(0, 0, max(room, 1), 100_000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        if tall > header.sectionSize(section) + SLACK:
            problems.append(
                f"row title “{text[:40]}” needs {tall} px, has {header.sectionSize(section)}"
            )
    return problems


def cut_cells(root: QWidget, limit: int = 400) -> list[str]:
    """Every table or list cell on screen whose text is cut (a hover would be the only way to
    read it), and every squeezed column header."""
    problems: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        if not _shown(view, root) or view.model() is None:
            continue
        name = view.accessibleName() or view.objectName() or type(view).__name__
        model = view.model()
        viewport = view.viewport().rect()
        checked = 0
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        for row in range(model.rowCount()):
            for column in range(columns):
                if isinstance(view, QTableView) and view.isColumnHidden(column):
                    continue
                index = model.index(row, column)
                rect = view.visualRect(index)
                if not rect.isValid() or not rect.intersects(viewport):
                    continue
                checked += 1
                found = _cell_problem(view, index, rect)
                if found:
                    problems.append(f"{name}: {found}")
                if checked >= limit:
                    break
        if isinstance(view, QTableView):
            for header in (view.horizontalHeader(), view.verticalHeader()):
                problems += [f"{name}: {p}" for p in _header_problems(header)]
    return problems


def larger_than_screen(window: QWidget) -> list[str]:
    """A window, or the least size it accepts, larger than the screen's free area."""
    room = window.screen().availableGeometry()
    problems: list[str] = []
    name = window.windowTitle() or type(window).__name__
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    if least.width() > room.width() or least.height() > room.height():
        problems.append(
            f"window “{name}” needs at least {least.width()}×{least.height()} "
            f"on a {room.width()}×{room.height()} screen"
        )
    size = window.frameGeometry()
    if size.width() > room.width() + SLACK or size.height() > room.height() + SLACK:
        problems.append(
            f"window “{name}” is {size.width()}×{size.height()} "
            f"on a {room.width()}×{room.height()} screen"
        )
    return problems
