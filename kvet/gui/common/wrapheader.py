"""Table headers whose titles wrap onto more lines instead of being cut with "…".

A header shows its title on one line and cuts it to fit its column: a clinic's name, a question
or "Side effects" at 200% text could then only be read by hovering. These wrap between words.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView, QWidget


class WrappingHeader(QHeaderView):
    """Titles whose words wrap onto more lines: question titles down the side (each row as tall
    as its title and answers) and clinic names across the top (the header as tall as the longest
    name needs). At 1024×700 a title cut to one line could only be read by hovering."""

    wraps_text = True

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._natural = -1  # the widest title on one line, measured once per change
        # Each title's height by its width: Qt asks for them all at every section resize (200
        # clinics' names, 33 times as the Compare page first shows), and they rarely change.
        self._heights: dict[tuple[int, int], int] = {}
        self._margin_px = -1
        if orientation == Qt.Orientation.Vertical:
            self.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            self.sectionResized.connect(lambda *_sizes: self._resized())
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.headerDataChanged, model.layoutChanged):
                signal.connect(self._forget)

    def _forget(self, *_args: object) -> None:
        self._natural = -1
        self._heights.clear()
        self._margin_px = -1

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()  # larger text: every title measured again
        super().changeEvent(event)

    def _resized(self) -> None:
        self.updateGeometry()
        view = self.parentWidget()
        if isinstance(view, QTableView):
            view.updateGeometries()  # the header's height follows the names' lines

    def _margin(self) -> int:
        if self._margin_px < 0:
            metric = QStyle.PixelMetric.PM_HeaderMargin
            self._margin_px = self.style().pixelMetric(metric, None, self) + 2
        return self._margin_px

    def _title(self, section: int) -> tuple[str, QFont]:
        model = self.model()
        text = str(model.headerData(section, self.orientation()) or "")
        font = model.headerData(section, self.orientation(), Qt.ItemDataRole.FontRole)
        return text, font if isinstance(font, QFont) else self.font()

    def _wrap_width(self, section: int) -> int:
        """Across the top, a name wraps to its column; down the side, titles wrap to the
        widest one's width, at most the header's limit."""
        if self.orientation() == Qt.Orientation.Horizontal:
            return max(1, self.sectionSize(section) - 2 * self._margin())
        if self._natural < 0:
            widths = [
                QFontMetrics(font).horizontalAdvance(text)
                for text, font in (self._title(s) for s in range(self.count()))
            ]
            self._natural = max(widths, default=0)
        return max(1, min(self._natural, self.maximumWidth() - 2 * self._margin()))

    def _wrapped_height(self, section: int) -> int:
        width = self._wrap_width(section)
        found = self._heights.get((section, width))
        if found is None:
            text, font = self._title(section)
            wrapped = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
            )
            found = self._heights[(section, width)] = wrapped.height() + 2 * self._margin()
        return found

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        size = super().sectionSizeFromContents(logical_index)
        return QSize(size.width(), max(size.height(), self._wrapped_height(logical_index)))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.orientation() == Qt.Orientation.Horizontal and self.model() is not None:
            tallest = max((self._wrapped_height(s) for s in range(self.count())), default=0)
            hint.setHeight(max(hint.height(), tallest))
        return hint

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical_index
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        text, font = self._title(logical_index)
        painter.save()
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        margin = self._margin()
        painter.drawText(
            rect.adjusted(margin, 0, -margin, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
            text,
        )
        painter.restore()
