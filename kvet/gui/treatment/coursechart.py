"""PHQ-9 over time, with the sessions marked, painted like the ranking chart.

Colours come from the palette (light and dark both work) and every meaning is also in words: the
bands are labelled, and the whole picture is described in text for screen readers.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kvet.gui.common.colours import paints
from kvet.gui.common.focus import draw_focus, take_focus
from kvet.gui.words import coursewords
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import translate
from kvet.gui.words.verdictwords import say as month_word
from kvet.text.datewords import MONTHS
from kvet.treatment import coursetrend, phq9
from kvet.treatment.course import Course

MARGIN = 10
AXIS = 36  # room for the score labels on the left
BAND_LINES = (5, 10, 15, 20)


def day_month(day: date) -> str:
    """ "5 Mar" under the chart, the month in the window's language."""
    return f"{day.day} {month_word(MONTHS[day.month - 1])}"


class CourseChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._course: Course | None = None
        self.setAccessibleName(paper("course", "chart_alt"))
        take_focus(self)  # Tab reaches it, so a screen reader reads its description
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.fontMetrics().height() * 10)

    def sizeHint(self) -> QSize:
        return QSize(520, self.fontMetrics().height() * 14)

    def set_course(self, course: Course | None) -> None:
        self._course = course
        text = (
            coursetrend.describe(course, coursewords.say)
            if course is not None
            else translate("CourseChart", "No record chosen.")
        )
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def _span(self, course: Course) -> tuple[date, date]:
        days = [c.day for c in course.check_ins] + [s.day for s in course.sessions]
        first, last = min(days), max(days)
        if first == last:
            last = first + timedelta(days=1)
        return first, last

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        draw_focus(self, painter)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            course = self._course
            if course is None or not (course.check_ins or course.sessions):
                self._draw_nothing_yet(painter)
            else:
                self._draw_course(painter, course)
        finally:
            painter.end()

    def _draw_nothing_yet(self, painter: QPainter) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            translate(
                "CourseChart",
                "Nothing to draw yet. Add a PHQ-9 check-in and your sessions.",
            ),
        )

    def _draw_course(self, painter: QPainter, course: Course) -> None:
        line = self.fontMetrics().height()
        area = QRectF(
            MARGIN + AXIS,
            MARGIN,
            self.width() - 2 * MARGIN - AXIS,
            self.height() - 2 * MARGIN - 2 * line,
        )
        first, last = self._span(course)
        place = _Place(area, first, (last - first).days)
        self._draw_bands(painter, place, line)
        self._draw_sessions(painter, course, place, line, last)
        # The scores: a line with dots.
        colours = paints(self.palette())
        points = [place.point(c.day, c.total) for c in course.check_ins]
        painter.setPen(QPen(colours.bar, 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(colours.bar)
        for point in points:
            painter.drawEllipse(point, 4, 4)

    def _draw_bands(self, painter: QPainter, place: _Place, line: int) -> None:
        """The score lines with their numbers at the left, the band names inside at the right."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        colours = paints(palette)
        area = place.area
        grid = QPen(colours.grid)
        grid.setStyle(Qt.PenStyle.DotLine)
        for level in (0, *BAND_LINES, phq9.MAX_TOTAL):
            y = place.y(level)
            painter.setPen(grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(MARGIN, y - line / 2, AXIS - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(level),
            )
        for band in phq9.load_phq9().bands:  # band names inside the chart, at the right
            middle = (band.low + band.high + 1) / 2
            painter.setPen(colours.quiet_text)
            painter.drawText(
                QRectF(area.left(), place.y(middle) - line / 2, area.width() - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                band.name,
            )

    def _draw_sessions(
        self, painter: QPainter, course: Course, place: _Place, line: int, last: date
    ) -> None:
        """Sessions: short ticks along the bottom, labelled once, between the first and last day."""
        text = self.palette().color(QPalette.ColorRole.WindowText)
        area = place.area
        painter.setPen(QPen(text, 2))
        for session in course.sessions:
            px = place.x(session.day)
            painter.drawLine(QPointF(px, area.bottom()), QPointF(px, area.bottom() - line))
        painter.setPen(text)
        below = QRectF(area.left(), area.bottom() + 2, area.width(), line)
        painter.drawText(
            below,
            Qt.AlignmentFlag.AlignLeft,
            translate("CourseChart", "{day}   · marks along the bottom are sessions").format(
                day=day_month(place.first)
            ),
        )
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, day_month(last))


class _Place:
    """Where a day and a score fall in the chart's ``area``."""

    def __init__(self, area: QRectF, first: date, span: int) -> None:
        self.area, self.first, self.span = area, first, span

    def x(self, day: date) -> float:
        return self.area.left() + self.area.width() * (day - self.first).days / self.span

    def y(self, total: float) -> float:
        return self.area.bottom() - self.area.height() * total / phq9.MAX_TOTAL

    def point(self, day: date, total: float) -> QPointF:
        return QPointF(self.x(day), self.y(total))
